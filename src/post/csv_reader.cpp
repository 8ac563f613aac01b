// CSV as social-media schedulers export it: a header row, RFC 4180 quoting, cells spanning
// lines, ',' or ';' between cells, maybe a UTF-8 byte-order mark.
#include <algorithm>

#include "post/metadata.hpp"
#include "post/structured_reader.hpp"
#include "text/folded_text.hpp"

namespace brandlint::post {
namespace {

struct Cell {
  std::string text;
  std::vector<SourceMap::Segment> segments;
  std::size_t offset = 0;  // where the cell starts in the file
};

class CsvScanner {
 public:
  CsvScanner(const SourceFile& file, std::size_t start, char delimiter)
      : file_(file), s_(file.contents), pos_(start), delimiter_(delimiter) {}

  bool done() const { return pos_ >= s_.size(); }

  // Reads one record; false with `error` set on a malformed one.
  bool record(std::vector<Cell>& cells, Error& error) {
    cells.clear();
    while (true) {
      Cell cell;
      cell.offset = pos_;
      if (pos_ < s_.size() && s_[pos_] == '"') {
        const std::size_t open = pos_;
        ++pos_;
        std::size_t run = pos_;
        while (true) {
          if (pos_ >= s_.size()) {
            const Position p = locate(file_, open);
            error = Error{file_.path, p.line, p.column,
                          "this quoted cell is never closed (a '\"' is missing)"};
            return false;
          }
          if (s_[pos_] == '"') {
            cell.segments.push_back({cell.text.size(), run, pos_ - run});
            cell.text.append(s_, run, pos_ - run);
            if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '"') {  // "" is one quote
              cell.segments.push_back({cell.text.size(), pos_ + 1, 1});
              cell.text += '"';
              pos_ += 2;
              run = pos_;
              continue;
            }
            ++pos_;
            break;
          }
          ++pos_;
        }
        if (pos_ < s_.size() && s_[pos_] != delimiter_ && s_[pos_] != '\n' && s_[pos_] != '\r') {
          const Position p = locate(file_, pos_);
          error =
              Error{file_.path, p.line, p.column,
                    "unexpected text after a quoted cell (quotes inside a cell are doubled: \"\")"};
          return false;
        }
      } else {
        const std::size_t start = pos_;
        while (pos_ < s_.size() && s_[pos_] != delimiter_ && s_[pos_] != '\n' && s_[pos_] != '\r') {
          ++pos_;
        }
        cell.text = s_.substr(start, pos_ - start);
        cell.segments.push_back({0, start, pos_ - start});
      }
      cells.push_back(std::move(cell));
      if (pos_ < s_.size() && s_[pos_] == delimiter_) {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == '\r') ++pos_;
      if (pos_ < s_.size() && s_[pos_] == '\n') ++pos_;
      return true;
    }
  }

 private:
  const SourceFile& file_;
  const std::string& s_;
  std::size_t pos_;
  char delimiter_;
};

// The metadata key a header names, by the names schedulers use.
std::string metadata_key(const std::string& header, const CsvOptions& options) {
  const std::string h = text::fold_term(header);
  for (const auto& [name, key] : options.columns) {
    if (text::fold_term(name) == h) return key;
  }
  if (h == "id") return "id";
  if (h == "lang" || h == "language" || h == "idioma" || h == "langue" || h == "lingua") {
    return "lang";
  }
  for (const char* name :
       {"platform", "network", "channel", "social network", "red", "red social", "plataforma",
        "canal", "reseau", "reseau social", "plateforme", "piattaforma", "rete", "social"}) {
    if (h == name) return "platform";
  }
  for (const char* name : {"date", "scheduled_at", "scheduled at", "publish_date", "publish date",
                           "publish at", "send at", "fecha", "fecha de publicacion",
                           "date de publication", "data", "data di pubblicazione"}) {
    if (h == name) return "scheduled_at";
  }
  for (const char* k :
       {"kind", "customer", "customer_handle", "agent", "in_reply_to", "timezone"}) {
    if (h == k) return k;
  }
  return {};
}

bool is_text_column(const std::string& header, const CsvOptions& options) {
  const std::string h = text::fold_term(header);
  if (!options.text_column.empty()) return h == text::fold_term(options.text_column);
  // The names schedulers and spreadsheet templates use, in the four languages.
  for (const char* name :
       {"text", "message", "post", "content", "body", "copy", "caption", "texto", "mensaje",
        "contenido", "texte", "contenu", "testo", "messaggio", "contenuto"}) {
    if (h == name) return true;
  }
  return false;
}

}  // namespace

Expected<std::vector<Post>> parse_csv_posts(const std::shared_ptr<const SourceFile>& file,
                                            const CsvOptions& options) {
  const std::string& s = file->contents;
  const std::size_t start = s.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  char delimiter = options.delimiter;
  if (delimiter == 0) {  // the header decides: more ';' than ',' outside quotes means ';'
    std::size_t commas = 0, semicolons = 0;
    bool quoted = false;
    for (std::size_t i = start; i < s.size() && (quoted || (s[i] != '\n' && s[i] != '\r')); ++i) {
      if (s[i] == '"')
        quoted = !quoted;
      else if (!quoted && s[i] == ',')
        ++commas;
      else if (!quoted && s[i] == ';')
        ++semicolons;
    }
    delimiter = semicolons > commas ? ';' : ',';
  }
  CsvScanner scanner(*file, start, delimiter);
  std::vector<Cell> header;
  Error error;
  if (scanner.done()) return std::vector<Post>{};
  if (!scanner.record(header, error)) return error;
  int text_index = -1;
  std::vector<std::string> keys(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (text_index < 0 && is_text_column(header[i].text, options)) {
      text_index = static_cast<int>(i);
    } else {
      keys[i] = metadata_key(header[i].text, options);
    }
  }
  if (text_index < 0) {
    return Error{
        file->path, locate(*file, start).line, 1,
        options.text_column.empty()
            ? "no text column: name one text, message, post, content, body or copy, or set "
              "csv: {text_column: ...} in .brandlint.yaml"
            : "no column named '" + options.text_column + "'"};
  }
  std::vector<Post> posts;
  std::vector<Cell> cells;
  while (!scanner.done()) {
    if (!scanner.record(cells, error)) return error;
    if (cells.size() == 1 && cells[0].text.empty()) continue;  // a blank line
    const Position row = locate(*file, cells.front().offset);
    if (cells.size() != header.size()) {
      return Error{file->path, row.line, 1,
                   "this row has " + std::to_string(cells.size()) + " cells, the header " +
                       std::to_string(header.size())};
    }
    Post post;
    post.index = posts.size() + 1;
    post.source.file = file;
    Cell& text = cells[static_cast<std::size_t>(text_index)];
    post.text = std::move(text.text);
    post.source.segments = std::move(text.segments);
    if (post.source.segments.empty()) post.source.segments.push_back({0, text.offset, 0});
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (keys[i].empty() || cells[i].text.empty()) continue;
      KeyResult result;
      if (auto bad = set_metadata(post.meta, keys[i], cells[i].text, result)) {
        const Position p = locate(*file, cells[i].offset);
        return Error{file->path, p.line, p.column, *bad};
      }
    }
    posts.push_back(std::move(post));
  }
  return posts;
}

}  // namespace brandlint::post
