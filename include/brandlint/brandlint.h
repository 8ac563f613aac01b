/* brandlint's C interface: screen a reply from a helpdesk, CRM or composer plugin in any
 * language that can call C.
 *
 *   char* error = NULL;
 *   brandlint_linter* linter = brandlint_linter_new(NULL, &error);   // or a .brandlint.yaml
 *   brandlint_meta meta[] = {{"lang", "en"}, {"customer", "Ana"}, {"kind", "reply"}};
 *   brandlint_result* r = brandlint_check(linter, "Hi Ana, ...", meta, 3, &error);
 *   for (size_t i = 0; i < brandlint_result_count(r); ++i)
 *     printf("%s: %s\n", brandlint_result_rule(r, i), brandlint_result_message(r, i));
 *   brandlint_result_free(r);
 *   brandlint_linter_free(linter);
 *
 * A linter may be shared by threads. Strings returned by the accessors belong to the result
 * and live until it is freed; error strings belong to the caller (brandlint_string_free). */
#ifndef BRANDLINT_H
#define BRANDLINT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct brandlint_linter brandlint_linter;
typedef struct brandlint_result brandlint_result;

/* A metadata key (lang, platform, kind, customer, customer_handle, agent, in_reply_to,
 * scheduled_at, timezone, id) and its value. */
typedef struct {
  const char* key;
  const char* value;
} brandlint_meta;

enum { BRANDLINT_INFO = 0, BRANDLINT_WARNING = 1, BRANDLINT_ERROR = 2 };

/* config_path: a .brandlint.yaml, or NULL for the defaults. On failure returns NULL and, if
 * error is not NULL, sets *error to a message to free with brandlint_string_free. */
brandlint_linter* brandlint_linter_new(const char* config_path, char** error);
void brandlint_linter_free(brandlint_linter* linter);

/* Checks one post: UTF-8 text plus metadata. NULL on failure (invalid UTF-8, an unknown
 * metadata key or value, a dictionary that is not installed), with *error set. */
brandlint_result* brandlint_check(const brandlint_linter* linter, const char* text,
                                  const brandlint_meta* meta, size_t meta_count, char** error);

size_t brandlint_result_count(const brandlint_result* result);
const char* brandlint_result_rule(const brandlint_result* result, size_t i);
const char* brandlint_result_category(const brandlint_result* result, size_t i);
int brandlint_result_severity(const brandlint_result* result, size_t i);
const char* brandlint_result_message(const brandlint_result* result, size_t i);
const char* brandlint_result_match(const brandlint_result* result, size_t i);
/* Byte offset and length of the match in the text; 1-based line and column (code points). */
size_t brandlint_result_offset(const brandlint_result* result, size_t i);
size_t brandlint_result_length(const brandlint_result* result, size_t i);
size_t brandlint_result_line(const brandlint_result* result, size_t i);
size_t brandlint_result_column(const brandlint_result* result, size_t i);
size_t brandlint_result_suggestion_count(const brandlint_result* result, size_t i);
const char* brandlint_result_suggestion(const brandlint_result* result, size_t i, size_t j);
void brandlint_result_free(brandlint_result* result);

void brandlint_string_free(char* s);
/* The library's version, e.g. "0.1.0". */
const char* brandlint_version(void);

#ifdef __cplusplus
}
#endif

#endif /* BRANDLINT_H */
