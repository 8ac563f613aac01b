// .brandlint.yaml parsing on arbitrary text: a configuration or an error, nothing else.
#include <cstddef>
#include <cstdint>
#include <string>

#include "config/config_text.hpp"
#include "text/utf8_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string contents(reinterpret_cast<const char*>(data), size);
  if (brandlint::text::check_utf8(contents, "fuzz")) return 0;
  (void)brandlint::parse_config(contents, "/tmp/fuzz/.brandlint.yaml");
  return 0;
}
