// A deterministic corpus of brand posts and replies in English, Spanish, French and Italian,
// for the benchmarks: names, handles, hashtags, emoji and URLs as real posts have them, and
// misspellings in about 2 % of the words (a swapped, dropped, doubled or wrong letter).
//
//   corpus_gen [--posts N] [--lang en,es,fr,it] [--format jsonl|text] [--seed S] [--typos PCT]
//
// jsonl: one post per line with its metadata, for `brandlint check - --stdin-format jsonl`.
// text: the posts' text only, separated by blank lines, for tools that read prose (alex,
// `hunspell -l`). The same arguments always give the same bytes.
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

// splitmix64: small, fast and the same everywhere (the standard distributions are not).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool chance(double p) { return static_cast<double>(next() % 1000000) < p * 1000000; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }

 private:
  std::uint64_t state_;
};

struct Language {
  std::string code;
  std::vector<std::string> greetings;   // "Hi {name},"
  std::vector<std::string> thanks;      // first sentence of a reply
  std::vector<std::string> bodies;      // what the reply says
  std::vector<std::string> closings;    // last sentence
  std::vector<std::string> complaints;  // what customers write
  std::vector<std::string> posts;       // brand posts
  std::vector<std::string> names;
};

// Written for these benchmarks; the sentences are ordinary customer-service prose.
const std::vector<Language>& languages() {
  static const std::vector<Language> all = {
      {"en",
       {"Hi {name},", "Hello {name},", "Hey {name}!", "Good morning {name},", "{name},"},
       {"Thanks for reaching out.", "Thank you for your message.", "Thanks for letting us know.",
        "Thank you for your patience.", "We really appreciate you getting in touch."},
       {"We're sorry your order arrived late.",
        "Your parcel left our warehouse this morning and should reach you by Thursday.",
        "I've checked your account and the refund was sent yesterday.",
        "Could you send us your order number by DM so we can look into it?",
        "The replacement is on its way and you can track it here: {url}",
        "Our team is already working on the issue with the app.",
        "You can change the delivery address from your account until the parcel ships.",
        "The store on Main Street opens at nine on weekdays and at ten on Sundays.",
        "We've passed your feedback on to the product team.",
        "The jacket comes in three colours and the black model is back in stock.",
        "Please try clearing the cache and restarting the app; that usually fixes it.",
        "Our senior team will call you back before the end of the day.",
        "You'll get an email as soon as the courier picks it up.",
        "Sorry about the wait, the payment went through and the booking is confirmed.",
        "The discount applies automatically at checkout for members.",
        "We understand how frustrating this must be, and we want to make it right."},
       {"Have a lovely day!", "Let us know if there's anything else we can do.",
        "We're here if you need anything.", "Enjoy your weekend!", "Speak soon."},
       {"My order arrived broken and nobody answers.", "Still waiting for my refund!",
        "The app keeps crashing when I pay.", "Where is my parcel? It's been two weeks.",
        "Do you ship to Ireland?", "Love the new store, great service!"},
       {"Our summer collection is here: light fabrics, bright colours and free returns. {url}",
        "Happy Lunar New Year to everyone celebrating! {emoji}",
        "Meet the team behind our new app, coming to your phone next week.",
        "Three ways to style the classic denim jacket this autumn {hashtag}",
        "We're opening a new store in Leeds on Saturday, come and say hello! {emoji}"},
       {"Daniel", "Emma", "Priya", "Tom", "Laura", "Mohammed", "Chloe", "Oliver", "Aisha", "Jack"}},
      {"es",
       {"Hola {name},", "¡Hola {name}!", "Buenos días, {name}:", "{name},"},
       {"Gracias por escribirnos.", "Muchas gracias por tu mensaje.", "Gracias por avisarnos.",
        "Gracias por tu paciencia."},
       {"Sentimos mucho que tu pedido haya llegado tarde.",
        "Tu paquete salió esta mañana del almacén y llegará el jueves.",
        "He revisado tu cuenta y el reembolso se envió ayer.",
        "¿Nos mandas el número de pedido por mensaje privado para revisarlo?",
        "El nuevo envío ya está en camino y puedes seguirlo aquí: {url}",
        "Nuestro equipo ya está trabajando en el problema de la aplicación.",
        "Puedes cambiar la dirección de entrega desde tu cuenta hasta que salga el paquete.",
        "La tienda del centro abre a las nueve de lunes a sábado.",
        "Hemos trasladado tu comentario al equipo de producto.",
        "La chaqueta está disponible en tres colores y el modelo negro vuelve a estar en stock.",
        "Entendemos lo molesto que es y queremos solucionarlo cuanto antes."},
       {"¡Que tengas un buen día!", "Quedamos a tu disposición.", "Un saludo.",
        "¡Feliz fin de semana!"},
       {"Mi pedido llegó roto y nadie responde.", "¡Sigo esperando el reembolso!",
        "La aplicación se cierra cuando pago.", "¿Hacéis envíos a Canarias?"},
       {"Ya está aquí la colección de verano: tejidos ligeros y devoluciones gratis. {url}",
        "Abrimos nueva tienda en Valencia este sábado, ¡os esperamos! {emoji}",
        "Tres formas de combinar la cazadora vaquera este otoño {hashtag}"},
       {"Lucía", "Javier", "Carmen", "Pablo", "Marta", "Sergio", "Elena", "Diego"}},
      {"fr",
       {"Bonjour {name},", "Bonsoir {name},", "Salut {name} !", "{name},"},
       {"Merci pour votre message.", "Merci de nous avoir contactés.", "Merci pour votre patience.",
        "Merci de nous l'avoir signalé."},
       {"Nous sommes désolés que votre commande soit arrivée en retard.",
        "Votre colis a quitté l'entrepôt ce matin et arrivera jeudi.",
        "J'ai vérifié votre compte et le remboursement a été envoyé hier.",
        "Pouvez-vous nous envoyer votre numéro de commande en message privé ?",
        "Le nouveau colis est en route, vous pouvez le suivre ici : {url}",
        "Notre équipe travaille déjà sur le problème de l'application.",
        "Vous pouvez modifier l'adresse de livraison depuis votre compte.",
        "La boutique du centre ouvre à neuf heures du lundi au samedi.",
        "Nous avons transmis votre remarque à l'équipe produit.",
        "La veste existe en trois couleurs et le modèle noir est de nouveau disponible.",
        "Nous comprenons que ce soit agaçant et nous voulons régler cela rapidement."},
       {"Bonne journée !", "Nous restons à votre disposition.", "Bon week-end !", "À bientôt."},
       {"Ma commande est arrivée cassée et personne ne répond.",
        "J'attends toujours mon remboursement !", "L'application plante quand je paie.",
        "Livrez-vous en Belgique ?"},
       {"La collection d'été est arrivée : matières légères et retours gratuits. {url}",
        "Nouvelle boutique à Lyon ce samedi, venez nous voir ! {emoji}",
        "Trois façons de porter la veste en jean cet automne {hashtag}"},
       {"Claire", "Julien", "Camille", "Nathalie", "Hugo", "Léa", "Thomas", "Manon"}},
      {"it",
       {"Ciao {name},", "Buongiorno {name},", "Ciao {name}!", "{name},"},
       {"Grazie per averci scritto.", "Grazie per il tuo messaggio.", "Grazie per la segnalazione.",
        "Grazie per la pazienza."},
       {"Ci dispiace che il tuo ordine sia arrivato in ritardo.",
        "Il pacco è partito stamattina dal magazzino e arriverà giovedì.",
        "Ho controllato il tuo account e il rimborso è stato inviato ieri.",
        "Ci mandi il numero d'ordine in privato così controlliamo?",
        "La nuova spedizione è in viaggio e puoi seguirla qui: {url}",
        "Il nostro team sta già lavorando al problema dell'app.",
        "Puoi cambiare l'indirizzo di consegna dal tuo account finché il pacco non parte.",
        "Il negozio in centro apre alle nove dal lunedì al sabato.",
        "Abbiamo girato il tuo commento al team di prodotto.",
        "La giacca è disponibile in tre colori e il modello nero è di nuovo disponibile.",
        "Capiamo quanto sia fastidioso e vogliamo risolvere al più presto."},
       {"Buona giornata!", "Restiamo a disposizione.", "Buon fine settimana!", "A presto."},
       {"Il mio ordine è arrivato rotto e nessuno risponde.", "Aspetto ancora il rimborso!",
        "L'app si chiude quando pago.", "Spedite in Svizzera?"},
       {"È arrivata la collezione estiva: tessuti leggeri e resi gratuiti. {url}",
        "Nuovo negozio a Torino sabato, vi aspettiamo! {emoji}",
        "Tre modi per indossare la giacca di jeans questo autunno {hashtag}"},
       {"Giulia", "Marco", "Francesca", "Luca", "Chiara", "Matteo", "Sara", "Davide"}},
  };
  return all;
}

