// The simulated aiohttp of the golden transcripts (tests/golden/README.md, "Simulated aiohttp";
// tests/golden/simulated_aiohttp.py is CPython's side): no network, ever. A request costs one
// asyncio.sleep(latency) in the awaiting task, the latency a hash of the run's seed, the method
// and the URL; the response is made up from the request alone. The interpreter's `aiohttp`
// module (src/python/module_aiohttp.cpp) and the C++ twins share this model:
//
//   aiohttp::client_response resp = co_await aiohttp::request("GET", "https://example.com/page/0");
//   print(resp.status, resp.text());   // 200 <html><body>GET https://example.com/page/0</body></html>
//   resp.raise_for_status();           // aiohttp.ClientResponseError for a status >= 400
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "loop/task.hpp"
#include "pyrt/py_exception.hpp"

namespace asyncrace::aiohttp {

// The run's seed as the goldens take it (asyncrace's --seed defaults to 1).
inline constexpr std::uint64_t default_seed = 1;

// FNV-1a, 64 bits, over bytes.
std::uint64_t fnv1a64(std::string_view bytes);
// SplitMix64's finalizer (FNV-1a alone gives /page/0, /page/1, ... latencies in equal steps).
std::uint64_t mix64(std::uint64_t z);
// Seconds a request takes: (50 + h % 451) / 1000, h = mix64(fnv1a64(f"{seed} {method} {url}")):
// 0.050 to 0.500 in whole milliseconds.
double latency(std::string_view method, std::string_view url, std::uint64_t seed = default_seed);
// 200, unless the URL's path (the URL cut at its first `?` or `#`) ends with /status/ and three
// digits, which are then the status.
int status_of(std::string_view url);
// http.HTTPStatus(status).phrase ("Not Found", "I'm a Teapot"), "" for a code it does not know.
std::string_view reason_of(int status);
// The body every response has: "<html><body>{method} {url}</body></html>".
std::string body_of(std::string_view method, std::string_view url);
// str(ClientResponseError): "404, message='Not Found', url='https://h.test/status/404'".
std::string response_error_message(int status, std::string_view reason, std::string_view url);

// aiohttp.ClientResponseError as the scheduler reports it uncaught.
class client_response_error : public py_exception {
 public:
  client_response_error(int code, std::string reason, std::string_view url)
      : py_exception("aiohttp.ClientResponseError", response_error_message(code, reason, url)),
        status(code), message(std::move(reason)) {}
  int status;
  std::string message;
};

// aiohttp.ClientResponse: made up from the request alone; reading it never suspends.
struct client_response {
  client_response(std::string method, std::string url);
  std::string method, url;
  int status;
  std::string reason;
  bool ok() const { return status < 400; }
  std::string text() const { return body_of(method, url); }
  // resp.raise_for_status(): nothing below 400, else client_response_error.
  void raise_for_status() const;
  // repr(resp): "<ClientResponse(https://h.test/x) [200 OK]>".
  std::string repr() const;
};

// `await session.get(url)` (method "GET") or `session.post(url)` ("POST"): one
// asyncio.sleep(latency(method, url, seed)), then the response.
task<client_response> request(std::string method, std::string url, std::uint64_t seed = default_seed);

}  // namespace asyncrace::aiohttp
