/**
 * Addresses worth a second look before shipping (docs/domain.md case 3, seed 001: "no house/lot
 * number, suspected typo", "a delivery-time wish written into the name field"; and Amazon's rule
 * that sellers ship only to the order's address, DESIGN.md). Pure; works on what the order page
 * shows and keeps nothing.
 */
import { COUNTRIES, MARKETPLACE_DESTINATIONS } from '../countries';
import { normalizeText } from '../classify/normalize';

export type AddressConcern = { readonly kind: 'no-house-number' } | { readonly kind: 'time-in-name'; readonly text: string } | { readonly kind: 'foreign-destination'; readonly country: string };

const PREFECTURE = /(?:北海道|東京都|京都府|大阪府|.{1,3}県)/u;
const POSTCODE_LINE = /^(?:〒\s*)?\d{3}-?\d{4}$/u;
/** A house or lot number: any digit, or a kanji numeral with 丁目/番/番地/号. */
const HOUSE_NUMBER = /\d|[一二三四五六七八九十百]+(?:丁目|番地?|号)/u;
/** Delivery-time wishes: 午前中, 14時〜16時, 夜間指定, 時間指定, 着希望, "after 6pm", "morning". */
const TIME_WISH = /午前中?|午後|夜間|時間指定|\d{1,2}\s*時|指定|希望|必着|不在|\b(?:after|before)\s+\d|\b\d{1,2}\s*(?:am|pm)\b|\b(?:morning|evening|afternoon)\b|\bdeliver/iu;
const JAPAN_NAMES = new Set(['japan', '日本', 'japon', 'giappone', '日本国']);

/** Is this address Japanese (and so expected to carry a house or lot number)? */
function looksJapanese(lines: readonly string[]): boolean {
  return lines.some((line) => PREFECTURE.test(line) || /^〒/u.test(line.trim()));
}

function countryOf(line: string): string | undefined {
  const normal = normalizeText(line)
    .trim()
    .replace(/[.,]+$/u, '');
  if (JAPAN_NAMES.has(normal)) return 'JP';
  for (const [code, names] of Object.entries(COUNTRIES)) {
    if (names.includes(normal)) return code;
  }
  return undefined;
}

export function addressConcerns(buyer: { readonly name?: string | undefined; readonly addressLines: readonly string[] }, marketplace: string | undefined): AddressConcern[] {
  const concerns: AddressConcern[] = [];
  const lines = buyer.addressLines.map((line) => normalizeText(line).trim()).filter(Boolean);
  // The address block starts with the name line; the buyer link may show the name again.
  const names = [...new Set([buyer.name, buyer.addressLines[0]].map((name) => name?.trim()).filter((name): name is string => !!name))];
  const wish = names.find((name) => TIME_WISH.test(normalizeText(name)));
  if (wish !== undefined) concerns.push({ kind: 'time-in-name', text: wish.slice(0, 80) });

  if (looksJapanese(lines)) {
    const street = lines.slice(1).filter((line) => !POSTCODE_LINE.test(line) && countryOf(line) === undefined);
    if (street.length > 0 && !street.some((line) => HOUSE_NUMBER.test(line.replace(/^〒?\s*\d{3}-?\d{4}\s*/u, '')))) {
      concerns.push({ kind: 'no-house-number' });
    }
  }

  const expected = marketplace ? MARKETPLACE_DESTINATIONS[marketplace] : undefined;
  if (expected) {
    for (const line of lines.slice(-2)) {
      const country = countryOf(line);
      if (country && !expected.includes(country)) {
        concerns.push({ kind: 'foreign-destination', country });
        break;
      }
    }
  }
  return concerns;
}
