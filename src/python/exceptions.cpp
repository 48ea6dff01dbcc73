// Python exceptions: the BaseException hierarchy's behaviour (args, str, repr, groups), raising
// from C++, and the crossing between Python exception objects and the scheduler's C++ exceptions.
#include <new>

#include "functions.hpp"
#include "interpreter.hpp"
#include "pyrt/context.hpp"
#include "loop/event_loop.hpp"
#include "loop/future_object.hpp"
#include "asyncio/queue.hpp"
#include "asyncio/task_group.hpp"
#include "vm.hpp"

namespace asyncrace::python {

// What CPython's traceback prints before the message: the qualified name unless the class is
// builtin or the script's own.
std::string exception_type_name(const type_object* t) {
  if (t->module == "builtins" || t->module == "__main__") return t->name;
  return t->module + "." + t->name;
}

namespace {

exception_object& as_exc(const value& v) { return *static_cast<exception_object*>(v.obj()); }

const std::vector<value>& args_of(const value& exc) {
  return static_cast<tuple_object*>(as_exc(exc).args.obj())->items;
}

std::string exception_str(interpreter& in, const value& exc) { return str(in, exc); }

value base_init(interpreter& in, const call_args& a, object*) {
  std::vector<value> args(a.args + 1, a.args + a.npos);
  as_exc(a.args[0]).args = make_tuple(in, std::move(args));
  return value::none();
}

value base_str(interpreter& in, const call_args& a, object*) {
  const value& self = a.args[0];
  auto& e = as_exc(self);
  if (type_of(self)->is_subtype_of(in.types.BaseExceptionGroup)) {
    const std::size_t n = static_cast<tuple_object*>(e.exceptions.obj())->items.size();
    return make_str(in, e.message + " (" + std::to_string(n) + " sub-exception" + (n == 1 ? "" : "s") + ")");
  }
  const auto& args = args_of(self);
  if (args.empty()) return in.empty_str;
  if (args.size() == 1) {
    if (type_of(self)->is_subtype_of(in.types.KeyError)) return make_str(in, repr(in, args[0]));
    return make_str(in, str(in, args[0]));
  }
  return make_str(in, repr(in, e.args));
}

value base_repr(interpreter& in, const call_args& a, object*) {
  const value& self = a.args[0];
  auto& e = as_exc(self);
  const std::string name = type_of(self)->name;
  if (type_of(self)->is_subtype_of(in.types.BaseExceptionGroup))
    return make_str(in, name + "(" + repr(in, make_str(in, e.message)) + ", " + repr(in, make_list(in, static_cast<tuple_object*>(e.exceptions.obj())->items)) + ")");
  const auto& args = args_of(self);
  if (args.size() == 1) return make_str(in, name + "(" + repr(in, args[0]) + ")");
  return make_str(in, name + repr(in, e.args));
}

value exc_getattr(interpreter& in, const value& self, str_object* name) {
  auto& e = as_exc(self);
  const std::string& n = name->s;
  if (n == "args") return e.args;
  if (n == "__cause__") return e.cause.empty() ? value::none() : e.cause;
  if (n == "__context__") return e.context.empty() ? value::none() : e.context;
  if (n == "__suppress_context__") return value::boolean(e.suppress_context);
  if (n == "__traceback__") return traceback_of_exception(in, e.traceback);
  if (type_of(self)->is_subtype_of(in.types.BaseExceptionGroup)) {
    if (n == "exceptions") return e.exceptions;
    if (n == "message") return make_str(in, e.message);
  }
  if (type_of(self)->is_subtype_of(in.types.StopIteration) && n == "value") {
    const auto& args = args_of(self);
    return args.empty() ? value::none() : args[0];
  }
  return value();
}

bool exc_setattr(interpreter& in, const value& self, str_object* name, const value& v) {
  auto& e = as_exc(self);
  if (name->s == "__cause__") {
    e.cause = v;
    e.suppress_context = true;
    return true;
  }
  if (name->s == "__context__") {
    e.context = v;
    return true;
  }
  if (name->s == "args") {
    e.args = make_tuple(in, unpack_iterable(in, v, 0, 0));
    return true;
  }
  return false;
}

value make_group(interpreter& in, type_object* t, std::string message, std::vector<value> members) {
  value g = new_exception(in, t, {make_str(in, message), make_list(in, members)});
  as_exc(g).message = std::move(message);
  as_exc(g).exceptions = make_tuple(in, std::move(members));
  return g;
}

// ExceptionGroup(message, exceptions): a BaseExceptionGroup of only Exceptions is an ExceptionGroup.
value group_construct(interpreter& in, const call_args& a, object* self_type) {
  auto* t = static_cast<type_object*>(self_type);
  if (a.npos != 2) throw_error(in, in.types.TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (" + std::to_string(a.npos) + " given)");
  if (!isinstance(a.args[0], in.types.str)) throw_error(in, in.types.TypeError, "argument 1 must be str, not " + type_name(a.args[0]));
  std::vector<value> members = unpack_iterable(in, a.args[1], 0, 0);
  if (members.empty()) throw_error(in, in.types.ValueError, "second argument (exceptions) must be a non-empty sequence");
  bool all_exceptions = true;
  for (const value& m : members) {
    if (!isinstance(m, in.types.BaseException))
      throw_error(in, in.types.ValueError, "Item " + std::to_string(&m - members.data()) + " of second argument (exceptions) is not an exception");
    all_exceptions = all_exceptions && isinstance(m, in.types.Exception);
  }
  if (t == in.types.BaseExceptionGroup && all_exceptions) t = in.types.ExceptionGroup;
  if (t->is_subtype_of(in.types.Exception) && !all_exceptions)
    throw_error(in, in.types.TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
  return make_group(in, t, static_cast<str_object*>(a.args[0].obj())->s, std::move(members));
}

}  // namespace

raised::raised(value exc, std::string type, const std::string& text) : py_exception(std::move(type), text), exc_(std::move(exc)) {}
raised_cancel::raised_cancel(value exc, const std::string& text) : cancelled_error(text), exc_(std::move(exc)) {}

value new_exception(interpreter& in, type_object* type, std::vector<value> args) {
  auto* e = in.heap.make<exception_object>(type);
  incref(type);  // instances of heap types keep their class alive
  e->args = make_tuple(in, std::move(args));
  return value::adopt(e);
}

void throw_error(interpreter& in, type_object* type, std::string message) {
  std::vector<value> args;
  if (!message.empty()) args.push_back(make_str(in, std::move(message)));
  throw_exception(new_exception(in, type, std::move(args)));
}

void throw_exception(value exc) {
  interpreter& in = current_interpreter();
  std::string text = exception_str(in, exc);
  text += as_exc(exc).suggestion;
  if (isinstance(exc, in.types.CancelledError)) throw raised_cancel(std::move(exc), text);
  std::string type = exception_type_name(type_of(exc));
  throw raised(std::move(exc), std::move(type), text);
}

value to_python_exception(interpreter& in, std::exception_ptr e) {
  auto make = [&](type_object* t, const std::string& message) {
    std::vector<value> args;
    if (!message.empty()) args.push_back(make_str(in, message));
    return new_exception(in, t, std::move(args));
  };
  try {
    std::rethrow_exception(e);
  } catch (const raised& r) {
    return r.exception();
  } catch (const raised_cancel& r) {
    return r.exception();
  } catch (const limit_reached&) {
    throw;
  } catch (const deadlock_error&) {
    throw;
  } catch (const cancelled_error& c) {
    return make(in.types.CancelledError, c.what());
  } catch (const timeout_error&) {
    return make(in.types.TimeoutError, "");
  } catch (const exception_group& g) {
    std::vector<value> members;
    for (const std::exception_ptr& m : g.exceptions()) members.push_back(to_python_exception(in, m));
    bool all = true;
    for (const value& m : members) all = all && isinstance(m, in.types.Exception);
    return make_group(in, all ? in.types.ExceptionGroup : in.types.BaseExceptionGroup, g.message(), std::move(members));
  } catch (const invalid_state_error& s) {
    return make(in.types.InvalidStateError, s.what());
  } catch (const queue_empty&) {
    return make(in.types.QueueEmpty, "");
  } catch (const queue_full&) {
    return make(in.types.QueueFull, "");
  } catch (const py_exception& p) {
    std::string name = p.type();
    if (auto dot = name.rfind('.'); dot != std::string::npos) name = name.substr(dot + 1);
    value t = getattr_or_empty(in, value::borrow(&in.builtins()), in.intern(name));
    if (!t.empty() && isinstance(t, in.types.type_) && static_cast<type_object*>(t.obj())->is_exception)
      return make(static_cast<type_object*>(t.obj()), p.what());
    if (name == "BrokenProcessPool") return make(in.types.BrokenProcessPool, p.what());
    return make(in.types.RuntimeError, p.python_text());
  } catch (const std::bad_alloc&) {
    return make(in.types.MemoryError, "");
  } catch (const std::exception& x) {
    return make(in.types.RuntimeError, x.what());
  }
}

value prepare_raise(interpreter& in, const value& exc, const value& cause, bool has_cause) {
  value e = exc;
  if (isinstance(e, in.types.type_) && static_cast<type_object*>(e.obj())->is_exception) e = call(in, e, std::vector<value>{});
  if (!isinstance(e, in.types.BaseException)) throw_error(in, in.types.TypeError, "exceptions must derive from BaseException");
  if (has_cause) {
    value c = cause;
    if (isinstance(c, in.types.type_) && static_cast<type_object*>(c.obj())->is_exception) c = call(in, c, std::vector<value>{});
    if (!c.is_none() && !isinstance(c, in.types.BaseException))
      throw_error(in, in.types.TypeError, "exception causes must derive from BaseException");
    as_exc(e).cause = c;
    as_exc(e).suppress_context = true;
  }
  return e;
}

void add_traceback(interpreter&, const value& exc, const frame& f) {
  as_exc(exc).traceback.push_back({f.co, f.ip == 0 ? 0 : f.ip - 1});
}

void set_exception_context(interpreter&, const value& exc, const value& handled) {
  if (handled.empty() || handled.is_none() || handled.identical(exc)) return;
  auto& e = as_exc(exc);
  if (e.context.empty()) e.context = handled;
}

namespace {

bool is_group(interpreter& in, const value& e) { return type_of(e)->is_subtype_of(in.types.BaseExceptionGroup); }

// split()/subgroup()'s condition: an exception type, a tuple of them, or a predicate.
bool condition_matches(interpreter& in, const value& condition, const value& e) {
  if (isinstance(condition, in.types.type_)) return isinstance(e, static_cast<type_object*>(condition.obj()));
  if (isinstance(condition, in.types.tuple)) {
    for (const value& t : static_cast<tuple_object*>(condition.obj())->items)
      if (isinstance(t, in.types.type_) && isinstance(e, static_cast<type_object*>(t.obj()))) return true;
    return false;
  }
  return truthy(in, call(in, condition, {e}));
}

// eg.derive(excs), then the fields CPython copies onto the derived group.
value derive_group(interpreter& in, const value& eg, std::vector<value> members) {
  value g;
  const value* user = type_of(eg)->is_heap_type ? type_of(eg)->lookup(in.intern("derive")) : nullptr;
  if (user) {
    g = call(in, *user, {eg, make_list(in, std::move(members))});
  } else {
    bool all = true;
    for (const value& m : members) all = all && isinstance(m, in.types.Exception);
    g = make_group(in, all ? in.types.ExceptionGroup : in.types.BaseExceptionGroup, as_exc(eg).message, std::move(members));
  }
  auto& d = as_exc(g);
  const auto& e = as_exc(eg);
  d.cause = e.cause;
  d.context = e.context;
  d.suppress_context = e.suppress_context;
  d.traceback = e.traceback;
  str_object* notes = in.intern("__notes__");
  if (const value* n = e.attrs.find(notes)) d.attrs.set(notes, *n);
  return g;
}

// CPython's exceptiongroup_split_recursive: leaves are kept as they are, nested groups split.
std::pair<value, value> split_group(interpreter& in, const value& e, const value& condition, bool want_rest) {
  if (condition_matches(in, condition, e)) return {e, value::none()};
  if (!is_group(in, e)) return {value::none(), e};
  std::vector<value> yes, no;
  for (const value& m : static_cast<tuple_object*>(as_exc(e).exceptions.obj())->items) {
    auto [match, rest] = split_group(in, m, condition, want_rest);
    if (!match.is_none()) yes.push_back(std::move(match));
    if (want_rest && !rest.is_none()) no.push_back(std::move(rest));
  }
  value a = yes.empty() ? value::none() : derive_group(in, e, std::move(yes));
  value b = no.empty() ? value::none() : derive_group(in, e, std::move(no));
  return {std::move(a), std::move(b)};
}

value group_split(interpreter& in, const call_args& a, object*) {
  if (a.npos != 2) throw_error(in, in.types.TypeError, "split() takes exactly one argument (" + std::to_string(a.npos - 1) + " given)");
  auto [match, rest] = split_group(in, a.args[0], a.args[1], true);
  return make_tuple(in, {std::move(match), std::move(rest)});
}

value group_subgroup(interpreter& in, const call_args& a, object*) {
  if (a.npos != 2) throw_error(in, in.types.TypeError, "subgroup() takes exactly one argument (" + std::to_string(a.npos - 1) + " given)");
  return split_group(in, a.args[0], a.args[1], false).first;
}

value group_derive(interpreter& in, const call_args& a, object*) {
  if (a.npos != 2) throw_error(in, in.types.TypeError, "derive() takes exactly one argument (" + std::to_string(a.npos - 1) + " given)");
  std::vector<value> members = unpack_iterable(in, a.args[1], 0, 0);
  bool all = true;
  for (const value& m : members) all = all && isinstance(m, in.types.Exception);
  return make_group(in, all ? in.types.ExceptionGroup : in.types.BaseExceptionGroup, as_exc(a.args[0]).message, std::move(members));
}

}  // namespace

std::pair<value, value> split_exception_group(interpreter& in, const value& eg, const value& type) {
  if (eg.is_none()) return {value::none(), value::none()};
  if (!is_group(in, eg)) {
    // except* on a naked exception: it matches wrapped in an ExceptionGroup('', [exc]).
    if (!condition_matches(in, type, eg)) return {value::none(), eg};
    type_object* t = isinstance(eg, in.types.Exception) ? in.types.ExceptionGroup : in.types.BaseExceptionGroup;
    return {make_group(in, t, "", {eg}), value::none()};
  }
  return split_group(in, eg, type, true);
}

void install_exceptions(interpreter& in) {
  type_object* b = in.types.BaseException;
  add_method(in, b, "__init__", base_init);
  add_method(in, b, "__str__", base_str);
  add_method(in, b, "__repr__", base_repr);
  add_method(in, b, "with_traceback", [](interpreter&, const call_args& a, object*) { return a.args[0]; });
  add_method(in, b, "add_note", [](interpreter& i, const call_args& a, object*) -> value {
    if (a.npos != 2 || !isinstance(a.args[1], i.types.str))
      throw_error(i, i.types.TypeError, "note must be a str, not '" + (a.npos == 2 ? type_name(a.args[1]) : std::string("nothing")) + "'");
    auto& attrs = static_cast<exception_object*>(a.args[0].obj())->attrs;
    str_object* key = i.intern("__notes__");
    if (!attrs.find(key)) attrs.set(key, make_list(i, {}));
    static_cast<list_object*>(attrs.find(key)->obj())->items.push_back(a.args[1]);
    return value::none();
  });
  b->slots.getattr = exc_getattr;
  install_traceback_objects(in);
  b->slots.setattr = exc_setattr;
  b->slots.str = [](interpreter& i, const value& v) { return str(i, base_str(i, call_args{&v, 1}, nullptr)); };
  b->slots.repr = [](interpreter& i, const value& v) { return str(i, base_repr(i, call_args{&v, 1}, nullptr)); };
  b->slots.construct = [](interpreter& i, const call_args& a, object* t) -> value {
    value e = new_exception(i, static_cast<type_object*>(t), std::vector<value>(a.args, a.args + a.npos));
    return e;
  };
  // The builtin exception types were made (types.cpp) before BaseException had its slots.
  for (type_object* t : exception_types(in))
    if (t != b) t->slots = b->slots;
  for (type_object* t : exception_types(in))
    if (t->module == "builtins") in.builtins().attrs.set(in.intern(t->name), value::borrow(t));
  in.builtins().attrs.set(in.intern("EnvironmentError"), value::borrow(in.types.OSError));
  // The rest of the builtin hierarchy, which nothing in C++ raises by name.
  auto more = [&](const char* name, type_object* base) {
    type_object* t = make_builtin_type(in, name, base);
    in.builtins().attrs.set(in.intern(name), value::adopt(t));
    return t;
  };
  type_object* connection = more("ConnectionError", in.types.OSError);
  for (const char* n : {"ConnectionRefusedError", "ConnectionResetError", "ConnectionAbortedError", "BrokenPipeError"}) more(n, connection);
  for (const char* n : {"FileNotFoundError", "FileExistsError", "PermissionError", "IsADirectoryError", "NotADirectoryError",
                        "ProcessLookupError", "ChildProcessError", "InterruptedError", "BlockingIOError"})
    more(n, in.types.OSError);
  more("EOFError", in.types.Exception);
  more("FloatingPointError", in.types.ArithmeticError);
  more("BufferError", in.types.Exception);
  more("ReferenceError", in.types.Exception);
  more("UnicodeDecodeError", in.types.UnicodeError);
  more("UnicodeEncodeError", in.types.UnicodeError);
  type_object* indentation = more("IndentationError", in.types.SyntaxError);
  more("TabError", indentation);
  for (const char* n : {"SyntaxWarning", "FutureWarning", "PendingDeprecationWarning", "ImportWarning", "UnicodeWarning",
                        "BytesWarning", "ResourceWarning", "EncodingWarning"})
    more(n, in.types.Warning);
  in.builtins().attrs.set(in.intern("IOError"), value::borrow(in.types.OSError));
  in.types.BaseExceptionGroup->slots.construct = group_construct;
  in.types.ExceptionGroup->slots.construct = group_construct;
  add_method(in, in.types.BaseExceptionGroup, "split", group_split);
  add_method(in, in.types.BaseExceptionGroup, "subgroup", group_subgroup);
  add_method(in, in.types.BaseExceptionGroup, "derive", group_derive);
}

}  // namespace asyncrace::python
