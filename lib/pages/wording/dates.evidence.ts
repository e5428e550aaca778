/**
 * The evidence and examples of the date words (dates.ts), by entry id: see evidence.ts. The
 * tables hold words, not patterns (../dates.ts builds its own from them): DATES_MATCHING says how
 * the examples are matched, on the text as ../dates.ts matches it (`plainDateText`).
 */
import { alternation, stripAccents } from '../dates';
import type { Evidence, EvidenceOf, MatchingOf, WordingLanguage } from './evidence';
import type * as dates from './dates';

/** A date's text as the date words are matched on: NFKC, no accents, lower case. */
export const plainDateText = (text: string): string => stripAccents(text.normalize('NFKC')).toLowerCase();

/** A whole word among `words`, with an optional abbreviation dot, as ../dates.ts matches month and weekday names. */
const wholeWord = (words: readonly string[]) => new RegExp(`(?<![\\p{L}])(?:${alternation(words)})\\.?(?![\\p{L}])`, 'u');

/** One language's words, seen where `evidence` says, with examples in that language. */
const seen = (language: WordingLanguage, evidence: string, matches: readonly string[]): Evidence => ({ languages: [language], evidence, matches: { [language]: matches } });

const CLDR = (locales: string) => `CLDR: the month names and abbreviations Intl.DateTimeFormat writes for ${locales}`;
const CLDR_DAYS = (locale: string) => `CLDR: the weekday names and abbreviations Intl.DateTimeFormat writes for ${locale}`;
const CLDR_AT = (locale: string) => `CLDR: the word Intl.DateTimeFormat writes between the date and the time for ${locale} (long and full styles)`;

export const DATES_EVIDENCE = {
  MONTH_NAMES: {
    en: seen('en', `${CLDR('en-US, en-GB')}; the order pages' "Sat, Nov 21, 2026": ASSUMED (demo/pages headers)`, ['Thursday, November 5, 2026 at 9:14 PM', '5 Sept 2026, 21:14', 'Sat, Nov 21, 2026']),
    de: seen('de', `${CLDR('de-DE')}; de-AT's "Jän", "Jänner" (never matched as written: the text is matched without accents, where "Jänner" reads "janner"); "Mrz": no source recorded`, [
      'Donnerstag, 5. November 2026 um 21:14',
      '5. März 2026',
      '5. Mrz. 2026',
    ]),
    fr: seen('fr', `${CLDR('fr-FR')}; "fév": no source recorded`, ['jeudi 5 novembre 2026 à 21:14', '5 févr. 2026', '5 août 2026', '5 déc. 2026']),
    it: seen('it', CLDR('it-IT'), ['giovedì 5 novembre 2026 alle ore 21:14', '5 gen 2026']),
    es: seen('es', CLDR('es-ES'), ['jueves, 5 de noviembre de 2026, 21:14', '5 sept 2026']),
  },

  WEEKDAY_NAMES: {
    en: seen('en', `${CLDR_DAYS('en-US')}; "Tues", "Thur", "Thurs": no source recorded`, ['Thursday, November 5, 2026 at 9:14 PM', 'Sat, Nov 21, 2026']),
    de: seen('de', CLDR_DAYS('de-DE'), ['Donnerstag, 5. November 2026 um 21:14', 'Do., 5. Nov. 2026']),
    fr: seen('fr', CLDR_DAYS('fr-FR'), ['jeudi 5 novembre 2026 à 21:14', 'jeu. 5 nov. 2026']),
    it: seen('it', CLDR_DAYS('it-IT'), ['giovedì 5 novembre 2026 alle ore 21:14', 'gio 5 nov 2026']),
    es: seen('es', CLDR_DAYS('es-ES'), ['jueves, 5 de noviembre de 2026, 21:14', 'miércoles, 4 de noviembre de 2026', 'sáb, 7 nov 2026']),
  },

  RANGE_WORDS: {
    en: {
      languages: ['en'],
      evidence: 'ASSUMED: the English date wording of the order pages (demo/pages headers, e.g. "Mon, Nov 23, 2026 to …")',
      matches: { en: ['Mon, Nov 23, 2026 to Wed, Nov 25, 2026'] },
      rejects: ['Nov 23, 2026 today'],
    },
    de: seen('de', 'no source recorded', ['23.11.2026 bis 25.11.2026']),
    fr: seen('fr', 'no source recorded', ['23/11/2026 au 25/11/2026']),
    'it-es': { languages: ['it', 'es'], evidence: 'no source recorded', matches: { it: ['23/11/2026 al 25/11/2026'], es: ['23/11/2026 a 25/11/2026'] } },
  },

  RANGE_WORDS_CLOSE: {
    ja: seen('ja', 'ASSUMED: the Japanese date range wording (demo/pages/ja/order-details.html: no source shows it)', ['2026年11月23日から2026年11月25日', '2026/11/23 から 2026/11/25']),
  },

  DATE_TIME_CONNECTORS: {
    en: seen('en', CLDR_AT('en-US, en-GB'), ['November 5, 2026 at 9:14 PM']),
    de: seen('de', CLDR_AT('de-DE'), ['5. November 2026 um 21:14']),
    fr: seen('fr', CLDR_AT('fr-FR'), ['5 novembre 2026 à 21:14']),
    it: seen('it', `${CLDR_AT('it-IT')}; "alle", "ore" alone: no source recorded`, ['5 novembre 2026 alle ore 21:14', '5 nov 2026 alle 21:14']),
    es: seen('es', `${CLDR_AT('es-ES')}; "a la": no source recorded`, ['5 de noviembre de 2026 a las 21:14', '5 nov 2026 a la 1:14']),
  },
} satisfies EvidenceOf<typeof dates>;

/** How the date words are matched: as ../dates.ts builds its patterns from them, on `plainDateText` for the names and the time's words. */
export const DATES_MATCHING = {
  MONTH_NAMES: { pattern: (months) => wholeWord(months.flat()), input: plainDateText },
  WEEKDAY_NAMES: { pattern: wholeWord, input: plainDateText },
  RANGE_WORDS: { pattern: (words) => new RegExp(`\\s+(?:${words.join('|')})\\s+`) },
  RANGE_WORDS_CLOSE: { pattern: (words) => new RegExp(`\\s*(?:${words.join('|')})\\s*`) },
  DATE_TIME_CONNECTORS: { pattern: (words) => new RegExp(`\\b(?:${words.join('|')})\\b`), input: plainDateText },
} satisfies MatchingOf<typeof dates>;
