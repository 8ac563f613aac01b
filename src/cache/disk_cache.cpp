#include "cache/disk_cache.hpp"

#include <fcntl.h>
#include <link.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>

namespace brandlint::cache {
namespace {

std::uint64_t mix(std::uint64_t h, std::uint64_t word) {
  h = (h ^ word) * 0xFF51AFD7ED558CCDull;
  return h ^ (h >> 29);
}

std::uint64_t load64(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

}  // namespace

std::string directory() {
  if (const char* dir = std::getenv("BRANDLINT_CACHE_DIR"); dir != nullptr) {
    const std::string_view d = dir;
    return d.empty() || d == "off" ? std::string() : std::string(d);
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/') {
    return std::string(xdg) + "/brandlint";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.cache/brandlint";
  }
  return {};
}

namespace {
// When this process started, on the clock of files' modification times.
const std::filesystem::file_time_type kStarted = std::filesystem::file_time_type::clock::now();
}  // namespace

bool kept_from_earlier_runs() {
  const std::string dir = directory();
  if (dir.empty()) return false;
  static std::mutex mutex;
  static std::map<std::string, bool> known;
  std::lock_guard<std::mutex> lock(mutex);
  const auto found = known.find(dir);
  if (found != known.end()) return found->second;
  bool kept = false;
  std::error_code error;
  for (std::filesystem::directory_iterator it(dir, error), end; !error && it != end && !kept;
       it.increment(error)) {
    std::error_code time_error;
    const auto written = it->last_write_time(time_error);
    kept = !time_error && it->is_regular_file(time_error) && written < kStarted;
  }
  known.emplace(dir, kept);
  return kept;
}

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t from) {
  std::uint64_t h = from;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::string hex(std::uint64_t value) {
  char digits[17];
  std::snprintf(digits, sizeof digits, "%016llx", static_cast<unsigned long long>(value));
  return digits;
}

std::string file_for(const std::string& dir, std::string_view stem, std::string_view key,
                     std::string_view extension) {
  std::string name = dir;
  name += '/';
  name += stem;
  name += '-';
  name += hex(fnv1a(key));
  name += extension;
  return name;
}

std::string file_identity(const std::string& path) {
  std::error_code error;
  const std::filesystem::path real = std::filesystem::canonical(path, error);
  struct stat st {};
  if (error || ::stat(real.c_str(), &st) != 0) return {};
  return real.string() + ' ' + std::to_string(st.st_size) + ' ' +
         std::to_string(st.st_mtim.tv_sec) + '.' + std::to_string(st.st_mtim.tv_nsec) + '\n';
}

std::string code_file() {
  static const std::string path = [] {
    // The loaded object whose segments hold this function: the program itself (no name;
    // /proc/self/exe then) or a shared library.
    struct Search {
      std::uintptr_t address;
      std::string path;
    } search{reinterpret_cast<std::uintptr_t>(&code_file), {}};
    ::dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* data) {
          auto* s = static_cast<Search*>(data);
          for (int i = 0; i < info->dlpi_phnum; ++i) {
            const ElfW(Phdr)& segment = info->dlpi_phdr[i];
            if (segment.p_type != PT_LOAD) continue;
            const std::uintptr_t begin = info->dlpi_addr + segment.p_vaddr;
            if (s->address >= begin && s->address < begin + segment.p_memsz) {
              const bool main_program = info->dlpi_name == nullptr || *info->dlpi_name == '\0';
              s->path = main_program ? "/proc/self/exe" : info->dlpi_name;
              return 1;
            }
          }
          return 0;
        },
        &search);
    std::error_code error;
    const std::filesystem::path real = std::filesystem::canonical(search.path, error);
    return error ? std::string() : real.string();
  }();
  return path;
}

std::string code_identity() {
  const std::string path = code_file();
  return path.empty() ? std::string() : file_identity(path);
}

std::uint64_t checksum(std::string_view bytes) {
  // Four independent lanes, so that the multiplications overlap.
  std::uint64_t lane[4] = {0x9E3779B97F4A7C15ull ^ bytes.size(), 0xC2B2AE3D27D4EB4Full,
                           0x165667B19E3779F9ull, 0x27D4EB2F165667C5ull};
  const char* p = bytes.data();
  std::size_t n = bytes.size();
  for (; n >= 32; p += 32, n -= 32) {
    for (int k = 0; k < 4; ++k) lane[k] = mix(lane[k], load64(p + 8 * k));
  }
  for (; n >= 8; p += 8, n -= 8) lane[0] = mix(lane[0], load64(p));
  for (; n > 0; ++p, --n) lane[1] = mix(lane[1], static_cast<unsigned char>(*p));
  return mix(mix(mix(lane[0], lane[1]), lane[2]), lane[3]);
}

void write(const std::string& path, std::string_view bytes) {
  const std::uint64_t sum = checksum(bytes);
  std::error_code error;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), error);
  if (error) return;
  std::string temp = path + ".XXXXXX";
  const int fd = ::mkstemp(temp.data());  // mode 0600
  if (fd < 0) return;
  // The checksum goes after the bytes in a write of its own: appending it to a table of tens of
  // megabytes would copy the table.
  auto all = [fd](std::string_view piece) {
    std::size_t done = 0;
    while (done < piece.size()) {
      const ssize_t n = ::write(fd, piece.data() + done, piece.size() - done);
      if (n <= 0) return false;
      done += static_cast<std::size_t>(n);
    }
    return true;
  };
  const bool written =
      all(bytes) && all(std::string_view(reinterpret_cast<const char*>(&sum), sizeof sum));
  const bool ok = ::close(fd) == 0 && written;
  if (!ok || std::rename(temp.c_str(), path.c_str()) != 0) ::unlink(temp.c_str());
}

void remove_replaced(const std::string& dir, std::string_view extension, const std::string& keep,
                     const std::function<bool(std::string_view key)>& replaced) {
  std::error_code error;
  const std::filesystem::path kept(keep);
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::filesystem::path& path = entry.path();
    if (path.extension() != extension || path == kept) continue;
    std::ifstream in(path, std::ios::binary);
    std::uint64_t length = 0;
    if (!in.read(reinterpret_cast<char*>(&length), sizeof length) || length > 65536) continue;
    std::string key(static_cast<std::size_t>(length), '\0');
    if (!in.read(key.data(), static_cast<std::streamsize>(length))) continue;
    if (replaced(key)) std::filesystem::remove(path, error);
  }
}

std::shared_ptr<const Mapped> Mapped::open(const std::string& path) {
  std::shared_ptr<Mapped> file(new Mapped());
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return file;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 8) {
    ::close(fd);
    return file;
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  // The checksum reads every page at once: mapping them all now saves a fault per page.
  void* at = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);
  if (at == MAP_FAILED) return file;
  file->data_ = static_cast<const char*>(at);
  file->mapped_ = size;
  const std::string_view body(file->data_, size - 8);
  if (checksum(body) == load64(file->data_ + size - 8)) file->size_ = size - 8;
  return file;
}

Mapped::~Mapped() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), mapped_);
}

}  // namespace brandlint::cache
