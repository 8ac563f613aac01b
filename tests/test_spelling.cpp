// Spelling with Debian's real dictionaries in the four languages.
#include <doctest/doctest.h>

#include <algorithm>
#include <tuple>

#include "brandlint/brandlint.hpp"

using namespace brandlint;

namespace {

std::shared_ptr<const Linter> linter(Config config = {}) {
  config.data_dir = BRANDLINT_SOURCE_DIR;
  auto made = Linter::create(config);
  REQUIRE(made);
  return made.value();
}

std::vector<Diagnostic> spelling(const Linter& l, const std::string& text, const std::string& lang,
                                 Metadata meta = {}) {
  Post post;
  post.text = text;
  post.meta = std::move(meta);
  post.meta.lang = lang;
  auto found = l.check(post);
  REQUIRE(found);
  std::vector<Diagnostic> out;
  for (auto& d : found.value()) {
    if (d.category == "spelling") out.push_back(d);
  }
  return out;
}

// The one spelling finding of `text`; the test stops when there is not exactly one.
Diagnostic only_finding(const Linter& l, const std::string& text, const std::string& lang) {
  auto found = spelling(l, text, lang);
  REQUIRE(found.size() == 1);
  return found[0];
}

bool suggests(const Diagnostic& d, const std::string& word) {
  return std::find(d.suggestions.begin(), d.suggestions.end(), word) != d.suggestions.end();
}

}  // namespace

TEST_CASE("misspellings are caught in each language, with the right word suggested") {
  auto l = linter();
  struct Case {
    const char* lang;
    const char* text;
    const char* wrong;
    const char* right;
  };
  for (const Case& c : {
           Case{"en", "We have recieved your order and will ship it tomorrow.", "recieved",
                "received"},
           Case{"en-GB", "Thank you for your patience, the colour is definately right.",
                "definately", "definitely"},
           Case{"es", "Mañana recivirás tu pedido en casa.", "recivirás", "recibirás"},
           Case{"fr", "Nous avons bien reçu votre comande, merci.", "comande", "commande"},
           Case{"it", "Grazie per la pazienza, il rimborso è stato aprovato.", "aprovato",
                "approvato"},
       }) {
    CAPTURE(c.text);
    auto found = spelling(*l, c.text, c.lang);
    REQUIRE(found.size() == 1);
    CHECK(found[0].match == c.wrong);
    CHECK(found[0].rule == "spelling.unknown-word");
    CHECK(found[0].severity == Severity::warning);
    CHECK(found[0].suggestions.size() <= 3);
    CHECK(suggests(found[0], c.right));
    CHECK(std::string(c.text).substr(found[0].offset, found[0].length) == c.wrong);
  }
}

TEST_CASE("correct replies in each language are clean") {
  auto l = linter();
  CHECK(
      spelling(*l, "Hi there, thanks for reaching out! We've sent you a DM with the details.", "en")
          .empty());
  CHECK(spelling(*l, "Hola, gracias por escribirnos. Te hemos enviado un mensaje privado.", "es")
            .empty());
  CHECK(spelling(*l, "Bonjour, merci pour votre message ! L'équipe vous répond aujourd'hui.", "fr")
            .empty());
  CHECK(
      spelling(*l, "Ciao, grazie per averci scritto. Dell'ordine ci occupiamo noi, a presto!", "it")
          .empty());
}

TEST_CASE("names from the metadata, brand terms, handles, URLs and acronyms are not typos") {
  auto l = linter();
  Metadata meta;
  meta.customer = "Siobhan Ní Bhriain";
  meta.agent = "Xochitl";
  meta.customer_handle = "@zzqtrx";
  CHECK(
      spelling(
          *l,
          "Hi Siobhan, Xochitl here. Siobhan's parcel is with DHL; see https://exmpl.io/trk?q=zzqx "
          "or DM @zzqtrx. FAQ and RSVP on our TikTok and WhatsApp 🙌 {{frist_name}}",
          "en", meta)
          .empty());
}

