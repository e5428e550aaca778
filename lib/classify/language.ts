/**
 * Language of a message among the six the product answers in. Japanese by script (kana, or
 * kanji without Latin words); the European languages by their commonest short words and letters,
 * scanned once. Ties and silence fall back to the marketplace's language, then to English.
 */
import type { Language } from './types';

const KANA = /[\u3040-\u30ff]/g;
const HAN = /[\u4e00-\u9fff]/g;

/** Short, frequent words (normalised: lower case, accents folded) that tell the languages apart. */
const WORDS: Readonly<Record<Exclude<Language, 'ja'>, readonly string[]>> = {
  en: ['the', 'and', 'is', 'my', 'you', 'please', 'have', 'not', 'with', 'this', 'order', 'thank', 'thanks', 'hello', 'hi', 'would', 'can', 'for', 'was', 'it', 'i', 'to', 'of', 'received', 'item', 'what', 'when', 'where', 'your'],
  de: ['und', 'ich', 'ist', 'nicht', 'die', 'der', 'das', 'bitte', 'mit', 'ein', 'eine', 'sie', 'mein', 'meine', 'hallo', 'danke', 'habe', 'wurde', 'bestellung', 'artikel', 'auf', 'zu', 'wie', 'noch', 'leider', 'grusse', 'vielen', 'fur', 'sehr', 'alles', 'im', 'grund', 'bestellt', 'wir', 'verstanden', 'guten', 'tag'],
  fr: ['je', 'le', 'les', 'est', 'pas', 'et', 'vous', 'nous', 'mon', 'merci', 'bonjour', 'des', 'commande', 'pour', 'avec', 'ai', "j'ai", 'qui', 'ne', 'du', 'cordialement', 'votre', 'colis', 'mais', 'sur', 'avez', 'svp', 'bonne', 'nouvelle', 'raison', 'au', 'aux', 'ce', 'cette'],
  it: ['il', 'non', 'che', 'per', 'sono', 'ho', 'mio', 'mia', 'grazie', 'buongiorno', 'salve', 'ordine', 'della', "dell'", 'questo', 'questa', 'articolo', 'cordiali', 'saluti', 'vorrei', 'ancora', 'gli', 'potete', 'avete', 'stato', 'stata', 'molto', 'buona', 'nuovo', 'di', 'ci', 'tutta', 'tutto', 'anche', 'cosa', 'dove', 'quali', 'motivo', 'serve', 'piu', 'perche', 'mi', 'ma'],
  es: ['el', 'los', 'las', 'que', 'por', 'es', 'gracias', 'hola', 'pedido', 'para', 'y', 'pero', 'este', 'esta', 'estaba', 'articulo', 'saludos', 'quiero', 'quisiera', 'todavia', 'he', 'me', 'muy', 'ha', 'han', 'sido', 'llego', 'nueva', 'compra', 'se', 'su', 'tu', 'de', 'en'],
};

const WORD_RE = /[a-z']+/g;
const LOOKUP = new Map<string, Exclude<Language, 'ja'>[]>();
for (const [language, words] of Object.entries(WORDS) as [Exclude<Language, 'ja'>, readonly string[]][]) {
  for (const word of words) LOOKUP.set(word, [...(LOOKUP.get(word) ?? []), language]);
}

/** Letters that belong to one language's spelling (checked on the text before accent folding). */
const LETTERS: ReadonlyArray<[RegExp, Exclude<Language, 'ja'>]> = [
  [/[äöüß]/i, 'de'],
  [/[ñ¿¡]|ción\b|[óú]/i, 'es'],
  [/[çêœ]|\b(?:c'est|j'ai|n'est|qu'il|d'un|l'adresse)\b/i, 'fr'],
  [/(?:^|\s)è(?:\s|$)|\b(?:perché|più|può|già)|[ìò]\b/i, 'it'],
];

/** The first characters say enough; reading more only costs time. */
const SAMPLE = 250;

export function detectLanguage(raw: string, normalized: string, fallback?: Language): Language {
  const sample = normalized.length > SAMPLE ? normalized.slice(0, SAMPLE) : normalized;
  const kana = sample.match(KANA)?.length ?? 0;
  const han = kana >= 2 ? 0 : (sample.match(HAN)?.length ?? 0);
  if (kana >= 2) return 'ja';
  const scores: Record<Exclude<Language, 'ja'>, number> = { en: 0, de: 0, fr: 0, it: 0, es: 0 };
  let wordCount = 0;
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(sample); m; m = WORD_RE.exec(sample)) {
    wordCount++;
    const languages = LOOKUP.get(m[0]);
    if (languages) for (const language of languages) scores[language] += 1;
  }
  if (han >= 2 && han >= wordCount) return 'ja';
  const rawSample = raw.length > SAMPLE ? raw.slice(0, SAMPLE) : raw;
  for (const [pattern, language] of LETTERS) if (pattern.test(rawSample)) scores[language] += 3;
  let best: Exclude<Language, 'ja'> | undefined;
  let bestScore = 0;
  let tie = false;
  for (const language of Object.keys(scores) as Exclude<Language, 'ja'>[]) {
    if (scores[language] > bestScore) {
      best = language;
      bestScore = scores[language];
      tie = false;
    } else if (scores[language] === bestScore && bestScore > 0) tie = true;
  }
  if (!best || tie) return fallback && (bestScore === 0 || scores[fallback as Exclude<Language, 'ja'>] === bestScore) ? fallback : (best ?? fallback ?? 'en');
  return best;
}
