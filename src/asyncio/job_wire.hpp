// Executor jobs as messages, for workers that share no memory with the loop (the page's Web
// Workers, src/pool/web_pool.cpp). A call travels as the registered name of its function and its
// arguments; its outcome comes back as the result, or the exception the function raised, or the
// news that the worker died. It is what pickling a call for a ProcessPoolExecutor is in CPython.
//
// A function becomes callable on such a worker by registering it, next to its definition:
//   int blocking_io(job_context& job, int x) { ... }
//   ASYNCRACE_WORKER_FUNCTION("to_thread.blocking_io", blocking_io);
// The registry is in every module that links the function's object file: the page finds a
// function's name by its address, the worker module finds the function by its name. Arguments
// and results are booleans, integers, floating-point numbers and strings; a call with anything
// else has no message form (the pool says so instead of running it).
//
// run_call() is the worker's side, platform-neutral, so tests run the whole round trip natively
// and under node: encode a call (executor_job::encode), run_call, decode the outcome
// (executor_job::decode).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "pyrt/py_exception.hpp"

namespace asyncrace {
class job_context;
}

namespace asyncrace::wire {

// A message does not say what its reader expects (a corrupt or mismatched message).
struct wire_error : py_exception {
  explicit wire_error(const std::string& what) : py_exception("RuntimeError", "job message: " + what) {}
};

// Tagged values, appended to a byte string.
class writer {
 public:
  void put(bool v) { tagged('b', static_cast<std::uint8_t>(v)); }
  template <class T>
    requires(std::is_integral_v<T> && !std::is_same_v<T, bool>)
  void put(T v) {
    tagged('i', static_cast<std::int64_t>(v));
  }
  template <class T>
    requires std::is_floating_point_v<T>
  void put(T v) {
    tagged('d', static_cast<double>(v));
  }
  void put(std::string_view v) {
    tagged('s', static_cast<std::uint32_t>(v.size()));
    bytes_.append(v);
  }
  void put(const std::string& v) { put(std::string_view(v)); }
  void put(const char* v) { put(std::string_view(v)); }
  std::string take() { return std::move(bytes_); }
  const std::string& bytes() const { return bytes_; }

 private:
  template <class T>
  void tagged(char tag, T raw) {
    bytes_.push_back(tag);
    char b[sizeof(T)];
    std::memcpy(b, &raw, sizeof(T));
    bytes_.append(b, sizeof(T));
  }
  std::string bytes_;
};

class reader {
 public:
  explicit reader(std::string_view bytes) : rest_(bytes) {}
  template <class T>
  T get() {
    if constexpr (std::is_same_v<T, bool>) {
      return raw<std::uint8_t>('b', "a bool") != 0;
    } else if constexpr (std::is_integral_v<T>) {
      const std::int64_t v = raw<std::int64_t>('i', "an integer");
      if (!std::in_range<T>(v)) throw wire_error("integer " + std::to_string(v) + " out of range");
      return static_cast<T>(v);
    } else if constexpr (std::is_floating_point_v<T>) {
      return static_cast<T>(raw<double>('d', "a float"));
    } else {
      static_assert(std::is_same_v<T, std::string>, "a job's arguments and results: bool, integers, floats, strings");
      const auto n = raw<std::uint32_t>('s', "a string");
      if (rest_.size() < n) throw wire_error("string cut short");
      std::string s(rest_.substr(0, n));
      rest_.remove_prefix(n);
      return s;
    }
  }
  bool empty() const { return rest_.empty(); }
  std::size_t remaining() const { return rest_.size(); }

