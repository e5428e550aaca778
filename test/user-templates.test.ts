// The seller's templates: import/export checked with Zod, merge or replace, sync split within
// quotas, and the local copy never lost to a corrupt or over-quota sync value.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequest } from '@/utils/background/requests';
import { requestTemplateChoices } from '@/lib/messaging';
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
  salvageTemplates,
  toSyncItems,
  withRestored,
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
    const incoming: TemplateCollection = {
      version: 1,
      templates: [
        { ...mine, name: 'Renamed' },
        { ...mine, id: 'another' },
      ],
    };
    expect(combine(collection, incoming, 'merge').templates.map((t) => `${t.id}:${t.name}`)).toEqual(['thanks-for-waiting:Renamed', 'my-tracking:Tracking (my words)', 'another:Thanks for waiting']);
    expect(combine(collection, incoming, 'replace')).toBe(incoming);
  });

  it("uses the seller's edit of a built-in template, the built-in text for languages not written", () => {
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

describe('unreadable templates: backed up, shown, restored', () => {
  beforeEach(() => fakeBrowser.reset());
  const broken = { ...editedBuiltIn, id: 'broken', body: { en: 'x'.repeat(6_000) } };

  it('salvages every template that is readable on its own, from a value, its JSON text or a sync copy', () => {
    const value = { version: 2, templates: [mine, broken, 'junk', mine] };
    expect(salvageTemplates(value)).toEqual({ collection: { version: 1, templates: [mine] }, unreadable: 3 });
    expect(salvageTemplates(JSON.stringify(value)).collection.templates).toEqual([mine]);
    const split = toSyncItems(collection);
    if (!split.ok) throw new Error(split.reason);
    expect(salvageTemplates(split.items).collection.templates).toEqual(collection.templates);
    for (const hopeless of [undefined, null, 'not json', 42, [mine], { templates: 'x' }, { 'templates:count': '9' }]) {
      expect(salvageTemplates(hopeless)).toEqual({ collection: EMPTY_COLLECTION, unreadable: 1 });
    }
  });

  it('joins a restored backup to the current templates, the current one winning where they meet', () => {
    const current: TemplateCollection = {
      version: 1,
      templates: [
        { ...mine, name: 'Newer' },
        { ...editedBuiltIn, id: 'newer-tracking' },
      ],
    };
    const restored: TemplateCollection = { version: 1, templates: [mine, editedBuiltIn, { ...mine, id: 'only-in-backup' }] };
    expect(withRestored(current, restored).templates.map((t) => `${t.id}:${t.name}`)).toEqual(['thanks-for-waiting:Newer', 'only-in-backup:Thanks for waiting', 'newer-tracking:Tracking (my words)']);
  });

  it('with no sync copy: the load says the templates were set aside, the backup lists what it holds, and Restore brings it back', async () => {
    await fakeBrowser.storage.local.set({ templates: { version: 1, savedAt: '2026-11-20T00:00:00.000Z', templates: [mine, broken] } });
    const store = templateStore({ now: () => Date.parse('2026-11-22T00:00:00Z'), onProblem: () => {} });

    const loaded = await store.load();
    expect(loaded.collection).toEqual(EMPTY_COLLECTION);
    expect(loaded.localProblem).toMatchObject({ kind: 'corrupt', key: 'templates', backupKey: 'backup:templates:1795305600000' });

    const [backup, ...others] = await store.backups();
    expect(others).toEqual([]);
    expect(backup).toMatchObject({ backupKey: 'backup:templates:1795305600000', source: 'local', at: 1795305600000, unreadable: 1 });
    expect(backup!.restorable.templates).toEqual([mine]);
    expect(backup!.reason).toMatch(/body/);

    const result = await store.restore(backup!.backupKey);
    expect(result.restored).toBe(1);
    expect(result.saved).toEqual({ synced: true });
    expect((await store.load()).collection.templates).toEqual([mine]);
    expect(fromSyncItems(await fakeBrowser.storage.sync.get(null))).toMatchObject({ ok: true, collection: { templates: [mine] } });
    // The backup stays until the seller deletes it.
    expect((await store.backups()).map((b) => b.backupKey)).toEqual(['backup:templates:1795305600000']);
    await store.deleteBackup('backup:templates:1795305600000');
    expect(await store.backups()).toEqual([]);
    await expect(store.deleteBackup('backup:settings:1')).rejects.toThrow(/Not a template backup/);
  });

  it("lists a damaged sync copy's backup too, newest first", async () => {
    let clock = 1_000;
    const store = templateStore({ now: () => clock, onProblem: () => {} });
    await fakeBrowser.storage.local.set({ templates: 'garbage' });
    await store.load();
    clock = 2_000;
    const split = toSyncItems(collection);
    if (!split.ok) throw new Error(split.reason);
    await fakeBrowser.storage.sync.set({ ...split.items, 'templates:check': '1:00000000' });
    await store.load();
    const listed = await store.backups();
    expect(listed.map((b) => [b.source, b.at, b.restorable.templates.length, b.unreadable])).toEqual([
      ['sync', 2_000, 2, 0],
      ['local', 1_000, 0, 1],
    ]);
  });
});

describe("the seller's own templates in the sidebar's picker", () => {
  it('are listed by the background, names and ids only, without the edits of built-in ones, and follow storage', async () => {
    fakeBrowser.reset();
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => handleRequest(message)) as never);
    expect(await requestTemplateChoices()).toEqual([]);
    await templateStore().local.setValue(collection);
    expect(await requestTemplateChoices()).toEqual([{ id: 'thanks-for-waiting', name: 'Thanks for waiting' }]);
    send.mockResolvedValue({ choices: [{ id: 'x', name: 'y'.repeat(101) }] } as never);
    await expect(requestTemplateChoices()).rejects.toThrow('unreadable template choices');
    send.mockRestore();
  });
});
