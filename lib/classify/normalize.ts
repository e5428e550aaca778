/**
 * Text as the rules see it: NFKC (full-width and half-width forms unified), lower case, and the
 * European languages' accents folded (é→e, ß→ss), so a rule is written once without accents.
 * Japanese is left as NFKC makes it (katakana stays katakana; rules list their spelling variants).
 *
 * Matching runs on the normalised text; evidence must point into the original, so `toOriginal`
 * maps a normalised offset back (built only when a rule matched).
 */

const FOLD: Record<string, string> = {
  à: 'a',
  á: 'a',
  â: 'a',
  ã: 'a',
  ä: 'a',
  å: 'a',
  æ: 'ae',
  ç: 'c',
  è: 'e',
  é: 'e',
  ê: 'e',
  ë: 'e',
  ì: 'i',
  í: 'i',
  î: 'i',
  ï: 'i',
  ñ: 'n',
  ò: 'o',
  ó: 'o',
  ô: 'o',
  õ: 'o',
  ö: 'o',
  ø: 'o',
  œ: 'oe',
  ù: 'u',
  ú: 'u',
  û: 'u',
  ü: 'u',
  ý: 'y',
  ÿ: 'y',
  ß: 'ss',
  // Typographic quotes and dashes as their plain forms, so "don’t" is "don't".
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
};
/**
 * Letters of other scripts that look like Latin ones, as a writer hiding a word would use them
 * ("саncel" with a Cyrillic а). None of the six languages read here uses these scripts, so they
 * are always folded; after lower-casing, so the capitals' look-alikes (В, Н, М, Т, К) come as
 * their small forms.
 */
const CONFUSABLE: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  с: 'c',
  е: 'e',
  ё: 'e',
  һ: 'h',
  н: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  ӏ: 'l',
  м: 'm',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  ѕ: 's',
  т: 't',
  у: 'y',
  ў: 'y',
  х: 'x',
  ԁ: 'd',
  ԝ: 'w',
  ɡ: 'g',
  // Greek
  α: 'a',
  β: 'b',
  ϲ: 'c',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  // Latin letters outside the folded ones that stand for plain ones
  ı: 'i',
  ɑ: 'a',
  ǀ: 'l',
};
/**
 * Characters that show as nothing (zero-width space and joiners, soft hyphen, word joiner, byte
 * order mark, direction marks and isolates, variation selectors, Hangul fillers): removed, so a
 * word cut by one ("can\u200Bcel") is still the word.
 */
// eslint-disable-next-line no-misleading-character-class
export const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]|\udb40[\udc00-\udc7f]/g;
for (const [from, to] of Object.entries(CONFUSABLE)) FOLD[from] = to;
const FOLDABLE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');
const NEEDS_NFKC = /[^\t\n\r\x20-\x7e]/;
/** Characters whose normalised form can merge with a neighbour or change length (half-width kana marks, ß, ligatures…). */
// Combining marks are listed on purpose: any of them means offsets may shift.
// eslint-disable-next-line no-misleading-character-class
const COMPOSING = /[\uff61-\uff9f\u3099-\u309c\u0300-\u036f\u00df\u00e6\u0153\u0130\ufb00-\ufb4f\u2460-\u24ff\u3200-\u33ff]/;

export function normalizeText(text: string): string {
  if (!NEEDS_NFKC.test(text)) return text.toLowerCase();
  return text
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(FOLDABLE, (ch) => FOLD[ch] ?? ch);
}

/**
 * Maps offsets in normalizeText(original) back to offsets in the original. Character by
 * character, so it is linear; where per-character normalisation disagrees with the whole-text
 * one (rare compositions such as half-width kana with a separate voicing mark), offsets are
 * clamped into the text rather than guessed further.
 */
export function offsetMapper(original: string, normalized?: string): (normalizedOffset: number) => number {
  // Same length and nothing that composes: offsets are the same in both texts.
  if (normalized !== undefined && normalized.length === original.length && !COMPOSING.test(original)) {
    return (offset) => Math.min(Math.max(offset, 0), original.length);
  }
  let map: number[] | undefined;
  return (offset) => {
    if (!map) {
      map = [];
      let i = 0;
      for (const ch of original) {
        const code = ch.codePointAt(0)!;
        // ASCII, kana and common kanji keep their length; only the rest needs normalising to know.
        const width = code < 0x80 || (code >= 0x3041 && code <= 0x30fa) || (code >= 0x4e00 && code <= 0x9fff) ? 1 : normalizeText(ch).length;
        for (let k = 0; k < width; k++) map.push(i);
        i += ch.length;
      }
      map.push(original.length);
    }
    return map[Math.min(Math.max(offset, 0), map.length - 1)]!;
  };
}
