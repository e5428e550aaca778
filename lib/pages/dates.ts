/**
 * Dates as Seller Central writes them, read into absolute instants (ISO 8601, UTC).
 *
 * A date with an explicit zone ("23:45 JST", "9:14 AM PST") uses that zone; otherwise the
 * marketplace's time zone is used, because that is the zone Seller Central states deadlines in.
 * A date-only value ("Mon, Nov 23, 2026", 「2021年5月20日(木)」) is the whole day in that zone.
 * Anything that does not parse is reported as such: never "today", never a guess.
 *
 * Formats: the JP capture 「2021年5月19日(水) 23:45 JST」 (A), English "Sat, Nov 21, 2026, 9:14 AM PST"
 * and the list's "11/21/2026" + "9:14 AM PST" (wording assumed, see demo/pages headers), and
 * ranges joined by "to", "-", "–", "〜", "～" or 「から」. The words (month and weekday names, the
 * range's and the time's connecting words) are in lib/pages/wording/dates.ts; the number grammar
 * (digits, separators, 年月日, 午前/午後) is here.
 */
import { zonedTimeToInstant } from '../time';
import { DATE_TIME_CONNECTORS, MONTH_NAMES, RANGE_WORDS, RANGE_WORDS_CLOSE, WEEKDAY_NAMES } from './wording';

/** Time in a zone lives in lib/time.ts; these are re-exported for the readers that import them from here. */
export { epochSecondsToIso, zoneOffsetMinutes, zonedTimeToInstant } from '../time';

export interface InstantWindow {
  readonly earliest: string;
  readonly latest: string;
}

export type DateReading = { readonly ok: true; readonly window: InstantWindow } | { readonly ok: false; readonly reason: string };

/** Zone abbreviations Seller Central prints, as fixed offsets in minutes. */
const ZONE_ABBREVIATIONS: Readonly<Record<string, number>> = {
  JST: 9 * 60,
  UTC: 0,
  GMT: 0,
  BST: 60,
  CET: 60,
  CEST: 120,
  EST: -5 * 60,
  EDT: -4 * 60,
  CST: -6 * 60,
  CDT: -5 * 60,
  MST: -7 * 60,
  MDT: -6 * 60,
  PST: -8 * 60,
  PDT: -7 * 60,
};

/** Word → month (1–12) over the given languages' month names (wording/dates.ts). */
const monthTable = (names: readonly (readonly (readonly string[])[])[]): Readonly<Record<string, number>> =>
  Object.fromEntries(names.flatMap((months) => months.flatMap((words, index) => words.map((word) => [word, index + 1]))));

/** English month names, read by their first three letters (four for "Sept"): wording/dates.ts. */
const MONTHS = monthTable([MONTH_NAMES.en]);

interface Civil {
  year: number;
  month: number;
  day: number;
  /** Undefined for a date-only value. */
  time?: { hour: number; minute: number };
  /** Offset from an explicit zone abbreviation, in minutes. */
  offset?: number;
}

