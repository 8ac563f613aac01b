// tone.shouting.* and tone.mocking-emoji.*: realistic replies in the four languages, flagged and
// clean, through the whole linter with the shipped packs.
#include <doctest/doctest.h>

#include "reply_test_support.hpp"

using reply_test::has_rule;
using reply_test::lint;
using reply_test::Reply;

namespace {

struct Case {
  Reply reply;
  std::string expected;  // the rule that must fire; empty: no tone.shouting / mocking finding
};

const std::vector<Case>& shouting_cases() {
  static const std::vector<Case> cases = {
      // Flagged: runs of capitals and of ! and ?.
      {{"en", "Hi Daniel, WE HAVE ALREADY ANSWERED this. Your parcel left on Monday.", "Daniel"},
       "tone.shouting.capitals"},
      {{"en", "Hi Daniel, your parcel left on Monday!!!", "Daniel"}, "tone.shouting.punctuation"},
      {{"es", "Hola Lucía, YA TE HEMOS DICHO que el pedido llega mañana.", "Lucía"},
       "tone.shouting.capitals"},
      {{"es", "Hola Lucía, ¿¿¿has mirado el correo??? Ahí tienes el enlace.", "Lucía"},
       "tone.shouting.punctuation"},
      {{"fr", "Bonjour Claire, NOUS AVONS DÉJÀ RÉPONDU à votre question.", "Claire"},
       "tone.shouting.capitals"},
      {{"fr", "Bonjour Claire, vous avez vraiment lu notre message ?!?!", "Claire"},
       "tone.shouting.punctuation"},
      {{"it", "Ciao Giulia, ABBIAMO GIÀ RISPOSTO alla tua domanda.", "Giulia"},
       "tone.shouting.capitals"},
      {{"it", "Ciao Giulia, hai controllato la mail?!? Ti abbiamo scritto ieri.", "Giulia"},
       "tone.shouting.punctuation"},
      // Clean: acronyms, brand names, one emphatic word, a single ! or ?, a hashtag in capitals.
      {{"en", "Hi Daniel, we are SO sorry! Please send us a DM with your order number.", "Daniel"},
       ""},
      {{"en", "Hi Daniel, the FAQ explains how UPS and DHL deliveries work. Any questions?",
        "Daniel"},
       ""},
      {{"es", "Hola Lucía, tu pedido sale hoy con SEUR y llega el LUNES. ¡Gracias!", "Lucía"}, ""},
      {{"es", "¡Hola Lucía! ¿Nos escribes por MD? Así lo miramos #AtencionCliente", "Lucía"}, ""},
      {{"fr", "Bonjour Claire, la SNCF nous a confirmé le retard. Merci pour votre patience !",
        "Claire"},
       ""},
      {{"fr", "Bonjour Claire, envoyez-nous un MP avec votre numéro de commande, merci !",
        "Claire"},
       ""},
      {{"it", "Ciao Giulia, il pacco arriva con BRT domani. Grazie mille!!", "Giulia"}, ""},
      {{"it", "Ciao Giulia, ci scrivi in DM il numero d'ordine? Grazie!", "Giulia"}, ""},
  };
  return cases;
}

const std::vector<Case>& mocking_cases() {
  static const std::vector<Case> cases = {
      // Flagged: laughing at, or brushing off, someone who complains.
      {{"en", "Oh no 😂 send us a DM with your order number, Daniel.", "Daniel",
        "@ShopCo my order arrived broken and nobody answers"},
       "tone.mocking-emoji.tears-of-joy"},
      {{"en", "Hi Daniel, it's on its way 🙄", "Daniel",
        "WHERE IS MY ORDER, it's been two weeks"},
       "tone.mocking-emoji.eye-roll"},
      {{"es", "Vaya 🤣 escríbenos por MD y lo miramos, Lucía.", "Lucía",
        "Mi pedido llegó roto y nadie me contesta"},
       "tone.mocking-emoji.rolling-laughing"},
      {{"es", "Hola Lucía, ya lo miramos 🤷", "Lucía",
        "Llevo dos semanas esperando el reembolso 😡"},
       "tone.mocking-emoji.shrug"},
      {{"fr", "Bonjour Claire, on regarde ça 🤣", "Claire",
        "Toujours rien reçu après trois semaines, c'est inadmissible"},
       "tone.mocking-emoji.rolling-laughing"},
      {{"fr", "Désolés pour le retard Claire 😏", "Claire", ""}, "tone.mocking-emoji.smirk"},
      {{"it", "Ciao Giulia, controlliamo subito 😏", "Giulia", "Il pacco è arrivato rotto"},
       "tone.mocking-emoji.smirk"},
      {{"it", "Ciao Giulia 😂 ci mandi una foto?", "Giulia", "Il prodotto non funziona, che schifo"},
       "tone.mocking-emoji.tears-of-joy"},
      // An eye-roll or a smirk mocks a calm customer's question too; laughter may be shared.
      {{"it", "Ciao Ettore, domandone! 😏 Basta andare su Gestisci prenotazione.", "Ettore",
        "Dove aggiungo il bagaglio?"},
       "tone.mocking-emoji.smirk"},
      {{"en", "Hi Sam, it's on the tracking page 🙄", "Sam", "Where can I track my order?"},
       "tone.mocking-emoji.eye-roll"},
      // Clean: the same emoji where the customer is happy, and kind emoji under a complaint.
      {{"en", "Haha love that, Daniel 😂 enjoy your new headphones!", "Daniel",
        "Just got my new headphones, they sound amazing!"},
       ""},
      {{"en", "We're so sorry, Daniel 😔 we'll send a new one today.", "Daniel",
        "my order arrived broken"},
       ""},
      {{"es", "¡Jajaja qué foto tan buena, Lucía! 😂 Gracias por compartirla.", "Lucía",
        "Mirad cómo le queda el jersey a mi perro"},
       ""},
      {{"es", "Lo sentimos mucho, Lucía 🙏 Te escribimos por MD ahora mismo.", "Lucía",
        "Mi pedido llegó roto"},
       ""},
      {{"fr", "Trop mignon, Claire 🤣 merci pour la photo !", "Claire",
        "Mon chat adore son nouveau panier"},
       ""},
      {{"fr", "Nous sommes désolés, Claire 💙 nous regardons tout de suite.", "Claire",
        "Toujours rien reçu, c'est inadmissible"},
       ""},
      {{"it", "Che bella foto, Giulia 😂 grazie!", "Giulia",
        "Guardate il mio cane col vostro cappotto"},
       ""},
      {{"it", "Ci dispiace molto, Giulia 🙏 ti scriviamo in privato.", "Giulia",
        "Il pacco è arrivato rotto"},
       ""},
  };
  return cases;
}

void run_cases(const std::vector<Case>& cases, const std::string& prefix) {
  for (const auto& c : cases) {
    CAPTURE(c.reply.text);
    const auto found = lint(c.reply, prefix);
    INFO("found: " << reply_test::describe(found));
    if (c.expected.empty()) {
      CHECK(found.empty());
    } else {
      CHECK(has_rule(found, c.expected));
    }
  }
}

}  // namespace

