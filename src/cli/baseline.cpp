#include "cli/baseline.hpp"

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "fix/fixer.hpp"

namespace brandlint::cli {

Baseline::Key Baseline::key_of(const report::Finding& f) {
  return {f.source->path, f.post, f.diagnostic.rule, f.diagnostic.match};
}

Expected<Baseline> Baseline::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, 0, 0, "cannot read the baseline file"};
  const std::string contents((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  Baseline baseline;
  try {
    const auto j = nlohmann::json::parse(contents);
    if (j.value("version", 0) != 1 || !j.contains("findings") || !j["findings"].is_array()) {
      return Error{path, 1, 1, "not a brandlint baseline (write one with `brandlint baseline`)"};
    }
    for (const auto& f : j["findings"]) {
      Key key{f.at("file").get<std::string>(), f.at("post").get<std::string>(),
              f.at("rule").get<std::string>(), f.at("match").get<std::string>()};
      baseline.counts_[key] += f.value("count", 1u);
    }
  } catch (const nlohmann::json::exception& e) {
    return Error{path, 0, 0, std::string("malformed baseline: ") + e.what()};
  }
  return baseline;
}

bool Baseline::covers(const report::Finding& finding) {
  auto it = counts_.find(key_of(finding));
  if (it == counts_.end() || it->second == 0) return false;
  --it->second;
  return true;
}

void Baseline::add(const report::Finding& finding) { ++counts_[key_of(finding)]; }

std::size_t Baseline::size() const {
  std::size_t n = 0;
  for (const auto& [k, c] : counts_) n += c;
  return n;
}

std::optional<Error> Baseline::save(const std::string& path) const {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const auto& [key, count] : counts_) {
    const auto& [file, post, rule, match] = key;
    nlohmann::ordered_json f = {{"file", file}, {"post", post}, {"rule", rule}, {"match", match}};
    if (count > 1) f["count"] = count;
    findings.push_back(std::move(f));
  }
  const nlohmann::ordered_json root = {{"version", 1}, {"findings", std::move(findings)}};
  const std::string text = root.dump(2) + "\n";
  {
    // write_atomically needs an existing file to copy permissions from.
    std::ifstream exists(path);
    if (!exists) {
      std::ofstream create(path, std::ios::binary);
      if (!create) return Error{path, 0, 0, "cannot create the baseline file"};
    }
  }
  return fix::write_atomically(path, text);
}

}  // namespace brandlint::cli