TEST_CASE("the words inside CamelCase hashtags are checked; all-lowercase tags are not") {
  auto l = linter();
  auto found = spelling(*l, "Get ready for #BlackFirday and #SummerStyle #tbt", "en");
  REQUIRE(found.size() == 1);
  CHECK(found[0].match == "Firday");
  CHECK(suggests(found[0], "Friday"));
}

TEST_CASE("the user's own words from the configuration are accepted") {
  Config config;
  config.words["all"] = {"Zapatillo"};
  config.words["es"] = {"runnerazo"};
  auto l = linter(config);
  CHECK(spelling(*l, "Las Zapatillo son para todo runnerazo.", "es").empty());
  CHECK(spelling(*l, "The Zapatillo runnerazo", "en").size() == 1);  // es words stay Spanish
}

TEST_CASE("a missing dictionary is a clear error naming the package to install") {
  Config config;
  config.dictionary_paths = {"/nonexistent/dicts"};
  auto l = linter(config);
  Post post;
  post.text = "Bonjour";
  post.meta.lang = "fr";
  auto found = l->check(post);
  REQUIRE_FALSE(found);
  CHECK(found.error().message.find("apt-get install hunspell-fr") != std::string::npos);
}

TEST_CASE("hyphenated words the dictionary knows whole are not split into typos") {
  auto l = linter();
  CHECK(spelling(*l, "Bon week-end ! Envoyez-nous un e-mail, peut-être demain.", "fr").empty());
  CHECK(spelling(*l, "Send us an e-mail with your follow-up questions.", "en").empty());
  // A typo inside a compound is still one.
  auto typo = spelling(*l, "Bon week-ennd à tous !", "fr");
  REQUIRE(!typo.empty());
  CHECK(typo.back().match == "ennd");
}

TEST_CASE("the plural of a hyphenated word the dictionary knows is no typo either") {
  auto l = linter();
  // en_US knows "add-on" and "check-in" but not their plurals, nor "ons" and "ins" alone.
  CHECK(spelling(*l, "All add-ons and check-ins are free this week.", "en").empty());
  CHECK(spelling(*l, "Our eco-friendly range and a sci-fi box set are back.", "en").empty());
  // Still a typo: the singular is no word either.
  auto typo = spelling(*l, "All add-onss are free this week.", "en");
  REQUIRE(typo.size() == 1);
  CHECK(typo[0].match == "onss");
}

TEST_CASE("a prefix written with a hyphen is no typo; the word after it is checked") {
  auto l = linter();
  CHECK(spelling(*l, "Your parcel was mis-sorted at the depot and re-sent today.", "en").empty());
  CHECK(spelling(*l, "Hemos re-enviado el pedido a tu ex-pareja.", "es").empty());
  auto typo = spelling(*l, "Your parcel was mis-sortd at the depot.", "en");
  REQUIRE(typo.size() == 1);
  CHECK(typo[0].match == "sortd");
  // Not a prefix: still a typo.
  auto word = spelling(*l, "Your parcel was mys-sorted at the depot.", "en");
  REQUIRE(word.size() == 1);
  CHECK(word[0].match == "mys");
}

TEST_CASE("plain en accepts British and American spellings; en-US and en-GB are strict") {
  auto l = linter();
  CHECK(spelling(*l, "The colours and the colors are lovely.", "en").empty());
  auto us = spelling(*l, "The colours are lovely.", "en-US");
  REQUIRE(us.size() == 1);
  CHECK(us[0].match == "colours");
  auto gb = spelling(*l, "The colors are lovely.", "en-GB");
  REQUIRE(gb.size() == 1);
  CHECK(gb[0].match == "colors");
  CHECK(spelling(*l, "We have recieved it.", "en").size() == 1);
}

TEST_CASE("hashtags on other-language accounts may be English or leave out accents") {
  auto l = linter();
  CHECK(spelling(*l, "Ya está aquí la colección #NewIn #SummerSale #NuevaColeccion", "es").empty());
  CHECK(spelling(*l, "Les soldes sont là #SoldesEte #CustomerCare", "fr").empty());
  CHECK(spelling(*l, "Saldi estivi #SaldiEstivi #BlackFriday", "it").empty());
  auto typo = spelling(*l, "Ya está aquí #Veranno", "es");
  REQUIRE(typo.size() == 1);
  CHECK(suggests(typo[0], "Verano"));
  // In English posts a hashtag's words are English only.
  CHECK(spelling(*l, "New in store #NuevaColeccion", "en").size() == 2);
}

