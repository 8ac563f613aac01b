// promotion.reply.* and promotion.focus.*: replies that pile up hashtags, links or mentions, and
// replies about the brand rather than the customer, in the four languages.
#include <doctest/doctest.h>

#include "reply_test_support.hpp"

using reply_test::Case;
using reply_test::has_rule;
using reply_test::lint;
using reply_test::Reply;

namespace {

Reply on(Reply r, std::string platform) {
  r.platform = std::move(platform);
  return r;
}

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      // ---- hashtags, links, mentions ----
      {{"en", "Hi Daniel, thanks! Your jacket ships today #SummerSale #NewIn #Fashion #StyleTips",
        "Daniel"},
       "promotion.reply.too-many-hashtags",
       "promotion.reply"},
      {{"es",
        "Hola Lucía, gracias. Mira https://tienda.es/rebajas https://tienda.es/nuevo "
        "y https://tienda.es/outlet",
        "Lucía"},
       "promotion.reply.too-many-links",
       "promotion.reply"},
      {{"fr", "Bonjour Claire, merci ! Suivez aussi @ModeCo, @ModeCoKids et @ModeCoHome !",
        "Claire"},
       "promotion.reply.too-many-mentions",
       "promotion.reply"},
      {on({"it", "Ciao Giulia, grazie! #saldi #moda", "Giulia"}, "facebook"),
       "promotion.reply.too-many-hashtags", "promotion.reply"},
      {{"en",
        "@daniel_s @ShopCoHelp Hi Daniel, thanks! Here's how returns work: "
        "https://shop.com/returns #CustomerCare",
        "Daniel", "", "", "@daniel_s"},
       "",
       "promotion.reply"},
      {{"es", "Hola Lucía, gracias. Tienes los pasos aquí: https://tienda.es/ayuda", "Lucía"},
       "",
       "promotion.reply"},
      {on({"fr", "Bonjour Claire, merci ! #mode #automne #lookdujour", "Claire"}, "instagram"), "",
       "promotion.reply"},
      {{"it", "Ciao Giulia, grazie! Ti rispondono i colleghi di @ModaCoAiuto", "Giulia"},
       "",
       "promotion.reply"},
      // ---- brand voice against customer voice ----
      {{"en",
        "Hi Daniel, we are proud of our service. We always do our best, our team works hard and "
        "our products are the best on the market.",
        "Daniel"},
       "promotion.focus.brand-centred",
       "promotion.focus"},
      {{"es",
        "Hola Lucía, nosotros somos líderes: nuestro equipo trabaja con nuestros mejores "
        "proveedores y nuestra calidad es la mejor. Hemos crecido mucho.",
        "Lucía"},
       "promotion.focus.brand-centred",
       "promotion.focus"},
      {{"fr",
        "Bonjour Claire, nous sommes fiers de notre service : notre équipe et nos produits sont "
        "les meilleurs, nous le savons et nous le prouvons.",
        "Claire"},
       "promotion.focus.brand-centred",
       "promotion.focus"},
      {{"it",
        "Ciao Giulia, noi siamo i migliori: il nostro team e i nostri prodotti sono unici, "
        "abbiamo anni di esperienza e possiamo dirlo.",
        "Giulia"},
       "promotion.focus.brand-centred",
       "promotion.focus"},
      {{"en",
        "Hi Daniel, we're so sorry! We've refunded your order and you'll see it in your account "
        "in a few days. Thank you for your patience.",
        "Daniel"},
       "",
       "promotion.focus"},
      {{"es",
        "Hola Lucía, lo sentimos. Te hemos devuelto el importe y lo verás en tu cuenta en unos "
        "días. Gracias por tu paciencia.",
        "Lucía"},
       "",
       "promotion.focus"},
      {{"fr",
        "Bonjour Claire, nous sommes désolés. Nous vous avons remboursé votre commande, vous le "
        "verrez sur votre compte d'ici quelques jours.",
        "Claire"},
       "",
       "promotion.focus"},
      {{"it",
        "Ciao Giulia, ci dispiace. Ti abbiamo rimborsato l'ordine e lo vedrai sul tuo conto tra "
        "pochi giorni. Grazie per la pazienza.",
        "Giulia"},
       "",
       "promotion.focus"},
  };
  return all;
}

}  // namespace

TEST_CASE("promotion: hashtags, links, mentions and brand focus in four languages") {
  reply_test::check_cases(cases());
}

TEST_CASE("promotion: severities, spans and the thresholds") {
  const Reply tags{"en", "Hi Daniel, thanks! #SummerSale #NewIn #Fashion #StyleTips", "Daniel"};
  auto found = lint(tags, "promotion.reply");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == brandlint::Severity::warning);
  CHECK(found[0].match == "#Fashion #StyleTips");
  CHECK(found[0].message.find("reply_max_hashtags") != std::string::npos);

  brandlint::Config relaxed;
  relaxed.thresholds["reply_max_hashtags"] = 4;
  CHECK(lint(tags, "promotion.reply", relaxed).empty());
  brandlint::Config per_platform;
  per_platform.thresholds["reply_max_hashtags"] = 4;
  per_platform.thresholds["reply_max_hashtags.twitter"] = 0;
  CHECK(lint(tags, "promotion.reply", per_platform).empty());  // generic: the general 4
  CHECK(lint(on(tags, "twitter"), "promotion.reply", per_platform).size() == 1);
  Reply one = on({"en", "Hi Daniel, thanks! #CustomerCare", "Daniel"}, "twitter");
  CHECK(has_rule(lint(one, "promotion.reply", per_platform), "promotion.reply.too-many-hashtags"));

  // A brand's own post is not a reply: its hashtags are the platform check's business.
  Reply post{"en", "Summer is here! #SummerSale #NewIn #Fashion #StyleTips"};
  post.kind = "post";
  CHECK(lint(post, "promotion.reply").empty());

  found = lint({"en",
                "Hi Daniel, we are proud of our service. We always do our best, our team works "
                "hard and our products are the best.",
                "Daniel"},
               "promotion.focus");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == brandlint::Severity::info);
}

TEST_CASE("promotion: a discount that answers the customer's own question is no sales push") {
  struct Pair {
    const char* lang;
    const char* question;
    const char* reply;
  };
  const Pair pairs[] = {
      {"en", "Do you have a student discount?",
       "Hi Sam! Yes, students get 10% off with code STUDENT10."},
      {"es", "¿Tenéis descuento para estudiantes?",
       "¡Hola Sam! Sí, con el código ESTUDIA10 tienes un 10 % de descuento."},
      {"it", "C'è uno sconto per studenti?",
       "Ciao Sam! Sì, usa il codice sconto STUDIO10 al checkout."},
      {"fr", "Il y a une réduction étudiante ?",
       "Bonjour Sam ! Oui, les étudiants bénéficient de 10 % de réduction sur présentation de "
       "leur carte."},
  };
  for (const auto& p : pairs) {
    CAPTURE(p.reply);
    // Unasked, the same reply pushes a sale; asked, it answers.
    CHECK_FALSE(lint({p.lang, p.reply, "Sam"}, "promotion.sales-phrase").empty());
    CHECK(lint({p.lang, p.reply, "Sam", p.question}, "promotion.sales-phrase").empty());
  }
  // A complaint is not a question about prices: a promo code under it is still a push.
  CHECK_FALSE(
      lint({"fr", "Bonjour Sam, désolés ! Profitez de 10 % de réduction avec le code SORRY10.",
            "Sam", "Mon colis est en retard"},
           "promotion.sales-phrase")
          .empty());
}
