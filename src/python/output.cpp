#include "output.hpp"

#include "interpreter.hpp"
#include "loop/event_loop.hpp"

namespace asyncrace::python {

namespace {
thread_local std::vector<std::string>* captured_lines = nullptr;

void emit_line(interpreter& in, std::string_view line) {
  if (++in.printed_lines > in.limits.max_printed_lines)
    throw limit_reached{"the program printed more than " + std::to_string(in.limits.max_printed_lines) +
                        " lines (the output limit; raise it with --max-lines)"};
  if (captured_lines) captured_lines->emplace_back(line);
  else if (event_loop* loop = event_loop::current()) loop->emit(output_stream::out, line);
}
}  // namespace

void emit_output(interpreter& in, std::string_view text) {
  std::string& pending = in.pending_output;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      pending.append(text.substr(start));
      return;
    }
    if (pending.empty()) {
      emit_line(in, text.substr(start, nl - start));
    } else {
      pending.append(text.substr(start, nl - start));
      std::string line = std::move(pending);
      pending.clear();
      emit_line(in, line);
    }
    start = nl + 1;
  }
}

void flush_output(interpreter& in) {
  if (in.pending_output.empty()) return;
  std::string line = std::move(in.pending_output);
  in.pending_output.clear();
  emit_line(in, line);
}

output_capture::output_capture(std::vector<std::string>& lines) : outer_(captured_lines) { captured_lines = &lines; }
output_capture::~output_capture() { captured_lines = outer_; }

}  // namespace asyncrace::python
