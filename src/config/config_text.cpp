#include "config/config_text.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "text/utf8_check.hpp"

namespace brandlint {

Expected<std::string> read_text_file(const std::string& path, const std::string& what) {
  auto contents = read_file_bytes(path, what);
  if (!contents) return contents;
  if (auto bad = text::check_utf8(contents.value(), path)) return *bad;
  return contents;
}

Expected<std::string> read_file_bytes(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, 0, 0, "cannot read " + what + ": " + std::strerror(errno)};
  std::string contents;
  // A file's size is known: read at once (a character at a time took a fifth of a one-post
  // run's reading of the rule packs). A pipe's is not.
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size >= 0 && in) {
    contents.resize(static_cast<std::size_t>(size));
    in.read(contents.data(), size);
    contents.resize(static_cast<std::size_t>(in.gcount()));
  } else {
    in.clear();
    contents.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (in.bad()) return Error{path, 0, 0, "cannot read " + what + ": " + std::strerror(errno)};
  return contents;
}

std::string yaml_problem(const std::string& yaml_cpp_message) {
  // yaml-cpp's depth guard (2000 levels) reports itself with the message of an unreadable file.
  if (yaml_cpp_message == "bad file") return "nested too deeply (yaml-cpp follows 2000 levels)";
  return yaml_cpp_message;
}

}  // namespace brandlint
