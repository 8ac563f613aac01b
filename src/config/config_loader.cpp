// .brandlint.yaml: discovery and parsing. Every mistake is reported with file:line:col.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>

#include "brandlint/brandlint.hpp"
#include "config/config_text.hpp"
#include "post/metadata.hpp"
#include "schedule/schedule_time.hpp"

namespace brandlint {
namespace {

namespace fs = std::filesystem;

Error at(const std::string& path, const YAML::Node& node, std::string message) {
  const YAML::Mark mark = node.Mark();
  return Error{path, static_cast<std::size_t>(std::max(mark.line, 0)) + 1,
               static_cast<std::size_t>(std::max(mark.column, 0)) + 1, std::move(message)};
}

std::optional<Error> read_string_list(const std::string& path, const YAML::Node& node,
                                      const std::string& key, std::vector<std::string>& out) {
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
    return std::nullopt;
  }
  if (!node.IsSequence()) return at(path, node, "'" + key + "' must be a list of strings");
  for (const auto& item : node) {
    if (!item.IsScalar()) return at(path, item, "'" + key + "' must be a list of strings");
    out.push_back(item.Scalar());
  }
  return std::nullopt;
}

std::string resolve(const fs::path& base, const std::string& p) {
  const fs::path path(p);
  return path.is_absolute() ? p : (base / path).lexically_normal().string();
}

using Handler = std::function<std::optional<Error>(const YAML::Node&, const std::string&)>;

std::optional<Error> read_severities(const std::string& path, const YAML::Node& v,
                                     const std::string& key,
                                     std::vector<std::pair<std::string, Severity>>& out) {
  if (!v.IsMap()) return at(path, v, "'" + key + "' must map rule ids or prefixes to levels");
  for (const auto& entry : v) {
    auto s = entry.second.IsScalar() ? parse_severity(entry.second.Scalar()) : std::nullopt;
    if (!s) return at(path, entry.second, "severity must be error, warning or info");
    out.emplace_back(entry.first.Scalar(), *s);
  }
  return std::nullopt;
}

// The keys about where posts come from: csv and per-path overrides.
void extra_handlers(Config& config, const std::string& path, const fs::path& base,
                    std::map<std::string, Handler>& handlers) {
  (void)base;
  handlers["csv"] = [&config, path](const YAML::Node& v,
                                    const std::string& k) -> std::optional<Error> {
    if (!v.IsMap())
      return at(path, v, "'" + k + "' must be a map (text_column, delimiter, columns)");
    for (const auto& entry : v) {
      const std::string name = entry.first.Scalar();
      const YAML::Node& value = entry.second;
      if (name == "text_column" && value.IsScalar()) {
        config.csv.text_column = value.Scalar();
      } else if (name == "delimiter" && value.IsScalar() && value.Scalar().size() == 1) {
        config.csv.delimiter = value.Scalar()[0];
      } else if (name == "columns" && value.IsMap()) {
        for (const auto& c : value) {
          const std::string target = c.second.Scalar();
          static const char* kKeys[] = {
              "id",    "lang",        "platform",     "kind",    "customer", "customer_handle",
              "agent", "in_reply_to", "scheduled_at", "timezone"};
          if (std::find(std::begin(kKeys), std::end(kKeys), target) == std::end(kKeys)) {
            return at(path, c.second, "'" + target + "' is not a post metadata key");
          }
          config.csv.columns[c.first.Scalar()] = target;
        }
      } else {
        return at(path, entry.first,
                  "unknown or malformed csv setting '" + name +
                      "' (text_column: name, delimiter: one character, columns: {header: key})");
      }
    }
    return std::nullopt;
  };
  handlers["overrides"] = [&config, path](const YAML::Node& v,
                                          const std::string& k) -> std::optional<Error> {
    if (!v.IsSequence()) return at(path, v, "'" + k + "' must be a list of {files, ...}");
    for (const auto& item : v) {
      if (!item.IsMap()) return at(path, item, "an override is a map with 'files'");
      Config::PathOverride o;
      for (const auto& entry : item) {
        const std::string name = entry.first.Scalar();
        std::optional<Error> e;
        if (name == "files") {
          e = read_string_list(path, entry.second, name, o.files);
        } else if (name == "disable") {
          e = read_string_list(path, entry.second, name, o.disabled);
        } else if (name == "severity") {
          e = read_severities(path, entry.second, name, o.severity_overrides);
        } else if (name == "lang" && entry.second.IsScalar() &&
                   post::is_known_language(entry.second.Scalar())) {
          o.lang = entry.second.Scalar();
        } else if (name == "platform" && entry.second.IsScalar() &&
                   post::is_known_platform(entry.second.Scalar())) {
          o.platform = entry.second.Scalar();
        } else {
          e = at(path, entry.first,
                 "unknown or malformed override setting '" + name +
                     "' (files, disable, severity, lang, platform)");
        }
        if (e) return e;
      }
      if (o.files.empty()) return at(path, item, "an override needs 'files' (globs)");
      config.overrides.push_back(std::move(o));
    }
    return std::nullopt;
  };
}

}  // namespace

