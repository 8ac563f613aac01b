// Misspelt words that a rule would have recognised. Abuse is often typed so that filters miss
// it ("I hate Mulsims", "muslms are scum", "m*slims", "I hatewomen", "mus lims"), and a
// hurried reply has typos in the words rules look for too. A word the dictionary does not know
// is read as a word of the rule pack's vocabulary when one edit makes it that word:
//  - two neighbouring letters swapped (mulsims), a letter left out (muslms) or one too many
//    (muslimms; five letters or more);
//  - letters masked with '*' (m*slims, f*gg*t; at least three letters shown);
//  - a missing space (hatewomen, allmuslims): two words of the dictionary of three letters
//    or more, one of them in the vocabulary, or the two words the dictionary suggests;
//  - a space too many (mus lims), when a part is no word.
// A missing space is read only when no single edit gives a reading. The reading must be the
// only one, or the one the dictionary suggests first when there are several; and the
// dictionary's own best suggestion must not be another word at most two edits away:
// "carbon" is the Spanish "carbón" without its accent, not a swap of an insult; "magasine"
// is a magazine.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "checks/check.hpp"
#include "rules/rule_set.hpp"
#include "spelling/speller.hpp"
#include "text/entity_finder.hpp"
#include "text/folded_text.hpp"

namespace brandlint::checks {

// `base` is a folded copy of a post's NFC text (text::fold or text::skeleton); `entities` are
// the URLs, mentions and hashtags of that text, whose words are left alone; `questioned` are
// the words the spelling check found in no dictionary, the only ones read otherwise but for
// masked ones. `rules` gives the vocabulary, gathered only when a word needs it.
// Nothing when no word was read otherwise.
//
// A typo whose first suggestion is close is read as that suggestion. With `pack_first`, it is
// read instead as a word of the pack one edit away among the next suggestions ("mjeres":
// "mueres" first, then "mujeres"); `pack_reading`, when given, is set when some word has such
// a reading, so that the caller knows a second reading is worth making.
std::optional<ReadAsMeant> read_as_meant(const text::FoldedText& base,
                                         const std::vector<text::Entity>& entities,
                                         const std::vector<Questioned>& questioned,
                                         const rules::RuleSet& rules,
                                         const spelling::SpellerPool& speller,
                                         bool pack_first = false, bool* pack_reading = nullptr);

// `base` with each word the spelling check questioned replaced by the dictionary's first
// suggestion, when that is at most two edits away: what the writer meant to type. The checks
// that look for words (an apology written "appologies") and the rules' exceptions ("watch your
// back ehen lifting") read it too. Nothing when no word was replaced.
std::optional<ReadAsMeant> read_as_corrected(const text::FoldedText& base,
                                             const std::vector<text::Entity>& entities,
                                             const std::vector<Questioned>& questioned);

// How many insertions, deletions, replacements and swaps of neighbours make `a` into `b`.
std::size_t edits_apart(std::string_view a, std::string_view b);

}  // namespace brandlint::checks
