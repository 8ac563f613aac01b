// Reading the schedule of a post: `scheduled_at` (ISO 8601), IANA time zones and calendar dates,
// all through ICU's calendars and time-zone data.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brandlint/brandlint.hpp"

namespace brandlint::schedule {

// A wall-clock time as written in `scheduled_at`.
struct WrittenTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  bool has_offset = false;
  int offset_minutes = 0;  // east of UTC; "Z" is 0
};

// "2026-12-01T09:00:00+01:00", "2026-12-01T09:00Z", "2026-12-01 09:00"; nullopt otherwise.
std::optional<WrittenTime> parse_scheduled_at(std::string_view value);

// Whether ICU knows `id` as a time zone ("Europe/Madrid"; not "Madrid").
bool is_known_timezone(const std::string& id);
// The time zones of an ISO 3166 country ("ES": Europe/Madrid, Africa/Ceuta, Atlantic/Canary).
std::vector<std::string> timezones_of_country(const std::string& country);

// Milliseconds since the epoch (UTC) of a written time: with its offset, or else as the wall
// time in `timezone`. nullopt when it has neither or the zone is unknown.
std::optional<double> to_instant(const WrittenTime& t, const std::string& timezone);

struct LocalTime {
  std::string date;  // YYYY-MM-DD
  int minutes = 0;   // after local midnight
};
// The local date and time of an instant in an IANA zone.
LocalTime local_time(double instant, const std::string& timezone);
// ... or at a fixed offset from UTC.
LocalTime local_time_at_offset(double instant, int offset_minutes);

// "08:00-22:00" → minutes after midnight; an error message otherwise.
std::optional<std::string> parse_waking_hours(std::string_view value, int& start, int& end);
// What is wrong with a sensitive date (a date that is not YYYY-MM-DD, no country or time zone,
// an unknown one), if anything.
std::optional<std::string> check_sensitive_date(const Config::SensitiveDate& date);

std::string format_minutes(int minutes);  // "08:00"

}  // namespace brandlint::schedule
