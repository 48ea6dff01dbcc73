// `import aiohttp` in interpreted programs: the simulated aiohttp of the golden transcripts
// (tests/golden/README.md, "Simulated aiohttp"; CPython's side is tests/golden/simulated_aiohttp.py),
// rule for rule. The latency, status, reason and body come from the model the C++ twins use
// (asyncio/aiohttp.hpp); a request is one asyncio.sleep of its latency in the awaiting task.
// The module has exactly ClientSession, ClientResponse, ClientError and ClientResponseError.
#include <memory>
#include <string>
#include <vector>

#include "args.hpp"
#include "asyncio_natives.hpp"
#include "dict.hpp"
#include "functions.hpp"
#include "modules.hpp"
#include "asyncio/aiohttp.hpp"
#include "asyncio/sleep.hpp"

namespace asyncrace::python {

namespace {

// The types of one interpreter's aiohttp, reachable from any of its objects' types (no registry:
// compare mode runs two interpreters on one thread).
struct kit {
  type_object *session = nullptr, *request = nullptr, *response = nullptr, *error = nullptr;
};
struct kit_type : type_object {
  std::shared_ptr<kit> types;
};

struct session_object : object {
  bool closed = false;
};
// What session.get/post return: awaited or entered, it makes the request (again each time).
struct request_object : object {
  value session;           // the ClientSession
  std::string method;      // "GET" or "POST"
  value url;               // str(url)
  value echoed;            // a dict: what a post's json() echoes ({"json": ..., "data": ...})
  value response;          // the entered response (None before)
};
struct response_object : object {
  value method, url;       // str
  int status = 200;
  value reason;            // str
  value echoed;            // dict
};

std::string session_repr(interpreter&, const value& v);
std::string request_repr(interpreter&, const value& v);
std::string response_repr(interpreter& in, const value& v);

const kit& kit_of(const value& v) { return *static_cast<kit_type*>(v.obj()->type)->types; }

session_object& session_self(interpreter& in, const call_args& a) {
  return native_self<session_object>(in, a, session_repr, "ClientSession");
}
request_object& request_self(interpreter& in, const call_args& a) {
  return native_self<request_object>(in, a, request_repr, "_RequestContextManager");
}
response_object& response_self(interpreter& in, const call_args& a) {
  return native_self<response_object>(in, a, response_repr, "ClientResponse");
}

// A Python object's default repr: <aiohttp.ClientSession object at 0x...> (one function per type:
// native_self tells the types apart by it).
std::string session_repr(interpreter& in, const value& v) { return default_repr(in, v); }
std::string request_repr(interpreter& in, const value& v) { return default_repr(in, v); }
std::string response_repr(interpreter& in, const value& v) {
  auto& r = *static_cast<response_object*>(v.obj());
  return "<ClientResponse(" + str(in, r.url) + ") [" + std::to_string(r.status) + " " + str(in, r.reason) + "]>";
}

// Binds a Python-written method's parameters: `self, url, *more, **ignored` where `more` are
// optional positional-or-keyword parameters; CPython's TypeError texts (`qualname() ...`).
void bind_method(interpreter& in, const call_args& a, const std::string& qualname,
                 std::initializer_list<std::string_view> names, std::size_t required, value* out) {
  const std::size_t given = a.npos - 1;  // self excluded
  const std::size_t total = names.size();
  if (given > total) {
    const std::string takes = required == total ? std::to_string(total + 1)
                                                : "from " + std::to_string(required + 1) + " to " + std::to_string(total + 1);
    throw_error(in, in.types.TypeError, qualname + "() takes " + takes + " positional arguments but " +
                                            std::to_string(a.npos) + " were given");
  }
  for (std::size_t i = 0; i < given; ++i) out[i] = a.args[1 + i];
  for (std::size_t k = 0; k < a.nkw; ++k) {
    std::size_t i = 0;
    for (std::string_view n : names) {
      if (n == a.kwnames[k]->s) break;
      ++i;
    }
    if (i == total) continue;  // **kwargs: ignored
    if (!out[i].empty())
      throw_error(in, in.types.TypeError, qualname + "() got multiple values for argument '" + a.kwnames[k]->s + "'");
    out[i] = a.kw(k);
  }
  std::vector<std::string_view> missing;
  std::size_t i = 0;
  for (std::string_view n : names)
    if (i++ < required && out[i - 1].empty()) missing.push_back(n);
  if (!missing.empty()) {
    std::string list;
    for (std::size_t m = 0; m < missing.size(); ++m)
      list += (m ? (m + 1 == missing.size() ? (missing.size() > 2 ? ", and " : " and ") : ", ") : "") + ("'" + std::string(missing[m]) + "'");
    throw_error(in, in.types.TypeError, qualname + "() missing " + std::to_string(missing.size()) + " required positional argument" +
                                            (missing.size() > 1 ? "s" : "") + ": " + list);
  }
}

// ClientResponseError ------------------------------------------------------------------------

value response_error_init(interpreter& in, const call_args& a, object*) {
  if (a.npos < 1 || !isinstance(a.args[0], in.types.BaseException))
    throw_error(in, in.types.TypeError, "descriptor '__init__' requires a 'ClientResponseError' object");
  value p[3];
  std::initializer_list<std::string_view> names{"status", "message", "url"};
  // No **kwargs here: an unknown keyword is CPython's TypeError.
  for (std::size_t k = 0; k < a.nkw; ++k)
    if (a.kwnames[k]->s != "status" && a.kwnames[k]->s != "message" && a.kwnames[k]->s != "url")
      throw_error(in, in.types.TypeError, "ClientResponseError.__init__() got an unexpected keyword argument '" + a.kwnames[k]->s + "'");
  bind_method(in, a, "ClientResponseError.__init__", names, 3, p);
  auto* e = static_cast<exception_object*>(a.args[0].obj());
  // f"{status}, message={message!r}, url={url!r}"
  std::string text = str(in, p[0]) + ", message=" + repr(in, p[1]) + ", url=" + repr(in, p[2]);
  e->args = make_tuple(in, {make_str(in, std::move(text))});
  e->attrs.set(in.intern("status"), p[0]);
  e->attrs.set(in.intern("message"), p[1]);
  return value::none();
}

value response_error_new(interpreter& in, const call_args& a, object* t) {
  value e = new_exception(in, static_cast<type_object*>(t), {});
  std::vector<value> all{e};
  all.insert(all.end(), a.args, a.args + a.npos + a.nkw);
  call_args na = a;
  na.args = all.data();
  na.npos = a.npos + 1;
  response_error_init(in, na, nullptr);
  return e;
}

// ClientResponse --------------------------------------------------------------------------------

value make_response(interpreter& in, const kit& k, value method, value url, value echoed) {
  auto* r = in.heap.make<response_object>(k.response);
  value rv = value::adopt(r);
  const std::string u = str(in, url);
  r->method = std::move(method);
  r->url = std::move(url);
  r->status = aiohttp::status_of(u);
  r->reason = make_str(in, std::string(aiohttp::reason_of(r->status)));
  r->echoed = std::move(echoed);
  return rv;
}

value response_construct(interpreter& in, const call_args& a, object* t) {
  if (a.nkw) throw_error(in, in.types.TypeError, "ClientResponse() takes no keyword arguments here");
  if (a.npos != 3)
    throw_error(in, in.types.TypeError, "ClientResponse.__init__() takes 4 positional arguments but " + std::to_string(a.npos + 1) + " were given");
  return make_response(in, *static_cast<kit_type*>(t)->types, a.args[0], a.args[1], a.args[2]);
}

value response_getattr(interpreter&, const value& v, str_object* name) {
  auto& r = *static_cast<response_object*>(v.obj());
  const std::string& n = name->s;
  if (n == "status") return value::integer(r.status);
  if (n == "reason") return r.reason;
  if (n == "ok") return value::boolean(r.status < 400);
  if (n == "url") return r.url;
  if (n == "method") return r.method;
  if (n == "_echoed") return r.echoed;
  return value();
}

std::string body_of(interpreter& in, const response_object& r) { return aiohttp::body_of(str(in, r.method), str(in, r.url)); }

task<value> text_body(value self) {
  interpreter& in = current_interpreter();
  co_return make_str(in, body_of(in, *static_cast<response_object*>(self.obj())));
}
task<value> read_body(value self) {
  interpreter& in = current_interpreter();
  co_return make_bytes(in, body_of(in, *static_cast<response_object*>(self.obj())));
}
task<value> json_body(value self) {
  interpreter& in = current_interpreter();
  auto& r = *static_cast<response_object*>(self.obj());
  value d = make_dict(in);
  dict_set(in, d, make_str(in, "url"), r.url);
  dict_set(in, d, make_str(in, "method"), r.method);
  dict_set(in, d, make_str(in, "status"), value::integer(r.status));
  if (!is_dict(in, r.echoed)) throw_error(in, in.types.TypeError, "'" + type_name(r.echoed) + "' object is not a mapping");
  dict_update(in, d, r.echoed);  // {..., **self._echoed}
  co_return d;
}

value response_text(interpreter& in, const call_args& a, object*) {
  response_self(in, a);
  return make_native_coroutine(in, text_body(a.args[0]), "ClientResponse.text");
}
value response_read(interpreter& in, const call_args& a, object*) {
  response_self(in, a);
  return make_native_coroutine(in, read_body(a.args[0]), "ClientResponse.read");
}
value response_json(interpreter& in, const call_args& a, object*) {
  response_self(in, a);
  return make_native_coroutine(in, json_body(a.args[0]), "ClientResponse.json");
}
value response_raise_for_status(interpreter& in, const call_args& a, object*) {
  response_object& r = response_self(in, a);
  if (r.status >= 400) {
    value e = response_error_new(in, call_args{std::vector<value>{value::integer(r.status), r.reason, r.url}.data(), 3},
                                 kit_of(a.args[0]).error);
    throw_exception(std::move(e));
  }
  return value::none();
}
value response_release(interpreter& in, const call_args& a, object*) {
  response_self(in, a);
  return value::none();
}

// _RequestContextManager ------------------------------------------------------------------------

// _send: a request on a closed session fails before its sleep; then one asyncio.sleep(latency).
task<value> send_body(value self, bool enter) {
  interpreter& in = current_interpreter();
  auto& rq = *static_cast<request_object*>(self.obj());
  if (static_cast<session_object*>(rq.session.obj())->closed) throw_error(in, in.types.RuntimeError, "Session is closed");
  const std::string url = str(in, rq.url);
  co_await asyncrace::sleep(aiohttp::latency(rq.method, url, in.seed));
  value resp = make_response(in, kit_of(self), make_str(in, rq.method), rq.url, rq.echoed);
  if (enter) rq.response = resp;
  co_return resp;
}

value request_await(interpreter& in, const call_args& a, object*) {
  request_self(in, a);
  value coro = make_native_coroutine(in, send_body(a.args[0], false), "_RequestContextManager._send");
  return call(in, getattr(in, coro, in.intern("__await__")), std::vector<value>{});
}
value request_aenter(interpreter& in, const call_args& a, object*) {
  request_self(in, a);
  return make_native_coroutine(in, send_body(a.args[0], true), "_RequestContextManager.__aenter__");
}
task<value> aexit_body(value self) {
  interpreter& in = current_interpreter();
  value resp = static_cast<request_object*>(self.obj())->response;
  call(in, getattr(in, resp, in.intern("release")), std::vector<value>{});
  co_return value::none();
}
value request_aexit(interpreter& in, const call_args& a, object*) {
  request_self(in, a);
  return make_native_coroutine(in, aexit_body(a.args[0]), "_RequestContextManager.__aexit__");
}

// ClientSession -----------------------------------------------------------------------------------

value session_construct(interpreter& in, const call_args&, object* t) {
  return value::adopt(in.heap.make<session_object>(static_cast<type_object*>(t)));
}
value session_getattr(interpreter&, const value& v, str_object* name) {
  if (name->s == "closed") return value::boolean(static_cast<session_object*>(v.obj())->closed);
  return value();
}

value new_request(interpreter& in, const value& session, const char* method, const value& url, value echoed) {
  auto* rq = in.heap.make<request_object>(kit_of(session).request);
  value v = value::adopt(rq);
  rq->session = session;
  rq->method = method;
  rq->url = isinstance(url, in.types.str) ? url : make_str(in, str(in, url));
  rq->echoed = std::move(echoed);
  rq->response = value::none();
  return v;
}

value session_get(interpreter& in, const call_args& a, object*) {
  session_self(in, a);
  value p[1];
  bind_method(in, a, "ClientSession.get", {"url"}, 1, p);
  return new_request(in, a.args[0], "GET", p[0], make_dict(in));
}
value session_post(interpreter& in, const call_args& a, object*) {
  session_self(in, a);
  value p[2];
  bind_method(in, a, "ClientSession.post", {"url", "data"}, 1, p);
  value json = keyword(in, a, "json");
  value echoed = make_dict(in);
  if (!json.empty() && !json.is_none()) dict_set(in, echoed, make_str(in, "json"), json);
  if (!p[1].empty() && !p[1].is_none()) dict_set(in, echoed, make_str(in, "data"), p[1]);
  return new_request(in, a.args[0], "POST", p[0], std::move(echoed));
}

task<value> close_body(value self, value result) {
  static_cast<session_object*>(self.obj())->closed = true;
  co_return result;
}
task<value> give_body(value v) { co_return v; }

value session_close(interpreter& in, const call_args& a, object*) {
  session_self(in, a);
  return make_native_coroutine(in, close_body(a.args[0], value::none()), "ClientSession.close");
}
value session_aenter(interpreter& in, const call_args& a, object*) {
  session_self(in, a);
  return make_native_coroutine(in, give_body(a.args[0]), "ClientSession.__aenter__");
}
value session_aexit(interpreter& in, const call_args& a, object*) {
  session_self(in, a);
  return make_native_coroutine(in, close_body(a.args[0], value::none()), "ClientSession.__aexit__");
}

// A native type of the module whose type object knows the module's other types.
kit_type* make_kit_type(interpreter& in, const char* name, std::shared_ptr<kit> k) {
  auto* t = in.heap.make<kit_type>(in.types.type_);
  t->name = name;
  t->module = "aiohttp";
  t->mro = {t, in.types.object_};
  incref(in.types.object_);
  t->bases.push_back(in.types.object_);
  t->slots = in.types.object_->slots;
  t->types = std::move(k);
  return t;
}

void make_aiohttp(interpreter& in, module_object& m) {
  auto k = std::make_shared<kit>();
  m.attrs.set(in.intern("__name__"), make_str(in, "aiohttp"));
  m.attrs.set(in.intern("__doc__"), make_str(in, "A simulated aiohttp: no network (asyncrace)."));

  type_object* client_error = make_builtin_type(in, "ClientError", in.types.Exception);
  client_error->module = "aiohttp";
  type_object* response_error = make_builtin_type(in, "ClientResponseError", client_error);
  response_error->module = "aiohttp";
  response_error->slots.construct = response_error_new;
  add_method(in, response_error, "__init__", response_error_init);
  k->error = response_error;

  kit_type* response = make_kit_type(in, "ClientResponse", k);
  response->slots.repr = response_repr;
  response->slots.getattr = response_getattr;
  response->slots.construct = response_construct;
  add_method(in, response, "text", response_text);
  add_method(in, response, "read", response_read);
  add_method(in, response, "json", response_json);
  add_method(in, response, "raise_for_status", response_raise_for_status);
  add_method(in, response, "release", response_release);
  k->response = response;

  kit_type* request = make_kit_type(in, "_RequestContextManager", k);
  request->slots.repr = request_repr;
  add_method(in, request, "__await__", request_await);
  add_method(in, request, "__aenter__", request_aenter);
  add_method(in, request, "__aexit__", request_aexit);
  k->request = request;  // not in the module, as in the simulation

  kit_type* session = make_kit_type(in, "ClientSession", k);
  session->slots.repr = session_repr;
  session->slots.getattr = session_getattr;
  session->slots.construct = session_construct;
  add_method(in, session, "get", session_get);
  add_method(in, session, "post", session_post);
  add_method(in, session, "close", session_close);
  add_method(in, session, "__aenter__", session_aenter);
  add_method(in, session, "__aexit__", session_aexit);
  k->session = session;

  m.attrs.set(in.intern("ClientError"), value::borrow(client_error));
  m.attrs.set(in.intern("ClientResponseError"), value::borrow(response_error));
  m.attrs.set(in.intern("ClientResponse"), value::borrow(response));
  m.attrs.set(in.intern("ClientSession"), value::borrow(session));
  // The types keep their first reference: they live as long as the interpreter's heap, as their
  // instances (which do not count as references to them) may.
}

}  // namespace

void register_aiohttp_module(interpreter& in) { in.register_module("aiohttp", make_aiohttp); }

}  // namespace asyncrace::python
