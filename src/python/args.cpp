#include "args.hpp"

#include <string>

#include "interpreter.hpp"

namespace asyncrace::python {

namespace {
std::string count_word(std::size_t n) { return n == 1 ? "argument" : "arguments"; }
}  // namespace

void no_keywords(interpreter& in, const call_args& a, std::string_view name) {
  if (a.nkw) throw_error(in, in.types.TypeError, std::string(name) + "() takes no keyword arguments");
}

void expect_args(interpreter& in, const call_args& a, std::string_view name, std::size_t n) {
  no_keywords(in, a, name);
  if (a.npos == n) return;
  if (n == 0) throw_error(in, in.types.TypeError, std::string(name) + "() takes no arguments (" + std::to_string(a.npos) + " given)");
  if (n == 1)
    throw_error(in, in.types.TypeError, std::string(name) + "() takes exactly one argument (" + std::to_string(a.npos) + " given)");
  throw_error(in, in.types.TypeError, std::string(name) + " expected " + std::to_string(n) + " arguments, got " + std::to_string(a.npos));
}

void expect_range(interpreter& in, const call_args& a, std::string_view name, std::size_t lo, std::size_t hi) {
  no_keywords(in, a, name);
  if (a.npos < lo)
    throw_error(in, in.types.TypeError, std::string(name) + " expected at least " + std::to_string(lo) + " " + count_word(lo) + ", got " + std::to_string(a.npos));
  if (a.npos > hi)
    throw_error(in, in.types.TypeError, std::string(name) + " expected at most " + std::to_string(hi) + " " + count_word(hi) + ", got " + std::to_string(a.npos));
}

void bind_args(interpreter& in, const call_args& a, std::string_view name, std::size_t first,
               std::initializer_list<std::string_view> names, std::size_t required, value* out) {
  const std::size_t given = a.npos > first ? a.npos - first : 0;
  if (given > names.size())
    throw_error(in, in.types.TypeError, std::string(name) + "() takes at most " + std::to_string(names.size()) + " " +
                                            count_word(names.size()) + " (" + std::to_string(given) + " given)");
  for (std::size_t i = 0; i < given; ++i) out[i] = a.args[first + i];
  for (std::size_t k = 0; k < a.nkw; ++k) {
    const std::string_view kw = a.kwnames[k]->s;
    std::size_t i = 0;
    for (auto n : names) {
      if (n == kw) break;
      ++i;
    }
    if (i == names.size())
      throw_error(in, in.types.TypeError, "'" + std::string(kw) + "' is an invalid keyword argument for " + std::string(name) + "()");
    if (!out[i].empty())
      throw_error(in, in.types.TypeError, "argument for " + std::string(name) + "() given by name ('" + std::string(kw) + "') and position (" + std::to_string(i + 1) + ")");
    out[i] = a.kw(k);
  }
  std::size_t i = 0;
  for (auto n : names) {
    if (i < required && out[i].empty())
      throw_error(in, in.types.TypeError, std::string(name) + "() missing required argument '" + std::string(n) + "' (pos " + std::to_string(i + 1) + ")");
    ++i;
  }
}

value keyword(interpreter&, const call_args& a, std::string_view name) {
  for (std::size_t k = 0; k < a.nkw; ++k)
    if (a.kwnames[k]->s == name) return a.kw(k);
  return {};
}

}  // namespace asyncrace::python
