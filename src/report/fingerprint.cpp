#include "report/fingerprint.hpp"

#include <cstdint>

namespace brandlint::report {
namespace {

// FNV-1a, 64 bits: stable across platforms and releases, which std::hash is not.
std::uint64_t fnv1a(const std::string& s, std::uint64_t basis) {
  std::uint64_t h = basis;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

void append_hex(std::string& out, std::uint64_t v) {
  static const char* kHex = "0123456789abcdef";
  for (int shift = 60; shift >= 0; shift -= 4) out += kHex[(v >> shift) & 0xF];
}

}  // namespace

std::string Fingerprinter::next(const Finding& f, const std::string& path) {
  std::string key = path;
  for (const std::string* part : {&f.post, &f.diagnostic.rule, &f.diagnostic.match}) {
    key += '\0';
    key += *part;
  }
  const std::size_t occurrence = seen_[key]++;
  key += '\0';
  key += std::to_string(occurrence);
  std::string out;
  // Two bases (the standard one and a second arbitrary one) give 128 bits.
  append_hex(out, fnv1a(key, 0xcbf29ce484222325ULL));
  append_hex(out, fnv1a(key, 0x84222325cbf29ce4ULL));
  return out;
}

}  // namespace brandlint::report