Expected<Config> load_config(const std::string& path) {
  auto contents = read_text_file(path, "configuration file");
  if (!contents) return contents.error();
  return parse_config(contents.value(), path);
}

Expected<Config> parse_config(const std::string& contents, const std::string& path) {
  Config config;
  config.source = path;
  YAML::Node root;
  try {
    root = YAML::Load(contents);
  } catch (const YAML::Exception& e) {
    return Error{path, static_cast<std::size_t>(std::max(e.mark.line, 0)) + 1,
                 static_cast<std::size_t>(std::max(e.mark.column, 0)) + 1,
                 "invalid YAML: " + yaml_problem(e.msg)};
  }
  if (!root || root.IsNull()) return config;
  if (!root.IsMap()) return at(path, root, "configuration must be a map of keys and values");
  const fs::path base = fs::path(path).parent_path();

  std::map<std::string, Handler> handlers = {
      {"lang",
       [&](const YAML::Node& v, const std::string& k) -> std::optional<Error> {
         if (!v.IsScalar() || !post::is_known_language(v.Scalar())) {
           return at(path, v, "'" + k + "' must be one of en, en-GB, en-US, es, fr, it, auto");
         }
         config.lang = v.Scalar();
         return std::nullopt;
       }},
      {"platform",
       [&](const YAML::Node& v, const std::string& k) -> std::optional<Error> {
         if (!v.IsScalar() || !post::is_known_platform(v.Scalar())) {
           return at(path, v, "'" + k + "' is not a known platform");
         }
         config.platform = v.Scalar();
         return std::nullopt;
       }},
      {"fail_on",
       [&](const YAML::Node& v, const std::string& k) -> std::optional<Error> {
         if (v.IsScalar() && v.Scalar() == "never") {
           config.fail_never = true;
           return std::nullopt;
         }
         auto s = v.IsScalar() ? parse_severity(v.Scalar()) : std::nullopt;
         if (!s) return at(path, v, "'" + k + "' must be error, warning, info or never");
         config.fail_on = *s;
         config.fail_never = false;
         return std::nullopt;
       }},
      {"dictionary_path",
       [&](const YAML::Node& v, const std::string& k) -> std::optional<Error> {
         std::vector<std::string> dirs;
         if (auto e = read_string_list(path, v, k, dirs)) return e;
         for (auto& d : dirs) config.dictionary_paths.push_back(resolve(base, d));
         return std::nullopt;
       }},
      {"words",
       [&](const YAML::Node& v, const std::string& k) -> std::optional<Error> {
         if (v.IsMap()) {
           for (const auto& entry : v) {
             const std::string lang = entry.first.Scalar();
             if (lang != "all" && lang != "en" && lang != "es" && lang != "fr" && lang != "it") {
               return at(path, entry.first, "'" + k + "' languages are en, es, fr, it or all");
             }
             if (auto e = read_string_list(path, entry.second, k, config.words[lang])) return e;
           }
           return std::nullopt;
         }
         return read_string_list(path, v, k, config.words["all"]);
       }},
      {"word_lists",
       [&](const YAML::Node& v, const std::string& k) -> std::optional<Error> {
         std::vector<std::string> files;
         if (auto e = read_string_list(path, v, k, files)) return e;
         for (auto& f : files) config.word_lists.push_back(resolve(base, f));
         return std::nullopt;
       }},
      {"rules",
       [&](const YAML::Node& v, const std::string& k) -> std::optional<Error> {
         std::vector<std::string> files;
         if (auto e = read_string_list(path, v, k, files)) return e;
         for (auto& f : files) config.rule_files.push_back(resolve(base, f));
         return std::nullopt;
       }},
      {"disable",
       [&](const YAML::Node& v, const std::string& k) {
         return read_string_list(path, v, k, config.disabled);
       }},
      {"severity",
       [&](const YAML::Node& v, const std::string& k) -> std::optional<Error> {
         if (!v.IsMap()) return at(path, v, "'" + k + "' must map rule ids or prefixes to levels");
         for (const auto& entry : v) {
           auto s = entry.second.IsScalar() ? parse_severity(entry.second.Scalar()) : std::nullopt;
           if (!s) return at(path, entry.second, "severity must be error, warning or info");
           config.severity_overrides.emplace_back(entry.first.Scalar(), *s);
         }
         return std::nullopt;
       }},
      {"signature",
       [&](const YAML::Node& v, const std::string& k) -> std::optional<Error> {
         if (!v.IsScalar() ||
             (v.Scalar() != "none" && v.Scalar() != "initials" && v.Scalar() != "name")) {
           return at(path, v, "'" + k + "' must be none, initials or name");
         }
         config.signature = v.Scalar();
         return std::nullopt;
       }},
      {"thresholds",
       [&](const YAML::Node& v, const std::string& k) -> std::optional<Error> {
         if (!v.IsMap()) return at(path, v, "'" + k + "' must map names to numbers");
         for (const auto& entry : v) {
           try {
             config.thresholds[entry.first.Scalar()] = entry.second.as<int>();
           } catch (const YAML::Exception&) {
             return at(path, entry.second, "threshold must be a whole number");
           }
         }
         return std::nullopt;
       }},
      {"limits",
       [&](const YAML::Node& v, const std::string& k) -> std::optional<Error> {
         if (!v.IsMap()) return at(path, v, "'" + k + "' must map platforms to limits");
         for (const auto& entry : v) {
           const std::string platform = entry.first.Scalar();
           if (!post::is_known_platform(platform)) {
             return at(path, entry.first, "unknown platform '" + platform + "'");
           }
           if (!entry.second.IsMap()) return at(path, entry.second, "a limit must be a map");
           PlatformLimit limit;
           for (const auto& field : entry.second) {
             const std::string name = field.first.Scalar();
             try {
               if (name == "max_length") {
                 limit.max_length = field.second.as<std::size_t>();
               } else if (name == "url_length") {
                 limit.url_length = field.second.as<std::size_t>();
               } else if (name == "max_hashtags") {
                 limit.max_hashtags = field.second.as<std::size_t>();
               } else if (name == "counting") {
                 limit.counting = field.second.as<std::string>();
                 if (limit.counting != "twitter" && limit.counting != "graphemes" &&
                     limit.counting != "characters" && limit.counting != "none") {
                   return at(path, field.second,
                             "counting must be twitter, graphemes, characters or none");
                 }
               } else {
                 return at(path, field.first,
                           "unknown limit '" + name +
                               "' (known: max_length, url_length, max_hashtags, counting)");
               }
             } catch (const YAML::Exception&) {
               return at(path, field.second, "'" + name + "' must be a whole number");
             }
           }
           config.platform_limits[platform] = limit;
         }
         return std::nullopt;
       }},
  };

  extra_handlers(config, path, base, handlers);
  // The schedule checks' keys (schedule/schedule_time.hpp validates the values).
  handlers["waking_hours"] = [&](const YAML::Node& v, const std::string&) -> std::optional<Error> {
    const auto e =
        v.IsScalar()
            ? schedule::parse_waking_hours(v.Scalar(), config.waking_start, config.waking_end)
            : schedule::parse_waking_hours("", config.waking_start, config.waking_end);
    return e ? std::optional<Error>(at(path, v, *e)) : std::nullopt;
  };
  handlers["sensitive_dates"] = [&](const YAML::Node& v,
                                    const std::string& k) -> std::optional<Error> {
    if (!v.IsSequence()) return at(path, v, "'" + k + "' must be a list of {date, name, ...}");
    for (const auto& item : v) {
      if (!item.IsMap()) return at(path, item, "a sensitive date is a map with 'date'");
      Config::SensitiveDate d;
      for (const auto& f : item) {
        const std::string name = f.first.Scalar();
        std::string* field = name == "date"       ? &d.date
                             : name == "until"    ? &d.until
                             : name == "name"     ? &d.name
                             : name == "country"  ? &d.country
                             : name == "timezone" ? &d.timezone
                                                  : nullptr;
        if (field == nullptr || !f.second.IsScalar()) {
          return at(
              path, f.first,
              "unknown or malformed setting '" + name + "' (date, until, name, country, timezone)");
        }
        *field = f.second.Scalar();
      }
      if (auto e = schedule::check_sensitive_date(d)) return at(path, item, *e);
      config.sensitive_dates.push_back(std::move(d));
    }
    return std::nullopt;
  };
  for (const auto& entry : root) {
    const std::string key = entry.first.Scalar();
    auto handler = handlers.find(key);
    if (handler == handlers.end()) {
      if (key.rfind("x-", 0) == 0) continue;
      std::string known;
      for (const auto& [name, unused] : handlers) known += (known.empty() ? "" : ", ") + name;
      return at(path, entry.first,
                "unknown configuration key '" + key + "' (known: " + known + ")");
    }
    if (auto e = handler->second(entry.second, key)) return *e;
  }
  return config;
}

std::string find_config(const std::string& path) {
  std::error_code ec;
  fs::path dir = fs::absolute(path, ec);
  if (ec) return {};
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  while (true) {
    const fs::path candidate = dir / ".brandlint.yaml";
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (fs::exists(dir / ".git", ec)) return {};  // the repository root: stop here
    if (!dir.has_parent_path() || dir.parent_path() == dir) return {};
    dir = dir.parent_path();
  }
}

}  // namespace brandlint
