// personalisation.*: the customer's name (and not someone else's), template placeholders,
// apologies, thanks and signatures, in the four languages, through the whole linter.
#include <doctest/doctest.h>

#include "reply_test_support.hpp"

using reply_test::Case;
using reply_test::has_rule;
using reply_test::lint;
using reply_test::Reply;

namespace {

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      // ---- name: a different name after a greeting is an error ----
      {{"en", "Hi Michael, thanks for reaching out! Your refund is on its way.", "Daniel Smith"},
       "personalisation.name.wrong",
       "personalisation.name"},
      {{"en", "Hello Mr Jones, thank you for your message.", "Daniel Smith"},
       "personalisation.name.wrong",
       "personalisation.name"},
      {{"es", "Hola Javier, gracias por escribirnos. Mañana recibirás tu pedido.",
        "Lucía Fernández"},
       "personalisation.name.wrong",
       "personalisation.name"},
      {{"fr", "Bonjour Nathalie, merci pour votre message. Votre colis arrive demain.",
        "Claire Martin"},
       "personalisation.name.wrong",
       "personalisation.name"},
      {{"it", "Ciao Francesca, grazie per averci scritto! Il pacco arriva domani.", "Giulia Rossi"},
       "personalisation.name.wrong",
       "personalisation.name"},
      // A name that is also a word of the dictionary ("peter", "rosa") is still a name.
      {{"en", "Hi Peter, sorry about the double charge! We'll refund it today.", "Paul Jones"},
       "personalisation.name.wrong",
       "personalisation.name"},
      {{"es", "Hola Rosa, gracias por escribirnos. Mañana recibirás tu pedido.", "Lucía Fernández"},
       "personalisation.name.wrong",
       "personalisation.name"},
      // So is a word the dictionary knows only as a word, alone after the greeting.
      {{"it", "Ciao Giada, scusaci per l'attesa! Il rimborso parte oggi.", "Giorgia Conti"},
       "personalisation.name.wrong",
       "personalisation.name"},
      {{"es", "¡Hola Pilar! Tu pedido sale mañana.", "Lucía Fernández"},
       "personalisation.name.wrong",
       "personalisation.name"},
      // ...but not a term of address, nor thanks after the greeting.
      {{"en", "Hi Neighbour, your parcel is on its way.", "Paul Jones"},
       "",
       "personalisation.name.wrong"},
      {{"en", "Hi, Thanks! Your parcel is on its way.", "Paul Jones"},
       "",
       "personalisation.name.wrong"},
      {{"es", "Hola Buenas, tu pedido sale mañana.", "Lucía Fernández"},
       "",
       "personalisation.name.wrong"},
      // A name closing thanks or an apology calls the customer too.
      {{"en", "Oh no, sorry Emily! Please DM us a photo and we'll send a new one.", "Ellie Cole"},
       "personalisation.name.wrong",
       "personalisation.name"},
      {{"es", "¡Vaya, lo sentimos, Cecilia! Mándanos una foto y te enviamos otra.", "Celia Ruiz"},
       "personalisation.name.wrong",
       "personalisation.name"},
      {{"fr", "Oh non, désolés Mélissa ! Envoie-nous une photo en DM.", "Mélanie Roux"},
       "personalisation.name.wrong",
       "personalisation.name"},
      // The name with another last vowel is another person's.
      {{"it", "Oh no, scusaci Michele! Mandaci una foto in DM.", "Michela Conti"},
       "personalisation.name.wrong",
       "personalisation.name"},
      // ...but not a third person, nor a term of address.
      {{"en", "Thanks for waiting! Sorry Emily had to put you on hold, Ellie.", "Ellie Cole"},
       "",
       "personalisation.name"},
      {{"en", "Thank you, Sir! Your refund is on its way.", "Paul Jones"},
       "",
       "personalisation.name.wrong"},
      {{"es", "¡Gracias, guapa! Tu pedido sale mañana.", "Lucía Fernández"},
       "",
       "personalisation.name.wrong"},
      {{"fr", "Merci, Madame ! Votre colis arrive demain.", "Claire Martin"},
       "",
       "personalisation.name.wrong"},
      // ---- name: the customer's own name, in any of its forms ----
      {{"en", "Hi Tom, thanks for waiting! Your refund is on its way.", "Thomas Reid"},
       "",
       "personalisation.name"},
      {{"en", "Hi Ed, thanks for waiting! Your refund is on its way.", "Edward Reid"},
       "",
       "personalisation.name"},
      {{"en", "Hi Liz, thanks for getting in touch! Your refund is on its way.",
        "Elizabeth Turner"},
       "",
       "personalisation.name"},
      {{"en", "Hi Beth, thanks for getting in touch! Your refund is on its way.",
        "Elizabeth Turner"},
       "",
       "personalisation.name"},
      {{"it", "Ciao Beppe, grazie per averci scritto! Il pacco arriva domani.", "Giuseppe Russo"},
       "",
       "personalisation.name"},
      {{"it", "Ciao Sandro, grazie per averci scritto! Il pacco arriva domani.",
        "Alessandro Bianchi"},
       "",
       "personalisation.name"},
      {{"es", "Hola Paco, gracias por escribirnos. Mañana recibirás tu pedido.", "Francisco Gómez"},
       "",
       "personalisation.name"},
      // ...but a short form of another name is still someone else
      {{"en", "Hi Maggie, thanks for getting in touch! Your refund is on its way.",
        "Elizabeth Turner"},
       "personalisation.name.wrong",
       "personalisation.name"},
      {{"it", "Ciao Mimmo, grazie per averci scritto! Il pacco arriva domani.",
        "Alessandro Bianchi"},
       "personalisation.name.wrong",
       "personalisation.name"},
      {{"en", "Hi Dani, thanks for reaching out! Your refund is on its way.", "Daniel Smith"},
       "",
       "personalisation.name"},
      {{"en", "Hello Mr Smith, thank you for your message.", "Daniel Smith"},
       "",
       "personalisation.name"},
      {{"es", "Hola lucia, gracias por escribirnos. Mañana recibirás tu pedido.",
        "Lucía Fernández"},
       "",
       "personalisation.name"},
      {{"es", "Buenos días, Sra. Fernández: gracias por escribirnos.", "Lucía Fernández"},
       "",
       "personalisation.name"},
      {{"fr", "Bonjour Madame Martin, merci pour votre message.", "Claire Martin"},
       "",
       "personalisation.name"},
      {{"it", "Buongiorno Signora Rossi, grazie per il messaggio.", "Giulia Rossi"},
       "",
       "personalisation.name"},
      {{"en", "@daniel_s thanks for the kind words, we'll pass them on to the team!", "",
        "Love the new store", "", "@daniel_s"},
       "",
       "personalisation.name"},
      // Greetings that are not followed by a stranger's name.
      {{"en", "Hi team! Daniel, thanks for the heads-up, we're on it.", "Daniel Smith"},
       "",
       "personalisation.name"},
      {{"es", "¡Hola, Lucía! Gracias por escribirnos. Un saludo, Marta", "Lucía Fernández"},
       "",
       "personalisation.name"},
      {{"fr", "Bonjour Claire, Marc de l'équipe vous répond : merci pour votre message !",
        "Claire Martin", "", "Marc"},
       "",
       "personalisation.name"},
      {{"it", "Ciao a tutti! Giulia, grazie per la segnalazione.", "Giulia Rossi"},
       "",
       "personalisation.name"},
      // ---- name: missing is a suggestion ----
      {{"en", "Thanks for your message! Your refund is on its way.", "Daniel Smith"},
       "personalisation.name.missing",
       "personalisation.name"},
      {{"es", "Gracias por escribirnos. Mañana recibirás tu pedido.", "Lucía Fernández"},
       "personalisation.name.missing",
       "personalisation.name"},
      {{"fr", "Merci pour votre message, votre colis arrive demain.", "Claire Martin"},
       "personalisation.name.missing",
       "personalisation.name"},
      {{"it", "Grazie per averci scritto, il pacco arriva domani.", "Giulia Rossi"},
       "personalisation.name.missing",
       "personalisation.name"},
      // ---- placeholders ----
      {{"en", "Hi {{first_name}}, thanks for reaching out!", "Daniel"},
       "personalisation.placeholder.unfilled",
       "personalisation.placeholder"},
      {{"es", "Hola [NOMBRE], gracias por escribirnos.", "Lucía"},
       "personalisation.placeholder.unfilled",
       "personalisation.placeholder"},
      {{"fr", "Bonjour %NAME%, merci pour votre message.", "Claire"},
       "personalisation.placeholder.unfilled",
       "personalisation.placeholder"},
      {{"it", "Ciao {name}, grazie per averci scritto.", "Giulia"},
       "personalisation.placeholder.unfilled",
       "personalisation.placeholder"},
      {{"en", "Hi Daniel, we <3 your photo! The jacket is $20 off until Sunday.", "Daniel"},
       "",
       "personalisation.placeholder"},
      {{"es", "Hola Lucía, el envío [gratis] cuesta 0 € y la talla es la M.", "Lucía"},
       "",
       "personalisation.placeholder"},
      {{"fr", "Bonjour Claire, la remise de 10 % s'applique au total {hors livraison}.", "Claire"},
       "",
       "personalisation.placeholder"},
      {{"it", "Ciao Giulia, lo sconto del 20% vale fino a domenica [1].", "Giulia"},
       "",
       "personalisation.placeholder"},
      // ---- apology: a complaint answered without a word of regret or empathy ----
      {{"en", "Hi Daniel, thanks for writing. Please DM us your order number.", "Daniel",
        "@ShopCo my order arrived broken, this is ridiculous"},
       "personalisation.apology.missing",
       "personalisation.apology"},
      {{"en", "Hi Daniel, thanks for writing. Please DM us your order number.", "Daniel",
        "WHERE IS MY ORDER"},
       "personalisation.apology.missing",
       "personalisation.apology"},
      {{"es", "Hola Lucía, gracias por escribirnos. Revisamos el envío y te decimos algo hoy.",
        "Lucía", "Llevo dos semanas esperando y el pedido no ha llegado"},
       "personalisation.apology.missing",
       "personalisation.apology"},
      {{"fr", "Bonjour Claire, merci pour votre message. Envoyez-nous votre numéro de commande.",
        "Claire", "Toujours rien reçu après trois semaines, c'est inadmissible"},
       "personalisation.apology.missing",
       "personalisation.apology"},
      {{"it", "Ciao Giulia, grazie per il messaggio. Ci mandi il numero d'ordine?", "Giulia",
        "Il pacco è arrivato rotto, che delusione"},
       "personalisation.apology.missing",
       "personalisation.apology"},
      // Capitals and "!!!" in praise are delight, not anger.
      {{"en", "Chloe, this made our day! So happy you loved it. Enjoy the next box!", "Chloe",
        "Just got my first box from you guys and the pasta was incredible!!! 😍"},
       "",
       "personalisation.apology"},
      {{"fr", "Clara, et nous, on est fans de toi ! Merci !", "Clara",
        "JE SUIS FAN de la nouvelle collection 💕"},
       "",
       "personalisation.apology"},
      {{"it", "Martina, ci hai fatto la giornata! Grazie di cucinare con noi!", "Martina",
        "Prima box arrivata e la pasta era spettacolare!!!"},
       "",
       "personalisation.apology"},
      // ...and reassurance acknowledges a worried customer.
      {{"fr", "Bonjour Océane, pas de panique ! Bloquez votre carte dans l'appli.", "Océane",
        "J'ai perdu ma carte à l'étranger, je fais comment ?!"},
       "",
       "personalisation.apology"},
      // The customer's own slip, or a fraud someone else tried, holds a complaint word but
      // blames no one at the brand: no apology is due. A complaint word outside it still is one.
      {{"en", "Hi Sam, no problem: you can change it in your account until it ships.", "Sam",
        "I made an error in my delivery address, can I change it?"},
       "",
       "personalisation.apology"},
      {{"en", "Thanks for letting us know, Sam, and well done for spotting it. Don't click it.",
        "Sam", "@HarbourBank got a scam text pretending to be you asking me to click a link. FYI"},
       "",
       "personalisation.apology"},
      {{"en", "Hi Sam, thanks for writing. Please DM us your order number.", "Sam",
        "I ordered the wrong size by mistake and the replacement arrived broken"},
       "personalisation.apology.missing",
       "personalisation.apology"},
      {{"en", "Hi Sam, thanks for writing. Please DM us your order number.", "Sam",
        "The payment was taken in error and your site is a scam site"},
       "personalisation.apology.missing",
       "personalisation.apology"},
      {{"es", "Hola Sam, gracias por avisarnos. Nunca te pediremos claves por SMS.", "Sam",
        "Me ha llegado un SMS de estafa haciéndose pasar por vosotros"},
       "",
       "personalisation.apology"},
      {{"fr", "Salut Enzo, pas de souci, ça arrive ! On te rembourse le doublon sous 5 jours.",
        "Enzo", "j'ai acheté le passe saison 2 fois par erreur, je peux être remboursé ?"},
       "",
       "personalisation.apology"},
      {{"fr", "Bonjour Enzo, merci pour votre message. Envoyez-nous votre numéro de commande.",
        "Enzo", "Commandé deux fois par erreur, et le deuxième colis est arrivé cassé"},
       "personalisation.apology.missing",
       "personalisation.apology"},
      {{"it", "Ciao Lucia, nessuna preoccupazione: le piccole correzioni sono gratuite.", "Lucia",
        "ho sbagliato a scrivere il cognome nella prenotazione, devo pagare per correggerlo?"},
       "",
       "personalisation.apology"},
      // A request asked as a question is a question; with a complaint word beside it, or said
      // as a demand, it is a complaint.
      {{"en", "Hi Sam, yes: any of our stores takes returns within 30 days.", "Sam",
        "Can I return my trainers in store?"},
       "",
       "personalisation.apology"},
      {{"es", "Hola Sam, sí: puedes hacerlo desde tu cuenta.", "Sam", "¿Puedo cancelar el pedido?"},
       "",
       "personalisation.apology"},
      {{"fr", "Bonjour Sam, oui, sous 30 jours avec le ticket.", "Sam",
        "Je peux retourner l'article en magasin ?"},
       "",
       "personalisation.apology"},
      {{"it", "Ciao Sam, sì: dall'app, nella sezione Abbonamento.", "Sam",
        "Si può disdire la palestra online?"},
       "",
       "personalisation.apology"},
      {{"en", "Hi Sam, any of our stores takes returns within 30 days.", "Sam",
        "I want to return these, they arrived broken"},
       "personalisation.apology.missing",
       "personalisation.apology"},
      {{"en", "Hi Sam, our stores take returns within 30 days.", "Sam",
        "I demand to return these today."},
       "personalisation.apology.missing",
       "personalisation.apology"},
      // Thanks that close a message praising how it went are no complaint; a complaint that
      // goes on ("again", "still") still is. A complaint word inside a name ("Galaxia Rota")
      // is the name.
      {{"en", "Glad it was sorted so quickly, Sam! Thanks for letting us know.", "Sam",
        "just got my delay repay, super quick thanks"},
       "",
       "personalisation.apology"},
      {{"fr", "Ravis que tout soit réglé, Sam ! Merci pour votre message.", "Sam",
        "remboursement reçu, super rapide, merci"},
       "",
       "personalisation.apology"},
      {{"it", "Felici che sia andato tutto bene, Sam! Grazie del messaggio.", "Sam",
        "rimborso arrivato, velocissimi, grazie"},
       "",
       "personalisation.apology"},
      {{"en", "Hi Sam, thanks for your message: we'll look into it.", "Sam",
        "Parcel missing again, great, thanks"},
       "personalisation.apology.missing",
       "personalisation.apology"},
      {{"es", "¡Hola, Sam! Galaxia Rota llega a Switch el 3 de octubre. Gracias por escribir.",
        "Sam", "cuándo sale Galaxia Rota para Switch"},
       "",
       "personalisation.apology"},
      {{"es", "Hola, Sam. Sentimos el susto: ¿nos envías tu número de cliente?", "Sam",
        "me habéis cobrado 45€ de roaming cuando tengo roaming UE???"},
       "",
       "personalisation.apology"},
      {{"fr", "On vous comprend, Sam ! La teinte revient le 22 mai.", "Sam",
        "QUAND revient le rouge à lèvres ?! ça fait des semaines que j'attends"},
       "",
       "personalisation.apology"},
      // Regret and understanding in their everyday forms.
      {{"es", "Hola Sam, lamentamos la cancelación. Te devolvemos el importe hoy.", "Sam",
        "Me habéis cancelado el vuelo sin avisar"},
       "",
       "personalisation.apology"},
      {{"en", "Haha, we know Sam, it can be annoying! The update fixes it.", "Sam",
        "The app keeps logging me out, so annoying"},
       "",
       "personalisation.apology"},
      // A customer who thanks for a refund is not complaining; "thanks for nothing" is, and
      // so is thanks followed by a "but".
      {{"en", "You're welcome, Priya! Happy to help.", "Priya", "Thanks for the quick refund!!"},
       "",
       "personalisation.apology"},
      {{"fr", "Avec plaisir, Inès ! Bonne journée.", "Inès", "Merci pour le remboursement rapide"},
       "",
       "personalisation.apology"},
      {{"it", "Figurati Sara, buona giornata!", "Sara", "Grazie per il rimborso veloce"},
       "",
       "personalisation.apology"},
      {{"en", "Hi Priya, thanks for writing. We have checked your account.", "Priya",
        "Thanks for nothing, still no refund"},
       "personalisation.apology.missing",
       "personalisation.apology"},
      {{"es", "Hola Ana, gracias por escribirnos. Hemos revisado tu cuenta.", "Ana",
        "Gracias por nada, sigo sin reembolso"},
       "personalisation.apology.missing",
       "personalisation.apology"},
      {{"en", "Hi Priya, thanks for writing. We have checked your account.", "Priya",
        "Thanks for the refund but the app is still broken"},
       "personalisation.apology.missing",
       "personalisation.apology"},
      {{"en", "Hi Daniel, we're so sorry! Please DM us your order number and we'll fix it.",
        "Daniel", "@ShopCo my order arrived broken, this is ridiculous"},
       "",
       "personalisation.apology"},
      {{"en", "Hi Daniel, I understand how frustrating that is. DM us your order number?", "Daniel",
        "WHERE IS MY ORDER"},
       "",
       "personalisation.apology"},
      {{"es", "Hola Lucía, lo sentimos mucho. Revisamos el envío y te decimos algo hoy.", "Lucía",
        "Llevo dos semanas esperando y el pedido no ha llegado"},
       "",
       "personalisation.apology"},
      {{"fr", "Bonjour Claire, nous sommes désolés pour ce retard. Merci de nous écrire.", "Claire",
        "Toujours rien reçu après trois semaines, c'est inadmissible"},
       "",
       "personalisation.apology"},
      {{"it", "Ciao Giulia, ci dispiace molto. Ci mandi il numero d'ordine?", "Giulia",
        "Il pacco è arrivato rotto, che delusione"},
       "",
       "personalisation.apology"},
      {{"en", "Hi Daniel, yes, we ship to Canada in about five days.", "Daniel",
        "Do you ship to Canada?"},
       "",
       "personalisation.apology"},
      // ---- thanks: due for every message, not when the customer is the one thanking ----
      {{"en", "Hi Daniel, yes, we ship to Canada in about five days.", "Daniel",
        "Do you ship to Canada?"},
       "personalisation.thanks.missing",
       "personalisation.thanks"},
      {{"es", "Hola Lucía, sí, enviamos a Canarias en unos cinco días.", "Lucía",
        "¿Enviáis a Canarias?"},
       "personalisation.thanks.missing",
       "personalisation.thanks"},
      {{"fr", "Bonjour Claire, oui, nous livrons en Belgique en cinq jours environ.", "Claire",
        "Vous livrez en Belgique ?"},
       "personalisation.thanks.missing",
       "personalisation.thanks"},
      {{"it", "Ciao Giulia, sì, spediamo in Svizzera in circa cinque giorni.", "Giulia",
        "Spedite in Svizzera?"},
       "personalisation.thanks.missing",
       "personalisation.thanks"},
      {{"en", "You're welcome, Daniel! Enjoy the new jacket.", "Daniel",
        "Thanks, the parcel arrived this morning!"},
       "",
       "personalisation.thanks"},
      {{"es", "¡Gracias a ti, Lucía! Que lo disfrutes.", "Lucía", "¿Enviáis a Canarias?"},
       "",
       "personalisation.thanks"},
      {{"fr", "Avec plaisir, Claire ! Bonne journée.", "Claire",
        "Merci, le colis est bien arrivé !"},
       "",
       "personalisation.thanks"},
      {{"it", "Grazie a te, Giulia! Buona giornata.", "Giulia", "Spedite in Svizzera?"},
       "",
       "personalisation.thanks"},
  };
  return all;
}

}  // namespace

