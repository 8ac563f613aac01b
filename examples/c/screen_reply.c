/* Screens a reply before a helpdesk sends it: the C interface from a plain C program.
 * Usage: screen_reply LANG CUSTOMER "TEXT"   (exit 1 when something should be fixed) */
#include <stdio.h>

#include "brandlint/brandlint.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s LANG CUSTOMER TEXT\n", argv[0]);
    return 2;
  }
  char* error = NULL;
  brandlint_linter* linter = brandlint_linter_new(NULL, &error);
  if (linter == NULL) {
    fprintf(stderr, "brandlint: %s\n", error);
    brandlint_string_free(error);
    return 2;
  }
  const brandlint_meta meta[] = {{"lang", argv[1]}, {"customer", argv[2]}, {"kind", "reply"}};
  brandlint_result* result = brandlint_check(linter, argv[3], meta, 3, &error);
  if (result == NULL) {
    fprintf(stderr, "brandlint: %s\n", error);
    brandlint_string_free(error);
    brandlint_linter_free(linter);
    return 2;
  }
  int blocking = 0;
  static const char* const kLevels[] = {"info", "warning", "error"};
  for (size_t i = 0; i < brandlint_result_count(result); ++i) {
    const int severity = brandlint_result_severity(result, i);
    printf("%zu:%zu: %s: %s [%s]", brandlint_result_line(result, i),
           brandlint_result_column(result, i), kLevels[severity],
           brandlint_result_message(result, i), brandlint_result_rule(result, i));
    if (brandlint_result_suggestion_count(result, i) > 0) {
      printf(" (try \"%s\")", brandlint_result_suggestion(result, i, 0));
    }
    printf("\n");
    if (severity >= BRANDLINT_WARNING) blocking = 1;
  }
  printf("%s\n", blocking ? "hold: fix before sending" : "ok to send");
  brandlint_result_free(result);
  brandlint_linter_free(linter);
  return blocking;
}
