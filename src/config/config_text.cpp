#include "config/config_text.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "text/utf8_check.hpp"

namespace brandlint {

Expected<std::string> read_text_file(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, 0, 0, "cannot read " + what + ": " + std::strerror(errno)};
  std::string contents((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Error{path, 0, 0, "cannot read " + what + ": " + std::strerror(errno)};
  if (auto bad = text::check_utf8(contents, path)) return *bad;
  return contents;
}

std::string yaml_problem(const std::string& yaml_cpp_message) {
  // yaml-cpp's depth guard (2000 levels) reports itself with the message of an unreadable file.
  if (yaml_cpp_message == "bad file") return "nested too deeply (yaml-cpp follows 2000 levels)";
  return yaml_cpp_message;
}

}  // namespace brandlint
