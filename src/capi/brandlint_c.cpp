// The C interface over the C++ library: no exception or C++ type crosses it.
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "brandlint/brandlint.h"
#include "brandlint/brandlint.hpp"
#include "post/metadata.hpp"
#include "text/utf8_check.hpp"

struct brandlint_linter {
  std::shared_ptr<const brandlint::Linter> linter;
};

struct brandlint_result {
  std::vector<brandlint::Diagnostic> diagnostics;
  std::vector<brandlint::Position> positions;
};

namespace {

void set_error(char** error, const std::string& message) {
  if (error == nullptr) return;
  *error = static_cast<char*>(std::malloc(message.size() + 1));
  if (*error != nullptr) std::memcpy(*error, message.c_str(), message.size() + 1);
}

const brandlint::Diagnostic* at(const brandlint_result* r, std::size_t i) {
  return r != nullptr && i < r->diagnostics.size() ? &r->diagnostics[i] : nullptr;
}

}  // namespace

extern "C" {

brandlint_linter* brandlint_linter_new(const char* config_path, char** error) {
  try {
    brandlint::Config config;
    if (config_path != nullptr) {
      auto loaded = brandlint::load_config(config_path);
      if (!loaded) {
        set_error(error, loaded.error().to_string());
        return nullptr;
      }
      config = std::move(loaded.value());
    }
    auto made = brandlint::Linter::create(config);
    if (!made) {
      set_error(error, made.error().to_string());
      return nullptr;
    }
    return new brandlint_linter{made.value()};
  } catch (const std::exception& e) {
    set_error(error, e.what());
    return nullptr;
  }
}

void brandlint_linter_free(brandlint_linter* linter) { delete linter; }

brandlint_result* brandlint_check(const brandlint_linter* linter, const char* text,
                                  const brandlint_meta* meta, size_t meta_count, char** error) {
  if (linter == nullptr || text == nullptr) {
    set_error(error, "brandlint_check: linter and text must not be NULL");
    return nullptr;
  }
  try {
    brandlint::Post post;
    post.text = text;
    if (auto bad = brandlint::text::check_utf8(post.text, "<text>")) {
      set_error(error, bad->to_string());
      return nullptr;
    }
    for (size_t i = 0; i < meta_count; ++i) {
      if (meta[i].key == nullptr || meta[i].value == nullptr) continue;
      brandlint::post::KeyResult result;
      if (auto bad = brandlint::post::set_metadata(post.meta, meta[i].key, meta[i].value, result)) {
        set_error(error, *bad);
        return nullptr;
      }
      if (result == brandlint::post::KeyResult::unknown) {
        set_error(error, std::string("unknown metadata key '") + meta[i].key + "'");
        return nullptr;
      }
    }
    auto file = std::make_shared<brandlint::SourceFile>(brandlint::SourceFile{"<text>", post.text});
    brandlint::index_lines(*file);
    post.source.file = file;
    auto found = linter->linter->check(post);
    if (!found) {
      set_error(error, found.error().to_string());
      return nullptr;
    }
    auto* result = new brandlint_result;
    for (auto& d : found.value()) {
      if (d.suppressed) continue;
      result->positions.push_back(brandlint::locate(*file, d.offset));
      result->diagnostics.push_back(std::move(d));
    }
    return result;
  } catch (const std::exception& e) {
    set_error(error, e.what());
    return nullptr;
  }
}

size_t brandlint_result_count(const brandlint_result* r) {
  return r == nullptr ? 0 : r->diagnostics.size();
}
const char* brandlint_result_rule(const brandlint_result* r, size_t i) {
  return at(r, i) != nullptr ? at(r, i)->rule.c_str() : nullptr;
}
const char* brandlint_result_category(const brandlint_result* r, size_t i) {
  return at(r, i) != nullptr ? at(r, i)->category.c_str() : nullptr;
}
int brandlint_result_severity(const brandlint_result* r, size_t i) {
  return at(r, i) != nullptr ? static_cast<int>(at(r, i)->severity) : -1;
}
const char* brandlint_result_message(const brandlint_result* r, size_t i) {
  return at(r, i) != nullptr ? at(r, i)->message.c_str() : nullptr;
}
const char* brandlint_result_match(const brandlint_result* r, size_t i) {
  return at(r, i) != nullptr ? at(r, i)->match.c_str() : nullptr;
}
size_t brandlint_result_offset(const brandlint_result* r, size_t i) {
  return at(r, i) != nullptr ? at(r, i)->offset : 0;
}
size_t brandlint_result_length(const brandlint_result* r, size_t i) {
  return at(r, i) != nullptr ? at(r, i)->length : 0;
}
size_t brandlint_result_line(const brandlint_result* r, size_t i) {
  return at(r, i) != nullptr ? r->positions[i].line : 0;
}
size_t brandlint_result_column(const brandlint_result* r, size_t i) {
  return at(r, i) != nullptr ? r->positions[i].column : 0;
}
size_t brandlint_result_suggestion_count(const brandlint_result* r, size_t i) {
  return at(r, i) != nullptr ? at(r, i)->suggestions.size() : 0;
}
const char* brandlint_result_suggestion(const brandlint_result* r, size_t i, size_t j) {
  const auto* d = at(r, i);
  return d != nullptr && j < d->suggestions.size() ? d->suggestions[j].c_str() : nullptr;
}
void brandlint_result_free(brandlint_result* r) { delete r; }
void brandlint_string_free(char* s) { std::free(s); }

const char* brandlint_version(void) {
  static const std::string v(brandlint::version());
  return v.c_str();
}

}  // extern "C"
