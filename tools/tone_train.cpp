// Learns the tone model (src/checks/tone_model.hpp) of each language from the repository's
// hostile and polite replies, and writes dictionaries/tone/<lang>.tsv; with --model hate, the
// model of hostile statements about groups (rule_check.cpp), dictionaries/hate/<lang>.tsv.
//
//   build/tone_train [--model tone|hate] [--root DIR] [--lang L] [--fp RATE]
//
// Hate: hostile, the discrimination packs' flag examples and tests/corpus/hate/<lang>/
// hateful.txt; harmless, the packs' pass examples, tests/corpus/hate/<lang>/harmless.txt and
// the polite replies below; tests/corpus/hate/<lang>/heldout-*.txt are never trained on.
//
// Hostile: the tone packs' flag examples, tests/corpus/hostile/replies.txt and
// tests/corpus/tone/<lang>/hostile.txt. Polite: the tone packs' pass examples,
// tests/corpus/polite/<lang>.txt, tests/corpus/<lang>/clean.txt and
// tests/corpus/tone/<lang>/polite.txt. Logistic regression by stochastic gradient descent, in a
// fixed order, so the same files give the same weights. The threshold is the score that RATE
// (default 2 %) of the polite replies exceed when each is scored by a model that did not see
// it (5-fold cross-validation). tests/corpus/tone/<lang>/heldout-*.txt are never trained on:
// the figures printed for them are what to expect of replies the model has not seen.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "checks/tone_model.hpp"
#include "rules/rule.hpp"
#include "text/analysed_text.hpp"

