/**
 * Language of a message among the six the product answers in. Japanese by script (kana, or
 * kanji without Latin words); the European languages by their commonest short words, the
 * letters their spelling alone uses, and which language's rule keywords matched. The words are
 * counted by the same one-pass scan that finds the keywords (matcher.ts), in the first
 * characters of the message. Ties and silence fall back to the marketplace's language, then
 * to English.
 *
 * The word lists are general function words (articles, pronouns, auxiliaries, greetings), not
 * words picked from the corpus; a word common in two of the languages ("de", "la", "con", "se")
 * is left out, as it tells nothing.
 */
import type { Language } from './types';

export type LatinLanguage = Exclude<Language, 'ja'>;
export const LATIN_LANGUAGES: readonly LatinLanguage[] = ['en', 'de', 'fr', 'it', 'es'];

/** Normalised (lower case, accents folded). */
export const LANGUAGE_WORDS: Readonly<Record<LatinLanguage, readonly string[]>> = {
  en: [
    'the', 'and', 'is', 'are', 'were', 'my', 'you', 'your', 'please', 'have', 'has', 'had', 'not', 'with', 'this', 'that', 'order',
    'thank', 'thanks', 'hello', 'hi', 'would', 'could', 'should', 'can', 'for', 'it', 'i', 'to', 'of', 'received', 'item', 'what',
    'when', 'where', 'why', 'how', 'be', 'been', 'did', 'does', 'do', 'at', 'from', 'but', 'if', 'there', 'they', 'we', 'just', 'still',
    'yet', 'any', 'get', 'got', 'know', 'need', 'want', 'which', 'about', 'because', 'really', 'dear', 'regards', 'sincerely', 'package',
    "i'm", "it's", "don't", "didn't", 'haven', "haven't", 'sent', 'bought', 'today', 'yesterday', 'week', 'days', 'an',
  ],
  de: [
    'und', 'ich', 'ist', 'nicht', 'die', 'der', 'das', 'den', 'dem', 'des', 'bitte', 'mit', 'ein', 'eine', 'einen', 'einem', 'sie',
    'mein', 'meine', 'meinen', 'hallo', 'danke', 'habe', 'hat', 'haben', 'wurde', 'wurden', 'bestellung', 'artikel', 'auf', 'zu', 'wie',
    'noch', 'leider', 'grusse', 'gruss', 'vielen', 'fur', 'sehr', 'alles', 'im', 'wir', 'guten', 'tag', 'ware', 'paket', 'aber', 'auch',
    'oder', 'wenn', 'dass', 'kann', 'konnen', 'mochte', 'mir', 'mich', 'uns', 'ihr', 'ihre', 'ihnen', 'schon', 'bereits', 'heute', 'immer',
    'geehrte', 'geehrter', 'bis', 'jetzt', 'nach', 'von', 'aus', 'bei', 'warum', 'wann', 'wo', 'sind', 'bin', 'keine', 'kein', 'nur',
    'doch', 'freundlichen', 'vom', 'zum', 'zur', 'nichts', 'gestern', 'hier', 'diese', 'dieser', 'dieses', 'ja', 'nein',
  ],
  fr: [
    'je', 'les', 'est', 'pas', 'et', 'vous', 'nous', 'mon', 'mes', 'merci', 'bonjour', 'des', 'du', 'commande', 'pour', 'avec', 'ai',
    "j'ai", 'qui', 'ne', 'cordialement', 'votre', 'vos', 'colis', 'mais', 'sur', 'avez', 'svp', 'bonne', 'au', 'aux', 'ce', 'cette',
    'ces', 'elle', "c'est", "n'est", 'dans', 'tres', 'bien', 'toujours', 'encore', 'deja', 'depuis', 'quand', 'comment', 'pourquoi',
    'madame', 'monsieur', 'bonsoir', "s'il", 'plait', 'suis', 'sommes', 'etes', 'ont', 'avons', 'fait', 'ou', 'rien', 'aussi', 'moi',
    'jamais', 'leur', 'recu', 'livraison', 'produit', 'oui', "d'un", "d'une", "l'article", "qu'il", 'sont', 'etait',
  ],
  it: [
    'il', 'non', 'che', 'per', 'sono', 'ho', 'mio', 'mia', 'miei', 'grazie', 'buongiorno', 'salve', 'ordine', 'della', 'dello', 'degli',
    'delle', 'del', 'questo', 'questa', 'articolo', 'cordiali', 'saluti', 'vorrei', 'ancora', 'gli', 'potete', 'avete', 'stato', 'stata',
    'molto', 'buona', 'nuovo', 'di', 'ci', 'tutto', 'tutta', 'anche', 'cosa', 'dove', 'quale', 'quali', 'motivo', 'piu', 'perche', 'e',
    'sei', 'siamo', 'hanno', 'essere', 'fatto', 'pacco', 'quando', 'oggi', 'ieri', 'gia', 'sempre', 'nessun', 'nessuna', 'niente',
    'nulla', 'dopo', 'spedizione', 'consegna', 'prodotto', 'ricevuto', 'gentile', 'gentili', 'distinti', 'volevo', 'potreste', 'alla',
    'alle', 'agli', 'dal', 'dalla', 'nel', 'nella', 'sul', 'sulla', 'hai', 'abbiamo', 'mai',
  ],
  es: [
    'el', 'los', 'las', 'que', 'por', 'es', 'gracias', 'hola', 'pedido', 'para', 'y', 'pero', 'este', 'esta', 'estaba', 'articulo',
    'saludos', 'quiero', 'quisiera', 'todavia', 'he', 'me', 'muy', 'ha', 'han', 'sido', 'llego', 'nueva', 'compra', 'del', 'al', 'lo',
    'mis', 'mi', 'sus', 'nos', 'usted', 'ustedes', 'buenos', 'buenas', 'dias', 'tardes', 'estimado', 'estimados', 'atentamente',
    'paquete', 'envio', 'recibido', 'como', 'cuando', 'donde', 'porque', 'tengo', 'tiene', 'tienen', 'hay', 'ya', 'aun', 'nada', 'algo',
    'sin', 'uno', 'eso', 'esto', 'desde', 'hasta', 'hace', 'puedo', 'pueden', 'podrian', 'favor', 'necesito', 'producto', 'semana',
  ],
};

