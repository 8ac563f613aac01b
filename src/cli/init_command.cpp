// `brandlint init`: a commented starter configuration, written only where none exists.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

#include "cli/commands.hpp"

namespace brandlint::cli {
namespace {

constexpr const char* kStarter =
    R"(# brandlint configuration. Every key is optional; delete what you do not need.
# brandlint looks for this file from each checked file's folder upward, up to the
# repository root. Command-line flags win over it.

# Language of posts that do not say (en, en-GB, en-US, es, fr, it, auto).
lang: en

# Platform of posts that do not say (twitter, x, facebook, instagram, linkedin,
# mastodon, bluesky, threads, generic). It decides the length limit.
platform: generic

# The lowest severity that makes brandlint exit 1: error, warning, info or never.
fail_on: warning

# Words that are not typos for you: product names, your team's names.
# A list for every language, or per language: {all: [...], es: [...]}.
words: []
# word_lists: [brand-words.txt]     # one word a line

# Your own rule files (see rules/README.md in brandlint's sources).
# rules: [brand-rules/en/competitors.yaml]

# Rules or whole families to switch off, by id or dotted prefix.
# disable: [controversial.sports]

# Change a rule's or a family's severity (the longest prefix wins).
# severity: {tone: error}

# Replies must end with the agent's initials (^JM) or name: none, initials or name.
signature: none

# Settings for some files only (globs relative to this file).
# overrides:
#   - files: ["archive/**"]
#     disable: [spelling]

# How CSV exports are read when the text column is not text/message/post/content/body.
# csv: {text_column: Copy, columns: {Fecha: scheduled_at}}
)";

}  // namespace

int run_init(const std::string& folder) {
  const std::string path = (std::filesystem::path(folder) / ".brandlint.yaml").string();
  // O_EXCL: an existing configuration is never overwritten, even in a race.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0) {
    if (errno == EEXIST) {
      std::cerr << path << ": already exists; brandlint init never overwrites it\n";
    } else {
      std::cerr << path << ": cannot create: " << std::strerror(errno) << '\n';
    }
    return kExitError;
  }
  const std::string text = kStarter;
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!ok) {
    std::cerr << path << ": cannot write\n";
    ::unlink(path.c_str());
    return kExitError;
  }
  std::cout << "wrote " << path << '\n';
  return kExitClean;
}

}  // namespace brandlint::cli