TEST_CASE("tone: shouting in capitals and punctuation, in four languages") {
  run_cases(shouting_cases(), "tone.shouting");
}

TEST_CASE("tone: a shouted run is reported where it is, as a warning in a reply") {
  const auto found =
      lint({"en", "Hi Daniel, WE HAVE ALREADY ANSWERED this.", "Daniel"}, "tone.shouting.capitals");
  REQUIRE(found.size() == 1);
  CHECK(found[0].match == "WE HAVE ALREADY ANSWERED");
  CHECK(found[0].severity == brandlint::Severity::warning);
  CHECK(found[0].category == "tone");
  CHECK(found[0].subcategory == "shouting");
}

TEST_CASE("tone: capitals in a brand's own post are only a suggestion") {
  Reply post{"en", "HAPPY NEW YEAR FROM ALL OF US! See you in January."};
  post.kind = "post";
  const auto found = lint(post, "tone.shouting");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == brandlint::Severity::info);
}

TEST_CASE("tone: the shouting threshold and the user's all-caps brand words") {
  const Reply two{"en", "Hi Daniel, thanks! It is ON ITS way.", "Daniel"};
  CHECK(lint(two, "tone.shouting").empty());
  brandlint::Config strict;
  strict.thresholds["shouting_words"] = 2;
  CHECK(has_rule(lint(two, "tone.shouting", strict), "tone.shouting.capitals"));
  // A brand written in capitals is not shouting once it is in `words`.
  const Reply brand{"en", "Hi Daniel, BIG GREEN BOX ships your order today.", "Daniel"};
  CHECK(has_rule(lint(brand, "tone.shouting"), "tone.shouting.capitals"));
  brandlint::Config words;
  words.words["all"] = {"BIG", "GREEN", "BOX"};
  CHECK(lint(brand, "tone.shouting", words).empty());
}

TEST_CASE("tone: mocking emoji under a complaint, in four languages") {
  run_cases(mocking_cases(), "tone.mocking-emoji");
}

TEST_CASE("tone: laughing emoji under a complaint is an error, a shrug a warning") {
  auto found = lint({"en", "Oh no 😂", "Daniel", "my order arrived broken"}, "tone.mocking-emoji");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == brandlint::Severity::error);
  CHECK(found[0].match == "😂");
  found = lint({"en", "We'll check 🤷‍♂️", "Daniel", "my order arrived broken"},
               "tone.mocking-emoji");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == brandlint::Severity::warning);
}

TEST_CASE("tone: a reply is read from its first word after the handles to its signature") {
  // On X every reply opens with the handles it answers, and support teams sign theirs; what
  // the rules read as the start and end of the text ("Nope.", "Punto final.") is the message
  // between them.
  const std::vector<std::pair<Reply, std::string>> cases = {
      {{"en", "@sam Nope."}, "Nope."},
      {{"en", "@sam_b @jo You again? We answered you yesterday."}, "You again?"},
      {{"es", "@lucia @pepe Punto final."}, "Punto final."},
      {{"fr", "@claire Du calme !"}, "Du calme !"},
      {{"en", "@sam Nope. ^JK"}, "Nope."},
      {{"en", "Nope. \u2014 Marco B."}, "Nope."},
      {{"es", "@lucia Punto final. -Marta"}, "Punto final."},
  };
  reply_test::check_single_findings(cases, "tone.hostile");
  // The handles alone, or before a kind reply, are no finding.
  CHECK(lint({"en", "@sam @jo"}, "tone").empty());
  CHECK(lint({"en", "@sam Nope, nothing to pay: the fix is free."}, "tone.hostile").empty());
  // Words after a mark are a signature only when they end the text and stand apart from it.
  CHECK(lint({"en", "Nope. Bye now"}, "tone.hostile").empty());
}
