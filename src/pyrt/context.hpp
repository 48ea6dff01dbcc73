// contextvars as CPython 3.11 has them. A Context maps ContextVars to values; code always runs in
// one (a Task's, a Context.run's, or its thread's own). Each Task runs in a copy of the context
// current when it was created (Task.__init__: `contextvars.copy_context()`), so a value one task
// sets is invisible to the others — unlike a plain global, which every task shares.
//
// As CPython's HAMT, a context's mapping is immutable once shared: ContextVar.set replaces the
// context's mapping, so copy_context() is one reference count, and an empty context (a Task that
// never touches a ContextVar) is a null pointer that costs nothing.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "pyrt/py_exception.hpp"
#include "pyrt/address.hpp"
#include "pyrt/py_format.hpp"

namespace asyncrace {

// LookupError, as ContextVar.get raises it; KeyError is one (Context[var]), as in Python.
class lookup_error : public py_exception {
 public:
  explicit lookup_error(const std::string& message, std::string type = "LookupError")
      : py_exception(std::move(type), message) {}
};
class key_error : public lookup_error {
 public:
  explicit key_error(const std::string& message) : lookup_error(message, "KeyError") {}
};

template <class T>
class context_var;
template <class T>
class context_token;

namespace detail {
// The immutable mapping behind a context: (variable id, value) pairs sorted by id. Values are
// type-erased; each context_var knows its own type.
struct context_map {
  struct entry {
    std::uint64_t var;
    std::shared_ptr<const void> value;
  };
  std::atomic<std::uint32_t> refs{1};  // atomic: a copy may travel to a worker thread (issue 5)
  std::vector<entry> entries;

  const entry* find(std::uint64_t var) const;
};
std::uint64_t next_var_id();       // never reused
std::uint32_t next_context_id();   // for tokens: wraps only after 4 billion contexts made tokens
}  // namespace detail

// contextvars.Context.
class context {
 public:
  context() = default;  // contextvars.Context(): empty
  // copy_context(): shares the mapping; the copy is a context of its own (its sets stay in it).
  context(const context& other);
  context& operator=(const context&) = delete;
  ~context();

  // Context.run(fn, *args): calls fn with this context current; what it sets stays in here.
  // RuntimeError if this context is already entered (a Context can be current only once).
  template <class F, class... A>
  decltype(auto) run(F&& fn, A&&... args) {
    scope entered(*this);
    return std::invoke(std::forward<F>(fn), std::forward<A>(args)...);
  }

  // `var in ctx`, `ctx[var]` (KeyError if unset: defaults do not count), `ctx.get(var, default)`.
  template <class T>
  bool contains(const context_var<T>& var) const { return find(var.id()) != nullptr; }
  template <class T>
  T operator[](const context_var<T>& var) const;
  template <class T>
  T get(const context_var<T>& var, T fallback) const;
  std::size_t size() const { return map() ? map()->entries.size() : 0; }  // len(ctx)
  // iter(ctx) / ctx.items(): f(variable id, its type-erased value) for each variable set here,
  // in the order the variables were made (the interpreter's contextvars knows their types).
  template <class F>
  void each(F&& f) const {
    if (const detail::context_map* m = map())
      for (const auto& e : m->entries) f(e.var, e.value);
  }

  // The context code runs in now: the running Task's, a Context.run's, or the thread's own.
  static context& current();

  // Makes `c` current for a Task's step without the entered check (a Task's own context is
  // never handed out, so nobody else can enter it); returns what was current before.
  static context* swap_current(context* c);

 private:
  template <class T>
  friend class context_var;

  // Enters a context for a scope (Context.run); restores the previous one at the end.
  class scope {
   public:
    explicit scope(context& c);
    ~scope();
    scope(const scope&) = delete;
    scope& operator=(const scope&) = delete;

   private:
    context& entered_;
    context* outer_;
  };

  const std::shared_ptr<const void>* find(std::uint64_t var) const;
  // Sets (or with a null value removes) one variable: a new mapping replaces the old one.
  void assign(std::uint64_t var, std::shared_ptr<const void> value);
  std::uint32_t identity();  // for tokens ("created in a different Context"); assigned lazily

