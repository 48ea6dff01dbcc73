// What every part of the interpreter reaches for: the builtin types, interned names, making
// objects, raising Python exceptions from C++, and the generic operations (ops.cpp) that
// dispatch to a type's slots or a class's dunder methods.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "object.hpp"
#include "pyrt/py_exception.hpp"

namespace asyncrace::python {

// Every builtin type object, made once per interpreter (types.cpp and the files that fill them).
struct builtin_types {
  type_object *object_ = nullptr, *type_ = nullptr, *none = nullptr, *not_implemented = nullptr,
              *ellipsis = nullptr, *bool_ = nullptr, *int_ = nullptr, *float_ = nullptr,
              *str = nullptr, *bytes = nullptr, *tuple = nullptr, *list = nullptr, *dict = nullptr,
              *set = nullptr, *frozenset = nullptr, *range = nullptr, *slice = nullptr,
              *function = nullptr, *builtin_function = nullptr, *method = nullptr, *cell = nullptr,
              *module = nullptr, *generator = nullptr, *coroutine = nullptr,
              *async_generator = nullptr, *staticmethod = nullptr, *classmethod = nullptr,
              *property = nullptr, *super_ = nullptr,
              // iterators and views
              *iterator = nullptr, *dict_keys = nullptr, *dict_values = nullptr, *dict_items = nullptr,
              *frame = nullptr, *code = nullptr, *coroutine_wrapper = nullptr,
              // asyncio's Future and Task (asyncio_module.cpp)
              *Future = nullptr, *Task = nullptr;
  // exceptions
  type_object *BaseException = nullptr, *Exception = nullptr, *BaseExceptionGroup = nullptr,
              *ExceptionGroup = nullptr, *ArithmeticError = nullptr, *ZeroDivisionError = nullptr,
              *OverflowError = nullptr, *AssertionError = nullptr, *AttributeError = nullptr,
              *LookupError = nullptr, *IndexError = nullptr, *KeyError = nullptr,
              *NameError = nullptr, *UnboundLocalError = nullptr, *RuntimeError = nullptr,
              *RecursionError = nullptr, *NotImplementedError = nullptr, *StopIteration = nullptr,
              *StopAsyncIteration = nullptr, *TypeError = nullptr, *ValueError = nullptr,
              *UnicodeError = nullptr, *MemoryError = nullptr, *ImportError = nullptr,
              *ModuleNotFoundError = nullptr, *OSError = nullptr, *TimeoutError = nullptr,
              *KeyboardInterrupt = nullptr, *SystemExit = nullptr, *GeneratorExit = nullptr,
              *SyntaxError = nullptr, *Warning = nullptr, *RuntimeWarning = nullptr,
              *DeprecationWarning = nullptr, *UserWarning = nullptr,
              // asyncio's
              *CancelledError = nullptr, *InvalidStateError = nullptr, *QueueEmpty = nullptr,
              *QueueFull = nullptr, *BrokenProcessPool = nullptr;
  // The iterators of the builtin containers (made by their install steps).
  // An exception's __traceback__ (module_traceback.cpp): its entries, and tb_frame / f_code views.
  type_object *traceback = nullptr, *tb_frame = nullptr, *tb_code = nullptr;
  type_object *str_iterator = nullptr, *bytes_iterator = nullptr, *list_iterator = nullptr,
              *list_reverseiterator = nullptr, *tuple_iterator = nullptr, *range_iterator = nullptr,
              *set_iterator = nullptr, *dict_keyiterator = nullptr, *dict_valueiterator = nullptr,
              *dict_itemiterator = nullptr, *complex = nullptr;
};

// A Python exception travelling through C++ (natives, the VM, the scheduler). It is a
// py_exception, so the scheduler reports an uncaught one as CPython's last traceback line.
class raised : public py_exception {
 public:
  raised(value exc, std::string type, const std::string& text);
  const value& exception() const { return exc_; }
  traceback_text traceback() const override;  // traceback.cpp

 private:
  value exc_;
};
// The same for asyncio.CancelledError, which the scheduler must recognise as a cancellation.
class raised_cancel : public cancelled_error {
 public:
  raised_cancel(value exc, const std::string& text);
  const value& exception() const { return exc_; }
  traceback_text traceback() const override;  // traceback.cpp

 private:
  value exc_;
};

class interpreter;
// Every builtin exception type, BaseException first (types.cpp).
std::vector<type_object*> exception_types(interpreter& in);
// The interpreter whose code runs on this thread (set while one runs; natives reach it through
// their first argument, immediates' types through this).
interpreter& current_interpreter();

// Names and objects -------------------------------------------------------------------------
str_object* intern(interpreter&, std::string_view s);  // one object per distinct text
value make_str(interpreter&, std::string s);           // a new str (interned when short)
value make_bytes(interpreter&, std::string s);
value make_tuple(interpreter&, std::vector<value> items);
value make_list(interpreter&, std::vector<value> items);
value make_dict(interpreter&);
value make_set(interpreter&, bool frozen = false);
value make_builtin(interpreter&, std::string name, native_fn fn, value bound = {});
// Adds a method implemented in C++ to a builtin type's dict: `self` arrives as args[0].
void add_method(interpreter&, type_object* t, std::string_view name, native_fn fn);
// A new builtin type (not a class statement's), derived from `base` (object when null).
type_object* make_builtin_type(interpreter&, std::string name, type_object* base);
type_object* type_of(const value& v);  // type(v)

// Raising from C++: `raise TypeError(message)`.
[[noreturn]] void throw_error(interpreter&, type_object* type, std::string message);
[[noreturn]] void throw_exception(value exc);  // raise an exception instance
value new_exception(interpreter&, type_object* type, std::vector<value> args);

// Generic operations (ops.cpp): slots first, then a class's dunders, CPython's errors otherwise.
value call(interpreter&, const value& callable, const call_args& args);
value call(interpreter&, const value& callable, std::vector<value> positional);
value getattr(interpreter&, const value& obj, str_object* name);          // AttributeError
value getattr_or_empty(interpreter&, const value& obj, str_object* name);
void setattr(interpreter&, const value& obj, str_object* name, const value& v);
void delattr(interpreter&, const value& obj, str_object* name);
value binary(interpreter&, bin_op op, const value& a, const value& b, bool inplace = false);
value unary(interpreter&, unary_op op, const value& a);
value compare(interpreter&, cmp_op op, const value& a, const value& b);
bool equal(interpreter&, const value& a, const value& b);  // a == b, truthiness taken
bool truthy(interpreter&, const value& v);
std::int64_t hash(interpreter&, const value& v);         // TypeError: unhashable type: 'list'
std::int64_t length(interpreter&, const value& v);
value get_iter(interpreter&, const value& v);              // iter(v)
value iter_next(interpreter&, const value& it);            // next(it); empty when exhausted
value getitem(interpreter&, const value& c, const value& key);
void setitem(interpreter&, const value& c, const value& key, const value& v);
void delitem(interpreter&, const value& c, const value& key);
bool contains(interpreter&, const value& c, const value& item);
std::string repr(interpreter&, const value& v);
std::string str(interpreter&, const value& v);
std::string format(interpreter&, const value& v, std::string_view spec);  // format(v, spec)
bool isinstance(const value& v, const type_object* t);
std::string type_name(const value& v);  // type(v).__name__

}  // namespace asyncrace::python
