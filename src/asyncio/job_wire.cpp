#include "asyncio/job_wire.hpp"

#include <exception>
#include <vector>

#include "asyncio/job_context.hpp"
#include "loop/executor.hpp"

namespace asyncrace::wire {
namespace {

std::vector<worker_function>& registry() {
  static std::vector<worker_function> functions;  // filled before main, read after
  return functions;
}

std::string header(ending how, std::string_view what) {
  writer w;
  w.put(static_cast<int>(how));
  w.put(what);
  return w.take();
}

}  // namespace

void add(const worker_function& f) {
  for (const worker_function& g : registry())
    if (std::string_view(g.name) == f.name)
      throw std::logic_error(std::string("two worker functions named ") + f.name);
  registry().push_back(f);
}

const worker_function* find_key(const void* key) {
  if (key == nullptr) return nullptr;
  for (const worker_function& f : registry())
    if (f.key == key) return &f;
  return nullptr;
}

const worker_function* find_name(std::string_view name) {
  for (const worker_function& f : registry())
    if (name == f.name) return &f;
  return nullptr;
}

std::string run_call(std::string_view call, job_context& job) {
  try {
    reader in(call);
    const std::string name = in.get<std::string>();
    const worker_function* f = find_name(name);
    if (f == nullptr) throw wire_error("no worker function named " + name);
    writer value;
    f->invoke(in, job, value);
    return header(ending::returned, job.what()) + value.bytes();
  } catch (const worker_death&) {
    return header(ending::worker_died, job.what());
  } catch (const py_exception& e) {
    return raised_outcome(e.type(), e.what(), job.what());
  } catch (const std::exception& e) {
    return raised_outcome("RuntimeError", e.what(), job.what());
  }
}

std::string died_outcome(std::string_view what) { return header(ending::worker_died, what); }

std::string raised_outcome(std::string_view type, std::string_view message, std::string_view what) {
  writer w;
  w.put(type);
  w.put(message);
  return header(ending::raised, what) + w.bytes();
}

std::string call_name(std::string_view call) {
  try {
    return reader(call).get<std::string>();
  } catch (const wire_error&) {
    return {};
  }
}

outcome read_outcome(std::string_view message) {
  reader r(message);
  const int how = r.get<int>();
  if (how < 0 || how > static_cast<int>(ending::worker_died)) throw wire_error("unknown ending");
  std::string what = r.get<std::string>();
  return {static_cast<ending>(how), std::move(what), std::string(message.substr(message.size() - r.remaining()))};
}

ending outcome_ending(std::string_view message) {
  try {
    return read_outcome(message).how;
  } catch (const wire_error&) {
    return ending::raised;
  }
}

}  // namespace asyncrace::wire
