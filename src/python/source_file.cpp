#include "source_file.hpp"

namespace asyncrace::python {

source_file::source_file(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {
  if (!text_.empty()) starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    // "\r\n", "\r" and "\n" all end a line, as CPython's tokenizer reads them.
    if (text_[i] == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
    if ((text_[i] == '\n' || text_[i] == '\r') && i + 1 < text_.size()) starts_.push_back(i + 1);
  }
}

std::string_view source_file::line(unsigned n) const {
  if (n == 0 || n > starts_.size()) return {};
  const std::size_t begin = starts_[n - 1];
  std::size_t end = n < starts_.size() ? starts_[n] : text_.size();
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return std::string_view(text_).substr(begin, end - begin);
}

}  // namespace asyncrace::python