const std::vector<std::string> kEmoji = {"🎉",        "😊",  "🙌", "❤️",
                                         "👋🏽", "🇮🇹", "✨", "👨‍👩‍👧"};
const std::vector<std::string> kHashtags = {"#SummerStyle",  "#NewIn", "#CustomerCare",
                                            "#LunarNewYear", "#Denim", "#ShopLocal"};

// One typo in a word of four letters or more (ASCII letters only, so the UTF-8 stays valid).
std::string misspell(const std::string& word, Random& random) {
  for (unsigned char c : word) {
    if (c >= 0x80 || !std::isalpha(c)) return word;
  }
  if (word.size() < 4) return word;
  std::string w = word;
  const std::size_t i = 1 + random.below(w.size() - 2);
  switch (random.below(4)) {
    case 0: std::swap(w[i], w[i + 1]); break;        // recieve
    case 1: w.erase(i, 1); break;                    // adress
    case 2: w.insert(i, 1, w[i]); break;             // tommorrow
    default: w[i] = "aeiourstnl"[random.below(10)];  // seperate
  }
  return w;
}

std::string fill(std::string s, const std::string& name, Random& random) {
  auto replace = [&](const std::string& key, const std::string& value) {
    for (std::size_t at; (at = s.find(key)) != std::string::npos;) s.replace(at, key.size(), value);
  };
  replace("{name}", name);
  replace("{url}", "https://example.com/t/" + std::to_string(random.below(100000)));
  replace("{emoji}", random.pick(kEmoji));
  replace("{hashtag}", random.pick(kHashtags));
  return s;
}

