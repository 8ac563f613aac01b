// The GCC shape editors and CI systems parse: file:line:col: severity: message [rule], then
// the source line with the span underlined and the suggestions.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <ostream>

#include "report/reporter.hpp"

namespace brandlint::report {
namespace {

const char* kReset = "\x1b[0m";
const char* kBold = "\x1b[1m";
const char* kDim = "\x1b[2m";
const char* kGreen = "\x1b[32m";
const char* kCyan = "\x1b[36m";

const char* severity_color(Severity s) {
  switch (s) {
    case Severity::error: return "\x1b[1;31m";
    case Severity::warning: return "\x1b[1;33m";
    case Severity::info: return "\x1b[1;36m";
  }
  return "";
}

// Terminal columns a code point takes: wide East Asian characters and emoji two, marks and
// format characters none.
int display_width(UChar32 c) {
  const int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  const auto width = static_cast<UEastAsianWidth>(u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH));
  if (width == U_EA_WIDE || width == U_EA_FULLWIDTH) return 2;
  return 1;
}

// Spaces (tabs kept) as wide as `s`, so the marker lines up under any terminal's tab stops.
std::string blank_like(std::string_view s) {
  std::string out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c == '\t') {
      out += '\t';
    } else if (c >= 0) {
      out.append(static_cast<std::size_t>(display_width(c)), ' ');
    }
  }
  return out;
}

std::size_t width_of(std::string_view s) { return blank_like(s).size(); }

class TextReporter final : public Reporter {
 public:
  TextReporter(std::ostream& out, Style style) : out_(out), style_(style) {}

  void finding(const Finding& f) override {
    if (f.suppressed) return;  // counted in the summary line
    const Diagnostic& d = f.diagnostic;
    out_ << paint(kBold, f.source->path + ":" + std::to_string(f.begin.line) + ":" +
                             std::to_string(f.begin.column) + ":")
         << ' ' << paint(severity_color(d.severity), std::string(to_string(d.severity)) + ":")
         << ' ' << d.message << ' ' << paint(kDim, "[" + d.rule + "]") << '\n';

    // The source line, and the span underlined up to the end of that line.
    const std::string& c = f.source->contents;
    // Offsets are the stream's; the contents may be a slice of it (JSON Lines on stdin).
    const std::size_t begin = f.begin.offset - f.source->base_offset;
    const std::size_t end = f.end.offset - f.source->base_offset;
    std::size_t line_begin = begin;
    while (line_begin > 0 && c[line_begin - 1] != '\n' && c[line_begin - 1] != '\r') --line_begin;
    std::size_t line_end = begin;
    while (line_end < c.size() && c[line_end] != '\n' && c[line_end] != '\r') ++line_end;
    const std::string_view line(c.data() + line_begin, line_end - line_begin);
    const std::string number = std::to_string(f.begin.line);
    const std::string gutter(number.size(), ' ');
    const std::size_t span_end = std::min(end, line_end);
    const std::string_view before = line.substr(0, begin - line_begin);
    const std::string_view marked = line.substr(begin - line_begin, span_end - begin);
    const std::size_t marker_width = std::max<std::size_t>(1, width_of(marked));
    out_ << ' ' << paint(kDim, number + " |") << ' ' << line << '\n';
    out_ << ' ' << paint(kDim, gutter + " |") << ' ' << blank_like(before)
         << paint(kGreen, "^" + std::string(marker_width - 1, '~')) << '\n';
    if (!d.suggestions.empty()) {
      std::string list;
      for (std::size_t i = 0; i < d.suggestions.size(); ++i) {
        if (i > 0) list += i + 1 == d.suggestions.size() ? " or " : ", ";
        list += "\"" + d.suggestions[i] + "\"";
      }
      const bool spelling = d.category == "spelling";
      out_ << ' ' << paint(kDim, gutter + " =") << ' ' << paint(kCyan, "help:") << ' '
           << (spelling ? "did you mean " + list + "?" : "try " + list) << '\n';
    }
  }

  void finish(const Summary& s) override {
    auto plural = [](std::size_t n, const char* word) {
      return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
    };
    const std::string checked =
        plural(s.posts, "post") + " in " + plural(s.files, "file") + " checked";
    const std::string suppressed =
        s.suppressed == 0 ? "" : " (" + std::to_string(s.suppressed) + " suppressed)";
    if (s.failures > 0) {
      out_ << checked << ": " << plural(s.errors, "error") << ", " << plural(s.warnings, "warning")
           << ", " << plural(s.infos, "info") << suppressed << "; " << plural(s.failures, "input")
           << " could not be checked (see above)\n";
      return;
    }
    if (s.errors + s.warnings + s.infos == 0) {
      out_ << paint(kGreen, "✓") << ' ' << checked << ": no problems found" << suppressed << '\n';
      return;
    }
    out_ << checked << ": " << paint(severity_color(Severity::error), plural(s.errors, "error"))
         << ", " << paint(severity_color(Severity::warning), plural(s.warnings, "warning")) << ", "
         << plural(s.infos, "info") << suppressed << '\n';
  }

 private:
  std::string paint(const char* code, const std::string& s) const {
    return style_.color ? code + s + kReset : s;
  }
  std::ostream& out_;
  Style style_;
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(std::ostream& out, Style style) {
  return std::make_unique<TextReporter>(out, style);
}

}  // namespace brandlint::report