TEST_CASE("an unknown capitalised word inside a sentence is a name to confirm, not a failure") {
  auto l = linter();
  // Customers named in the text but not in the metadata: shown as info, so CI still passes.
  auto names = spelling(*l, "We're thrilled you loved it, Priya! Enjoy.", "en");
  REQUIRE(names.size() == 1);
  CHECK(names[0].match == "Priya");
  CHECK(names[0].severity == Severity::info);
  auto it = spelling(*l, "Grazie mille, Giuseppina Bortolazzi, a presto.", "it");
  for (const auto& d : it) CHECK(d.severity == Severity::info);
  // At the start of a sentence a capital says nothing: a warning, like any typo.
  auto initial = spelling(*l, "Thanks for waiting. Recieved your parcel?", "en");
  REQUIRE(initial.size() == 1);
  CHECK(initial[0].severity == Severity::warning);
  // In Title Case neither does it.
  auto title = spelling(*l, "Our New Colection Is Here", "en");
  REQUIRE(title.size() == 1);
  CHECK(title[0].match == "Colection");
  CHECK(title[0].severity == Severity::warning);
  CHECK(suggests(title[0], "Collection"));
  // Lowercase typos inside a sentence stay warnings.
  auto lower = spelling(*l, "Thanks, we have recieved it.", "en");
  REQUIRE(lower.size() == 1);
  CHECK(lower[0].severity == Severity::warning);
  // A short greeting that is mostly a name is no title: "Mei", "Ling", "Sven" are names.
  for (const auto& example : std::vector<std::pair<std::string, std::string>>{
           {"Hola, Mei Ling. Ya puedes ver el episodio.", "es"},
           {"Te entendemos, Sven. Ya te devolvimos el importe.", "es"},
           {"Good news, Oluwaseun! Your card is on its way.", "en"},
           {"Buone notizie, Oluwaseun! La carta è in viaggio.", "it"}}) {
    const std::string& text = example.first;
    const std::string& lang = example.second;
    CAPTURE(text);
    const auto found = spelling(*l, text, lang);
    CHECK_FALSE(found.empty());
    for (const auto& d : found) CHECK(d.severity == Severity::info);
  }
  // Addressing the customer at a sentence's start: a name when no suggestion is a slip away.
  for (const auto& example : std::vector<std::pair<std::string, std::string>>{
           {"Siobhan, entendemos la molestia y lo sentimos.", "es"},
           {"Agnieszka, we're sorry it arrived late.", "en"}}) {
    const std::string& text = example.first;
    const std::string& lang = example.second;
    CAPTURE(text);
    const auto found = spelling(*l, text, lang);
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::info);
  }
  for (const auto& example : std::vector<std::pair<std::string, std::string>>{
           {"Unfortunatly, we cannot refund it.", "en"},
           {"Sory, we cannot refund it.", "en"},
           {"Purtoppo, non possiamo rimborsarlo.", "it"},
           {"Malheuresement, nous ne pouvons pas.", "fr"}}) {
    const std::string& text = example.first;
    const std::string& lang = example.second;
    CAPTURE(text);
    const auto found = spelling(*l, text, lang);
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::warning);
  }
}