/** Letters (as written, before folding) that only one of the languages spells with. */
export const LANGUAGE_LETTERS: Readonly<Record<LatinLanguage, string>> = {
  en: '',
  de: 'äöüßÄÖÜ',
  fr: 'çêœûîôÇÊŒÛÎÔ',
  it: 'ìòÌÒ',
  es: 'ñ¿¡óúÑÓÚ',
};

export interface LanguageEvidence {
  /** Kana and kanji among the first characters. */
  readonly kana: number;
  readonly han: number;
  /** Per Latin language (LATIN_LANGUAGES order): function words counted. */
  readonly words: ArrayLike<number>;
  /** Per Latin language: rule keywords of that language that matched. */
  readonly keywords: ArrayLike<number>;
  /** Japanese rule keywords that matched. */
  readonly japaneseKeywords: number;
  /** Bit i set: letters of LATIN_LANGUAGES[i] seen. */
  readonly letters: number;
}

/** The language the evidence points to; `fallback` (the marketplace's) when it cannot tell. */
export function decideLanguage(evidence: LanguageEvidence, fallback?: Language): Language {
  if (evidence.kana >= 2) return 'ja';
  let wordTotal = 0;
  for (let l = 0; l < LATIN_LANGUAGES.length; l++) wordTotal += evidence.words[l]!;
  if (evidence.han >= 2 && evidence.han >= wordTotal) return 'ja';
  if (evidence.japaneseKeywords > 0 && wordTotal === 0) return 'ja';
  let best: LatinLanguage | undefined;
  let bestScore = 0;
  let tie = false;
  let fallbackScore = 0;
  for (let l = 0; l < LATIN_LANGUAGES.length; l++) {
    const language = LATIN_LANGUAGES[l]!;
    const score = evidence.words[l]! + evidence.keywords[l]! + ((evidence.letters >> l) & 1) * 3;
    if (language === fallback) fallbackScore = score;
    if (score > bestScore) {
      best = language;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && score > 0) tie = true;
  }
  if (!best) return fallback ?? 'en';
  if (tie) return fallback && fallbackScore === bestScore ? fallback : best;
  return best;
}
