/**
 * The words in Seller Central's dates (../dates.ts keeps the number grammar: digits, separators,
 * 年月日, 午前/午後): month and weekday names, the word joining a date range ("to", 「から」) and the
 * word between a date and its time ("at", "um", "alle ore"). No capture of a message's time stamp
 * exists (docs/seller-central-pages.md §4): the names are those the locales' own date formats
 * produce (CLDR, as Intl.DateTimeFormat writes them for en-US, en-GB, de-DE, fr-FR, it-IT, es-ES).
 * Month and weekday words are written without accents, lower case: they are matched on the text
 * without its accents, lower case. Each entry's languages, evidence and examples: dates.evidence.ts.
 */

/** Month names by language, the words of each month, January first (a word may be in several languages: each lists it). */
export const MONTH_NAMES = {
  en: [
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
  de: [
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
  fr: [
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
  it: [
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
  es: [
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
} as const satisfies Readonly<Record<string, readonly (readonly string[])[]>>;

/** Weekday names by language, Monday first, then the abbreviations. */
export const WEEKDAY_NAMES = {
  en: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun'],
  de: ['montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'mo', 'di', 'mi', 'do', 'fr', 'sa', 'so'],
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'lun', 'mar', 'mer', 'jeu', 'ven', 'sam', 'dim'],
  it: ['lunedi', 'martedi', 'mercoledi', 'giovedi', 'venerdi', 'sabato', 'domenica', 'lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'],
  es: ['lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo', 'lun', 'mar', 'mie', 'jue', 'vie', 'sab', 'dom'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/** The words between the two dates of a range, standing between spaces ("A to B"), in order. Dashes and 〜 are the range's grammar (../dates.ts). */
export const RANGE_WORDS = {
  en: ['to'],
  de: ['bis'],
  fr: ['au'],
  'it-es': ['al', 'a'],
} as const;

/** The words between the two dates of a range that may be written close to them (「AからB」). */
export const RANGE_WORDS_CLOSE = {
  ja: ['から'],
} as const;

/** The words between a message stamp's date and its time, in the order they are tried ("à" is written "a": matched without accents). */
export const DATE_TIME_CONNECTORS = {
  en: ['at'],
  de: ['um'],
  fr: ['a'],
  it: ['alle ore', 'alle', 'ore'],
  es: ['a las', 'a la'],
} as const;