TEST_CASE(
    "an English word in a Spanish, French or Italian post is a note, unless an accent is missing") {
  auto l = linter();
  for (const auto& example : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"No debían cobrarte roaming en Portugal.", "roaming", "es"},
           {"Síguenos y dale like a la publicación.", "like", "es"},
           {"Trois burgers, deux wraps et un milkshake.", "wraps", "fr"},
           {"Ha un packaging riciclabile.", "packaging", "it"}}) {
    const std::string& text = std::get<0>(example);
    const std::string& word = std::get<1>(example);
    const std::string& lang = std::get<2>(example);
    CAPTURE(text);
    const auto found = spelling(*l, text, lang);
    REQUIRE_FALSE(found.empty());
    CHECK(found[0].match == word);
    CHECK(found[0].severity == Severity::info);
    CHECK(found[0].message.find("English word") != std::string::npos);
  }
  // "area" is English, but Spanish writes "área": the missing accent is a typo.
  const auto area = spelling(*l, "Tenemos una nueva area de juegos.", "es");
  REQUIRE(area.size() == 1);
  CHECK(area[0].severity == Severity::warning);
  CHECK(suggests(area[0], "área"));
  // Doing again: "re" and a word the dictionary has.
  const auto again = spelling(*l, "Si nos envías la foto, recalculamos la factura.", "es");
  REQUIRE(again.size() == 1);
  CHECK(again[0].match == "recalculamos");
  CHECK(again[0].severity == Severity::info);
  const auto typo = spelling(*l, "Tenemos que reliza el pedido.", "es");  // "liza" is short
  REQUIRE(typo.size() == 1);
  CHECK(typo[0].severity == Severity::warning);
  // An English post's typo is a typo.
  const auto english = spelling(*l, "We have recieved your parcel.", "en");
  REQUIRE(english.size() == 1);
  CHECK(english[0].severity == Severity::warning);
}

TEST_CASE("a word the language makes from one the dictionary has is a note, its slips are not") {
  auto l = linter();
  // A prefix on a word the dictionary lists, or the "can be done" adjective of a verb it
  // lists: support replies write such words, dictionaries lag behind. A note, not a failure.
  for (const auto& example : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"Es una tarjeta multiproducto sin comisiones.", "multiproducto", "es"},
           {"Los billetes son descargables desde la app.", "descargables", "es"},
           {"Il modulo viene autocompilato con i tuoi dati.", "autocompilato", "it"},
           {"Un'offerta multiprodotto per casa e mobile.", "multiprodotto", "it"},
           {"Une assurance multiproduit pour toute la famille.", "multiproduit", "fr"}}) {
    const std::string& text = std::get<0>(example);
    CAPTURE(text);
    const auto found = only_finding(*l, text, std::get<2>(example));
    CHECK(found.match == std::get<1>(example));
    CHECK(found.severity == Severity::info);
    CHECK(found.message.find("but it is") != std::string::npos);
  }
  // Real misspellings of that shape stay warnings: Spanish doubles an "r" after a prefix
  // ending in a vowel, Spanish and Italian do not write the joint's vowel twice, and "co",
  // "des" and "dis" start too many words to be read as prefixes.
  for (const auto& example : std::vector<std::pair<std::string, std::string>>{
           {"Estudiamos la contrareforma en clase.", "es"},
           {"Es un autoretrato de 1890.", "es"},
           {"Cada teleespectador puede votar.", "es"},
           {"Hay desconformidad con la factura.", "es"},
           {"Sono molti i telespettatori e i teleespettatori.", "it"}}) {
    CAPTURE(example.first);
    CHECK(only_finding(*l, example.first, example.second).severity == Severity::warning);
  }
  // A word in capitals after the word for a code is the code; elsewhere it is spelled.
  for (const auto& example : std::vector<std::pair<std::string, std::string>>{
           {"Get 5 pounds off with code COSYNIGHT tonight.", "en"},
           {"El cupón PRIMERPEDIDO se aplica en pedidos de más de 15 €.", "es"},
           {"Livraison offerte avec le code PIZZANIGHT jusqu'à 23 h.", "fr"},
           {"Usa il codice: BENVENUTO al checkout.", "it"}}) {
    CAPTURE(example.first);
    CHECK(spelling(*l, example.first, example.second).empty());
  }
  CHECK(spelling(*l, "PLEASE CHECK THE DEADLNE TODAY.", "en").size() == 1);
  // English dictionaries list their derived words: a typo that looks like one is a typo.
  const auto english = spelling(*l, "Please preorder and reenter your code.", "en");
  for (const auto& d : english) CHECK(d.severity != Severity::info);
}

