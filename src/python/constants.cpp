// Compiler constants as values, and code objects as values (what MAKE_FUNCTION takes).
#include "functions.hpp"
#include "interpreter.hpp"
#include "numbers.hpp"

namespace asyncrace::python {

namespace {
struct code_object : object {
  std::shared_ptr<const code> co;
};
}  // namespace

std::shared_ptr<const code> code_handle(const value& v) { return static_cast<code_object*>(v.obj())->co; }

value constant_value(interpreter& in, const constant& c) {
  switch (c.tag) {
    case constant::kind::none: return value::none();
    case constant::kind::boolean: return value::boolean(c.i != 0);
    case constant::kind::integer: return value::integer(c.i);
    case constant::kind::big_integer: return call(in, value::borrow(in.types.int_), {make_str(in, c.s)});
    case constant::kind::floating: return value::floating(c.d);
    case constant::kind::imaginary: return make_complex(in, 0.0, c.d);
    case constant::kind::str: return value::borrow(in.intern(c.s));
    case constant::kind::bytes: return make_bytes(in, c.s);
    case constant::kind::ellipsis: return in.ellipsis;
    case constant::kind::code: {
      auto* o = in.heap.make<code_object>(in.types.code);
      o->co = c.co;
      return value::adopt(o);
    }
    case constant::kind::tuple_of_str: {
      std::vector<value> items;
      for (const std::string& s : c.strs) items.push_back(value::borrow(in.intern(s)));
      return make_tuple(in, std::move(items));
    }
  }
  return value::none();
}

}  // namespace asyncrace::python
