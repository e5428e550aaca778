/**
 * The words in Seller Central's dates (../dates.ts keeps the number grammar: digits, separators,
 * 年月日, 午前/午後): month and weekday names, the word joining a date range ("to", 「から」) and the
 * word between a date and its time ("at", "um", "alle ore"). No capture of a message's time stamp
 * exists (docs/seller-central-pages.md §4): the names are those the locales' own date formats
 * produce (CLDR, as Intl.DateTimeFormat writes them for en-US, en-GB, de-DE, fr-FR, it-IT, es-ES).
 * Month and weekday words are written without accents, lower case: they are matched on the text
 * as `plainDateText` gives it.
 */
import { stripAccents, wordAlternation, type Wording, type WordList, type WordingLanguage } from './entry';

/** A date's text as the date words are matched on: NFKC, no accents, lower case. */
export const plainDateText = (text: string): string => stripAccents(text.normalize('NFKC')).toLowerCase();

/** A whole word among `words`, with an optional abbreviation dot, as ../dates.ts matches month and weekday names. */
const wholeWord = (words: readonly string[]) => new RegExp(`(?<![\\p{L}])(?:${wordAlternation(words)})\\.?(?![\\p{L}])`, 'u');

export interface MonthNames extends Wording {
  /** The words of each month, January first. */
  readonly months: readonly (readonly string[])[];
}

const CLDR = (locales: string) => `CLDR: the month names and abbreviations Intl.DateTimeFormat writes for ${locales}`;

const monthNames = (language: WordingLanguage, months: readonly (readonly string[])[], evidence: string, matches: readonly string[]): MonthNames => ({
  languages: [language],
  months,
  pattern: wholeWord(months.flat()),
  evidence,
  matches: { [language]: matches },
  input: plainDateText,
});

/** Month names by language (a word may be in several languages: each lists it). */
export const MONTH_NAMES: Readonly<Record<'en' | 'de' | 'fr' | 'it' | 'es', MonthNames>> = {
  en: monthNames(
    'en',
    [
      ['jan', 'january'],
      ['feb', 'february'],
      ['mar', 'march'],
      ['apr', 'april'],
      ['may'],
      ['jun', 'june'],
      ['jul', 'july'],
      ['aug', 'august'],
      ['sep', 'sept', 'september'],
      ['oct', 'october'],
      ['nov', 'november'],
      ['dec', 'december'],
    ],
    `${CLDR('en-US, en-GB')}; the order pages' "Sat, Nov 21, 2026": ASSUMED (demo/pages headers)`,
    ['Thursday, November 5, 2026 at 9:14 PM', '5 Sept 2026, 21:14', 'Sat, Nov 21, 2026'],
  ),
  de: monthNames(
    'de',
    [
      ['jan', 'januar', 'jän', 'jänner'],
      ['feb', 'februar'],
      ['mar', 'marz', 'mrz'],
      ['apr', 'april'],
      ['mai'],
      ['jun', 'juni'],
      ['jul', 'juli'],
      ['aug', 'august'],
      ['sep', 'sept', 'september'],
      ['okt', 'oktober'],
      ['nov', 'november'],
      ['dez', 'dezember'],
    ],
    `${CLDR('de-DE')}; de-AT's "Jän", "Jänner" (never matched as written: the text is matched without accents, where "Jänner" reads "janner"); "Mrz": no source recorded`,
    ['Donnerstag, 5. November 2026 um 21:14', '5. März 2026', '5. Mrz. 2026'],
  ),
  fr: monthNames(
    'fr',
    [
      ['janv', 'janvier'],
      ['fevr', 'fevrier', 'fev'],
      ['mars'],
      ['avr', 'avril'],
      ['mai'],
      ['juin'],
      ['juil', 'juillet'],
      ['aout'],
      ['sept', 'septembre'],
      ['oct', 'octobre'],
      ['nov', 'novembre'],
      ['dec', 'decembre'],
    ],
    `${CLDR('fr-FR')}; "fév": no source recorded`,
    ['jeudi 5 novembre 2026 à 21:14', '5 févr. 2026', '5 août 2026', '5 déc. 2026'],
  ),
  it: monthNames(
    'it',
    [
      ['gen', 'gennaio'],
      ['feb', 'febbraio'],
      ['mar', 'marzo'],
      ['apr', 'aprile'],
      ['mag', 'maggio'],
      ['giu', 'giugno'],
      ['lug', 'luglio'],
      ['ago', 'agosto'],
      ['set', 'settembre'],
      ['ott', 'ottobre'],
      ['nov', 'novembre'],
      ['dic', 'dicembre'],
    ],
    CLDR('it-IT'),
    ['giovedì 5 novembre 2026 alle ore 21:14', '5 gen 2026'],
  ),
  es: monthNames(
    'es',
    [
      ['ene', 'enero'],
      ['feb', 'febrero'],
      ['mar', 'marzo'],
      ['abr', 'abril'],
      ['may', 'mayo'],
      ['jun', 'junio'],
      ['jul', 'julio'],
      ['ago', 'agosto'],
      ['sep', 'sept', 'septiembre'],
      ['oct', 'octubre'],
      ['nov', 'noviembre'],
      ['dic', 'diciembre'],
    ],
    CLDR('es-ES'),
    ['jueves, 5 de noviembre de 2026, 21:14', '5 sept 2026'],
  ),
};

/** Word → month (1–12) over the given month names. */
export function monthTable(entries: readonly MonthNames[]): Readonly<Record<string, number>> {
  return Object.fromEntries(entries.flatMap((entry) => entry.months.flatMap((words, index) => words.map((word) => [word, index + 1] as const))));
}

