#include "interpreter.hpp"

#include <cassert>

namespace asyncrace::python {

void make_builtin_types(interpreter&);  // types.cpp

namespace {
thread_local interpreter* current = nullptr;
}

interpreter& current_interpreter() {
  assert(current && "no interpreter runs on this thread");
  return *current;
}

interpreter::interpreter(run_limits l) : limits(l), previous_(current) {
  current = this;
  heap.max_bytes = live_object_bytes + limits.max_memory;
  make_builtin_types(*this);
  empty_str = make_str(*this, "");
  for (int c = 0; c < 128; ++c) char_strings[c] = value::borrow(intern(std::string(1, static_cast<char>(c))));
  empty_tuple = make_tuple(*this, {});
  not_implemented = value::adopt(heap.make<instance_object>(types.not_implemented));
  incref(types.not_implemented);
  ellipsis = value::adopt(heap.make<instance_object>(types.ellipsis));
  incref(types.ellipsis);
  auto* b = heap.make<module_object>(types.module);
  b->name = "builtins";
  builtins_ = b;
  modules_["builtins"] = value::adopt(b);
  install_object_types(*this);
  install_exceptions(*this);
  install_numbers(*this);
  install_strings(*this);
  install_containers(*this);
  install_builtin_functions(*this, *builtins_);
  install_stdlib(*this);
  install_asyncio(*this);
}

interpreter::~interpreter() {
  // Modules die first, by reference counting (a coroutine they held warns now); what cycles keep
  // is freed with the heap. The thread's previous interpreter becomes current again.
  current = this;
  modules_.clear();
  for (value& v : char_strings) v = value();
  empty_str = empty_tuple = not_implemented = ellipsis = stop_value = pending_run = value();
  heap.free_all();
  current = previous_;
}

void interpreter::make_current() { current = this; }

str_object* interpreter::intern(std::string_view s) {
  auto it = interned_.find(std::string(s));
  if (it != interned_.end()) return it->second;
  value v = make_str(*this, std::string(s));
  auto* o = static_cast<str_object*>(v.release());  // the table keeps this reference for good
  o->interned = true;
  interned_.emplace(o->s, o);
  return o;
}

str_object* intern(interpreter& in, std::string_view s) { return in.intern(s); }

void interpreter::register_module(std::string name, module_factory make) {
  factories_[std::move(name)] = std::move(make);
}

void interpreter::add_module(std::string name, value module) { modules_[std::move(name)] = std::move(module); }

value interpreter::loaded_module(std::string_view name) const {
  auto it = modules_.find(std::string(name));
  return it == modules_.end() ? value() : it->second;
}

value interpreter::import_module(std::string_view name) {
  std::string key(name);
  if (auto it = modules_.find(key); it != modules_.end()) return it->second;
  auto f = factories_.find(key);
  if (f == factories_.end())
    throw_error(*this, types.ModuleNotFoundError, "No module named '" + key + "'");
  auto* m = heap.make<module_object>(types.module);
  m->name = key;
  value mv = value::adopt(m);
  modules_[key] = mv;  // before filling: a module may import itself indirectly
  f->second(*this, *m);
  return mv;
}

std::string validate(const run_limits& l) {
  if (l.max_steps == 0) return "--max-steps must be at least 1";
  if (l.max_printed_lines == 0) return "--max-lines must be at least 1";
  if (l.max_recursion < 10 || l.max_recursion > max_recursion_ceiling)
    return "--max-recursion must be between 10 and " + std::to_string(max_recursion_ceiling);
  if (l.max_memory < (1u << 20)) return "--max-memory must be at least 1 MiB";
  if (l.max_tasks == 0) return "--max-tasks must be at least 1";
  return {};
}

}  // namespace asyncrace::python
