// The heap objects of the interpreter: types, strings, containers, functions and instances.
// Builtin types carry C++ slots for their hot operations; user classes find Python methods
// (`__add__`, `__repr__`, ...) through their MRO, as CPython's slot wrappers do.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "traceback.hpp"
#include "value.hpp"

namespace asyncrace::python {

struct str_object;
struct code;
class interpreter;

// Keyword arguments of a call: names (interned) beside their values.
struct call_args {
  const value* args = nullptr;  // positional, then keyword values
  std::size_t npos = 0;
  str_object* const* kwnames = nullptr;
  std::size_t nkw = 0;
  const value& kw(std::size_t i) const { return args[npos + i]; }
};

using native_fn = value (*)(interpreter&, const call_args&, object* self_or_data);

enum class bin_op : std::uint8_t {
  add, sub, mul, truediv, floordiv, mod, pow, lshift, rshift, and_, or_, xor_, matmul, count_
};
enum class cmp_op : std::uint8_t { lt, le, eq, ne, gt, ge };
enum class unary_op : std::uint8_t { neg, pos, invert };

// The C++ operations of a builtin type (CPython's tp_* slots). A null slot means "not supported"
// (the dispatcher in ops.cpp then raises CPython's TypeError) unless said otherwise. Operand
// values are never empty. `binary` and `compare` return an empty value for NotImplemented; the
// dispatcher tries the reflected operation on the other operand's type, as CPython does.
struct type_slots {
  std::string (*repr)(interpreter&, const value&) = nullptr;
  std::string (*str)(interpreter&, const value&) = nullptr;          // null: repr
  std::int64_t (*hash)(interpreter&, const value&) = nullptr;        // null: unhashable
  value (*compare)(interpreter&, const value& a, const value& b, cmp_op) = nullptr;
  value (*binary)(interpreter&, bin_op, const value& a, const value& b) = nullptr;  // a or b is ours
  // a op= b for a mutable builtin a (list +=, set |=, dict |=, ...): changes a in place and
  // returns it; empty when the operation does not apply (binary() then runs instead).
  value (*inplace)(interpreter&, bin_op, const value& a, const value& b) = nullptr;
  value (*unary)(interpreter&, unary_op, const value&) = nullptr;
  bool (*truth)(interpreter&, const value&) = nullptr;               // null: len != 0, else true
  std::int64_t (*len)(interpreter&, const value&) = nullptr;
  value (*iter)(interpreter&, const value&) = nullptr;               // returns an iterator
  value (*next)(interpreter&, const value&) = nullptr;               // empty when exhausted
  value (*getitem)(interpreter&, const value&, const value& key) = nullptr;
  void (*setitem)(interpreter&, const value&, const value& key, const value& v) = nullptr;
  void (*delitem)(interpreter&, const value&, const value& key) = nullptr;
  bool (*contains)(interpreter&, const value&, const value& item) = nullptr;  // null: iterate
  // Calling an instance (builtin functions, bound methods) and calling the type (its constructor).
  native_fn call = nullptr;
  native_fn construct = nullptr;
  // Attribute lookup before the type's dict (modules, instances): empty when absent.
  value (*getattr)(interpreter&, const value&, str_object* name) = nullptr;
  // Attribute assignment/deletion (empty v: delete); false when the object has no such slot.
  bool (*setattr)(interpreter&, const value&, str_object* name, const value& v) = nullptr;
};

// Attributes by interned name (pointer identity), in insertion order for dir()/vars().
class attr_map {
 public:
  value* find(str_object* name) {
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : &entries_[it->second].second;
  }
  const value* find(str_object* name) const {
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : &entries_[it->second].second;
  }
  void set(str_object* name, value v);
  bool erase(str_object* name);
  std::size_t size() const { return index_.size(); }
  // Where `name` is stored (-1: nowhere). Entries never move and are never reused for another
  // name, so a slot stays a valid cache key: the VM caches globals by slot.
  std::int32_t slot_of(str_object* name) const {
    auto it = index_.find(name);
    return it == index_.end() ? -1 : static_cast<std::int32_t>(it->second);
  }
  // The value at `slot` if it still holds `name` and is bound, else null.
  const value* at_slot(std::int32_t slot, const str_object* name) const {
    if (slot < 0 || static_cast<std::size_t>(slot) >= entries_.size()) return nullptr;
    const auto& e = entries_[static_cast<std::size_t>(slot)];
    return e.first == name && !e.second.empty() ? &e.second : nullptr;
  }
  template <class F>
  void each(F&& f) const {
    for (auto& [k, v] : entries_)
      if (!v.empty()) f(k, v);
  }

