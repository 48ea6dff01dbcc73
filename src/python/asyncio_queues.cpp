// asyncio.Queue, PriorityQueue and LifoQueue for interpreted programs: the scheduler's queues
// (sched/queue.hpp) holding Python values, so puts, gets and their waits happen on the same loop
// iterations as CPython's. PriorityQueue orders items with Python's `<` (heapq's only operation).
#include "args.hpp"
#include "asyncio_natives.hpp"
#include "asyncio_support.hpp"
#include "asyncio/queue.hpp"

namespace asyncrace::python {

// A queued Python value: `<` is Python's (it may raise TypeError, as heapq's does).
struct queue_item {
  value v;
  bool operator<(const queue_item& o) const {
    interpreter& in = current_interpreter();
    return truthy(in, compare(in, cmp_op::lt, v, o.v));
  }
};

}  // namespace asyncrace::python

namespace asyncrace::detail {
// The queue's repr shows its items as Python shows them.
template <>
inline std::string item_repr<python::queue_item>(const python::queue_item& item) {
  return python::repr(python::current_interpreter(), item.v);
}
}  // namespace asyncrace::detail

namespace asyncrace::python {

namespace {

// One Python type per storage order; the queue's own methods are written once.
struct queue_object : object {
  virtual ~queue_object() override = default;
  virtual std::size_t qsize() const = 0;
  virtual int maxsize() const = 0;
  virtual bool empty() const = 0;
  virtual bool full() const = 0;
  virtual task<> put(value item) = 0;
  virtual void put_nowait(value item) = 0;
  virtual task<queue_item> get() = 0;
  virtual value get_nowait() = 0;
  virtual void task_done() = 0;
  virtual task<> join() = 0;
  virtual std::string repr() const = 0;
  virtual std::string str() const = 0;
};

template <class Items>
struct queue_of final : queue_object {
  explicit queue_of(int maxsize) : q(maxsize) {}
  basic_queue<queue_item, Items> q;
  std::size_t qsize() const override { return q.qsize(); }
  int maxsize() const override { return q.maxsize(); }
  bool empty() const override { return q.empty(); }
  bool full() const override { return q.full(); }
  task<> put(value item) override { return q.put(queue_item{std::move(item)}); }
  void put_nowait(value item) override { q.put_nowait(queue_item{std::move(item)}); }
  task<queue_item> get() override { return q.get(); }
  value get_nowait() override { return q.get_nowait().v; }
  void task_done() override { q.task_done(); }
  task<> join() override { return q.join(); }
  std::string repr() const override { return q.repr(static_cast<const object*>(this)); }  // its id()
  std::string str() const override { return q.str(); }
};

std::string queue_repr(interpreter&, const value& v) { return static_cast<queue_object*>(v.obj())->repr(); }
std::string queue_str(interpreter&, const value& v) { return static_cast<queue_object*>(v.obj())->str(); }
queue_object& qu(interpreter& in, const call_args& a) { return native_self<queue_object>(in, a, queue_repr, "Queue"); }

template <class Items>
value queue_new(interpreter& in, const call_args& a, object* t) {
  value p[1];
  bind_args(in, a, Items::name, 0, {"maxsize"}, 0, p);
  std::int64_t n = 0;
  if (!p[0].empty()) {
    if (!p[0].is_int() && !p[0].is_bool())
      throw_error(in, in.types.TypeError, "'>' not supported between instances of '" + type_name(p[0]) + "' and 'int'");
    n = p[0].as_int();
  }
  auto* o = new queue_of<Items>(static_cast<int>(n));
  o->type = static_cast<type_object*>(t);
  in.heap.link(o);
  return value::adopt(o);
}

task<value> put_body(value self, value item) {
  co_await static_cast<queue_object*>(self.obj())->put(std::move(item));
  co_return value::none();
}
task<value> get_body(value self) {
  queue_item item = co_await static_cast<queue_object*>(self.obj())->get();
  co_return std::move(item.v);
}
task<value> join_body(value self) {
  co_await static_cast<queue_object*>(self.obj())->join();
  co_return value::none();
}

value queue_put(interpreter& in, const call_args& a, object*) {
  qu(in, a);
  if (a.npos != 2) throw_error(in, in.types.TypeError, "Queue.put() missing 1 required positional argument: 'item'");
  return make_native_coroutine(in, put_body(a.args[0], a.args[1]), "Queue.put");
}
value queue_put_nowait(interpreter& in, const call_args& a, object*) {
  queue_object& q = qu(in, a);
  if (a.npos != 2) throw_error(in, in.types.TypeError, "Queue.put_nowait() missing 1 required positional argument: 'item'");
  q.put_nowait(a.args[1]);
  return value::none();
}
value queue_get(interpreter& in, const call_args& a, object*) {
  qu(in, a);
  return make_native_coroutine(in, get_body(a.args[0]), "Queue.get");
}
value queue_get_nowait(interpreter& in, const call_args& a, object*) { return qu(in, a).get_nowait(); }
value queue_task_done(interpreter& in, const call_args& a, object*) {
  qu(in, a).task_done();
  return value::none();
}
value queue_join(interpreter& in, const call_args& a, object*) {
  qu(in, a);
  return make_native_coroutine(in, join_body(a.args[0]), "Queue.join");
}
value queue_qsize(interpreter& in, const call_args& a, object*) {
  return value::integer(static_cast<std::int64_t>(qu(in, a).qsize()));
}
value queue_empty_m(interpreter& in, const call_args& a, object*) { return value::boolean(qu(in, a).empty()); }
value queue_full_m(interpreter& in, const call_args& a, object*) { return value::boolean(qu(in, a).full()); }

value queue_getattr(interpreter& in, const value& v, str_object* name) {
  if (name->s == "maxsize") return value::integer(static_cast<queue_object*>(v.obj())->maxsize());
  (void)in;
  return value();
}

template <class Items>
type_object* queue_type(interpreter& in, module_object& m, const char* name, type_object* base) {
  type_object* t = make_builtin_type(in, name, base ? base : in.types.object_);
  t->module = "asyncio.queues";
  t->slots.construct = queue_new<Items>;
  t->slots.repr = queue_repr;
  t->slots.str = queue_str;
  t->slots.getattr = queue_getattr;
  m.attrs.set(in.intern(name), value::borrow(t));
  return t;
}

}  // namespace

void fill_asyncio_queues(interpreter& in, module_object& m) {
  type_object* Q = queue_type<detail::fifo_items<queue_item>>(in, m, "Queue", nullptr);
  add_method(in, Q, "put", queue_put);
  add_method(in, Q, "put_nowait", queue_put_nowait);
  add_method(in, Q, "get", queue_get);
  add_method(in, Q, "get_nowait", queue_get_nowait);
  add_method(in, Q, "task_done", queue_task_done);
  add_method(in, Q, "join", queue_join);
  add_method(in, Q, "qsize", queue_qsize);
  add_method(in, Q, "empty", queue_empty_m);
  add_method(in, Q, "full", queue_full_m);
  queue_type<detail::heap_items<queue_item>>(in, m, "PriorityQueue", Q);
  queue_type<detail::lifo_items<queue_item>>(in, m, "LifoQueue", Q);
}

}  // namespace asyncrace::python
