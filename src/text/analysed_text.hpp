// The text layer: a post's text normalised to NFC, cut into classified tokens and sentences.
// Checks see only this; none of them calls ICU's break iterators or normaliser directly.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/entity_finder.hpp"
#include "text/folded_text.hpp"

namespace brandlint::text {

enum class TokenKind {
  word,
  number,
  url,
  email,
  mention,
  hashtag,
  cashtag,
  emoji,
  placeholder,
  punctuation,
};

std::string_view to_string(TokenKind kind);

// Byte offsets into AnalysedText::nfc().
struct Token {
  TokenKind kind;
  std::size_t begin;
  std::size_t end;
  std::string_view text;  // a view into nfc()
};

struct Sentence {
  std::size_t begin;
  std::size_t end;  // trailing white space excluded
};

class AnalysedText {
 public:
  // `original` must be valid UTF-8 (see check_utf8).
  explicit AnalysedText(std::string_view original);
  AnalysedText(const AnalysedText&) = delete;
  AnalysedText& operator=(const AnalysedText&) = delete;
  AnalysedText(AnalysedText&&) = default;

  std::string_view original() const { return original_; }
  const std::string& nfc() const { return nfc_; }
  // Maps a byte offset of nfc() back to the original text. Offsets inside a character that
  // normalisation changed map to the start (or, for an end offset, the end) of the original
  // characters it came from.
  std::size_t to_original(std::size_t nfc_offset) const;
  std::size_t to_original_end(std::size_t nfc_offset) const;

  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  // Where the sentence holding nfc() byte `offset` begins (0 before the first sentence).
  std::size_t sentence_start(std::size_t offset) const;
  // What find_entities(nfc()) and find_urls(nfc()) return, found once for every check.
  const std::vector<Entity>& entities() const { return entities_; }
  const std::vector<Entity>& urls() const { return urls_; }
  // Where the message proper begins: after the handles a reply opens with ("@sam @jo Sorry,
  // …"), which address it and are no part of its wording; 0 when it opens otherwise. What
  // rules read as the start of the text ("^nope", "(?:^|[.!?] )you again").
  std::size_t message_start() const;
  // Where it ends: before the signature it closes with, a mark and a name or initials
  // ("^JK", "- Laura", "— Marco B.", "*TJ"), as "$" in a rule reads it ("Nope. ^JK"); the
  // end of nfc() when it has none.
  std::size_t message_end() const;
  // The message between the two, folded as rules read it (offsets in nfc()).
  FoldedText folded_message() const { return fold(nfc_, message_start(), message_end()); }

 private:
  std::string_view original_;
  std::string nfc_;
  // Where normalisation changed the text: runs sorted by nfc offset. Bytes outside every run
  // are unchanged and shift by the difference of the previous run. Empty when the original
  // was already NFC, the common case.
  struct ChangedRun {
    std::size_t nfc_begin, nfc_length, original_begin, original_length;
  };
  std::vector<ChangedRun> changes_;
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::vector<Entity> entities_;
  std::vector<Entity> urls_;

  void normalise();
  void tokenise();
  void split_sentences();
};

}  // namespace brandlint::text
