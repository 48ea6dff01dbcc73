// The deepest value stack a code object can need, found by following every path through it
// (CPython's stackdepth()), so a frame allocates its stack once.
#include <algorithm>
#include <bit>
#include <vector>

#include "compiler_unit.hpp"

namespace asyncrace::python {

namespace {

struct effect {
  int fallthrough;
  int jump;        // when the instruction jumps (or enters its handler)
  bool jumps;
  bool terminal;   // no fallthrough
};

effect effect_of(const instr& i) {
  const int a = static_cast<int>(i.arg);
  switch (i.code) {
    case op::nop: case op::swap: case op::delete_fast: case op::delete_deref: case op::delete_global:
    case op::delete_name: case op::load_attr: case op::unary: case op::unary_not: case op::list_to_tuple:
    case op::get_iter: case op::get_yield_from_iter: case op::await_: case op::get_aiter: case op::pop_block:
    case op::setup_annotations: case op::asyncio_run: case op::yield_value:
      return {0, 0, false, false};
    case op::pop_top: case op::store_fast: case op::store_deref: case op::store_global: case op::store_name:
    case op::delete_attr: case op::binary_subscr: case op::binary: case op::compare: case op::is_op:
    case op::contains_op: case op::list_append: case op::set_add: case op::list_extend: case op::set_update:
    case op::dict_update: case op::dict_merge: case op::pop_except: case op::yield_from: case op::import_name:
    case op::import_star: case op::print_expr: case op::except_star_reraise:
      return {-1, 0, false, false};
    case op::copy: case op::load_const: case op::load_fast: case op::load_deref: case op::load_closure:
    case op::load_class_deref: case op::load_global: case op::load_name: case op::load_method: case op::get_anext:
    case op::load_build_class: case op::load_assertion_error: case op::import_from: case op::before_async_with:
      return {1, 0, false, false};
    case op::store_attr: case op::delete_subscr: return {-2, 0, false, false};
    case op::store_subscr: return {-3, 0, false, false};
    case op::map_add: return {-2, 0, false, false};
    case op::call_method: return {-a - 1, 0, false, false};
    case op::call_method_kw: return {-a - 2, 0, false, false};
    case op::call: return {-a, 0, false, false};
    case op::call_kw: return {-a - 1, 0, false, false};
    case op::call_ex: return {(a & 1) ? -2 : -1, 0, false, false};
    case op::build_slice: return {1 - a, 0, false, false};
    case op::build_tuple: case op::build_list: case op::build_set: case op::build_string: return {1 - a, 0, false, false};
    case op::build_map: return {1 - 2 * a, 0, false, false};
    case op::unpack_sequence: return {a - 1, 0, false, false};
    case op::unpack_ex: return {(a & 0xff) + (a >> 8), 0, false, false};
    case op::format_value: return {(a & 4) ? -1 : 0, 0, false, false};
    case op::make_function: return {-std::popcount(static_cast<unsigned>(a & 11)), 0, false, false};
    case op::end_async_for: return {-3, 0, false, false};
    case op::with_exit: case op::async_with_exit: return {a == 1 ? 1 : 0, 0, false, false};
    case op::jump: return {0, 0, true, true};
    case op::pop_jump_if_false: case op::pop_jump_if_true: case op::jump_if_not_exc_match: return {-1, -1, true, false};
    case op::jump_if_false_or_pop: case op::jump_if_true_or_pop: return {-1, 0, true, false};
    case op::for_iter: return {1, -1, true, false};
    case op::setup_finally: return {0, 2, true, false};
    case op::setup_with: return {1, 2, true, false};
    case op::setup_async_with: return {0, 1, true, false};
    case op::except_star_match: return {0, -1, true, false};
    case op::return_value: case op::reraise: return {-1, 0, false, true};
    case op::raise_varargs: return {-a, 0, false, true};
    case op::count_: break;
  }
  return {0, 0, false, false};
}

}  // namespace

void compute_stack_size(code& co) {
  const std::size_t n = co.code.size();
  std::vector<int> depth(n, -1);
  std::vector<std::uint32_t> work;
  int deepest = 0;
  std::uint32_t blocks = 0;
  auto reach = [&](std::uint32_t at, int d) {
    if (at >= n || depth[at] >= d) return;
    depth[at] = d;
    work.push_back(at);
  };
  reach(0, 0);
  while (!work.empty()) {
    std::uint32_t at = work.back();
    work.pop_back();
    const instr& i = co.code[at];
    const effect e = effect_of(i);
    const int d = depth[at];
    if (i.code == op::setup_finally || i.code == op::setup_with || i.code == op::setup_async_with) ++blocks;
    if (e.jumps) {
      deepest = std::max(deepest, d + e.jump);
      reach(i.arg, d + e.jump);
    }
    if (!e.terminal) {
      deepest = std::max(deepest, d + std::max(e.fallthrough, 0) + 1);
      reach(at + 1, d + e.fallthrough);
    }
  }
  co.stack_size = static_cast<std::uint32_t>(deepest + 2);
  co.block_depth = blocks + 1;
}

}  // namespace asyncrace::python