function validDate(year: number, month: number, day: number): boolean {
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function to24h(hour: number, meridiem: string | undefined): number | undefined {
  if (!meridiem) return hour <= 23 ? hour : undefined;
  if (hour < 1 || hour > 12) return undefined;
  const pm = /^p/i.test(meridiem) || meridiem === '午後';
  return (hour % 12) + (pm ? 12 : 0);
}

const TIME = new RegExp(String.raw`(?:(午前|午後)\s*)?(\d{1,2}):(\d{2})(?::\d{2})?\s*(AM|PM|a\.m\.|p\.m\.)?\s*([A-Z]{3,4})?`);

const PATTERNS: ReadonlyArray<{ re: RegExp; read: (m: RegExpExecArray) => Omit<Civil, 'time' | 'offset'> }> = [
  // 2021年5月19日(水)
  { re: new RegExp(String.raw`(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日(?:\s*[(（][^)）]{1,3}[)）])?`, 'u'), read: (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]! }) },
  // 2026/11/21 or 2026-11-21
  { re: /(\d{4})[/-](\d{1,2})[/-](\d{1,2})/, read: (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]! }) },
  // Sat, Nov 21, 2026 / Nov 21, 2026 / November 21 2026
  {
    re: /(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})/,
    read: (m) => ({ year: +m[3]!, month: MONTHS[m[1]!.slice(0, m[1]!.toLowerCase() === 'sept' ? 4 : 3).toLowerCase()] ?? 0, day: +m[2]! }),
  },
  // 21 Nov 2026
  { re: /(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})/, read: (m) => ({ year: +m[3]!, month: MONTHS[m[2]!.slice(0, 3).toLowerCase()] ?? 0, day: +m[1]! }) },
  // 11/21/2026 (US order)
  { re: /(\d{1,2})\/(\d{1,2})\/(\d{4})/, read: (m) => ({ year: +m[3]!, month: +m[1]!, day: +m[2]! }) },
];

/** One date (with optional time and zone) out of a short text. */
function readCivil(text: string): Civil | string {
  const clean = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (clean === '') return 'empty';
  if (clean.length > 200) return 'too long to be a date';
  for (const { re, read } of PATTERNS) {
    const m = re.exec(clean);
    if (!m) continue;
    const date = read(m);
    if (!validDate(date.year, date.month, date.day)) return `not a real date: "${m[0]}"`;
    const rest = clean.slice(m.index + m[0].length);
    const t = TIME.exec(rest);
    if (!t) {
      const zone = /\b([A-Z]{3,4})\b/.exec(rest)?.[1];
      return { ...date, ...(zone && zone in ZONE_ABBREVIATIONS ? { offset: ZONE_ABBREVIATIONS[zone] } : {}) };
    }
    const hour = to24h(+t[2]!, t[4] ?? t[1]);
    const minute = +t[3]!;
    if (hour === undefined || minute > 59) return `not a real time: "${t[0].trim()}"`;
    const zone = t[5];
    if (zone && !(zone in ZONE_ABBREVIATIONS)) return `unknown time zone "${zone}"`;
    return { ...date, time: { hour, minute }, ...(zone ? { offset: ZONE_ABBREVIATIONS[zone] } : {}) };
  }
  return `no date in "${clean.slice(0, 60)}"`;
}

function civilToWindow(civil: Civil, timeZone: string): InstantWindow {
  const at = (hour: number, minute: number, second = 0, ms = 0) =>
    civil.offset !== undefined
      ? Date.UTC(civil.year, civil.month - 1, civil.day, hour, minute, second, ms) - civil.offset * 60_000
      : zonedTimeToInstant({ year: civil.year, month: civil.month, day: civil.day, hour, minute, second, ms }, timeZone);
  if (civil.time) {
    const iso = new Date(at(civil.time.hour, civil.time.minute)).toISOString();
    return { earliest: iso, latest: iso };
  }
  return { earliest: new Date(at(0, 0)).toISOString(), latest: new Date(at(23, 59, 59, 999)).toISOString() };
}

/** The range's words (wording/dates.ts): spaced ("to") or written close (「から」), then its signs 〜, ～, ~ and dashes. */
const RANGE_SPLIT = new RegExp(String.raw`\s+(?:${Object.values(RANGE_WORDS).flat().join('|')})\s+|\s*(?:${Object.values(RANGE_WORDS_CLOSE).flat().join('|')}|〜|～|~|–|—)\s*|\s+-\s+`);

/**
 * Reads a date or a date range ("A to B", 「AからB」) into the window it stands for.
 * The end of a range with no date of its own part keeps the start's date (e.g. "Nov 23, 2026 9:00 AM - 5:00 PM" is not supported and is reported).
 */