TEST_CASE("a word with a capital after a small letter is a brand to confirm, not a failure") {
  auto l = linter();
  // Brands and products write their names so; anywhere in a sentence, in any language.
  // (No structured binding: clang 14's lambdas, which CAPTURE makes, cannot capture one.)
  for (const auto& example : std::vector<std::pair<std::string, std::string>>{
           {"StreamFlix is back with a new season.", "en"},
           {"Get 10% off with UNiDAYS today.", "en"},
           {"VoiceOver reads every button aloud.", "en"},
           {"Abre la app de StreamFlix y pulsa Reproducir.", "es"},
           {"Ouvrez l'appli MaBanqueFacile pour valider.", "fr"},
           {"Scarica l'app PagoFacile per pagare.", "it"}}) {
    const std::string& text = example.first;
    CAPTURE(text);
    const auto found = spelling(*l, text, example.second);
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::info);
    CHECK(found[0].message.find("brand") != std::string::npos);
  }
  // The caps key slipping in a known word is still a typo.
  auto slip = spelling(*l, "Thanks, tHe parcel is on its way.", "en");
  REQUIRE(slip.size() == 1);
  CHECK(slip[0].severity == Severity::warning);
}

TEST_CASE("the vocabulary of today's support replies is no typo; a slip in it still is") {
  auto l = linter();
  CHECK(spelling(*l, "That was a smishing text: our antifraud team never asks for codes.", "en")
            .empty());
  CHECK(spelling(*l, "Nuestro equipo de ciberseguridad revisa el prepago y el pospago.", "es")
            .empty());
  CHECK(spelling(*l, "Votre wallbox et le coworking sont prêts, le chili au chipotle aussi.", "fr")
            .empty());
  CHECK(spelling(*l, "Il team antifrode e la cybersicurezza del postvendita sono attivi.", "it")
            .empty());
  CHECK(spelling(*l, "Nuestro equipo de ciberseguridda revisa el prepago.", "es").size() == 1);
}

TEST_CASE("laughter of any length is no typo, in any language; a word that looks like it is") {
  auto l = linter();
  CHECK(spelling(*l, "Jajajaja, qué buena foto, Lucía.", "es").empty());
  CHECK(spelling(*l, "Hahahaha, love it! Ahahah, thanks Sam.", "en").empty());
  CHECK(spelling(*l, "Ahahahah che bella, Giulia!", "it").empty());
  // Not laughter: letters other than h and j before the vowels.
  auto typo = spelling(*l, "Thanks for the pahaha, Sam.", "en");
  REQUIRE(typo.size() == 1);
  CHECK(typo[0].match == "pahaha");
}

TEST_CASE("Spanish accepts the RAE's sénior") {
  auto l = linter();
  CHECK(spelling(*l, "Nuestro equipo sénior te llamará mañana.", "es").empty());
}

TEST_CASE("Spanish verbs with pronouns attached are words; nouns with a pronoun's ending are not") {
  auto l = linter();
  // An infinitive, a gerund or an imperative takes the pronouns, with the accent they need.
  for (const std::string text :
       {"Puedes configurarla desde la app.", "Estamos revisándolo ahora mismo.",
        "Envíanoslo por mensaje privado.", "Dámelo cuando puedas.", "Escríbenos y lo vemos.",
        "Sentaos y esperad un momento.", "Vámonos de viaje.", "Hagámoslo juntos."}) {
    CAPTURE(text);
    CHECK(spelling(*l, text, "es").empty());
  }
  // A misplaced accent on a word that only ends like a pronoun is a typo, as is an imperative
  // that keeps the "d" or "s" it drops before "os" or "nos".
  for (const std::string word : {"novéla", "envíados", "pelóta", "vámosnos"}) {
    CAPTURE(word);
    const auto found = only_finding(*l, "Hemos revisado " + word + " y te escribimos.", "es");
    CHECK(found.match == word);
    CHECK(found.severity == Severity::warning);
  }
}

