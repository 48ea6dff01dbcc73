// Exceptions kept beside the objects that hold them, by the holder's address: few futures and
// coroutine frames ever hold one, so none of them carries the 8 bytes of a std::exception_ptr (a
// million sleeping tasks hold two million of those objects). The holder keeps a flag that says
// it has one, and drops it when it dies. Any thread may use it: a real executor's worker thread
// makes frames too.
#pragma once

#include <cstddef>
#include <exception>

namespace asyncrace::detail {

// Keeps (or replaces) the exception of `holder`.
void keep_exception(const void* holder, std::exception_ptr e);
// The exception kept for `holder`, or null.
std::exception_ptr kept_exception(const void* holder);
// Forgets it (the holder dies, or its exception is moved elsewhere).
void drop_exception(const void* holder) noexcept;
// How many are kept now (for tests: a holder that died without dropping its own leaks).
std::size_t kept_exception_count();

}  // namespace asyncrace::detail
