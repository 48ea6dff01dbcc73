// The container types' install step: each type fills its own slots and methods in its file.
#include "dict.hpp"
#include "interpreter.hpp"
#include "set.hpp"

namespace asyncrace::python {

void install_tuple_type(interpreter&);
void install_list_type(interpreter&);
void install_range_type(interpreter&);
void install_slice_type(interpreter&);

void install_containers(interpreter& in) {
  install_tuple_type(in);  // before list: they share the sequence iterator
  install_list_type(in);
  install_dict_type(in);
  install_set_type(in);
  install_range_type(in);
  install_slice_type(in);
}

}  // namespace asyncrace::python
