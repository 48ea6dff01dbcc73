// install_stdlib: registers the pure stdlib modules (each is made on its first import).
#include "modules.hpp"

namespace asyncrace::python {

void add_function(interpreter& in, module_object& m, std::string_view name, native_fn fn, value data) {
  value f = make_builtin(in, std::string(name), fn, std::move(data));
  static_cast<builtin_function_object*>(f.obj())->module = m.name;
  m.attrs.set(in.intern(name), std::move(f));
}

void install_stdlib(interpreter& in) {
  register_math_module(in);
  register_itertools_module(in);
  register_functools_module(in);
  register_operator_module(in);
  register_collections_module(in);
  register_string_module(in);
  register_json_module(in);
  register_copy_module(in);
  register_random_module(in);
  register_os_module(in);
  register_sys_module(in);
  register_inspect_module(in);
  register_contextvars_module(in);
  register_dataclasses_module(in);
  register_rich_module(in);
  register_aiohttp_module(in);
  register_time_module(in);
  register_threading_module(in);
  register_concurrent_module(in);
  register_cpu_tasks_module(in);
  register_pickle_module(in);
  register_traceback_module(in);
}

}  // namespace asyncrace::python
