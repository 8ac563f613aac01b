#include "schedule/schedule_time.hpp"

#include <re2/re2.h>
#include <unicode/gregocal.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <memory>

namespace brandlint::schedule {
namespace {

std::unique_ptr<icu::TimeZone> zone(const std::string& id) {
  return std::unique_ptr<icu::TimeZone>(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(id)));
}

bool valid_date(std::string_view d) {
  static const RE2 kDate(R"((\d{4})-(\d{2})-(\d{2}))");
  int y = 0, m = 0, day = 0;
  if (!RE2::FullMatch(d, kDate, &y, &m, &day)) return false;
  return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

LocalTime fields_of(icu::Calendar& calendar) {
  UErrorCode status = U_ZERO_ERROR;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", calendar.get(UCAL_YEAR, status),
                calendar.get(UCAL_MONTH, status) + 1, calendar.get(UCAL_DATE, status));
  LocalTime t;
  t.date = buf;
  t.minutes = calendar.get(UCAL_HOUR_OF_DAY, status) * 60 + calendar.get(UCAL_MINUTE, status);
  return t;
}

}  // namespace

std::optional<WrittenTime> parse_scheduled_at(std::string_view value) {
  static const RE2 kIso(
      R"((\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)");
  WrittenTime t;
  std::string seconds, offset;
  if (!RE2::FullMatch(value, kIso, &t.year, &t.month, &t.day, &t.hour, &t.minute, &seconds,
                      &offset)) {
    return std::nullopt;
  }
  if (!seconds.empty()) t.second = std::stoi(seconds);
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31 || t.hour > 24 || t.minute > 59 ||
      t.second > 60) {
    return std::nullopt;
  }
  if (!offset.empty()) {
    t.has_offset = true;
    if (offset != "Z" && offset != "z") {
      const int sign = offset[0] == '-' ? -1 : 1;
      const int hours = std::stoi(offset.substr(1, 2));
      std::string rest = offset.substr(3);
      if (!rest.empty() && rest[0] == ':') rest.erase(0, 1);
      const int minutes = rest.empty() ? 0 : std::stoi(rest);
      if (hours > 18 || minutes > 59) return std::nullopt;
      t.offset_minutes = sign * (hours * 60 + minutes);
    }
  }
  return t;
}

bool is_known_timezone(const std::string& id) {
  if (id.empty()) return false;
  auto tz = zone(id);
  icu::UnicodeString got;
  tz->getID(got);
  return *tz != icu::TimeZone::getUnknown() && got != UNICODE_STRING_SIMPLE("Etc/Unknown");
}

std::vector<std::string> timezones_of_country(const std::string& country) {
  std::vector<std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> ids(icu::TimeZone::createTimeZoneIDEnumeration(
      UCAL_ZONE_TYPE_CANONICAL_LOCATION, country.c_str(), nullptr, status));
  if (U_FAILURE(status) || !ids) return out;
  while (const icu::UnicodeString* id = ids->snext(status)) {
    if (U_FAILURE(status)) break;
    std::string s;
    id->toUTF8String(s);
    out.push_back(s);
  }
  return out;
}

std::optional<double> to_instant(const WrittenTime& t, const std::string& timezone) {
  if (!t.has_offset && !is_known_timezone(timezone)) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(
      t.has_offset ? icu::TimeZone::getGMT()->clone() : zone(timezone).release(), status);
  if (U_FAILURE(status)) return std::nullopt;
  calendar.clear();
  calendar.set(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const UDate at = calendar.getTime(status);
  if (U_FAILURE(status)) return std::nullopt;
  return t.has_offset ? at - t.offset_minutes * 60000.0 : at;
}

LocalTime local_time(double instant, const std::string& timezone) {
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(zone(timezone).release(), status);
  calendar.setTime(instant, status);
  return fields_of(calendar);
}

LocalTime local_time_at_offset(double instant, int offset_minutes) {
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(icu::TimeZone::getGMT()->clone(), status);
  calendar.setTime(instant + offset_minutes * 60000.0, status);
  return fields_of(calendar);
}

std::optional<std::string> parse_waking_hours(std::string_view value, int& start, int& end) {
  static const RE2 kRange(R"(\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*)");
  int h1 = 0, m1 = 0, h2 = 0, m2 = 0;
  if (!RE2::FullMatch(value, kRange, &h1, &m1, &h2, &m2) || h1 > 24 || h2 > 24 || m1 > 59 ||
      m2 > 59 || h1 * 60 + m1 == h2 * 60 + m2) {
    return "waking hours are written \"HH:MM-HH:MM\" in the audience's local time, e.g. "
           "\"08:00-22:00\"";
  }
  start = h1 * 60 + m1;
  end = h2 * 60 + m2;
  return std::nullopt;
}

std::optional<std::string> check_sensitive_date(const Config::SensitiveDate& d) {
  if (!valid_date(d.date)) return "a sensitive date needs 'date: YYYY-MM-DD'";
  if (!d.until.empty() && (!valid_date(d.until) || d.until < d.date)) {
    return "'until' must be a date written YYYY-MM-DD, on or after 'date'";
  }
  if (d.country.empty() == d.timezone.empty()) {
    return "a sensitive date needs either 'country' (ISO 3166, e.g. ES) or 'timezone' (IANA, "
           "e.g. Europe/Madrid)";
  }
  if (!d.timezone.empty() && !is_known_timezone(d.timezone)) {
    return "unknown time zone '" + d.timezone + "' (use an IANA name such as Europe/Madrid)";
  }
  if (!d.country.empty() && timezones_of_country(d.country).empty()) {
    return "unknown country '" + d.country + "' (use an ISO 3166 code such as ES or IT)";
  }
  return std::nullopt;
}

std::string format_minutes(int minutes) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
  return buf;
}

}  // namespace brandlint::schedule
