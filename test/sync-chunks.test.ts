// The templates' copy in storage.sync: cut into items on code-point boundaries (a surrogate pair is
// never split, so no browser turns half of one into "�"), every item within the per-item quota as
// Chrome and Firefox count it (UTF-8 bytes of the key and of the JSON value, escapes included),
// and a damaged copy is recognised (checksum and length of the whole value) instead of adopted.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BACKUP_PREFIX, templateStore } from '@/lib/storage';
import { SYNC_ITEM_BYTES, SYNC_PREFIX, SYNC_TOTAL_BYTES, fromSyncItems, toSyncItems, wellFormed, type TemplateCollection, type UserTemplate } from '@/lib/templates/user-templates';

const utf8 = (text: string) => new TextEncoder().encode(text).length;

/**
 * What Chrome charges for an item: key plus the output of its JSON writer, which escapes `<`,
 * U+2028 and U+2029 as \uXXXX (6 bytes) besides what JSON.stringify escapes.
 */
const chromeItemBytes = (key: string, value: string) =>
  utf8(key) +
  utf8(
    JSON.stringify(value)
      .replace(/</g, '\\u003C')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
/** What Firefox charges: key plus JSON.stringify of the value, in UTF-8. */
const firefoxItemBytes = (key: string, value: string) => utf8(key) + utf8(JSON.stringify(value));

/** Keeps a leading U+FEFF (the default decoder would drop it as a byte-order mark). */
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });
/** A browser keeps strings as UTF-8: a lone surrogate comes back as U+FFFD (the reported damage). */
const throughBrowser = (items: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(items).map(([key, value]) => [key, utf8Decoder.decode(new TextEncoder().encode(value))]));

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Every kind of character a seller's template may hold, and the ones that need care. */
const SAMPLES = [
  'a',
  'Z',
  '7',
  ' ',
  '.',
  '{',
  '}',
  '"',
  '\\',
  '/',
  '\n',
  '\t',
  '<',
  '>',
  '&',
  '\u0000',
  '\u007f',
  'é',
  'ü',
  'ñ',
  'ß',
  'Å',
  'ç',
  'あ',
  'ア',
  'ｶ',
  '漢',
  '字',
  '様',
  '。',
  '　',
  '𠮷',
  '𩸽',
  '𡈽',
  '😀',
  '👍🏽',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🇯🇵',
  '🇺🇸',
  '❤️',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
];
const text = (maxLength: number, minLength = 0) =>
  fc.oneof(
    fc.string({ unit: fc.constantFrom(...SAMPLES), minLength, maxLength, size: 'max' }),
    // Any code point at all, lone surrogates included.
    fc.string({ unit: fc.integer({ min: 0, max: 0x10ffff }).map((n) => String.fromCodePoint(n)), minLength, maxLength, size: 'max' }),
    fc.string({ unit: 'grapheme', minLength, maxLength, size: 'max' }),
  );

const template = (i: number) =>
  fc
    .record({
      name: text(9, 1).filter((s) => s.length <= 100),
      ja: text(450).filter((s) => s.length <= 5_000),
      en: fc.option(
        text(450).filter((s) => s.length <= 5_000),
        { nil: undefined },
      ),
    })
    .map(({ name, ja, en }): UserTemplate => ({
      id: `t-${i}`,
      name,
      audience: 'buyer',
      body: { ja, ...(en !== undefined ? { en } : {}) },
      updatedAt: '2026-11-22T00:00:00.000Z',
    }));

const collectionOf = (min: number, max: number, make: (i: number) => fc.Arbitrary<UserTemplate>) =>
  fc
    .integer({ min, max })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => make(i))))
    .map((templates): TemplateCollection => ({ version: 1, savedAt: '2026-11-22T00:00:00.000Z', templates }));
const collection = collectionOf(0, 5, template);
/** Long texts in every template: these take several items, so boundaries fall inside them. */
const largeCollection = collectionOf(4, 6, (i) =>
  fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...SAMPLES), minLength: 400, maxLength: 450, size: 'max' }),
      text(450).filter((s) => s.length <= 5_000),
    )
    .map(([ja, en]): UserTemplate => ({ id: `t-${i}`, name: `n${i}`, audience: 'buyer', body: { ja, en }, updatedAt: '2026-11-22T00:00:00.000Z' })),
);

