// The VM's helpers for what is not a plain value operation: functions and their frames,
// generators and coroutines, classes, raising and catching, importing, the notebook's display,
// and module code's asyncio.run. Each is implemented in the file named beside it.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "code.hpp"
#include "frame.hpp"
#include "runtime.hpp"

namespace asyncrace::python {

// constants.cpp: a compiler constant as a value.
value constant_value(interpreter& in, const constant& c);

// functions.cpp
value make_function_object(interpreter& in, const value& code_v, frame& defining, value defaults,
                           value kwdefaults, value closure);
value call_unpacked(interpreter& in, const value& callable, const value& args, const value& kwargs);
// The method `name` of type(self) when it is a plain function or builtin method that the instance
// does not shadow (LOAD_METHOD's fast path: no bound method is made); else empty.
value lookup_method(interpreter& in, const value& self, str_object* name);

// containers_vm.cpp: what displays, comprehensions and unpacking need.
void set_add_item(interpreter& in, const value& set, const value& item);
void list_extend_from(interpreter& in, const value& list, const value& iterable);
void dict_merge_from(interpreter& in, const value& dict, const value& mapping, bool reject_duplicates);
// Unpacks exactly `before` items (after < 0), or `before` items, a list of the rest and `after` items.
std::vector<value> unpack_iterable(interpreter& in, const value& seq, std::uint32_t before, int after);
std::string ascii_repr(interpreter& in, const value& v);

// generators.cpp: generator and coroutine objects.
value yield_from_iter(interpreter& in, const value& v);
// One step of `yield from`: what the sub-iterator yields, or empty when it returned (its value
// is then taken with take_stop_value).
value yield_from_step(interpreter& in, const value& sub, const value& sent);
value take_stop_value(interpreter& in);
value get_aiter(interpreter& in, const value& v);
value get_anext_awaitable(interpreter& in, const value& aiter);

// classes.cpp
value build_class_builtin(interpreter& in);
// Calling a type: a builtin's constructor slot, or a class's __new__ and __init__.
value construct(interpreter& in, type_object* t, const call_args& args);
// "<__main__.Foo object at 0x7f...>"
std::string default_repr(interpreter& in, const value& v);
// The code object inside a code constant.
std::shared_ptr<const code> code_handle(const value& v);
value namespace_get(interpreter& in, const value& ns, const value& key);  // empty when absent
void namespace_set(interpreter& in, const value& ns, const value& key, value v);
void namespace_del(interpreter& in, const value& ns, const value& key);
// mgr.__enter__ / __exit__ (or the async pair) bound, with CPython's TypeError when missing.
value bound_special(interpreter& in, const value& mgr, const char* name, const char* partner, bool async);

// exceptions.cpp
// The exception's class as tracebacks name it: "KeyError", "asyncio.exceptions.CancelledError".
std::string exception_type_name(const type_object* t);
value prepare_raise(interpreter& in, const value& exc, const value& cause, bool has_cause);
void add_traceback(interpreter& in, const value& exc, const frame& f);
void set_exception_context(interpreter& in, const value& exc, const value& handled);
// except*: the part of `eg` that matches `type` and the rest (None when empty).
std::pair<value, value> split_exception_group(interpreter& in, const value& eg, const value& type);

// names.cpp
[[noreturn]] void throw_name_error(interpreter& in, const frame& f, str_object* name);
[[noreturn]] void throw_step_limit(interpreter& in);

// imports.cpp: `import a.b` gives a (fromlist empty), `from a.b import c` gives a.b.
value import_module_for(interpreter& in, const std::string& name, const value& fromlist);

// program.cpp: the notebook's display of a cell's last expression, and asyncio.run from module code.
void display_value(interpreter& in, const value& v);
void request_asyncio_run(interpreter& in, const value& awaitable, bool shutdown);

}  // namespace asyncrace::python
