import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, hitBuffer, type Keyword, type ScriptCounts } from '@/lib/classify/matcher';
import { normalizeText } from '@/lib/classify/normalize';

const KEYWORDS: Keyword[] = [
  { text: 'cancel', stem: true },
  { text: 'cancel', stem: false },
  { text: 'cancel request', stem: false },
  { text: 'request', stem: false },
  { text: 'where is my', stem: false },
  { text: 'is', stem: false },
  { text: 'a-z', stem: false },
  { text: 'ss', stem: false },
  { text: 'strasse', stem: false },
  { text: 'キャンセル', stem: false },
  { text: 'キャンセル依頼', stem: false },
  { text: 'ル依', stem: false },
  { text: 'amazonに連絡', stem: false },
  { text: 'ガ', stem: false },
];
const matcher = compileMatcher(KEYWORDS);

type Hit = string;

function scan(text: string, exact = false): Hit[] | undefined {
  const out = hitBuffer(10_000);
  if (!matcher.scan(text, out, undefined, exact)) return undefined;
  const hits: Hit[] = [];
  for (let h = 0; h < out.count; h++) hits.push(`${out.keyword[h]}:${out.start[h]}:${out.end[h]}`);
  return hits.sort();
}

/**
 * The meaning of a scan, written the slow and obvious way: normalise the whole text, collapse
 * white space, and look for every keyword at every position, with the whole-word rule for Latin
 * keywords. Offsets are into `text`, which must be its own normal form's length (no folding that
 * changes length), as the matcher only scans such texts itself.
 */
function reference(text: string, normalised = normalizeText(text)): Hit[] {
  let collapsed = '';
  const position: number[] = [];
  for (let i = 0; i < normalised.length; i++) {
    const ch = /\s/.test(normalised[i]!) ? ' ' : normalised[i]!;
    if (ch === ' ' && collapsed.endsWith(' ')) continue;
    collapsed += ch;
    position.push(i);
  }
  const word = (ch: string | undefined) => ch !== undefined && /[a-z0-9]/.test(ch);
  const hits: Hit[] = [];
  KEYWORDS.forEach((k, id) => {
    for (let at = collapsed.indexOf(k.text); at >= 0; at = collapsed.indexOf(k.text, at + 1)) {
      const end = at + k.text.length;
      if (word(k.text[0]) && word(collapsed[at - 1])) continue;
      if (!k.stem && word(k.text.at(-1)) && word(collapsed[end])) continue;
      hits.push(`${id}:${position[at]}:${position[end - 1]! + 1}`);
    }
  });
  return hits.sort();
}

const PIECES = [
  'cancel',
  'CANCEL',
  'Cancel',
  'cancelled',
  'request',
  ' ',
  '  ',
  '\n',
  '\t',
  '\u00a0',
  '\u3000',
  'where',
  'is',
  'my',
  'a-z',
  'A-Z',
  'ｃａｎｃｅｌ',
  'É',
  'é',
  'x',
  '1',
  "'",
  '-',
  'キャンセル',
  'ｷｬﾝｾﾙ',
  '依頼',
  'ル',
  'amazon',
  'に連絡',
  'AMAZON',
  '😀',
  '\ud800',
  'Ｉｓ',
  'ｶﾞ',
  'か\u3099',
  'e\u0301',
  'ß',
  'STRASSE',
  'œ',
  'ﬁ',
  '①',
  '<b>',
  '&amp;',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
/** Characters the matcher must refuse to fold one at a time. */
const UNFOLDABLE = /[\u0300-\u036f\u3099-\u309c\uff9e\uff9fßœﬁ]/;

describe('the keyword matcher', () => {
  it('finds what a brute-force search of the normalised text finds, at the same offsets (property)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const hits = scan(t);
        if (UNFOLDABLE.test(t)) {
          expect(hits).toBeUndefined();
          return;
        }
        expect(hits).toEqual(reference(t));
      }),
      { numRuns: 2_000 },
    );
  });

  it('scans the normalised text exactly when asked to (the fallback), in its offsets', () => {
    fc.assert(
      fc.property(text, (t) => {
        const normalised = normalizeText(t);
        expect(scan(normalised, true)).toEqual(reference(normalised, normalised));
      }),
      { numRuns: 1_000 },
    );
  });

  it('folds width, case and accents as it reads', () => {
    expect(scan('ＣＡＮＣＥＬ my order')).toEqual(['0:0:6', '1:0:6']);
    expect(scan('Cancélled')).toEqual(['0:0:6']);
    expect(scan('where\n  IS   my parcel')).toEqual(['4:0:15', '5:8:10']);
  });

  it('keeps Latin keywords to whole words, stems excepted', () => {
    expect(scan('cancellation')).toEqual(['0:0:6']);
    expect(scan('this')).toEqual([]);
    expect(scan('xcancel')).toEqual([]);
  });

  it('finds overlapping Japanese keywords', () => {
    expect(scan('キャンセル依頼です')).toEqual(['10:0:7', '11:4:6', '9:0:5'].sort());
  });

  it('refuses a text it cannot fold character by character, and leaves nothing behind', () => {
    const out = hitBuffer(100);
    expect(matcher.scan('cancel ｶﾞ', out, undefined, false)).toBe(false);
    expect(out.count).toBe(0);
    expect(scan(normalizeText('cancel ｶﾞ'), true)).toEqual(['0:0:6', '1:0:6', '13:7:8'].sort());
  });

  it('stops recording when the buffer is full, and stays linear on hostile input', () => {
    const out = hitBuffer(5);
    expect(matcher.scan('cancel '.repeat(100_000), out, undefined, false)).toBe(true);
    expect(out.count).toBe(5);
    for (const hostile of ['', ' ', '\ud800\udfff\ud800', '<script>alert(1)</script>', '\u0000'.repeat(1000), 'a'.repeat(1_000_000)]) {
      expect(scan(hostile) ?? scan(normalizeText(hostile), true)).toEqual(expect.any(Array));
    }
  });

  it('counts scripts, marked letters and counted words in the first characters only', () => {
    const counting = compileMatcher(
      [
        { text: 'und', stem: false, counter: 0 },
        { text: 'der', stem: false, counter: 1, maxStart: 10 },
      ],
      [['äöü', 1]],
      18,
    );
    const counts: ScriptCounts = { kana: 0, han: 0, letters: 0, counters: new Int32Array(2) };
    const out = hitBuffer(10);
    counting.scan('und der Bär キャンセル依頼 und der', out, counts, false);
    expect(out.count).toBe(0);
    expect([...counts.counters]).toEqual([2, 1]);
    expect(counts.letters).toBe(1);
    expect(counts.kana).toBe(5);
    expect(counts.han).toBe(1); // 依 is at offset 17; 頼, at 18, is past the limit
  });

  it('rejects keywords it cannot hold', () => {
    expect(() => compileMatcher([{ text: '', stem: false }])).toThrow();
    expect(() => compileMatcher([{ text: 'x'.repeat(300), stem: false }])).toThrow();
  });
});
