// What brandlint keeps between runs: files of plain numbers and strings, each behind a key that
// says what it was made from and a checksum, in one folder the user may delete at any time.
// The suggester's tables (spelling/suggester.cpp), the parsed rule packs
// (rules/rule_loader.cpp) and the suggestions of earlier runs (spelling/suggestion_memo.cpp)
// are kept here. Everything is only a cache: a file that is missing, stale, damaged or cannot
// be written only means the work is done again.
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace brandlint::cache {

// $BRANDLINT_CACHE_DIR when set ("" or "off": no cache), else $XDG_CACHE_HOME/brandlint, else
// $HOME/.cache/brandlint; empty when none of them is set.
std::string directory();

// Whether directory() already held a file written before this process started: a folder kept
// between runs, where what a run builds for later runs will be read again. A CI job whose
// cache folder starts empty each time is not one: building there only delays the run. Asked
// once per folder and process.
bool kept_from_earlier_runs();

// FNV-1a of `bytes`: a stable 64-bit name for a key or a word, the same in every build.
// `from` continues an earlier hash: fnv1a("b", fnv1a("a")) == fnv1a("ab").
constexpr std::uint64_t kFnv1aBasis = 14695981039346656037ull;
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t from = kFnv1aBasis);

// `value` as 16 lowercase hexadecimal digits.
std::string hex(std::uint64_t value);

// `dir`/`stem`-<hex of fnv1a(`key`)>`extension`: one file per thing cached, whatever its
// version.
std::string file_for(const std::string& dir, std::string_view stem, std::string_view key,
                     std::string_view extension);

// What a file is now, for a key: "real path size mtime\n" (nanoseconds), or "" when it
// cannot be read.
std::string file_identity(const std::string& path);

// The program or library this code was loaded from, and its identity (file_identity): any
// rebuild changes the identity, so results computed by other code are never taken for this
// code's.
std::string code_file();
std::string code_identity();

// A fast checksum of `bytes` (several GB/s), so that a file damaged in the middle is refused.
std::uint64_t checksum(std::string_view bytes);

// Writes `bytes`, then their checksum, to `path` through a temporary file in the same folder
// and a rename, so that a reader never sees half a file. Creates the folder; failures are
// ignored. The file is readable by its owner only.
void write(const std::string& path, std::string_view bytes);

// Removes the files of `dir` ending in `extension`, other than `keep`, whose key (the text
// every cache file starts with) `replaced` says `keep` stands for: the versions an earlier
// brandlint left under other names. Reads only the keys; failures are ignored.
void remove_replaced(const std::string& dir, std::string_view extension, const std::string& keep,
                     const std::function<bool(std::string_view key)>& replaced);

// A cache file mapped read-only, its checksum verified: bytes() is what write() was given.
// Empty when the file is missing, unreadable or damaged. The mapping lives as long as the
// object, so tables can point into it instead of copying.
class Mapped {
 public:
  static std::shared_ptr<const Mapped> open(const std::string& path);
  ~Mapped();
  Mapped(const Mapped&) = delete;
  Mapped& operator=(const Mapped&) = delete;
  std::string_view bytes() const { return {data_, size_}; }

 private:
  Mapped() = default;
  const char* data_ = nullptr;
  std::size_t size_ = 0;    // without the checksum
  std::size_t mapped_ = 0;  // the whole mapping
};

// Every value starts at a multiple of 8 bytes from the start, so that arrays read in place are
// aligned for their type.
class Writer {
 public:
  template <class T>
  void number(T value) {
    static_assert(std::is_trivially_copyable_v<T> && sizeof(T) <= 8);
    pad();
    out_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  template <class T>
  void array(const T* values, std::size_t n) {
    static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= 8);
    number<std::uint64_t>(n);
    if (n != 0) out_.append(reinterpret_cast<const char*>(values), n * sizeof(T));
  }
  template <class T>
  void array(const std::vector<T>& values) {
    array(values.data(), values.size());
  }
  void text(std::string_view s) { array(s.data(), s.size()); }
  // Room for `n` more bytes, so that a large table is not copied as the buffer grows.
  void reserve(std::size_t n) { out_.reserve(out_.size() + n); }
  std::string& bytes() {
    pad();
    return out_;
  }

 private:
  void pad() { out_.resize((out_.size() + 7) / 8 * 8, '\0'); }
  std::string out_;
};

// Reads what a Writer wrote; every call returns false instead of reading past the end.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <class T>
  bool number(T* value) {
    if (!skip_padding() || in_.size() - at_ < sizeof(T)) return false;
    std::memcpy(value, in_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return true;
  }
  // An array in place: `*values` points into the input, which must outlive its use.
  template <class T>
  bool view(const T** values, std::size_t* n) {
    std::uint64_t count = 0;
    if (!number(&count) || count > (in_.size() - at_) / sizeof(T)) return false;
    *n = static_cast<std::size_t>(count);
    *values = reinterpret_cast<const T*>(in_.data() + at_);
    at_ += *n * sizeof(T);
    return true;
  }
  template <class T>
  bool array(std::vector<T>* values) {
    const T* data = nullptr;
    std::size_t n = 0;
    if (!view(&data, &n)) return false;
    values->assign(data, data + n);
    return true;
  }
  bool text(std::string_view* s) {
    const char* data = nullptr;
    std::size_t n = 0;
    if (!view(&data, &n)) return false;
    *s = std::string_view(data, n);
    return true;
  }
  bool text(std::string* s) {
    std::string_view v;
    if (!text(&v)) return false;
    s->assign(v);
    return true;
  }
  bool at_end() { return skip_padding() && at_ == in_.size(); }

 private:
  bool skip_padding() {
    const std::size_t aligned = (at_ + 7) / 8 * 8;
    if (aligned > in_.size()) return false;
    at_ = aligned;
    return true;
  }
  std::string_view in_;
  std::size_t at_ = 0;
};

}  // namespace brandlint::cache