TEST_CASE("personalisation: names, placeholders, apologies and thanks in four languages") {
  reply_test::check_cases(cases());
}

TEST_CASE("personalisation: severities and what the findings point at") {
  auto found =
      lint({"en", "Hi Michael, thanks for reaching out!", "Daniel Smith"}, "personalisation.name");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == brandlint::Severity::error);
  CHECK(found[0].match == "Michael");
  CHECK(found[0].message.find("Daniel Smith") != std::string::npos);
  REQUIRE_FALSE(found[0].suggestions.empty());
  CHECK(found[0].suggestions[0] == "Daniel");

  found = lint({"es", "Hola [NOMBRE], gracias.", "Lucía"}, "personalisation.placeholder");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == brandlint::Severity::error);
  CHECK(found[0].match == "[NOMBRE]");

  found = lint({"en", "Thanks for your message!", "Daniel"}, "personalisation.name");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == brandlint::Severity::info);

  found = lint({"it", "Ciao Giulia, grazie. Ci mandi il numero d'ordine?", "Giulia",
                "Il pacco è arrivato rotto"},
               "personalisation.apology");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == brandlint::Severity::warning);
  CHECK(found[0].message.find("rotto") != std::string::npos);
}

TEST_CASE("personalisation: the customer's name misspelt is an error, short forms are not") {
  // One letter off, even when the result is a name or a word ("Sara", "Ana").
  const std::vector<std::pair<Reply, std::string>> misspelt = {
      {{"en", "Hi Sara, thanks for waiting! Your refund is on its way.", "Sarah Jones"}, "Sara"},
      {{"en", "Hi Micheal, thanks for waiting! Your refund is on its way.", "Michael"}, "Micheal"},
      {{"es", "Hola Ana, gracias por escribirnos. Mañana llega tu pedido.", "Anna"}, "Ana"},
      {{"fr", "Bonjour Claie, merci pour votre patience.", "Claire"}, "Claie"},
      {{"it", "Ciao Francsca, Grazie per averci scritto!", "Francesca"}, "Francsca"},
  };
  // The finding quotes the name only, not the word after its comma.
  reply_test::check_single_findings(
      misspelt, "personalisation.name", [](const brandlint::Diagnostic& d) {
        CHECK(d.rule == "personalisation.name.wrong");
        CHECK(d.severity == brandlint::Severity::error);
        CHECK(d.message.find("check how they spell their name") != std::string::npos);
      });
  // Short forms, the name itself, and greetings to everyone are no finding.
  for (const Reply& reply : std::vector<Reply>{
           {"en", "Hi Dani, thanks for waiting! Your refund is on its way.", "Daniel"},
           {"en", "Hi Beth, thanks for waiting! Your refund is on its way.", "Elizabeth"},
           {"en", "Hi Sarah, thanks for waiting! Your refund is on its way.", "Sarah"},
           {"en", "Hi All, thanks for waiting! Your refunds are on their way.", "Ali"},
           // Pet forms: a start or middle of the name with a pet ending.
           {"en", "Hi Dave, thanks for waiting! Your refund is on its way.", "David"},
           {"en", "Hi Steve, thanks for waiting! Your refund is on its way.", "Steven"},
           {"en", "Hi Charlie, thanks for waiting! Your refund is on its way.", "Charles"},
           {"en", "Hi Vicky, thanks for waiting! Your refund is on its way.", "Victoria"},
           {"en", "Hi Danny, thanks for waiting! Your refund is on its way.", "Daniel"},
           {"en", "Hi Mandy, thanks for waiting! Your refund is on its way.", "Amanda"},
           {"it", "Ciao Toni, grazie per averci scritto!", "Antonio"},
           {"es", "Hola Marta, gracias por escribirnos.", "Marta"}}) {
    CAPTURE(reply.text);
    CHECK(lint(reply, "personalisation.name.wrong").empty());
  }
}

