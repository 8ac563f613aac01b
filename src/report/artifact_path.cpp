#include "report/artifact_path.hpp"

#include <filesystem>

namespace brandlint::report {
namespace {

namespace fs = std::filesystem;

std::string percent_encode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~' || c == '/';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

}  // namespace

ArtifactPath artifact_path(const SourceFile& source) {
  ArtifactPath a;
  // The reader names stdin "<stdin>" and the CLI names --text "<text>" or "<text N>".
  if (source.path.empty() || source.path.front() == '<') {
    a.is_file = false;
    a.path = source.path;
    return a;
  }
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  const fs::path absolute = fs::absolute(source.path, ec).lexically_normal();
  if (!ec && !cwd.empty()) {
    const fs::path relative = absolute.lexically_relative(cwd);
    if (!relative.empty() && relative != "." && *relative.begin() != "..") {
      a.relative = true;
      a.path = relative.generic_string();
      return a;
    }
  }
  a.path = (ec ? fs::path(source.path) : absolute).generic_string();
  return a;
}

std::string artifact_uri(const ArtifactPath& path) {
  if (path.relative || !path.is_file) return percent_encode(path.path);
  return "file://" + percent_encode(path.path);
}

std::string current_directory_uri() {
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).generic_string();
  if (ec || cwd.empty()) return "file:///";
  if (cwd.back() != '/') cwd += '/';
  return "file://" + percent_encode(cwd);
}

}  // namespace brandlint::report
