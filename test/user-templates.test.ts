// The seller's templates: import/export checked with Zod, merge or replace, sync split within
// quotas, and the local copy never lost to a corrupt or over-quota sync value.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BACKUP_PREFIX, templateStore } from '@/lib/storage';
import {
  EMPTY_COLLECTION,
  SYNC_ITEM_BYTES,
  SYNC_TOTAL_BYTES,
  combine,
  effectiveTemplate,
  exportCollection,
  fromSyncItems,
  parseImport,
  toSyncItems,
  type TemplateCollection,
  type UserTemplate,
} from '@/lib/templates/user-templates';

const mine: UserTemplate = {
  id: 'thanks-for-waiting',
  name: 'Thanks for waiting',
  audience: 'buyer',
  body: { en: 'Dear {buyerName}, thank you for waiting.', ja: '{buyerName} 様 お待たせいたしました。' },
  updatedAt: '2026-11-20T00:00:00.000Z',
};
const editedBuiltIn: UserTemplate = {
  id: 'my-tracking',
  name: 'Tracking (my words)',
  replaces: 'tracking-info',
  audience: 'buyer',
  body: { en: 'Hi {buyerName}, your parcel is with {carrier}: {trackingNumber}.' },
  updatedAt: '2026-11-21T00:00:00.000Z',
};
const collection: TemplateCollection = { version: 1, templates: [mine, editedBuiltIn] };

describe('import and export', () => {
  it('round-trips an export', () => {
    expect(parseImport(exportCollection(collection))).toEqual({ ok: true, collection });
  });

  it.each([
    ['not JSON', '{"version":1,', /^Not JSON/],
    ['a wrong version', JSON.stringify({ version: 2, templates: [] }), /version/],
    ['a bad id', JSON.stringify({ version: 1, templates: [{ ...mine, id: '<script>' }] }), /id/],
    ['an unknown language', JSON.stringify({ version: 1, templates: [{ ...mine, body: { xx: 'hi' } }] }), /./],
    ['a body over 5,000 characters', JSON.stringify({ version: 1, templates: [{ ...mine, body: { en: 'x'.repeat(5_001) } }] }), /./],
    ['duplicate ids', JSON.stringify({ version: 1, templates: [mine, mine] }), /same id/],
    ['a huge file', 'x'.repeat(2_000_001), /2 MB/],
  ])('refuses %s with a message', (_name, text, message) => {
    const result = parseImport(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('merges by id or replaces', () => {
    const incoming: TemplateCollection = { version: 1, templates: [{ ...mine, name: 'Renamed' }, { ...mine, id: 'another' }] };
    expect(combine(collection, incoming, 'merge').templates.map((t) => `${t.id}:${t.name}`)).toEqual([
      'thanks-for-waiting:Renamed',
      'my-tracking:Tracking (my words)',
      'another:Thanks for waiting',
    ]);
    expect(combine(collection, incoming, 'replace')).toBe(incoming);
  });

  it('uses the seller\'s edit of a built-in template, the built-in text for languages not written', () => {
    const effective = effectiveTemplate('tracking-info', collection)!;
    expect(effective.body.en).toBe(editedBuiltIn.body.en);
    expect(effective.body.ja).toContain('追跡番号は {trackingNumber}');
    expect(effectiveTemplate('tracking-info', EMPTY_COLLECTION)!.body.en).toContain('the tracking number is');
  });
});

describe('sync items', () => {
  it('splits within the per-item and total quotas and reads back', () => {
    const big: TemplateCollection = {
      version: 1,
      templates: Array.from({ length: 12 }, (_, i) => ({ ...mine, id: `t-${i}`, body: { en: 'ü'.repeat(4_000) } })),
    };
    const split = toSyncItems(big);
    expect(split.ok).toBe(true);
    if (!split.ok) return;
    for (const [key, value] of Object.entries(split.items)) {
      expect(new TextEncoder().encode(JSON.stringify(value)).length + key.length).toBeLessThanOrEqual(SYNC_ITEM_BYTES);
    }
    expect(fromSyncItems(split.items)).toEqual({ ok: true, collection: big });
  });

  it('refuses a collection over the total quota', () => {
    const huge: TemplateCollection = { version: 1, templates: Array.from({ length: 60 }, (_, i) => ({ ...mine, id: `t-${i}`, body: { en: 'x'.repeat(5_000) } })) };
    const split = toSyncItems(huge);
    expect(split.ok).toBe(false);
    if (!split.ok) expect(split.reason).toContain(String(SYNC_TOTAL_BYTES));
  });

  it('reports missing, corrupt and absent sync values', () => {
    expect(fromSyncItems({})).toEqual({ ok: 'absent' });
    expect(fromSyncItems({ 'templates:count': '2', 'templates:0': '{"version":1,' }).ok).toBe(false);
    expect(fromSyncItems({ 'templates:count': '1', 'templates:0': '{"version":1,"templates":[{"id":"<b>"}]}' }).ok).toBe(false);
    expect(fromSyncItems({ 'templates:count': 'lots' }).ok).toBe(false);
  });
});

describe('the template store (local copy + sync)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('saves locally and to sync, and loads back', async () => {
    const store = templateStore({ now: () => Date.parse('2026-11-22T00:00:00Z') });
    expect(await store.save(collection)).toEqual({ synced: true });
    expect(Object.keys(await fakeBrowser.storage.sync.get(null)).sort()).toEqual(['templates:0', 'templates:check', 'templates:count']);
    expect((await store.load()).collection.templates).toEqual(collection.templates);
  });

  it('never loses the local templates to a corrupt sync value: backs it up and says so', async () => {
    const store = templateStore({ now: () => 1 });
    await store.save(collection);
    // A copy as an older version wrote it (no checksum), and not JSON.
    await fakeBrowser.storage.sync.remove('templates:check');
    await fakeBrowser.storage.sync.set({ 'templates:count': '1', 'templates:0': '<html>not json' });
    const loaded = await store.load();
    expect(loaded.collection.templates).toEqual(collection.templates);
    expect(loaded.syncProblem).toMatch(/Not JSON/);
    const backups = Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith(`${BACKUP_PREFIX}sync-templates`));
    expect(backups).toHaveLength(1);
  });

  it('keeps the local copy when sync cannot take the collection (over quota, or sync failing)', async () => {
    const store = templateStore();
    const huge: TemplateCollection = { version: 1, templates: Array.from({ length: 60 }, (_, i) => ({ ...mine, id: `t-${i}`, body: { en: 'x'.repeat(5_000) } })) };
    const result = await store.save(huge);
    expect(result.synced).toBe(false);
    expect((await store.local.getValue()).templates).toHaveLength(60);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    expect(await store.save(collection)).toEqual({ synced: false, reason: 'QUOTA_BYTES quota exceeded' });
    expect((await store.local.getValue()).templates).toEqual(collection.templates);
  });

  it('takes the newer of local and sync (another browser saved later)', async () => {
    let clock = Date.parse('2026-11-22T00:00:00Z');
    const store = templateStore({ now: () => clock });
    await store.save(collection);
    const later: TemplateCollection = { version: 1, savedAt: '2026-11-23T00:00:00.000Z', templates: [mine] };
    const split = toSyncItems(later);
    if (split.ok) await fakeBrowser.storage.sync.set(split.items);
    clock += 1;
    expect((await store.load()).collection.templates).toEqual([mine]);
    expect((await store.local.getValue()).templates).toEqual([mine]);
  });
});