 private:
  std::vector<std::pair<str_object*, value>> entries_;  // erased entries keep an empty value
  std::unordered_map<str_object*, std::size_t> index_;
};

// type(x): a builtin type or a class statement's result.
struct type_object : object {
  std::string name;                  // "int", "Foo"
  std::string module = "builtins";   // "__main__" for a user class
  std::vector<type_object*> bases;   // direct bases (owned references)
  std::vector<type_object*> mro;     // the class itself first (C3 linearisation)
  attr_map dict;                     // methods and class attributes
  bool is_heap_type = false;         // made by a class statement
  bool is_exception = false;         // BaseException or a subclass
  // The instance layout a class statement's instances get (builtin base they extend).
  enum class layout : std::uint8_t { plain, exception, native } instance_layout = layout::plain;
  type_slots slots;                  // builtin: C++; a class statement's: dunder dispatchers
  const value* lookup(str_object* name) const;  // through the MRO
  bool is_subtype_of(const type_object* t) const;
  ~type_object() override;
};

struct str_object : object {
  std::string s;               // UTF-8
  std::size_t length = 0;      // in code points
  std::int64_t hash = -1;      // cached
  bool ascii = true;
  bool interned = false;
};

struct bytes_object : object {
  std::string s;
};

struct int_object;  // a big integer (bigint.hpp)

struct tuple_object : object {
  std::vector<value> items;
};

struct list_object : object {
  std::vector<value> items;
};

struct cell_object : object {
  value v;
};

struct slice_object : object {
  value start, stop, step;
};

struct range_object : object {
  std::int64_t start = 0, stop = 0, step = 1;
  std::int64_t size() const;
};

// A user class's instance (and a user exception's): attributes in a map of its own.
// Keeps its class alive: whoever makes one increfs its type.
struct instance_object : object {
  attr_map attrs;
  ~instance_object() override { decref(type); }
};

// BaseException and subclasses.
struct exception_object : instance_object {
  value args;                // a tuple
  value cause, context;      // __cause__, __context__ (None or an exception)
  bool suppress_context = false;
  std::vector<traceback_entry> traceback;  // innermost first (CPython's tb chain, reversed)
  value exceptions;          // ExceptionGroup: the list of member exceptions (a tuple)
  std::string message;       // ExceptionGroup's message
  std::string suggestion;    // ". Did you mean: 'x'?" for an uncaught NameError/AttributeError
};

struct function_object : object {
  std::shared_ptr<const code> co;
  value globals;             // the module it was defined in
  value defaults;            // tuple or empty
  value kwdefaults;          // dict or empty
  value closure;             // tuple of cells or empty
  value qualname;            // str
  value dict;                // attributes set on the function (rare), dict or empty
  value doc;
};

struct method_object : object {  // a bound method
  value func, self;
};

struct builtin_function_object : object {
  std::string name;          // "print", "list.append"
  std::string module;        // the module that defines it (its __module__): "math"; empty for a method
  native_fn fn = nullptr;
  value bound;               // `self` of a bound builtin method, or data of a closure-like native
};

// staticmethod / classmethod / property wrappers.
struct descriptor_object : object {
  enum class kind : std::uint8_t { static_method, class_method, property } which = kind::static_method;
  value fget, fset, fdel;    // the wrapped callable(s)
};

struct module_object : object {
  std::string name;
  attr_map attrs;
};

}  // namespace asyncrace::python
