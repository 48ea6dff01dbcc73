#include "loop/kept_exceptions.hpp"

#include "pyrt/side_table.hpp"

namespace asyncrace::detail {
namespace {
struct exceptions_tag;
side_table<std::exception_ptr>& kept() { return side_table<std::exception_ptr>::of<exceptions_tag>(); }
}  // namespace

void keep_exception(const void* holder, std::exception_ptr e) { kept().put(holder, std::move(e)); }
std::exception_ptr kept_exception(const void* holder) { return kept().get(holder); }
void drop_exception(const void* holder) noexcept { kept().erase(holder); }
std::size_t kept_exception_count() { return kept().size(); }

}  // namespace asyncrace::detail
