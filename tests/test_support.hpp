// Small helpers shared by the tests: a temporary folder and running the CLI.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

// A temporary folder, removed with everything in it when the test ends.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "brandlint-test-XXXXXX").string();
    root_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string path(const std::string& relative = "") const {
    return relative.empty() ? root_.string() : (root_ / relative).string();
  }
  std::string write(const std::string& relative, const std::string& contents) const {
    const auto p = root_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << contents;
    return p.string();
  }

 private:
  std::filesystem::path root_;
};

// Makes `dir` look like a cache folder kept from an earlier run (cache::kept_from_earlier_runs):
// it holds a file written an hour ago.
inline void keep_from_earlier_run(const std::string& dir) {
  std::filesystem::create_directories(dir);
  const auto file = std::filesystem::path(dir) / "earlier-run";
  std::ofstream(file) << "written by an earlier run\n";
  std::filesystem::last_write_time(
      file, std::filesystem::file_time_type::clock::now() - std::chrono::hours(1));
}

// Sets an environment variable for one test, and puts back what was there.
struct ScopedEnv {
  std::string name;
  std::optional<std::string> old;
  ScopedEnv(const char* n, const std::string& value) : name(n) {
    if (const char* v = std::getenv(n)) old = v;
    ::setenv(n, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old) {
      ::setenv(name.c_str(), old->c_str(), 1);
    } else {
      ::unsetenv(name.c_str());
    }
  }
};

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs build/brandlint with a shell-quoted argument string after `prefix` (e.g. a
// `timeout 60 `); `input` goes to stdin.
inline RunResult run_brandlint_with_prefix(const std::string& prefix, const std::string& args,
                                           const std::string& input = "") {
  TempDir io;
  const std::string in = io.write("stdin", input);
  const std::string command = prefix + std::string(BRANDLINT_BINARY) + " " + args + " <" + in +
                              " >" + io.path("stdout") + " 2>" + io.path("stderr");
  RunResult r;
  const int status = std::system(command.c_str());
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  auto slurp = [](const std::string& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  };
  r.out = slurp(io.path("stdout"));
  r.err = slurp(io.path("stderr"));
  return r;
}

inline RunResult run_brandlint(const std::string& args, const std::string& input = "") {
  return run_brandlint_with_prefix("", args, input);
}

inline std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}
