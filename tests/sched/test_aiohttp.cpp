// The simulated aiohttp's model (asyncio/aiohttp.hpp), against what tests/golden/simulated_aiohttp.py
// gives CPython: latencies, statuses from /status/NNN, HTTPStatus phrases, bodies and error texts,
// and a request as one sleep of its latency.
#include <doctest.h>

#include <string>
#include <vector>

#include "asyncio/aiohttp.hpp"
#include "sched/asyncio.hpp"

using namespace asyncrace;

namespace {

double now() { return event_loop::current()->time(); }

task<std::string> fetch(std::string url, std::vector<std::string>& arrivals) {
  aiohttp::client_response resp = co_await aiohttp::request("GET", url);
  arrivals.push_back(py_str(now()) + " " + url.substr(url.size() - 6));
  co_return resp.text();
}

task<std::vector<std::string>> fetch_many() {
  std::vector<std::string> arrivals;
  std::vector<task<std::string>> jobs;
  for (int n = 0; n < 6; ++n) jobs.push_back(fetch("https://example.com/page/" + std::to_string(n), arrivals));
  std::vector<std::string> bodies = co_await asyncio::gather(std::move(jobs));
  arrivals.push_back(bodies[2]);
  co_return arrivals;
}

task<std::string> failing() {
  aiohttp::client_response resp = co_await aiohttp::request("GET", "https://httpbin.test/status/418");
  try {
    resp.raise_for_status();
  } catch (const py_exception& e) {
    co_return py_str(now()) + " " + e.python_text();
  }
  co_return "no error";
}

}  // namespace

TEST_CASE("a request's latency: FNV-1a 64 then SplitMix64's finalizer over '{seed} {METHOD} {url}'") {
  CHECK(aiohttp::fnv1a64("") == 0xcbf29ce484222325ULL);
  CHECK(aiohttp::fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
  CHECK(aiohttp::latency("GET", "https://example.com/page/0") == 0.264);
  CHECK(aiohttp::latency("GET", "https://example.com/page/4") == 0.106);
  CHECK(aiohttp::latency("GET", "https://example.com/page/0", 7) == 0.464);
  CHECK(aiohttp::latency("POST", "https://example.com/page/0", 7) == 0.473);
}

TEST_CASE("the status comes from /status/NNN at the end of the path, the reason from HTTPStatus") {
  CHECK(aiohttp::status_of("https://h.test/status/404?x=1") == 404);
  CHECK(aiohttp::status_of("https://h.test/status/299#top") == 299);
  CHECK(aiohttp::status_of("https://h.test/status/4041") == 200);
  CHECK(aiohttp::status_of("https://h.test/?s=/status/404") == 200);
  CHECK(aiohttp::status_of("https://h.test/status/4x4") == 200);
  CHECK(aiohttp::status_of("/status/500") == 500);
  CHECK(aiohttp::reason_of(200) == "OK");
  CHECK(aiohttp::reason_of(418) == "I'm a Teapot");
  CHECK(aiohttp::reason_of(511) == "Network Authentication Required");
  CHECK(aiohttp::reason_of(299).empty());
  const aiohttp::client_response resp("POST", "https://h.test/status/503");
  CHECK(resp.repr() == "<ClientResponse(https://h.test/status/503) [503 Service Unavailable]>");
  CHECK(resp.text() == "<html><body>POST https://h.test/status/503</body></html>");
  CHECK_FALSE(resp.ok());
  CHECK(aiohttp::response_error_message(418, "I'm a Teapot", "https://h.test/status/418") ==
        "418, message=\"I'm a Teapot\", url='https://h.test/status/418'");
}

TEST_CASE("requests are sleeps of their latencies: six pages arrive as fetch_many's golden has them") {
  CHECK(asyncio::run(fetch_many()) == std::vector<std::string>{
                                          "0.106 page/4", "0.119 page/5", "0.264 page/0", "0.35 page/1",
                                          "0.391 page/3", "0.475 page/2",
                                          "<html><body>GET https://example.com/page/2</body></html>"});
  CHECK(asyncio::run(failing()) ==
        "0.278 aiohttp.ClientResponseError: 418, message=\"I'm a Teapot\", url='https://httpbin.test/status/418'");
}