export function readDateWindow(text: string, timeZone: string): DateReading {
  // A list repeats the same ship-by and deliver-by days row after row: read each text once.
  const key = `${timeZone}|${text}`;
  const known = READINGS.get(key);
  if (known) return known;
  const reading = readDateWindowUncached(text, timeZone);
  if (READINGS.size > 5_000) READINGS.clear();
  READINGS.set(key, reading);
  return reading;
}

const READINGS = new Map<string, DateReading>();

function readDateWindowUncached(text: string, timeZone: string): DateReading {
  const parts = text
    .normalize('NFKC')
    .split(RANGE_SPLIT)
    .filter((p) => p.trim() !== '');
  if (parts.length === 0) return { ok: false, reason: 'empty' };
  if (parts.length > 2) return { ok: false, reason: `more than two dates in "${text.slice(0, 60)}"` };
  const start = readCivil(parts[0]!);
  if (typeof start === 'string') return { ok: false, reason: start };
  const startWindow = civilToWindow(start, timeZone);
  if (parts.length === 1) return { ok: true, window: startWindow };
  const end = readCivil(parts[1]!);
  if (typeof end === 'string') return { ok: false, reason: `end of range: ${end}` };
  const endWindow = civilToWindow(end, timeZone);
  if (endWindow.latest < startWindow.earliest) return { ok: false, reason: 'range ends before it starts' };
  return { ok: true, window: { earliest: startWindow.earliest, latest: endWindow.latest } };
}

// ---------------------------------------------------------------------------------------------
// Time stamps of messages, in the six languages of the marketplaces (ja, en, de, fr, it, es).
//
// No capture of a message's time stamp exists (docs/seller-central-pages.md §4): what is read here
// is every form the locales' own date formats produce (CLDR, as `Intl.DateTimeFormat` writes them
// for ja-JP, en-US, en-GB, de-DE, fr-FR, it-IT, es-ES in its four date styles, with or without the
// weekday, the year or a zone), plus the forms the rest of this file reads. A stamp must carry a
// time of day; a bare date ("Nov 18, 2026") is a list's or an order's date, not a message's.

/** Month and weekday names and their usual abbreviations, without accents, lower case (wording/dates.ts). */
const MONTH_WORDS = monthTable(Object.values(MONTH_NAMES));
const WEEKDAY_WORDS = Object.values(WEEKDAY_NAMES).flat();

/** The text without its accents (one letter per letter for the Latin scripts; other text as it is). */
export const stripAccents = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '');

/** Words as one alternation, longest first (so "sept" is tried before "sep"), special characters escaped. */
export const alternation = (words: readonly string[]): string =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');

// Matched on accent-free lower-case text of the same length (stripAccents keeps one letter per
// letter for the Latin scripts here; other text is left alone), so positions carry over.
const MONTH_RE = `(?<![\\p{L}])(${alternation(Object.keys(MONTH_WORDS))})\\.?(?![\\p{L}])`;
const WEEKDAY_RE = `(?:(?<![\\p{L}])(?:${alternation(WEEKDAY_WORDS)})\\.?,?\\s+)?`;