TEST_CASE("a reply's signature, a hashtag's acronym or possessive, a name the post repeats") {
  auto l = linter();
  // Support teams sign with a caret or a closing dash: the name is not a word to check.
  CHECK(spelling(*l, "Your refund is on its way, Ana. ^Priya", "en").empty());
  CHECK(spelling(*l, "Tu reembolso ya está en camino. ^Dani", "es").empty());
  CHECK(spelling(*l, "Your refund is on its way. ^jk", "en").empty());  // initials, any case
  CHECK(spelling(*l, "Your refund is on its way. - Zorbalina", "en").empty());
  CHECK(spelling(*l, "Lo investigamos y te reembolsamos la compra. /Iker", "es").empty());
  // A slash between words is no signature: "Zorbalina" after it is checked.
  CHECK(only_finding(*l, "Pick blue/Zorbalina.", "en").match == "Zorbalina");
  // Words after a dash that does not end the reply are words like any other.
  CHECK(only_finding(*l, "Your refund - Zorbalina said - is on its way.", "en").match ==
        "Zorbalina");
  // Hashtags hold no apostrophe, and an acronym may start one.
  CHECK(spelling(*l, "Happy #InternationalWomensDay to our whole team!", "en").empty());
  CHECK(spelling(*l, "See you at the #NYCMarathon this Sunday!", "en").empty());
  CHECK(spelling(*l, "Bienvenidos a nuestro programa #FPDual.", "es").empty());
  // The word after the acronym is checked: "#NYCMarathn" is "NYC" and a typo.
  CHECK(only_finding(*l, "See you at the #NYCMarathn this Sunday!", "en").match == "Marathn");
  // A capitalised word the post writes again in a hashtag, a link or a handle is a name.
  for (const auto& d : spelling(*l, "Lumio drops a new trailer tomorrow. #LumioTV", "en")) {
    CAPTURE(d.match);
    CHECK(d.severity == Severity::info);
  }
  for (const auto& d : spelling(*l, "Zentrova is open late tonight: https://zentrova.com", "en")) {
    CAPTURE(d.match);
    CHECK(d.severity == Severity::info);
  }
  // A typo that opens a sentence is still a warning when nothing else names it.
  CHECK(only_finding(*l, "Recieved your message, we will call you today.", "en").severity ==
        Severity::warning);
}

TEST_CASE("Spanish diminutives of known words are words; a word missing its accent is not one") {
  auto l = linter();
  for (const std::string text : {"Te hemos dejado un regalito en el pedido.",
                                 "Un cafecito y lo miramos.", "Para tu abuelita, con cariño."}) {
    CAPTURE(text);
    CHECK(spelling(*l, text, "es").empty());
  }
  for (const std::string word : {"credito", "sequito"}) {
    CAPTURE(word);
    CHECK(only_finding(*l, "Hemos revisado tu " + word + " hoy.", "es").severity ==
          Severity::warning);
  }
}

TEST_CASE("a slip made of real words is reported with the words meant, once") {
  auto l = linter();
  const std::tuple<std::string, std::string, std::string, std::string> slips[] = {
      {"en", "Your welcome, Sam! Enjoy the headphones.", "Your welcome", "you're welcome"},
      {"en", "You should of received an email by now.", "of", "have"},
      {"es", "Envíanos la factura y vamos haber qué ha pasado.", "haber", "a ver"},
      {"fr", "Merci à vous ! Je vous en pris.", "pris", "prie"},
      // Hunspell does not know "qual'è" either: one finding, the rule's.
      {"it", "Ciao Walter, qual'è l'importo dell'addebito?", "qual'è", "qual è"},
  };
  for (const auto& slip : slips) {
    // Named copies, not a structured binding: clang 14's lambdas (CAPTURE) cannot take those.
    const std::string& text = std::get<1>(slip);
    const std::string& match = std::get<2>(slip);
    const std::string& meant = std::get<3>(slip);
    CAPTURE(text);
    const auto found = only_finding(*l, text, std::get<0>(slip));
    CHECK(found.rule.rfind("spelling.confusable.", 0) == 0);
    CHECK(found.match == match);
    CHECK(found.severity == Severity::warning);
    REQUIRE_FALSE(found.suggestions.empty());
    CHECK(found.suggestions.front() == meant);
  }
  // The same words where they are right.
  CHECK(spelling(*l, "Your welcome pack is on its way, Sam.", "en").empty());
  CHECK(spelling(*l, "Tiene que haber una solución, y la encontraremos.", "es").empty());
}
