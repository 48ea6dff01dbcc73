#include "asyncio/aiohttp.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

#include "asyncio/sleep.hpp"
#include "pyrt/py_repr.hpp"

namespace asyncrace::aiohttp {

namespace {

struct phrase {
  int status;
  const char* text;
};
// http.HTTPStatus of CPython 3.11, in order of status.
constexpr phrase phrases[] = {
    {100, "Continue"},
    {101, "Switching Protocols"},
    {102, "Processing"},
    {103, "Early Hints"},
    {200, "OK"},
    {201, "Created"},
    {202, "Accepted"},
    {203, "Non-Authoritative Information"},
    {204, "No Content"},
    {205, "Reset Content"},
    {206, "Partial Content"},
    {207, "Multi-Status"},
    {208, "Already Reported"},
    {226, "IM Used"},
    {300, "Multiple Choices"},
    {301, "Moved Permanently"},
    {302, "Found"},
    {303, "See Other"},
    {304, "Not Modified"},
    {305, "Use Proxy"},
    {307, "Temporary Redirect"},
    {308, "Permanent Redirect"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {402, "Payment Required"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {406, "Not Acceptable"},
    {407, "Proxy Authentication Required"},
    {408, "Request Timeout"},
    {409, "Conflict"},
    {410, "Gone"},
    {411, "Length Required"},
    {412, "Precondition Failed"},
    {413, "Request Entity Too Large"},
    {414, "Request-URI Too Long"},
    {415, "Unsupported Media Type"},
    {416, "Requested Range Not Satisfiable"},
    {417, "Expectation Failed"},
    {418, "I'm a Teapot"},
    {421, "Misdirected Request"},
    {422, "Unprocessable Entity"},
    {423, "Locked"},
    {424, "Failed Dependency"},
    {425, "Too Early"},
    {426, "Upgrade Required"},
    {428, "Precondition Required"},
    {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"},
    {451, "Unavailable For Legal Reasons"},
    {500, "Internal Server Error"},
    {501, "Not Implemented"},
    {502, "Bad Gateway"},
    {503, "Service Unavailable"},
    {504, "Gateway Timeout"},
    {505, "HTTP Version Not Supported"},
    {506, "Variant Also Negotiates"},
    {507, "Insufficient Storage"},
    {508, "Loop Detected"},
    {510, "Not Extended"},
    {511, "Network Authentication Required"},
};

}  // namespace

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char b : bytes) h = (h ^ b) * 0x100000001b3ULL;
  return h;
}

std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

double latency(std::string_view method, std::string_view url, std::uint64_t seed) {
  std::string key = std::to_string(seed);
  key += ' ';
  key += method;
  key += ' ';
  key += url;
  const std::uint64_t h = mix64(fnv1a64(key));
  return static_cast<double>(50 + h % 451) / 1000;
}

int status_of(std::string_view url) {
  const std::string_view path = url.substr(0, url.find_first_of("?#"));
  constexpr std::string_view marker = "/status/";
  if (path.size() < marker.size() + 3) return 200;
  const std::string_view tail = path.substr(path.size() - marker.size() - 3);
  if (tail.substr(0, marker.size()) != marker) return 200;
  int status = 0;
  for (char c : tail.substr(marker.size())) {
    if (c < '0' || c > '9') return 200;
    status = status * 10 + (c - '0');
  }
  return status;
}

std::string_view reason_of(int status) {
  auto it = std::lower_bound(std::begin(phrases), std::end(phrases), status,
                             [](const phrase& p, int s) { return p.status < s; });
  return it != std::end(phrases) && it->status == status ? it->text : "";
}

std::string body_of(std::string_view method, std::string_view url) {
  std::string body = "<html><body>";
  body += method;
  body += ' ';
  body += url;
  return body + "</body></html>";
}

std::string response_error_message(int status, std::string_view reason, std::string_view url) {
  return std::to_string(status) + ", message=" + py_repr(reason) + ", url=" + py_repr(url);
}

client_response::client_response(std::string m, std::string u)
    : method(std::move(m)), url(std::move(u)), status(status_of(url)), reason(reason_of(status)) {}

void client_response::raise_for_status() const {
  if (status >= 400) throw client_response_error(status, reason, url);
}

std::string client_response::repr() const {
  return "<ClientResponse(" + url + ") [" + std::to_string(status) + " " + reason + "]>";
}

task<client_response> request(std::string method, std::string url, std::uint64_t seed) {
  co_await asyncrace::sleep(latency(method, url, seed));
  co_return client_response(std::move(method), std::move(url));
}

}  // namespace asyncrace::aiohttp
