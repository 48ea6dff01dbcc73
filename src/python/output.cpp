#include "output.hpp"

#include "interpreter.hpp"
#include "loop/event_loop.hpp"

namespace asyncrace::python {

namespace {
thread_local std::vector<std::string>* captured_lines = nullptr;

void emit_line(interpreter& in, std::string_view line, output_stream stream) {
  if (++in.printed_lines > in.limits.max_printed_lines)
    throw limit_reached{"the program printed more than " + std::to_string(in.limits.max_printed_lines) +
                        " lines (the output limit; raise it with --max-lines)"};
  if (captured_lines) captured_lines->emplace_back(line);
  else if (event_loop* loop = event_loop::current()) loop->emit(stream, line);
}

// Whole lines of `text` are emitted; the rest waits in `pending` for its newline.
void emit_lines(interpreter& in, std::string& pending, std::string_view text, output_stream stream) {
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      pending.append(text.substr(start));
      return;
    }
    if (pending.empty()) {
      emit_line(in, text.substr(start, nl - start), stream);
    } else {
      pending.append(text.substr(start, nl - start));
      std::string line = std::move(pending);
      pending.clear();
      emit_line(in, line, stream);
    }
    start = nl + 1;
  }
}

void flush(interpreter& in, std::string& pending, output_stream stream) {
  if (pending.empty()) return;
  std::string line = std::move(pending);
  pending.clear();
  emit_line(in, line, stream);
}
}  // namespace

void emit_output(interpreter& in, std::string_view text) { emit_lines(in, in.pending_output, text, output_stream::out); }

void emit_stderr(interpreter& in, std::string_view text) {
  if (in.record_stderr) emit_lines(in, in.pending_stderr, text, output_stream::err);
}

void flush_output(interpreter& in) {
  flush(in, in.pending_output, output_stream::out);
  flush(in, in.pending_stderr, output_stream::err);
}

output_capture::output_capture(std::vector<std::string>& lines) : outer_(captured_lines) { captured_lines = &lines; }
output_capture::~output_capture() { captured_lines = outer_; }

}  // namespace asyncrace::python
