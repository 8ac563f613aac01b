// Turning byte offsets in a post's text into positions in the file the user edits.
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <cstdint>

#include "brandlint/brandlint.hpp"

namespace brandlint {

std::size_t SourceMap::file_offset(std::size_t text_offset) const {
  if (segments.empty()) return text_offset;
  auto it = std::upper_bound(segments.begin(), segments.end(), text_offset,
                             [](std::size_t o, const Segment& s) { return o < s.text_offset; });
  if (it != segments.begin()) --it;
  const Segment& s = *it;
  // Past the end of a segment (an escape in JSON, a doubled quote in CSV) the offset
  // clamps to the segment's end, which is where the escape starts in the file.
  return s.file_offset + std::min(text_offset - std::min(text_offset, s.text_offset), s.length);
}

namespace {

// How far apart SourceFile::code_point_marks are, in bytes.
constexpr std::size_t kMarkStep = 4096;

// "\n", "\r\n" and a lone "\r" each end a line.
bool ends_line(const std::string& c, std::size_t i) {
  return c[i] == '\n' || (c[i] == '\r' && (i + 1 >= c.size() || c[i + 1] != '\n'));
}

}  // namespace

void index_lines(SourceFile& file) {
  const std::string& c = file.contents;
  file.line_starts.assign(1, 0);
  std::size_t longest = 0;
  for (std::size_t i = c.find_first_of("\r\n"); i != std::string::npos;
       i = c.find_first_of("\r\n", i + 1)) {
    if (!ends_line(c, i)) continue;
    longest = std::max(longest, i + 1 - file.line_starts.back());
    file.line_starts.push_back(i + 1);
  }
  longest = std::max(longest, c.size() - file.line_starts.back());
  file.code_point_marks.clear();
  if (longest <= kMarkStep || c.size() > INT32_MAX) return;
  const auto* s = reinterpret_cast<const uint8_t*>(c.data());
  const auto size = static_cast<int32_t>(c.size());
  std::size_t code_points = 0, next_mark = 0;
  for (int32_t i = 0; i < size; ++code_points) {
    if (static_cast<std::size_t>(i) >= next_mark) {
      file.code_point_marks.emplace_back(i, code_points);
      next_mark = static_cast<std::size_t>(i) + kMarkStep;
    }
    U8_FWD_1(s, i, size);
  }
}

Position locate(const SourceFile& file, std::size_t file_offset) {
  const std::string& c = file.contents;
  file_offset = std::min(file_offset, c.size());
  Position pos;
  pos.offset = file.base_offset + file_offset;
  pos.line = file.first_line;
  std::size_t line_start = 0;
  if (!file.line_starts.empty()) {
    // The last line that starts at or before the offset.
    const auto next =
        std::upper_bound(file.line_starts.begin(), file.line_starts.end(), file_offset);
    const auto line = static_cast<std::size_t>(next - file.line_starts.begin()) - 1;
    pos.line += line;
    line_start = file.line_starts[line];
  } else {
    for (std::size_t i = 0; i < file_offset; ++i) {
      if (ends_line(c, i)) {
        ++pos.line;
        line_start = i + 1;
      }
    }
  }
  // A byte-order mark is not a character of the post: columns on line 1 start after it.
  if (line_start == 0 && c.compare(0, 3, "\xEF\xBB\xBF") == 0 && file_offset >= 3) line_start = 3;
  // Code points from one boundary up to `to` (a byte inside a character counts it).
  const auto* s = reinterpret_cast<const uint8_t*>(c.data());
  auto count = [s](std::size_t from, std::size_t to) {
    std::size_t n = 0;
    int32_t i = static_cast<int32_t>(from);
    const auto end = static_cast<int32_t>(to);
    while (i < end) {
      U8_FWD_1(s, i, end);
      ++n;
    }
    return n;
  };
  // Far into a long line, count from the marks nearest each end: the walk from the line's
  // start passes every mark after it, as marks are code point boundaries.
  const auto& marks = file.code_point_marks;
  auto after = std::lower_bound(marks.begin(), marks.end(), line_start,
                                [](const auto& m, std::size_t o) { return m.first < o; });
  auto upto = std::upper_bound(marks.begin(), marks.end(), file_offset,
                               [](std::size_t o, const auto& m) { return o < m.first; });
  if (after != marks.end() && upto != marks.begin() && after < upto) {
    --upto;
    pos.column += count(line_start, after->first) + (upto->second - after->second) +
                  count(upto->first, file_offset);
  } else {
    pos.column += count(line_start, file_offset);
  }
  return pos;
}

}  // namespace brandlint
