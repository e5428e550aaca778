/**
 * What an entry of page wording holds (lib/pages/wording/): the words or pattern a reader matches,
 * the languages they are in, where they were seen, and texts they must and must not match. Every
 * entry is checked against its examples by test/wording.test.ts, which also checks that the
 * readers hold no label words of their own (docs/architecture.md, "Page wording").
 */

/** The languages of the marketplaces' Seller Central, and Chinese (a UI language some sellers use). */
export type WordingLanguage = 'en' | 'ja' | 'de' | 'fr' | 'it' | 'es' | 'zh';

export interface Wording {
  /** The languages whose words the pattern holds. */
  readonly languages: readonly WordingLanguage[];
  /** What the reader matches, on the text as `input` gives it (as the page gives it when unset). */
  readonly pattern: RegExp;
  /**
   * Where the words were seen, with the grades of docs/seller-central-pages.md (A–D); ASSUMED
   * where nobody has seen them; "no source recorded" where the code never named one.
   */
  readonly evidence: string;
  /** Texts the pattern must match, for each of its languages. */
  readonly matches: Readonly<Partial<Record<WordingLanguage, readonly string[]>>>;
  /** Texts it must not match. */
  readonly rejects?: readonly string[];
  /** What the reader does to a text before matching it; the examples go through it too. */
  readonly input?: (text: string) => string;
}

/** An entry that is a list of words (labels, month names…): the reader uses the words, `pattern` is how it matches them. */
export interface WordList extends Wording {
  readonly words: readonly string[];
}

/** The text without its accents (one letter per letter for the Latin scripts; other text as it is). */
export const stripAccents = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '');

/** Words as one alternation, longest first (so "sept" is tried before "sep"), special characters escaped. */
export const wordAlternation = (words: readonly string[]): string =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');

const LABEL_PATTERNS = new Map<string, RegExp>();

/** A line that starts with one of the labels and a colon ("Ship by date: …", 「出荷予定日：…」); the match is the label and its colon. */
export function labelLinePattern(labels: readonly string[]): RegExp {
  const key = labels.join('|');
  let pattern = LABEL_PATTERNS.get(key);
  if (!pattern) {
    pattern = new RegExp(`^\\s*(?:${key})\\s*[:：]\\s*`, 'iu');
    LABEL_PATTERNS.set(key, pattern);
  }
  return pattern;
}
