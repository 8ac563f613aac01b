// Schedule checks: waking hours, the past, unresolvable times and sensitive dates.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "brandlint/brandlint.hpp"
#include "reply_test_support.hpp"

namespace {

std::vector<brandlint::Diagnostic> schedule_findings(const std::string& text, const std::string& at,
                                                     const std::string& timezone,
                                                     const brandlint::Config& config = {}) {
  reply_test::Reply post("en", text);
  post.kind = "";
  post.scheduled_at = at;
  post.timezone = timezone;
  return reply_test::in_category(reply_test::lint_with(*reply_test::make_linter(config), post),
                                 "schedule");
}

const std::string kPromo = "Our winter sale starts today: 30% off all coats, in store and online!";
const std::string kNotice = "Our stores will open at 11am today. Thank you for understanding.";

}  // namespace

TEST_CASE("schedule: a post in the audience's waking hours is fine") {
  CHECK(schedule_findings(kPromo, "2099-03-10T09:00:00+01:00", "Europe/Madrid").empty());
  CHECK(schedule_findings(kPromo, "2099-03-10T09:00", "Europe/Madrid").empty());
}

TEST_CASE("schedule: outside waking hours, in the audience's time zone") {
  // 21:30 UTC is 22:30 in Madrid: too late.
  auto found = schedule_findings(kPromo, "2099-03-10T21:30:00Z", "Europe/Madrid");
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "schedule.time.outside-waking-hours");
  CHECK(found[0].severity == brandlint::Severity::warning);
  CHECK(found[0].message.find("22:30 in Europe/Madrid") != std::string::npos);
  // The same instant is 17:30 in New York: fine.
  CHECK(schedule_findings(kPromo, "2099-03-10T21:30:00Z", "America/New_York").empty());
  // Summer time: 07:30 UTC is 09:30 in Madrid in July, but 08:30 in January.
  CHECK(schedule_findings(kPromo, "2099-07-10T06:30:00Z", "Europe/Madrid").empty());
  CHECK(schedule_findings(kPromo, "2099-01-10T06:30:00Z", "Europe/Madrid").size() == 1);
}

TEST_CASE("schedule: waking hours are configurable") {
  TempDir dir;
  auto config =
      brandlint::load_config(dir.write(".brandlint.yaml", "waking_hours: \"10:00-20:00\"\n"));
  REQUIRE(config.has_value());
  CHECK(schedule_findings(kPromo, "2099-03-10T09:00:00+01:00", "Europe/Madrid", config.value())
            .size() == 1);
  auto bad = brandlint::load_config(dir.write("bad/.brandlint.yaml", "waking_hours: 8 to 22\n"));
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().line == 1);
}

TEST_CASE("schedule: in the past, or with no way to tell when") {
  auto found = schedule_findings(kNotice, "2020-03-10T09:00:00+01:00", "");
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "schedule.time.in-the-past");
  found = schedule_findings(kNotice, "2099-03-10T09:00:00", "");
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "schedule.time.no-timezone");
  found = schedule_findings(kNotice, "2099-03-10T09:00:00", "Madrid");
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "schedule.time.unknown-timezone");
  found = schedule_findings(kNotice, "next tuesday", "Europe/Madrid");
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "schedule.time.unreadable");
}

TEST_CASE("schedule: a promotion on a sensitive date") {
  TempDir dir;
  auto config = brandlint::load_config(dir.write(".brandlint.yaml", R"(sensitive_dates:
  - {date: 2099-05-24, name: regional elections, country: ES}
  - {date: 2099-11-01, until: 2099-11-02, name: days of mourning, timezone: Europe/Rome}
)"));
  REQUIRE(config.has_value());
  auto found =
      schedule_findings(kPromo, "2099-05-24T10:00:00+02:00", "Europe/Madrid", config.value());
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "schedule.sensitive-date.promotion");
  CHECK(found[0].message.find("regional elections") != std::string::npos);
  // The day is local: 23:30 UTC on the 23rd is already the 24th on the Canary Islands (and
  // past their bedtime).
  found = schedule_findings(kPromo, "2099-05-23T23:30:00Z", "Atlantic/Canary", config.value());
  REQUIRE(found.size() == 2);
  CHECK(found[1].rule == "schedule.time.outside-waking-hours");
  CHECK(found[0].rule == "schedule.sensitive-date.promotion");
  // A notice that sells nothing is fine that day; a promotion the next day too.
  CHECK(schedule_findings(kNotice, "2099-05-24T10:00:00+02:00", "Europe/Madrid", config.value())
            .empty());
  CHECK(schedule_findings(kPromo, "2099-05-25T10:00:00+02:00", "Europe/Madrid", config.value())
            .empty());
  CHECK(schedule_findings(kPromo, "2099-11-02T12:00:00+01:00", "Europe/Rome", config.value())
            .size() == 1);

  auto bad = brandlint::load_config(
      dir.write("bad/.brandlint.yaml", "sensitive_dates:\n  - {date: 2099-05-24, country: XX}\n"));
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().message.find("unknown country") != std::string::npos);
}
