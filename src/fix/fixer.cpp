#include "fix/fixer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace brandlint::fix {

std::string apply(const std::string& contents, std::vector<Replacement> replacements) {
  std::sort(replacements.begin(), replacements.end(),
            [](const Replacement& a, const Replacement& b) { return a.offset < b.offset; });
  std::string out;
  out.reserve(contents.size());
  std::size_t copied = 0;
  for (const auto& r : replacements) {
    if (r.offset < copied || r.offset + r.length > contents.size()) continue;  // overlaps
    out.append(contents, copied, r.offset - copied);
    out += r.text;
    copied = r.offset + r.length;
  }
  out.append(contents, copied, std::string::npos);
  return out;
}

std::optional<Error> write_atomically(const std::string& path, const std::string& contents) {
  struct stat original {};
  if (::stat(path.c_str(), &original) != 0) {
    return Error{path, 0, 0, std::string("cannot write: ") + std::strerror(errno)};
  }
  const std::filesystem::path target(path);
  std::string temp =
      (target.parent_path() / ("." + target.filename().string() + ".brandlint-XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return Error{path, 0, 0, std::string("cannot write: ") + std::strerror(errno)};
  auto fail = [&](const char* what) {
    const int saved = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    return Error{
        path, 0, 0,
        std::string(what) + ": " + std::strerror(saved) + " (the file was left unchanged)"};
  };
  std::size_t written = 0;
  while (written < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write");
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, original.st_mode & 07777) != 0) return fail("cannot keep permissions");
  if (::fsync(fd) != 0) return fail("cannot flush to disk");
  if (::close(fd) != 0) {
    ::unlink(temp.c_str());
    return Error{path, 0, 0, std::string("cannot write: ") + std::strerror(errno)};
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    return Error{path, 0, 0,
                 std::string("cannot replace the file: ") + std::strerror(saved) +
                     " (the file was left unchanged)"};
  }
  // Make the rename itself durable.
  const std::string folder = target.parent_path().empty() ? "." : target.parent_path().string();
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return std::nullopt;
}

namespace {

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < s.size()) {
    const std::size_t nl = s.find('\n', start);
    const std::size_t end = nl == std::string::npos ? s.size() : nl + 1;
    lines.push_back(s.substr(start, end - start));
    start = end;
  }
  return lines;
}

}  // namespace

std::string unified_diff(const std::string& path, const std::string& before,
                         const std::string& after) {
  if (before == after) return {};
  const auto a = split_lines(before);
  const auto b = split_lines(after);
  // Fixes replace words inside lines, so the common prefix and suffix of lines frame one or
  // more changed regions; unchanged lines between regions split hunks.
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  // Changed line pairs inside the middle when both sides have the same number of lines.
  struct Change {
    std::size_t a_begin, a_end, b_begin, b_end;
  };
  std::vector<Change> changes;
  const std::size_t a_mid = a.size() - prefix - suffix;
  const std::size_t b_mid = b.size() - prefix - suffix;
  if (a_mid == b_mid) {
    for (std::size_t i = prefix; i < prefix + a_mid;) {
      if (a[i] == b[i]) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < prefix + a_mid && a[j] != b[j]) ++j;
      changes.push_back({i, j, i, j});
      i = j;
    }
  } else {
    changes.push_back({prefix, prefix + a_mid, prefix, prefix + b_mid});
  }
  constexpr std::size_t kContext = 3;
  std::string out = "--- a/" + path + "\n+++ b/" + path + "\n";
  auto line_out = [&](char sign, const std::string& line) {
    out += sign;
    out += line;
    if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
  };
  for (std::size_t c = 0; c < changes.size();) {
    // Merge changes whose contexts touch into one hunk.
    std::size_t last = c;
    while (last + 1 < changes.size() &&
           changes[last + 1].a_begin <= changes[last].a_end + 2 * kContext) {
      ++last;
    }
    const std::size_t a_start = changes[c].a_begin - std::min(kContext, changes[c].a_begin);
    const std::size_t b_start = changes[c].b_begin - (changes[c].a_begin - a_start);
    const std::size_t a_stop = std::min(a.size(), changes[last].a_end + kContext);
    const std::size_t b_stop =
        std::min(b.size(), changes[last].b_end + (a_stop - changes[last].a_end));
    out += "@@ -" + std::to_string(a_start + 1) + "," + std::to_string(a_stop - a_start) + " +" +
           std::to_string(b_start + 1) + "," + std::to_string(b_stop - b_start) + " @@\n";
    std::size_t ai = a_start, bi = b_start;
    for (std::size_t k = c; k <= last; ++k) {
      while (ai < changes[k].a_begin) {
        line_out(' ', a[ai++]);
        ++bi;
      }
      while (ai < changes[k].a_end) line_out('-', a[ai++]);
      while (bi < changes[k].b_end) line_out('+', b[bi++]);
    }
    while (ai < a_stop) {
      line_out(' ', a[ai++]);
      ++bi;
    }
    c = last + 1;
  }
  return out;
}

}  // namespace brandlint::fix