TEST_CASE("personalisation: a pet form calls the customer by name, a lowercase word does not") {
  CHECK(lint({"en", "Thanks, Dave! Your refund is on its way.", "David"}, "personalisation.name")
            .empty());
  // "made" holds "mad" of Amanda with a pet ending, but is no name.
  const auto found =
      lint({"en", "We made the refund today.", "Amanda"}, "personalisation.name.missing");
  CHECK(found.size() == 1);
}

TEST_CASE("personalisation: an apology or thanks with a typo still counts; the typo is reported") {
  // Real replies have typos, and "appologies" is an apology: one warning for the typo, not a
  // second one saying the reply never apologised.
  struct Case {
    const char* lang;
    const char* text;
    const char* complaint;
  };
  const Case cases[] = {
      {"en", "Hi Ana, our appologies for the delay. Your parcel is on its way.",
       "My parcel is late again, really annoyed"},
      {"en", "Hi Ana, we're so sory about the delay. Your parcel is on its way.",
       "My parcel is late again, really annoyed"},
      {"es", "Hola Ana, lo sentimso mucho. Tu pedido ya está en camino.",
       "Mi pedido llega tarde otra vez, estoy harta"},
      {"fr", "Bonjour Ana, toutes nos excuzes pour ce retard. Votre colis est en route.",
       "Mon colis est encore en retard, c'est inadmissible"},
      {"it", "Ciao Ana, ci dispaice molto per il ritardo. Il pacco è in viaggio.",
       "Il mio pacco è di nuovo in ritardo, sono stufa"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto found =
        reply_test::lint_with(reply_test::default_linter(), {c.lang, c.text, "Ana", c.complaint});
    INFO(reply_test::describe(found));
    CHECK_FALSE(reply_test::has_rule(found, "personalisation.apology.missing"));
    CHECK(reply_test::has_rule(found, "spelling.unknown-word"));
  }
  // Without the apology the typo does not make one up.
  const auto found = lint({"en", "Hi Ana, your parcel is on its wya.", "Ana",
                           "My parcel is late again, really annoyed"},
                          "personalisation.apology");
  CHECK(found.size() == 1);
  // Thanks with a typo are thanks.
  CHECK(lint({"en", "Hi Ana, thnaks for letting us know! Your parcel is on its way.", "Ana"},
             "personalisation.thanks")
            .empty());
}

TEST_CASE("personalisation: the signature the configuration asks for") {
  brandlint::Config initials;
  initials.signature = "initials";
  const std::string sig = "personalisation.signature";
  auto reply = [](std::string lang, std::string text, std::string agent) {
    Reply r{std::move(lang), std::move(text), "Daniel", "", std::move(agent)};
    return r;
  };
  CHECK(lint(reply("en", "Hi Daniel, thanks! Your parcel ships today. ^JM", "Juan Martín"), sig,
             initials)
            .empty());
  CHECK(lint(reply("es", "Hola Daniel, ¡gracias! Tu pedido sale hoy. -JM 😊", "Juan Martín"), sig,
             initials)
            .empty());
  CHECK(lint(reply("fr", "Bonjour Daniel, merci ! Votre colis part aujourd'hui.\n– J.M.",
                   "Juan Martín"),
             sig, initials)
            .empty());
  CHECK(lint(reply("it", "Ciao Daniel, grazie! Il pacco parte oggi. Juan", "Juan Martín"), sig,
             initials)
            .empty());
  auto found = lint(reply("en", "Hi Daniel, thanks! Your parcel ships today.", "Juan Martín"), sig,
                    initials);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "personalisation.signature.missing");
  CHECK(found[0].severity == brandlint::Severity::warning);
  REQUIRE_FALSE(found[0].suggestions.empty());
  CHECK(found[0].suggestions[0] == "^JM");
  // A word that happens to end the reply is not a signature.
  CHECK(has_rule(lint(reply("en", "Hi Daniel, send us a DM", "Dana Marsh"), sig, initials),
                 "personalisation.signature.missing"));
  // No agent in the metadata: said clearly, once.
  found = lint(reply("en", "Hi Daniel, thanks! ^JM", ""), sig, initials);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "personalisation.signature.no-agent");
  CHECK(found[0].message.find("agent") != std::string::npos);

  brandlint::Config name;
  name.signature = "name";
  CHECK(lint(reply("es", "Hola Daniel, gracias por escribirnos.\nUn saludo, Marta", "Marta López"),
             sig, name)
            .empty());
  CHECK(has_rule(
      lint(reply("es", "Hola Daniel, gracias por escribirnos. ^ML", "Marta López"), sig, name),
      "personalisation.signature.missing"));
  // Without a signature setting nothing is asked.
  CHECK(lint(reply("en", "Hi Daniel, thanks!", ""), sig).empty());
}

TEST_CASE("personalisation: a language without the lists it needs gets no such finding") {
  TempDir data;
  std::filesystem::copy(std::string(BRANDLINT_SOURCE_DIR) + "/dictionaries",
                        data.path("dictionaries"), std::filesystem::copy_options::recursive);
  data.write("rules/en/lists.yaml", "lists:\n  other: [\"word\"]\n");
  brandlint::Config config;
  config.data_dir = data.path();
  auto linter = brandlint::Linter::create(config);
  REQUIRE(linter.has_value());
  const Reply complaint{"en", "Hi Michael. Please DM us your order number.", "Daniel",
                        "my order arrived broken, this is ridiculous"};
  const auto found = reply_test::lint_with(*linter.value(), complaint);
  INFO("found: " << reply_test::describe(found));
  CHECK_FALSE(has_rule(found, "personalisation.apology.missing"));
  CHECK_FALSE(has_rule(found, "personalisation.thanks.missing"));
  CHECK_FALSE(has_rule(found, "personalisation.name.wrong"));
  CHECK_FALSE(has_rule(found, "promotion.focus.brand-centred"));
}