  // 8 bytes in every Task: the mapping's address (null: empty) with two flags in its low bits,
  // which a mapping's alignment leaves free. `entered`: Context.run is running it. `identified`:
  // it has an identity, which only ContextVar.set gives a context; the identity itself lives in a
  // side table, so the contexts of Tasks that never set a variable do not carry it.
  static constexpr std::uintptr_t entered_bit = 1, identified_bit = 2, flag_bits = 3;
  std::uintptr_t bits_ = 0;
  detail::context_map* map() const { return reinterpret_cast<detail::context_map*>(bits_ & ~flag_bits); }
  detail::context_map* exchange_map(detail::context_map* m) {
    static_assert(alignof(detail::context_map) > flag_bits);
    detail::context_map* old = map();
    bits_ = reinterpret_cast<std::uintptr_t>(m) | (bits_ & flag_bits);
    return old;
  }
  bool flag(std::uintptr_t bit) const { return (bits_ & bit) != 0; }
  void set_flag(std::uintptr_t bit, bool on) { bits_ = on ? bits_ | bit : bits_ & ~bit; }
};
static_assert(sizeof(context) == sizeof(void*));

// contextvars.copy_context()
inline context copy_context() { return context(context::current()); }

namespace detail {
// repr() of a ContextVar's default, as CPython writes it in `<ContextVar name='x' default=0 ...>`.
template <class T>
std::string default_repr(const T& v) {
  if constexpr (std::is_convertible_v<const T&, std::string_view>)
    return "'" + std::string(std::string_view(v)) + "'";
  else
    return py_str(v);
}
}  // namespace detail

// contextvars.ContextVar(name[, default]).
template <class T>
class context_var {
 public:
  explicit context_var(std::string name) : name_(std::move(name)) {}
  context_var(std::string name, T default_value) : name_(std::move(name)), default_(std::move(default_value)) {}
  context_var(const context_var&) = delete;  // a variable is an identity, as in Python
  context_var& operator=(const context_var&) = delete;

  const std::string& name() const { return name_; }
  std::uint64_t id() const { return id_; }

  // ContextVar.get(): the current context's value, else the default, else LookupError.
  T get() const {
    if (const auto* v = context::current().find(id_)) return *std::static_pointer_cast<const T>(*v);
    if (default_) return *default_;
    throw lookup_error(repr());
  }
  // ContextVar.get(default)
  T get(T fallback) const {
    if (const auto* v = context::current().find(id_)) return *std::static_pointer_cast<const T>(*v);
    return fallback;
  }
  // ContextVar.set(value): a token that can restore the previous state.
  context_token<T> set(T value) {
    context& c = context::current();
    const auto* old = c.find(id_);
    context_token<T> token(*this, c.identity(), old ? *old : nullptr);
    c.assign(id_, std::make_shared<const T>(std::move(value)));
    return token;
  }
  // ContextVar.reset(token): back to the value before that set() (or to unset).
  void reset(context_token<T>& token) {
    if (token.used_) throw py_exception("RuntimeError", token.repr() + " has already been used once");
    if (token.var_ != this) throw py_exception("ValueError", token.repr() + " was created by a different ContextVar");
    context& c = context::current();
    if (token.context_ != c.identity())
      throw py_exception("ValueError", token.repr() + " was created in a different Context");
    token.used_ = true;
    c.assign(id_, token.old_);
  }

  // `<ContextVar name='x' default=0 at 0x7f3a1c2e4d10>`.
  std::string repr() const {
    return "<ContextVar name='" + name_ + "'" + (default_ ? " default=" + detail::default_repr(*default_) : "") +
           " at " + address_text(this) + ">";
  }

 private:
  std::uint64_t id_ = detail::next_var_id();
  std::string name_;
  std::optional<T> default_;
};

// contextvars.Token: what ContextVar.set returns, for ContextVar.reset.
template <class T>
class context_token {
 public:
  bool used() const { return used_; }
  const context_var<T>& var() const { return *var_; }
  // Token.old_value: the value before the set(); nullopt for Token.MISSING.
  std::optional<T> old_value() const {
    if (!old_) return std::nullopt;
    return *std::static_pointer_cast<const T>(old_);
  }
  std::string repr() const {
    return std::string("<Token ") + (used_ ? "used " : "") + "var=" + var_->repr() + " at " + address_text(this) + ">";
  }

 private:
  friend class context_var<T>;
  context_token(const context_var<T>& var, std::uint32_t ctx, std::shared_ptr<const void> old)
      : var_(&var), context_(ctx), old_(std::move(old)) {}

  const context_var<T>* var_;
  std::uint32_t context_;
  std::shared_ptr<const void> old_;  // null: Token.MISSING
  bool used_ = false;
};

template <class T>
T context::operator[](const context_var<T>& var) const {
  if (const auto* v = find(var.id())) return *std::static_pointer_cast<const T>(*v);
  throw key_error(var.repr());
}

template <class T>
T context::get(const context_var<T>& var, T fallback) const {
  if (const auto* v = find(var.id())) return *std::static_pointer_cast<const T>(*v);
  return fallback;
}

// The contextvars vocabulary tutorials are written in: `contextvars::context_var<int> var("var");`.
namespace contextvars {
using asyncrace::context;
using asyncrace::context_token;
using asyncrace::context_var;
using asyncrace::copy_context;
using LookupError = asyncrace::lookup_error;
using KeyError = asyncrace::key_error;
}  // namespace contextvars

}  // namespace asyncrace
