// ASYNCRACE_ADDRESS_SANITIZER: 1 when built with AddressSanitizer (g++ or clang). The scheduler's
// own allocators (frame_pool, bulk_memory) step aside then, so ASan sees every block as new/delete.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define ASYNCRACE_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ASYNCRACE_ADDRESS_SANITIZER 1
#endif
#endif
#ifndef ASYNCRACE_ADDRESS_SANITIZER
#define ASYNCRACE_ADDRESS_SANITIZER 0
#endif