/** Whether every item is well-formed text within the per-item quota, and all within the total. */
function withinQuotas(items: Record<string, string>): boolean {
  let chrome = 0;
  let firefox = 0;
  for (const [key, value] of Object.entries(items)) {
    if (LONE_SURROGATE.test(value)) return false;
    if (chromeItemBytes(key, value) > SYNC_ITEM_BYTES || firefoxItemBytes(key, value) > SYNC_ITEM_BYTES) return false;
    chrome += chromeItemBytes(key, value);
    firefox += firefoxItemBytes(key, value);
  }
  return chrome <= SYNC_TOTAL_BYTES && firefox <= SYNC_TOTAL_BYTES;
}

/** Read back exactly what was saved (compared as JSON: cheap enough for shrinking large values). */
const readsBack = (items: Record<string, string>, c: TemplateCollection) => {
  const read = fromSyncItems(throughBrowser(items));
  return read.ok === true && JSON.stringify(read.collection) === JSON.stringify(c);
};

describe('sync items: cut on code points, within the quotas', () => {
  it.each([
    ['any collection', collection, 0],
    ['a large collection', largeCollection, 0.5],
  ] as const)("round-trips every kind of character through a browser's storage, each item within the quota: %s", (_name, collections, splitShare) => {
    let split = 0;
    fc.assert(
      fc.property(collections, (c) => {
        const result = toSyncItems(c);
        // Only a collection that really is too big is refused.
        if (!result.ok) return result.reason.includes(String(SYNC_TOTAL_BYTES));
        if (Number(result.items[`${SYNC_PREFIX}count`]) > 1) split++;
        return withinQuotas(result.items) && readsBack(result.items, c);
      }),
      // No shrinking: the values are large, and the first failure is already a readable case.
      { numRuns: 100, endOnFailure: true },
    );
    // The large ones really crossed item boundaries (most of them take two items or more).
    expect(split).toBeGreaterThanOrEqual(100 * splitShare);
  });

  it.each(['𠮷', '😀', '👨‍👩‍👧‍👦', '🇯🇵', 'é', '漢', '<', '"', '\u2028'])('never splits %s at any offset from an item boundary', (character) => {
    // Shift the text one UTF-16 unit at a time so that a boundary falls at every position in it.
    for (let pad = 0; pad < 40; pad++) {
      const body = `${'a'.repeat(pad)}${character.repeat(Math.floor(4_900 / character.length) - pad)}`.slice(0, 5_000);
      const c: TemplateCollection = {
        version: 1,
        templates: [0, 1, 2].map((i) => ({ id: `t-${i}`, name: 'n', audience: 'buyer', body: { ja: body }, updatedAt: '2026-11-22T00:00:00.000Z' })),
      };
      const result = toSyncItems(c);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(withinQuotas(result.items), `padding ${pad}`).toBe(true);
      expect(readsBack(result.items, c), `padding ${pad}`).toBe(true);
    }
  });

  it('fills each item close to the quota (few items, few sync writes)', () => {
    const c: TemplateCollection = {
      version: 1,
      templates: [0, 1, 2, 3].map((i) => ({ id: `t-${i}`, name: 'n', audience: 'buyer', body: { ja: '様'.repeat(4_000) }, updatedAt: '2026-11-22T00:00:00.000Z' })),
    };
    const result = toSyncItems(c);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const chunks = Object.entries(result.items).filter(([key]) => /^templates:\d+$/.test(key));
    // 48,000 bytes of kanji: 6 items of about 8 KB, not 25 items of 2,000 characters.
    expect(chunks.length).toBeLessThanOrEqual(7);
    for (const [key, value] of chunks.slice(0, -1)) expect(chromeItemBytes(key, value)).toBeGreaterThan(SYNC_ITEM_BYTES - 200);
  });

  it('turns lone surrogates into U+FFFD, the same way every time, and leaves pairs alone', () => {
    expect(wellFormed('a\ud800b')).toBe('a\ufffdb');
    expect(wellFormed('\udc00\ud800')).toBe('\ufffd\ufffd');
    expect(wellFormed('𠮷😀\ud83d')).toBe('𠮷😀\ufffd');
    expect(wellFormed('\ud842\udfb7')).toBe('𠮷');
    fc.assert(
      fc.property(text(200), (s) => {
        const once = wellFormed(s);
        expect(once).not.toMatch(LONE_SURROGATE);
        expect(wellFormed(once)).toBe(once);
        expect(utf8Decoder.decode(new TextEncoder().encode(s))).toBe(once);
      }),
    );
  });
});