 private:
  template <class T>
  T raw(char tag, const char* expected) {
    if (rest_.size() < 1 + sizeof(T) || rest_[0] != tag) throw wire_error(std::string("expected ") + expected);
    T v;
    std::memcpy(&v, rest_.data() + 1, sizeof(T));
    rest_.remove_prefix(1 + sizeof(T));
    return v;
  }
  std::string_view rest_;
};

// The types a message carries.
template <class T>
inline constexpr bool carried = std::is_arithmetic_v<std::decay_t<T>> || std::is_same_v<std::decay_t<T>, std::string> ||
                                std::is_same_v<std::decay_t<T>, std::string_view> ||
                                std::is_same_v<std::decay_t<T>, const char*>;
template <class R>
inline constexpr bool carried_result = std::is_void_v<R> || std::is_arithmetic_v<R> || std::is_same_v<R, std::string>;

// How a job ended, first in its outcome message.
enum class ending : std::uint8_t { returned = 0, raised = 1, worker_died = 2 };

// Runs one call message on this worker: `args` (after the name) decoded, the function called
// with `job` if it takes it, the outcome written.
using invoker = void (*)(reader& args, job_context& job, writer& outcome);

struct worker_function {
  const char* name;
  const void* key;  // the function's address, or its type's key for a function object
  invoker invoke;
};

// The registry (one per module; filled by static registrations before main).
void add(const worker_function& f);
const worker_function* find_key(const void* key);
const worker_function* find_name(std::string_view name);

// The worker's side: runs a call message, returns its outcome message. A worker whose job
// called job_context::terminate_worker gets ending::worker_died: it must then really die.
std::string run_call(std::string_view call, job_context& job);
// The outcome of a job whose worker died, or was recycled, before it answered.
std::string died_outcome(std::string_view what = "job");
// The outcome of a job that raised `type`: `message` (a call that could not be made at all).
std::string raised_outcome(std::string_view type, std::string_view message, std::string_view what = "job");
// The function name a call message begins with ("" when it has none).
std::string call_name(std::string_view call);

// An outcome message read: how the job ended, what it was (job_context::what on the worker),
// and what follows (the result; or the exception's type and message), as tagged values.
struct outcome {
  ending how;
  std::string what;
  std::string payload;  // read it with a reader
};
outcome read_outcome(std::string_view message);  // wire_error when it is none
ending outcome_ending(std::string_view message);  // raised when it is none

namespace detail {
template <class T>
inline constexpr char type_key = 0;  // one address per type, in every translation unit alike

template <class T>
using decoded_t = std::conditional_t<std::is_same_v<std::decay_t<T>, std::string_view> ||
                                         std::is_same_v<std::decay_t<T>, const char*>,
                                     std::string, std::decay_t<T>>;

template <class F, class... P>
void call_and_write(F& fn, reader& in, writer& out) {
  using R = std::invoke_result_t<F&, decoded_t<P>&...>;
  // Braced initialisation decodes the arguments left to right.
  auto args = std::tuple<decoded_t<P>...>{in.get<decoded_t<P>>()...};
  if constexpr (std::is_void_v<R>)
    std::apply(fn, args);
  else
    out.put(std::apply(fn, args));
}

template <class F, class Sig>
struct invoke_as;
template <class F, class R, class... P>
struct invoke_as<F, R(P...)> {
  static void invoke(F& fn, reader& in, job_context& job, writer& out) {
    if constexpr (sizeof...(P) > 0 &&
                  std::is_same_v<std::tuple_element_t<0, std::tuple<P...>>, job_context&>) {
      invoke_tail(fn, in, job, out, static_cast<std::tuple<P...>*>(nullptr));
    } else {
      call_and_write<F, P...>(fn, in, out);
    }
  }
  template <class First, class... Rest>
  static void invoke_tail(F& fn, reader& in, job_context& job, writer& out, std::tuple<First, Rest...>*) {
    auto with_job = [&](Rest... rest) -> R { return fn(job, std::forward<Rest>(rest)...); };
    call_and_write<decltype(with_job), Rest...>(with_job, in, out);
  }
};

template <auto Fn>
void invoke_function(reader& in, job_context& job, writer& out) {
  auto fn = Fn;
  invoke_as<decltype(fn), std::remove_pointer_t<decltype(Fn)>>::invoke(fn, in, job, out);
}

template <class F, class Sig>
void invoke_object(reader& in, job_context& job, writer& out) {
  F fn{};
  invoke_as<F, Sig>::invoke(fn, in, job, out);
}
}  // namespace detail

// The key executor_call looks a function up by: a function pointer's address, or a function
// object's type.
template <class F>
const void* key_of(const F& fn) {
  if constexpr (std::is_pointer_v<F> && std::is_function_v<std::remove_pointer_t<F>>)
    return reinterpret_cast<const void*>(fn);
  else if constexpr (std::is_empty_v<F>)
    return &detail::type_key<F>;
  else
    return nullptr;  // a lambda with captures, a std::function: no message form
}

struct registration {
  explicit registration(const worker_function& f) { add(f); }
};

// A free function, by its address.
template <auto Fn>
worker_function function_entry(const char* name) {
  return {name, reinterpret_cast<const void*>(Fn), &detail::invoke_function<Fn>};
}
// A stateless function object (cpu_tasks::cpu_bound), called as `Sig` on a worker.
template <class F, class Sig>
worker_function object_entry(const char* name) {
  return {name, &detail::type_key<F>, &detail::invoke_object<F, Sig>};
}

}  // namespace asyncrace::wire

#define ASYNCRACE_WIRE_CAT2(a, b) a##b
#define ASYNCRACE_WIRE_CAT(a, b) ASYNCRACE_WIRE_CAT2(a, b)
// Registers a free function as a worker function under a name unique in the program.
#define ASYNCRACE_WORKER_FUNCTION(name, fn)                                                    \
  static const ::asyncrace::wire::registration ASYNCRACE_WIRE_CAT(asyncrace_worker_function_, \
                                                                  __LINE__) {                  \
    ::asyncrace::wire::function_entry<&fn>(name)                                               \
  }
