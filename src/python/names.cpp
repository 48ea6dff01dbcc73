#include "names.hpp"

#include <algorithm>
#include <cctype>

#include "functions.hpp"
#include "interpreter.hpp"
#include "vm.hpp"

namespace asyncrace::python {

namespace {

// Python/suggestions.c's constants.
constexpr std::size_t max_candidates = 750;
constexpr std::size_t max_string_size = 40;
constexpr std::size_t move_cost = 2;
constexpr std::size_t case_cost = 1;

std::size_t substitution_cost(char a, char b) {
  if (a == b) return 0;
  if (std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b))) return case_cost;
  return move_cost;
}

std::size_t levenshtein(std::string_view a, std::string_view b, std::size_t max_cost) {
  if (a == b) return 0;
  while (!a.empty() && !b.empty() && a.front() == b.front()) a.remove_prefix(1), b.remove_prefix(1);
  while (!a.empty() && !b.empty() && a.back() == b.back()) a.remove_suffix(1), b.remove_suffix(1);
  if (a.empty() || b.empty()) return (a.size() + b.size()) * move_cost;
  if (a.size() > max_string_size || b.size() > max_string_size) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * move_cost > max_cost) return max_cost + 1;
  std::vector<std::size_t> buffer(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) buffer[i] = (i + 1) * move_cost;
  std::size_t result = 0;
  for (std::size_t bi = 0; bi < b.size(); ++bi) {
    std::size_t distance = result = bi * move_cost;
    std::size_t minimum = SIZE_MAX;
    for (std::size_t index = 0; index < a.size(); ++index) {
      std::size_t sub = distance + substitution_cost(b[bi], a[index]);
      distance = buffer[index];
      std::size_t ins_del = std::min(result, distance) + move_cost;
      result = std::min(ins_del, sub);
      buffer[index] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

std::vector<std::string> sorted_names(const attr_map& m) {
  std::vector<std::string> out;
  m.each([&](str_object* k, const value&) { out.push_back(k->s); });
  std::sort(out.begin(), out.end());
  return out;
}

std::string did_you_mean(const std::string& s) { return s.empty() ? "" : ". Did you mean: '" + s + "'?"; }

}  // namespace

std::string closest_name(std::string_view name, const std::vector<std::string>& candidates) {
  if (candidates.size() > max_candidates) return {};
  std::string best;
  std::size_t best_distance = SIZE_MAX;
  for (const std::string& c : candidates) {
    if (c == name) continue;
    std::size_t max_distance = (name.size() + c.size() + 3) * move_cost / 6;
    max_distance = std::min(max_distance, best_distance - 1);
    std::size_t d = levenshtein(name, c, max_distance);
    if (d > max_distance) continue;
    if (best.empty() || d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

void throw_name_error(interpreter& in, const frame& f, str_object* name) {
  std::vector<std::string> locals;
  for (std::size_t i = 0; i < f.co->varnames.size(); ++i)
    if (!f.fast[i].empty()) locals.push_back(f.co->varnames[i]);
  std::sort(locals.begin(), locals.end());
  std::string s = closest_name(name->s, locals);
  if (s.empty()) s = closest_name(name->s, sorted_names(f.globals->attrs));
  if (s.empty()) s = closest_name(name->s, sorted_names(in.builtins().attrs));
  value exc = new_exception(in, in.types.NameError, {make_str(in, "name '" + name->s + "' is not defined")});
  static_cast<exception_object*>(exc.obj())->suggestion = did_you_mean(s);
  throw_exception(exc);
}

void throw_attribute_error(interpreter& in, const value& obj, str_object* name) {
  std::vector<std::string> names;
  type_object* t = type_of(obj);
  if (obj.is_object() && obj.obj()->type == in.types.module) {
    auto* m = static_cast<module_object*>(obj.obj());
    value exc = new_exception(in, in.types.AttributeError,
                              {make_str(in, "module '" + m->name + "' has no attribute '" + name->s + "'")});
    static_cast<exception_object*>(exc.obj())->suggestion = did_you_mean(closest_name(name->s, sorted_names(m->attrs)));
    throw_exception(exc);
  }
  for (type_object* m : t->mro) m->dict.each([&](str_object* k, const value&) { names.push_back(k->s); });
  if (obj.is_object() && (t->is_heap_type || t->is_exception))
    static_cast<instance_object*>(obj.obj())->attrs.each([&](str_object* k, const value&) { names.push_back(k->s); });
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::string what;
  if (obj.is_object() && t->is_subtype_of(in.types.type_))
    what = "type object '" + static_cast<type_object*>(obj.obj())->name + "' has no attribute '" + name->s + "'";
  else
    what = "'" + t->name + "' object has no attribute '" + name->s + "'";
  value exc = new_exception(in, in.types.AttributeError, {make_str(in, what)});
  static_cast<exception_object*>(exc.obj())->suggestion = did_you_mean(closest_name(name->s, names));
  throw_exception(exc);
}

void throw_step_limit(interpreter& in) {
  throw limit_reached{"the program ran " + std::to_string(in.limits.max_steps) +
                      " instructions without finishing (the step limit; raise it with --max-steps)"};
}

}  // namespace asyncrace::python