const DATE_FORMS: ReadonlyArray<{ re: RegExp; read: (m: RegExpExecArray, dayFirst: boolean) => { year?: number; month: number; day: number } | undefined }> = [
  // 2026年11月5日木曜日 / 2026年11月5日(木) / 2026/11/05 / 2026-11-05 / 2026.11.05
  {
    re: /(?<![\d])(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?(?:\s*[(]?[日月火水木金土](?:曜日?)?[)]?)?/gu,
    read: (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]! }),
  },
  // 11月5日(木) (no year)
  { re: /(?<![\d年])(\d{1,2})月\s*(\d{1,2})日(?:\s*[(]?[日月火水木金土](?:曜日?)?[)]?)?/gu, read: (m) => ({ month: +m[1]!, day: +m[2]! }) },
  // 11/5/26, 05/11/2026, 05.11.26, 5-11-2026: order by the page's convention unless one part is over 12
  {
    re: /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-]?\d)/gu,
    read: (m, dayFirst) => {
      const a = +m[1]!;
      const b = +m[3]!;
      const year = m[4]!.length === 2 ? 2000 + +m[4]! : +m[4]!;
      const first = a > 12 ? true : b > 12 ? false : dayFirst;
      return first ? { year, month: b, day: a } : { year, month: a, day: b };
    },
  },
  // Thursday, November 5, 2026 / Nov 5, 2026 / Nov 5 (en-US)
  {
    re: new RegExp(`${WEEKDAY_RE}${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:,?\\s+(\\d{4})(?!\\d))?`, 'gu'),
    read: (m) => ({ month: MONTH_WORDS[m[1]!.replace(/\.$/, '')] ?? 0, day: +m[2]!, ...(m[3] ? { year: +m[3] } : {}) }),
  },
  // jeudi 5 novembre 2026 / 5. Nov. 2026 / 5 de noviembre de 2026 / Thursday, 5 November 2026 / 5 nov
  {
    re: new RegExp(`${WEEKDAY_RE}(?<![\\d])(\\d{1,2})(?:\\.|er|º|°)?\\s+(?:de\\s+)?${MONTH_RE}(?:,?\\s+(?:de\\s+)?(\\d{4})(?!\\d))?`, 'gu'),
    read: (m) => ({ day: +m[1]!, month: MONTH_WORDS[m[2]!.replace(/\.$/, '')] ?? 0, ...(m[3] ? { year: +m[3] } : {}) }),
  },
];

// "at", "um", "à", "alle ore", "a las" (wording/dates.ts), "," … between a date and its time.
const CONNECTOR = String.raw`\s*(?:,|\b(?:${Object.values(DATE_TIME_CONNECTORS).flat().join('|')})\b|-|–|·|\||@)?\s*`;
const MORE_ZONES: Readonly<Record<string, number>> = { MEZ: 60, MESZ: 120, WET: 0, WEST: 60, EET: 120, EEST: 180 };
const ZONE_WORDS = alternation([...Object.keys(ZONE_ABBREVIATIONS), ...Object.keys(MORE_ZONES)].map((z) => z.toLowerCase()));
const TIME_RE = String.raw`(?:(午前|午後)\s*)?(?<![\d:])(\d{1,2})(?::|h)(\d{2})(?::\d{2})?(?![\d])(?:\s*(am|pm|a\.\s?m\.|p\.\s?m\.))?(?:\s*uhr)?(?:\s*\(?((?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?|${ZONE_WORDS})\)?(?![\p{L}]))?`;
const TIME_AFTER = new RegExp(`^${CONNECTOR}${TIME_RE}`, 'u');
const TIME_BEFORE = new RegExp(`${TIME_RE}${CONNECTOR}$`, 'u');
const TIME_ALONE = new RegExp(TIME_RE, 'gu');

function zoneOffset(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  const upper = zone.toUpperCase().replace(/\s+/g, '');
  const fixed = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(upper);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (+fixed[2]! * 60 + +(fixed[3] ?? 0));
  return ZONE_ABBREVIATIONS[upper] ?? MORE_ZONES[upper];
}

export interface Stamp {
  /** Where the stamp is in the NFKC-normalised text (`normalised`). */
  readonly start: number;
  readonly end: number;
  readonly normalised: string;
  /** The instant, when the stamp names a year, a day and a time. */
  readonly instant?: string;
  /** Why there is no instant, when there is none. */
  readonly why?: string;
  /**
   * For putting stamps of one list in order: `full` stamps by their instant, `yearless` ones by
   * month, day and time, `time` ones (today's) by the time alone.
   */
  readonly kind: 'full' | 'yearless' | 'time';
  readonly key: number;
}

function timeOf(m: RegExpExecArray): { hour: number; minute: number; zone?: string } | undefined {
  const meridiem = m[4] ?? m[1];
  const hour = to24h(+m[2]!, meridiem ? (/^p|午後/i.test(meridiem) ? 'PM' : 'AM') : undefined);
  const minute = +m[3]!;
  if (hour === undefined || minute > 59) return undefined;
  return { hour, minute, ...(m[5] ? { zone: m[5] } : {}) };
}

