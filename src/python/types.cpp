// The builtin type objects: made empty first (every type can then name every other), filled by
// the install steps of the files that implement them.
#include "interpreter.hpp"

namespace asyncrace::python {

namespace {

type_object* exception_type(interpreter& in, const char* name, type_object* base) {
  type_object* t = make_builtin_type(in, name, base);
  t->is_exception = true;
  t->instance_layout = type_object::layout::exception;
  return t;
}

void make_exception_types(interpreter& in) {
  builtin_types& t = in.types;
  t.BaseException = exception_type(in, "BaseException", t.object_);
  t.Exception = exception_type(in, "Exception", t.BaseException);
  t.BaseExceptionGroup = exception_type(in, "BaseExceptionGroup", t.BaseException);
  t.ExceptionGroup = exception_type(in, "ExceptionGroup", t.BaseExceptionGroup);
  t.ExceptionGroup->bases.push_back(t.Exception);  // ExceptionGroup(BaseExceptionGroup, Exception)
  incref(t.Exception);
  t.ExceptionGroup->mro = {t.ExceptionGroup, t.BaseExceptionGroup, t.Exception, t.BaseException, t.object_};
  t.ArithmeticError = exception_type(in, "ArithmeticError", t.Exception);
  t.ZeroDivisionError = exception_type(in, "ZeroDivisionError", t.ArithmeticError);
  t.OverflowError = exception_type(in, "OverflowError", t.ArithmeticError);
  t.AssertionError = exception_type(in, "AssertionError", t.Exception);
  t.AttributeError = exception_type(in, "AttributeError", t.Exception);
  t.LookupError = exception_type(in, "LookupError", t.Exception);
  t.IndexError = exception_type(in, "IndexError", t.LookupError);
  t.KeyError = exception_type(in, "KeyError", t.LookupError);
  t.NameError = exception_type(in, "NameError", t.Exception);
  t.UnboundLocalError = exception_type(in, "UnboundLocalError", t.NameError);
  t.RuntimeError = exception_type(in, "RuntimeError", t.Exception);
  t.RecursionError = exception_type(in, "RecursionError", t.RuntimeError);
  t.NotImplementedError = exception_type(in, "NotImplementedError", t.RuntimeError);
  t.StopIteration = exception_type(in, "StopIteration", t.Exception);
  t.StopAsyncIteration = exception_type(in, "StopAsyncIteration", t.Exception);
  t.TypeError = exception_type(in, "TypeError", t.Exception);
  t.ValueError = exception_type(in, "ValueError", t.Exception);
  t.UnicodeError = exception_type(in, "UnicodeError", t.ValueError);
  t.MemoryError = exception_type(in, "MemoryError", t.Exception);
  t.ImportError = exception_type(in, "ImportError", t.Exception);
  t.ModuleNotFoundError = exception_type(in, "ModuleNotFoundError", t.ImportError);
  t.OSError = exception_type(in, "OSError", t.Exception);
  t.TimeoutError = exception_type(in, "TimeoutError", t.OSError);
  t.KeyboardInterrupt = exception_type(in, "KeyboardInterrupt", t.BaseException);
  t.SystemExit = exception_type(in, "SystemExit", t.BaseException);
  t.GeneratorExit = exception_type(in, "GeneratorExit", t.BaseException);
  t.SyntaxError = exception_type(in, "SyntaxError", t.Exception);
  t.Warning = exception_type(in, "Warning", t.Exception);
  t.RuntimeWarning = exception_type(in, "RuntimeWarning", t.Warning);
  t.DeprecationWarning = exception_type(in, "DeprecationWarning", t.Warning);
  t.UserWarning = exception_type(in, "UserWarning", t.Warning);
  t.CancelledError = exception_type(in, "CancelledError", t.BaseException);
  t.CancelledError->module = "asyncio.exceptions";
  t.InvalidStateError = exception_type(in, "InvalidStateError", t.Exception);
  t.InvalidStateError->module = "asyncio.exceptions";
  t.QueueEmpty = exception_type(in, "QueueEmpty", t.Exception);
  t.QueueEmpty->module = "asyncio.queues";
  t.QueueFull = exception_type(in, "QueueFull", t.Exception);
  t.QueueFull->module = "asyncio.queues";
  t.BrokenProcessPool = exception_type(in, "BrokenProcessPool", t.RuntimeError);
  t.BrokenProcessPool->module = "concurrent.futures.process";
}

}  // namespace

std::vector<type_object*> exception_types(interpreter& in) {
  const builtin_types& t = in.types;
  return {t.BaseException, t.Exception, t.BaseExceptionGroup, t.ExceptionGroup, t.ArithmeticError,
          t.ZeroDivisionError, t.OverflowError, t.AssertionError, t.AttributeError, t.LookupError,
          t.IndexError, t.KeyError, t.NameError, t.UnboundLocalError, t.RuntimeError, t.RecursionError,
          t.NotImplementedError, t.StopIteration, t.StopAsyncIteration, t.TypeError, t.ValueError,
          t.UnicodeError, t.MemoryError, t.ImportError, t.ModuleNotFoundError, t.OSError, t.TimeoutError,
          t.KeyboardInterrupt, t.SystemExit, t.GeneratorExit, t.SyntaxError, t.Warning, t.RuntimeWarning,
          t.DeprecationWarning, t.UserWarning, t.CancelledError, t.InvalidStateError, t.QueueEmpty,
          t.QueueFull, t.BrokenProcessPool};
}

// Called by the interpreter's constructor before any install step.
void make_builtin_types(interpreter& in) {
  builtin_types& t = in.types;
  t.object_ = make_builtin_type(in, "object", nullptr);
  t.type_ = make_builtin_type(in, "type", t.object_);
  t.object_->type = t.type_;
  t.type_->type = t.type_;
  auto plain = [&](const char* name) { return make_builtin_type(in, name, t.object_); };
  t.none = plain("NoneType");
  t.not_implemented = plain("NotImplementedType");
  t.ellipsis = plain("ellipsis");
  t.int_ = plain("int");
  t.bool_ = make_builtin_type(in, "bool", t.int_);
  t.float_ = plain("float");
  t.str = plain("str");
  t.bytes = plain("bytes");
  t.tuple = plain("tuple");
  t.list = plain("list");
  t.dict = plain("dict");
  t.set = plain("set");
  t.frozenset = plain("frozenset");
  t.range = plain("range");
  t.slice = plain("slice");
  t.function = plain("function");
  t.builtin_function = plain("builtin_function_or_method");
  t.method = plain("method");
  t.cell = plain("cell");
  t.module = plain("module");
  t.generator = plain("generator");
  t.coroutine = plain("coroutine");
  t.async_generator = plain("async_generator");
  t.staticmethod = plain("staticmethod");
  t.classmethod = plain("classmethod");
  t.property = plain("property");
  t.super_ = plain("super");
  t.iterator = plain("iterator");
  t.dict_keys = plain("dict_keys");
  t.dict_values = plain("dict_values");
  t.dict_items = plain("dict_items");
  t.frame = plain("frame");
  t.code = plain("code");
  t.traceback = plain("traceback");
  t.tb_frame = plain("frame");
  t.tb_code = plain("code");
  make_exception_types(in);
}

type_object* make_builtin_type(interpreter& in, std::string name, type_object* base) {
  auto* t = in.heap.make<type_object>(in.types.type_);
  t->name = std::move(name);
  t->mro.push_back(t);
  if (base) {
    incref(base);
    t->bases.push_back(base);
    t->mro.insert(t->mro.end(), base->mro.begin(), base->mro.end());
    t->slots = base->slots;  // a builtin subtype inherits its base's C++ operations
    t->instance_layout = base->instance_layout;
    t->is_exception = base->is_exception;
  }
  return t;
}

}  // namespace asyncrace::python
