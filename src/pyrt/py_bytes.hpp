// Python's bytes, as a child process's output arrives (subprocess.hpp), and the str methods
// tutorials apply to it once decoded:
//
//   bytes data = co_await proc.stdout_.readline();
//   std::string line = rstrip(data.decode("ascii"));   // data.decode('ascii').rstrip()
#pragma once

#include <string>
#include <string_view>

namespace asyncrace {

class bytes {
 public:
  bytes() = default;
  explicit bytes(std::string data) : data_(std::move(data)) {}

  const std::string& data() const { return data_; }
  std::size_t size() const { return data_.size(); }  // len(b)
  bool empty() const { return data_.empty(); }
  // bytes.decode(encoding): "ascii" and "utf-8" (whose text is kept as it is); UnicodeDecodeError
  // for a byte ASCII has not.
  std::string decode(std::string_view encoding = "utf-8") const;
  // repr(b): b'1970-01-01 00:00:00.050000\n'
  std::string repr() const;
  // bytes.hex(): two lowercase hex digits per byte (os.urandom(5).hex(), py_process.hpp).
  std::string hex() const;

  friend bool operator==(const bytes&, const bytes&) = default;

 private:
  std::string data_;
};

// str.rstrip(): without its trailing whitespace.
std::string rstrip(std::string s);

}  // namespace asyncrace