/**
 * The first date-and-time stamp in a short text, in any of the six languages, or a time alone
 * ("9:14 PM", as chat lists show today's messages). `dayFirst` decides 05/11/2026 when neither
 * part is over 12 (en-US writes month first; the other locales day first).
 */
export function findStamp(text: string, timeZone: string, dayFirst: boolean): Stamp | undefined {
  const normalised = text.slice(0, 400).normalize('NFKC').replace(/\s+/g, ' ');
  const plain = stripAccents(normalised).toLowerCase();
  // stripAccents may shorten text outside the Latin letters used here: fall back to the text as is.
  const haystack = plain.length === normalised.length ? plain : normalised.toLowerCase();
  let best: Stamp | undefined;
  for (const { re, read } of DATE_FORMS) {
    re.lastIndex = 0;
    for (let m = re.exec(haystack); m; m = re.exec(haystack)) {
      if (best && m.index >= best.start) break;
      const date = read(m, dayFirst);
      if (!date || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) continue;
      const after = TIME_AFTER.exec(haystack.slice(m.index + m[0].length));
      const before = after ? undefined : TIME_BEFORE.exec(haystack.slice(0, m.index));
      const t = after ?? before;
      if (!t) continue;
      const time = timeOf(t);
      if (!time) continue;
      const start = before ? m.index - before[0].length : m.index;
      const end = after ? m.index + m[0].length + after[0].length : m.index + m[0].length;
      const instant = instantOf(date, time, timeZone);
      const kind = date.year === undefined ? 'yearless' : 'full';
      const key = instant.instant ? Date.parse(instant.instant) : ((date.month * 31 + date.day) * 24 + time.hour) * 60 + time.minute;
      best = { start, end, normalised, ...instant, kind: instant.instant ? kind : 'yearless', key };
      break;
    }
  }
  if (best) return best;
  TIME_ALONE.lastIndex = 0;
  const t = TIME_ALONE.exec(haystack);
  const time = t ? timeOf(t) : undefined;
  if (!t || !time) return undefined;
  return { start: t.index, end: t.index + t[0].length, normalised, why: 'the time shows no date', kind: 'time', key: time.hour * 60 + time.minute };
}

function instantOf(date: { year?: number; month: number; day: number }, time: { hour: number; minute: number; zone?: string }, timeZone: string): { instant?: string; why?: string } {
  if (date.year === undefined) return { why: 'the date shows no year' };
  if (!validDate(date.year, date.month, date.day)) return { why: 'not a real date' };
  const offset = zoneOffset(time.zone);
  if (time.zone && offset === undefined) return { why: `unknown time zone "${time.zone}"` };
  const ms =
    offset !== undefined
      ? Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute) - offset * 60_000
      : zonedTimeToInstant({ year: date.year, month: date.month, day: date.day, hour: time.hour, minute: time.minute }, timeZone);
  return { instant: new Date(ms).toISOString() };
}

/** A date without a time that makes up (nearly) the whole of a short text: a list's date, not a message's stamp. */
export function isBareDate(text: string, dayFirst: boolean): boolean {
  const normalised = text.slice(0, 80).normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (normalised.length > 60 || !/\d/.test(normalised)) return false;
  const plain = stripAccents(normalised).toLowerCase();
  const haystack = plain.length === normalised.length ? plain : normalised.toLowerCase();
  for (const { re, read } of DATE_FORMS) {
    re.lastIndex = 0;
    const m = re.exec(haystack);
    if (!m) continue;
    const date = read(m, dayFirst);
    if (!date || date.month < 1 || date.month > 12) continue;
    const rest = (haystack.slice(0, m.index) + haystack.slice(m.index + m[0].length)).replace(/[\s,.·|()（）-]/g, '');
    if (rest.length <= 3) return true;
  }
  return false;
}