describe('a damaged sync copy is never adopted silently', () => {
  const mine: UserTemplate = { id: 'thanks', name: 'Thanks', audience: 'buyer', body: { ja: '𠮷野様、ありがとうございます 🙏' }, updatedAt: '2026-11-20T00:00:00.000Z' };
  const local: TemplateCollection = { version: 1, savedAt: '2026-11-21T00:00:00.000Z', templates: [mine] };
  const newer: TemplateCollection = { version: 1, savedAt: '2026-11-23T00:00:00.000Z', templates: [{ ...mine, body: { ja: '𠮷野様、お待たせしました 🙏' } }] };

  function split(c: TemplateCollection): Record<string, string> {
    const result = toSyncItems(c);
    if (!result.ok) throw new Error(result.reason);
    return result.items;
  }

  it('refuses a copy whose text changed (U+FFFD in place of a character): checksum', () => {
    const items = split(newer);
    const damaged = { ...items, 'templates:0': items['templates:0']!.replace('𠮷', '\ufffd\ufffd') };
    const read = fromSyncItems(damaged);
    expect(read.ok).toBe(false);
    if (read.ok === false) expect(read.reason).toMatch(/checksum/);
  });

  it('refuses a copy with a part from another save (sync still arriving)', () => {
    const a = split({ ...newer, templates: Array.from({ length: 3 }, (_, i) => ({ ...mine, id: `t-${i}`, body: { ja: 'あ'.repeat(4_000) } })) });
    const b = split({ ...newer, templates: Array.from({ length: 3 }, (_, i) => ({ ...mine, id: `t-${i}`, body: { ja: 'い'.repeat(4_000) } })) });
    expect(fromSyncItems({ ...a, 'templates:1': b['templates:1']! }).ok).toBe(false);
  });

  it("refuses an older copy (no checksum) holding U+FFFD where this browser's copy has none", () => {
    const legacy = Object.fromEntries(Object.entries(split(newer)).filter(([key]) => key !== 'templates:check'));
    expect(fromSyncItems(legacy, local).ok).toBe(true);
    const damaged = { ...legacy, 'templates:0': legacy['templates:0']!.replace('𠮷', '\ufffd\ufffd') };
    const read = fromSyncItems(damaged, local);
    expect(read.ok).toBe(false);
    if (read.ok === false) expect(read.reason).toMatch(/U\+FFFD/);
    // If this browser's copy has the same character, it is the seller's text, not damage.
    const withReplacement: TemplateCollection = { ...local, templates: [{ ...mine, body: { ja: '\ufffd' } }] };
    expect(fromSyncItems(damaged, withReplacement).ok).toBe(true);
  });

  describe('the store', () => {
    beforeEach(() => fakeBrowser.reset());

    it("keeps this browser's copy, backs the damaged one up and reports it, even when the damaged one is newer", async () => {
      const store = templateStore({ now: () => Date.parse('2026-11-21T00:00:00Z') });
      await store.save(local);
      const items = split(newer);
      await fakeBrowser.storage.sync.set({ ...items, 'templates:0': items['templates:0']!.replace('𠮷', '\ufffd\ufffd') });
      const loaded = await store.load();
      expect(loaded.collection.templates).toEqual([mine]);
      expect(loaded.syncProblem).toMatch(/checksum/);
      const all = await fakeBrowser.storage.local.get(null);
      expect(Object.keys(all).filter((key) => key.startsWith(`${BACKUP_PREFIX}sync-templates:`))).toHaveLength(1);
      expect((all.templates as TemplateCollection).templates).toEqual([mine]);
    });

    it('adopts an intact newer copy from another browser', async () => {
      const store = templateStore({ now: () => Date.parse('2026-11-21T00:00:00Z') });
      await store.save(local);
      await fakeBrowser.storage.sync.set(split(newer));
      const loaded = await store.load();
      expect(loaded.syncProblem).toBeUndefined();
      expect(loaded.collection).toEqual(newer);
    });

    it('saves a lone surrogate as U+FFFD in both copies, so they agree', async () => {
      const store = templateStore({ now: () => Date.parse('2026-11-21T00:00:00Z') });
      await store.save({ version: 1, templates: [{ ...mine, name: 'half \ud842', body: { ja: 'x\udfb7y' } }] });
      const saved = (await store.local.getValue()).templates[0]!;
      expect(saved.name).toBe('half \ufffd');
      expect(saved.body.ja).toBe('x\ufffdy');
      const synced = fromSyncItems(throughBrowser((await fakeBrowser.storage.sync.get(null)) as Record<string, string>));
      expect(synced.ok === true && synced.collection.templates[0]).toEqual(saved);
    });
  });
});