const weekdayNames = (language: WordingLanguage, words: readonly string[], evidence: string, matches: readonly string[]): WordList => ({
  languages: [language],
  words,
  pattern: wholeWord(words),
  evidence,
  matches: { [language]: matches },
  input: plainDateText,
});

const CLDR_DAYS = (locale: string) => `CLDR: the weekday names and abbreviations Intl.DateTimeFormat writes for ${locale}`;

/** Weekday names by language, Monday first, then the abbreviations. */
export const WEEKDAY_NAMES: Readonly<Record<'en' | 'de' | 'fr' | 'it' | 'es', WordList>> = {
  en: weekdayNames(
    'en',
    ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun'],
    `${CLDR_DAYS('en-US')}; "Tues", "Thur", "Thurs": no source recorded`,
    ['Thursday, November 5, 2026 at 9:14 PM', 'Sat, Nov 21, 2026'],
  ),
  de: weekdayNames('de', ['montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'mo', 'di', 'mi', 'do', 'fr', 'sa', 'so'], CLDR_DAYS('de-DE'), [
    'Donnerstag, 5. November 2026 um 21:14',
    'Do., 5. Nov. 2026',
  ]),
  fr: weekdayNames('fr', ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'lun', 'mar', 'mer', 'jeu', 'ven', 'sam', 'dim'], CLDR_DAYS('fr-FR'), [
    'jeudi 5 novembre 2026 à 21:14',
    'jeu. 5 nov. 2026',
  ]),
  it: weekdayNames('it', ['lunedi', 'martedi', 'mercoledi', 'giovedi', 'venerdi', 'sabato', 'domenica', 'lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'], CLDR_DAYS('it-IT'), [
    'giovedì 5 novembre 2026 alle ore 21:14',
    'gio 5 nov 2026',
  ]),
  es: weekdayNames('es', ['lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo', 'lun', 'mar', 'mie', 'jue', 'vie', 'sab', 'dom'], CLDR_DAYS('es-ES'), [
    'jueves, 5 de noviembre de 2026, 21:14',
    'miércoles, 4 de noviembre de 2026',
    'sáb, 7 nov 2026',
  ]),
};

const rangeWords = (languages: readonly WordingLanguage[], words: readonly string[], spaced: boolean, evidence: string, matches: Wording['matches'], rejects?: readonly string[]) => ({
  languages,
  words,
  spaced,
  pattern: spaced ? new RegExp(`\\s+(?:${words.join('|')})\\s+`) : new RegExp(`\\s*(?:${words.join('|')})\\s*`),
  evidence,
  matches,
  ...(rejects ? { rejects } : {}),
});

/**
 * The words between the two dates of a range ("A to B", 「AからB」), in order. `spaced`: the word
 * stands between spaces ("to"); otherwise it may be written close (「から」). Dashes and 〜 are
 * the range's grammar (../dates.ts).
 */
export const RANGE_WORDS: readonly (WordList & { readonly spaced: boolean })[] = [
  rangeWords(['en'], ['to'], true, 'ASSUMED: the English date wording of the order pages (demo/pages headers, e.g. "Mon, Nov 23, 2026 to …")', { en: ['Mon, Nov 23, 2026 to Wed, Nov 25, 2026'] }, [
    'Nov 23, 2026 today',
  ]),
  rangeWords(['de'], ['bis'], true, 'no source recorded', { de: ['23.11.2026 bis 25.11.2026'] }),
  rangeWords(['fr'], ['au'], true, 'no source recorded', { fr: ['23/11/2026 au 25/11/2026'] }),
  rangeWords(['it', 'es'], ['al', 'a'], true, 'no source recorded', { it: ['23/11/2026 al 25/11/2026'], es: ['23/11/2026 a 25/11/2026'] }),
  rangeWords(['ja'], ['から'], false, 'ASSUMED: the Japanese date range wording (demo/pages/ja/order-details.html: no source shows it)', {
    ja: ['2026年11月23日から2026年11月25日', '2026/11/23 から 2026/11/25'],
  }),
];

const connectors = (language: WordingLanguage, words: readonly string[], evidence: string, matches: readonly string[]): WordList => ({
  languages: [language],
  words,
  pattern: new RegExp(words.map((w) => `\\b${w}\\b`).join('|')),
  evidence,
  matches: { [language]: matches },
  input: plainDateText,
});

const CLDR_AT = (locale: string) => `CLDR: the word Intl.DateTimeFormat writes between the date and the time for ${locale} (long and full styles)`;

/** The words between a message stamp's date and its time, in the order they are tried ("à" is written "a": matched without accents). */
export const DATE_TIME_CONNECTORS: readonly WordList[] = [
  connectors('en', ['at'], CLDR_AT('en-US, en-GB'), ['November 5, 2026 at 9:14 PM']),
  connectors('de', ['um'], CLDR_AT('de-DE'), ['5. November 2026 um 21:14']),
  connectors('fr', ['a'], CLDR_AT('fr-FR'), ['5 novembre 2026 à 21:14']),
  connectors('it', ['alle ore', 'alle', 'ore'], `${CLDR_AT('it-IT')}; "alle", "ore" alone: no source recorded`, ['5 novembre 2026 alle ore 21:14', '5 nov 2026 alle 21:14']),
  connectors('es', ['a las', 'a la'], `${CLDR_AT('es-ES')}; "a la": no source recorded`, ['5 de noviembre de 2026 a las 21:14', '5 nov 2026 a la 1:14']),
];
