// schedule.*: when a scheduled post goes out. Outside the audience's waking hours it lands under
// a night of other posts; in the past it goes out at once (or not at all); without an offset or
// a time zone nobody knows when "09:00" is; and a promotion on an election day or a day of
// mourning reads as tone-deaf.
#include <re2/re2.h>
#include <unicode/calendar.h>

#include <string>

#include "checks/families.hpp"
#include "schedule/schedule_time.hpp"

namespace brandlint::checks {
namespace {

// Words that make a post promotional, in the four languages, on folded text (lowercase, no
// accents): sales, discounts, codes, prices, calls to buy.
bool promotional(const CheckContext& context) {
  static const RE2 kPromo(
      R"((?:^|[^\pL\pN])(?:)"
      // en
      R"(sales?|discounts?|\d+ ?% off|(?:great|best|hot) deals?|deal of the day|special offers?|coupons?|promo(?: code)?|free shipping|)"
      R"(shop now|buy now|order now|limited time|giveaway|bargains?|clearance|black friday|)"
      R"(cyber monday|)"
      // es
      R"(rebajas|descuentos?|ofertas?|promocion(?:es)?|codigo|envio gratis|compra ya|)"
      R"(solo hoy|sorteo|chollos?|liquidacion|)"
      // fr
      R"(soldes|reductions?|remises?|offres?|code promo|livraison gratuite|achetez|profitez|)"
      R"(bons? plans?|destockage|jeu concours|)"
      // it
      R"(saldi|sconti|sconto|offerta|offerte|promozioni|promozione|codice sconto|)"
      R"(spedizione gratuita|acquista|solo oggi|svendita|)"
      // prices and percentages
      R"(-\d+ ?%|\d+ ?%|[€$£] ?\d|\d ?[€$£])(?:$|[^\pL\pN]))");
  return RE2::PartialMatch(context.folded.folded.text, kPromo);
}

class ScheduleCheck : public Check {
 public:
  void run(const CheckContext& context, std::vector<Diagnostic>& out) const override {
    const Metadata& meta = context.post.meta;
    if (meta.scheduled_at.empty()) return;
    // Schedule findings are about the whole post: they point at its first line.
    const std::string& nfc = context.text.nfc();
    const std::size_t first_line = std::min(nfc.size(), nfc.find('\n'));
    auto report = [&](std::string rule, std::string sub, std::string message) {
      out.push_back(context.diagnostic(std::move(rule), "schedule", std::move(sub),
                                       Severity::warning, std::move(message), 0, first_line));
    };

    const auto written = schedule::parse_scheduled_at(meta.scheduled_at);
    if (!written) {
      report("schedule.time.unreadable", "time",
             "scheduled_at '" + meta.scheduled_at +
                 "' is not a date and time such as 2026-12-01T09:00:00+01:00");
      return;
    }
    const bool has_zone = !meta.timezone.empty();
    if (has_zone && !schedule::is_known_timezone(meta.timezone)) {
      report("schedule.time.unknown-timezone", "time",
             "unknown time zone '" + meta.timezone +
                 "': use an IANA name such as Europe/Madrid or America/Mexico_City");
      return;
    }
    const auto instant = schedule::to_instant(*written, meta.timezone);
    if (!instant) {
      report("schedule.time.no-timezone", "time",
             "scheduled_at '" + meta.scheduled_at +
                 "' has no UTC offset and the post no timezone: nobody can tell when it goes "
                 "out (add +01:00 or 'timezone: Europe/Madrid')");
      return;
    }

    if (*instant < icu::Calendar::getNow()) {
      report("schedule.time.in-the-past", "time",
             "scheduled_at " + meta.scheduled_at +
                 " is in the past: the post would go out at once, or not at all");
    }

    const schedule::LocalTime local =
        has_zone ? schedule::local_time(*instant, meta.timezone)
                 : schedule::local_time_at_offset(*instant, written->offset_minutes);
    const int start = context.config.waking_start;
    const int end = context.config.waking_end;
    const bool awake = start < end ? local.minutes >= start && local.minutes < end
                                   : local.minutes >= start || local.minutes < end;
    if (!awake) {
      report("schedule.time.outside-waking-hours", "time",
             "the post goes out at " + schedule::format_minutes(local.minutes) +
                 (has_zone ? " in " + meta.timezone : " local time") +
                 ", outside the audience's waking hours (" + schedule::format_minutes(start) + "-" +
                 schedule::format_minutes(end) + "): it will be buried by morning");
    }

    if (context.config.sensitive_dates.empty() || !promotional(context)) return;
    for (const auto& day : context.config.sensitive_dates) {
      std::vector<std::string> zones = {day.timezone};
      if (!day.country.empty()) zones = schedule::timezones_of_country(day.country);
      const std::string& last = day.until.empty() ? day.date : day.until;
      for (const auto& zone : zones) {
        const std::string date = schedule::local_time(*instant, zone).date;
        if (date < day.date || date > last) continue;
        report("schedule.sensitive-date.promotion", "sensitive-date",
               "a promotional post scheduled on " + date + ", " +
                   (day.name.empty() ? std::string("a sensitive date") : day.name) + " (" +
                   (day.country.empty() ? day.timezone : day.country) +
                   "): a sales message that day reads as tone-deaf; move it");
        break;
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_schedule_check() { return std::make_unique<ScheduleCheck>(); }

}  // namespace brandlint::checks