// Misspells about `rate` of the words (split on spaces; punctuation stays attached and is
// left alone by misspell()).
std::string add_typos(const std::string& text, double rate, Random& random) {
  std::istringstream in(text);
  std::string word, out;
  while (in >> word) {
    if (!out.empty()) out += ' ';
    std::size_t end = word.size();
    while (end > 0 && std::ispunct(static_cast<unsigned char>(word[end - 1]))) --end;
    if (random.chance(rate) && word.find('{') == std::string::npos && word[0] != '@' &&
        word[0] != '#' && word.compare(0, 4, "http") != 0) {
      out += misspell(word.substr(0, end), random) + word.substr(end);
    } else {
      out += word;
    }
  }
  return out;
}

std::string json_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t posts = 10000;
  std::string langs = "en,es,fr,it", format = "jsonl";
  std::uint64_t seed = 2026;
  double typos = 2.0;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const std::string value = i + 1 < argc ? argv[i + 1] : "";
    if (a == "--posts") {
      posts = std::stoul(value);
    } else if (a == "--lang") {
      langs = value;
    } else if (a == "--format" && (value == "jsonl" || value == "text")) {
      format = value;
    } else if (a == "--seed") {
      seed = std::stoull(value);
    } else if (a == "--typos") {
      typos = std::stod(value);
    } else {
      std::fprintf(stderr,
                   "usage: corpus_gen [--posts N] [--lang en,es,fr,it] [--format jsonl|text] "
                   "[--seed S] [--typos PCT]\n");
      return 2;
    }
    ++i;
  }
  std::vector<const Language*> chosen;
  std::istringstream list(langs);
  for (std::string code; std::getline(list, code, ',');) {
    for (const auto& l : languages()) {
      if (l.code == code) chosen.push_back(&l);
    }
  }
  if (chosen.empty()) {
    std::fprintf(stderr, "corpus_gen: no known language in '%s'\n", langs.c_str());
    return 2;
  }
  Random random(seed);
  const std::vector<std::string> platforms = {"x", "instagram", "facebook", "linkedin"};
  for (std::size_t n = 0; n < posts; ++n) {
    const Language& l = *chosen[n % chosen.size()];
    const std::string name = random.pick(l.names);
    const bool reply = random.below(4) != 0;  // three replies for each post
    std::string text;
    if (reply) {
      if (random.chance(0.3)) text += "@" + name + std::to_string(random.below(100)) + " ";
      text += fill(random.pick(l.greetings), name, random) + " ";
      text += random.pick(l.thanks) + " ";
      const std::size_t sentences = 1 + random.below(3);
      for (std::size_t s = 0; s < sentences; ++s)
        text += fill(random.pick(l.bodies), name, random) + " ";
      text += random.pick(l.closings);
      if (random.chance(0.2)) text += " " + random.pick(kEmoji);
      if (random.chance(0.3)) text += " ^" + std::string(1, "ABJMS"[random.below(5)]) + "K";
    } else {
      text = fill(random.pick(l.posts), name, random);
      if (random.chance(0.5)) text += " " + random.pick(kHashtags);
    }
    text = add_typos(text, typos / 100.0, random);
    if (format == "text") {
      std::printf("%s\n\n", text.c_str());
      continue;
    }
    std::printf("{\"id\":\"p%zu\",\"lang\":\"%s\",\"platform\":\"%s\",\"kind\":\"%s\"", n,
                l.code.c_str(), random.pick(platforms).c_str(), reply ? "reply" : "post");
    if (reply) {
      std::printf(",\"customer\":\"%s\",\"in_reply_to\":\"%s\"", name.c_str(),
                  json_escape(random.pick(l.complaints)).c_str());
    }
    std::printf(",\"text\":\"%s\"}\n", json_escape(text).c_str());
  }
  return 0;
}