namespace {

using brandlint::checks::ToneModel;
using Features = std::vector<std::string>;

struct Example {
  Features features;
  int label;  // 1 hostile
};

Features features_of(const std::string& reply, bool hate) {
  const brandlint::text::AnalysedText text(reply);
  return hate ? brandlint::checks::hate_features(text, 0, text.nfc().size())
              : brandlint::checks::tone_features(text, 0, text.nfc().size());
}

std::vector<std::string> read_lines(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

// The "text" of each JSON line, of language `lang` when the line says one.
std::vector<std::string> read_json_lines(const std::string& path, const std::string& lang) {
  std::vector<std::string> out;
  for (const auto& line : read_lines(path)) {
    const auto post = nlohmann::json::parse(line, nullptr, false);
    if (!post.is_object() || !post.contains("text")) continue;
    if (post.contains("lang") && post["lang"] != lang) continue;
    out.push_back(post["text"].get<std::string>());
  }
  return out;
}

struct Trained {
  double bias = 0;
  std::unordered_map<std::string, double> weights;
  double score(const Features& f) const {
    double sum = bias;
    for (const auto& x : f) {
      if (auto w = weights.find(x); w != weights.end()) sum += w->second;
    }
    return sum;
  }
};

Trained train(const std::vector<const Example*>& data) {
  constexpr int kEpochs = 30;
  constexpr double kRate = 0.2, kDecay = 1e-3;
  Trained m;
  std::vector<std::size_t> order(data.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(1);
  for (int epoch = 0; epoch < kEpochs; ++epoch) {
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    for (std::size_t i : order) {
      const Example& e = *data[i];
      const double z = std::clamp(m.score(e.features), -30.0, 30.0);
      const double gradient = 1 / (1 + std::exp(-z)) - e.label;
      m.bias -= kRate * gradient;
      for (const auto& f : e.features) {
        double& w = m.weights[f];
        w = w * (1 - kRate * kDecay) - kRate * gradient;
      }
    }
  }
  return m;
}

int run(const std::string& root, const std::string& kind, const std::string& lang, double fp_rate) {
  const bool hate = kind == "hate";
  std::vector<Example> examples;
  auto add = [&](const std::vector<std::string>& texts, int label) {
    for (const auto& t : texts) examples.push_back({features_of(t, hate), label});
  };
  const std::string pack_path =
      root + "/rules/" + lang + (hate ? "/discrimination.yaml" : "/tone.yaml");
  auto pack = brandlint::rules::load_rule_file(pack_path);
  if (!pack) {
    std::cerr << pack.error().to_string() << '\n';
    return 2;
  }
  for (const auto& rule : pack.value().rules) {
    for (const auto& e : rule.flag_examples) add({e.text}, 1);
    for (const auto& e : rule.pass_examples) add({e.text}, 0);
  }
  const std::string corpus = root + "/tests/corpus/";
  if (hate) {
    add(read_lines(corpus + "hate/" + lang + "/hateful.txt"), 1);
    add(read_lines(corpus + "hate/" + lang + "/harmless.txt"), 0);
  } else {
    add(read_json_lines(corpus + "hostile/replies.txt", lang), 1);
    add(read_lines(corpus + "tone/" + lang + "/hostile.txt"), 1);
  }
  add(read_json_lines(corpus + "polite/" + lang + ".txt", lang), 0);
  add(read_lines(corpus + lang + "/clean.txt"), 0);
  add(read_lines(corpus + "tone/" + lang + "/polite.txt"), 0);
  std::size_t hostile = 0;
  for (const auto& e : examples) hostile += static_cast<std::size_t>(e.label);

  // Cross-validation: each polite reply scored by a model trained without it.
  constexpr std::size_t kFolds = 5;
  std::vector<double> polite_scores, hostile_scores;
  for (std::size_t fold = 0; fold < kFolds; ++fold) {
    std::vector<const Example*> rest;
    for (std::size_t i = 0; i < examples.size(); ++i) {
      if (i % kFolds != fold) rest.push_back(&examples[i]);
    }
    const Trained m = train(rest);
    for (std::size_t i = fold; i < examples.size(); i += kFolds) {
      (examples[i].label == 1 ? hostile_scores : polite_scores)
          .push_back(m.score(examples[i].features));
    }
  }
  std::sort(polite_scores.rbegin(), polite_scores.rend());
  const auto at = static_cast<std::size_t>(fp_rate * static_cast<double>(polite_scores.size()));
  const double threshold = polite_scores[std::min(at, polite_scores.size() - 1)];
  std::size_t caught = 0;
  for (double s : hostile_scores) caught += s > threshold ? 1 : 0;

  std::vector<const Example*> all;
  for (const auto& e : examples) all.push_back(&e);
  Trained m = train(all);
  std::unordered_map<std::string, double> kept;
  for (const auto& [f, w] : m.weights) {
    if (std::abs(w) >= 0.01) kept.emplace(f, std::round(w * 1e4) / 1e4);
  }
  const ToneModel model(m.bias, threshold, std::move(kept));

  char figures[256];
  std::snprintf(figures, sizeof figures,
                "learned from %zu %s and %zu %s texts; cross-validated, %.0f %% of the first "
                "score above the threshold and %.1f %% of the second",
                hostile, hate ? "hateful" : "hostile", examples.size() - hostile,
                hate ? "harmless" : "polite",
                100.0 * static_cast<double>(caught) / static_cast<double>(hostile_scores.size()),
                100.0 * fp_rate);
  const std::string out_path = root + "/dictionaries/" + kind + "/" + lang + ".tsv";
  std::ofstream out(out_path, std::ios::binary);
  out << model.serialise("brandlint " + kind + " model, " + lang +
                         ": weights of words and word pairs (src/checks/tone_model.hpp).\n" +
                         figures +
                         ".\nWritten by build/tone_train from the repository's corpora; do not "
                         "edit, train again.");
  if (!out) {
    std::cerr << "tone_train: cannot write " << out_path << '\n';
    return 2;
  }
  // What to expect of replies it has not seen.
  auto share = [&](const std::string& file) {
    const auto lines = read_lines(corpus + kind + "/" + lang + "/" + file);
    std::size_t over = 0;
    for (const auto& l : lines) over += model.score(features_of(l, hate)) > threshold ? 1 : 0;
    return std::to_string(over) + "/" + std::to_string(lines.size());
  };
  std::cout << kind << ' ' << lang << ": " << figures << "; held out: "
            << (hate ? "hateful " + share("heldout-hateful.txt") + ", harmless " +
                           share("heldout-harmless.txt")
                     : "hostile " + share("heldout-hostile.txt") + ", polite " +
                           share("heldout-polite.txt"))
            << " over the threshold; " << model.size() << " weights -> " << out_path << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string root = ".";
  std::string kind = "tone";
  std::vector<std::string> langs = {"en", "es", "fr", "it"};
  double fp_rate = 0.02;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--model" &&
        (std::string(argv[i + 1]) == "tone" || std::string(argv[i + 1]) == "hate")) {
      kind = argv[i + 1];
    } else if (flag == "--root") {
      root = argv[i + 1];
    } else if (flag == "--lang") {
      langs = {argv[i + 1]};
    } else if (flag == "--fp") {
      fp_rate = std::stod(argv[i + 1]);
    } else {
      std::cerr << "usage: tone_train [--model tone|hate] [--root DIR] [--lang L] [--fp RATE]\n";
      return 2;
    }
  }
  for (const auto& lang : langs) {
    if (const int status = run(root, kind, lang, fp_rate); status != 0) return status;
  }
  return 0;
}
