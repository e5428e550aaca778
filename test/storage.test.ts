import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as z from 'zod/mini';
import { BACKUP_PREFIX, clearOrderData, defineStoredItem, sidebarSettingsItem, templateStore, watchStore, type StorageProblem } from '@/lib/storage';
import { EMPTY_COLLECTION } from '@/lib/templates/user-templates';

const Counter = z.object({ version: z.literal(1), count: z.number() });
const FALLBACK = { version: 1 as const, count: 0 };

async function backups() {
  const all = await fakeBrowser.storage.local.get(null);
  return Object.entries(all).filter(([key]) => key.startsWith(BACKUP_PREFIX));
}

describe('stored items', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives the fallback when nothing is stored, without writing anything', async () => {
    const item = defineStoredItem('counter', Counter, FALLBACK);
    expect(await item.getValue()).toEqual(FALLBACK);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('round-trips a valid value', async () => {
    const item = defineStoredItem('counter', Counter, FALLBACK);
    await item.setValue({ version: 1, count: 7 });
    expect(await item.getValue()).toEqual({ version: 1, count: 7 });
  });

  it('refuses to store an invalid value, and keeps the old one', async () => {
    const item = defineStoredItem('counter', Counter, FALLBACK);
    await item.setValue({ version: 1, count: 7 });
    await expect(item.setValue({ version: 1, count: 'seven' } as never)).rejects.toThrow(/counter/);
    expect(await item.getValue()).toEqual({ version: 1, count: 7 });
  });

  it.each([
    ['a wrong type', { version: 1, count: 'many' }],
    ['a future version', { version: 2, count: 1 }],
    ['a bare string with HTML', '<img src=x onerror=alert(1)>'],
    ['an array', [1, 2, 3]],
    ['a huge string', 'x'.repeat(200_000)],
  ])('backs up %s before replacing it with the fallback', async (_label, corrupt) => {
    await fakeBrowser.storage.local.set({ counter: corrupt });
    const onCorrupt = vi.fn();
    const item = defineStoredItem('counter', Counter, FALLBACK, { onCorrupt, now: () => 1_700_000_000_000 });

    expect(await item.getValue()).toEqual(FALLBACK);

    const saved = await backups();
    expect(saved).toHaveLength(1);
    const [backupKey, backup] = saved[0]!;
    expect(backupKey).toBe(`${BACKUP_PREFIX}counter:1700000000000`);
    expect(backup).toMatchObject({ key: 'counter', value: corrupt });
    expect((backup as { reason: string }).reason).not.toBe('');
    expect(onCorrupt).toHaveBeenCalledWith('counter', backupKey, expect.any(String));
    expect((await fakeBrowser.storage.local.get('counter')).counter).toEqual(FALLBACK);
  });

  it('keeps every backup when damage happens more than once', async () => {
    let clock = 1;
    const item = defineStoredItem('counter', Counter, FALLBACK, { onCorrupt: () => {}, now: () => clock++ });
    await fakeBrowser.storage.local.set({ counter: 'first' });
    await item.getValue();
    await fakeBrowser.storage.local.set({ counter: 'second' });
    await item.getValue();
    expect((await backups()).map(([, b]) => (b as { value: unknown }).value)).toEqual(['first', 'second']);
  });

  it('tells watchers about valid changes only', async () => {
    const item = defineStoredItem('counter', Counter, FALLBACK);
    const seen: unknown[] = [];
    const unwatch = item.watch((value) => seen.push(value));
    await fakeBrowser.storage.local.set({ counter: { version: 1, count: 2 } });
    await fakeBrowser.storage.local.set({ counter: { version: 1, count: 'bad' } });
    await fakeBrowser.storage.local.set({ other: 1 });
    await fakeBrowser.storage.local.remove('counter');
    unwatch();
    await fakeBrowser.storage.local.set({ counter: { version: 1, count: 3 } });
    expect(seen).toEqual([{ version: 1, count: 2 }, FALLBACK]);
  });

  it('remembers the sidebar state', async () => {
    const item = sidebarSettingsItem();
    expect(await item.getValue()).toEqual({ version: 1, collapsed: false });
    await item.setValue({ version: 1, collapsed: true });
    expect(await sidebarSettingsItem().getValue()).toEqual({ version: 1, collapsed: true });
  });
});

describe('reads never throw', () => {
  beforeEach(() => fakeBrowser.reset());
  const quota = () => new Error('QUOTA_BYTES quota exceeded');

  it('gives the fallback and reports a failed backup (storage full), leaving the unreadable value in place', async () => {
    await fakeBrowser.storage.local.set({ counter: { version: 1, count: 'many' } });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(quota());
    const problems: StorageProblem[] = [];
    const item = defineStoredItem('counter', Counter, FALLBACK, { onProblem: (p) => problems.push(p), now: () => 5 });

    await expect(item.getValue()).resolves.toEqual(FALLBACK);
    const read = await item.read();
    expect(read.value).toEqual(FALLBACK);
    expect(read.problem).toMatchObject({ kind: 'backup-failed', key: 'counter', error: 'QUOTA_BYTES quota exceeded' });
    expect(problems.map((p) => p.kind)).toEqual(['backup-failed', 'backup-failed']);
    // The only copy of what was there is not overwritten while no backup of it exists.
    vi.mocked(fakeBrowser.storage.local.set).mockRestore();
    expect((await fakeBrowser.storage.local.get('counter')).counter).toEqual({ version: 1, count: 'many' });
    expect(await backups()).toEqual([]);
    // Once there is room again, the next read backs it up and replaces it.
    await expect(item.read()).resolves.toMatchObject({ value: FALLBACK, problem: { kind: 'corrupt', backupKey: `${BACKUP_PREFIX}counter:5` } });
    expect((await fakeBrowser.storage.local.get('counter')).counter).toEqual(FALLBACK);
  });

  it('gives the fallback and reports it when storage cannot be read at all', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('IO error'));
    const problems: StorageProblem[] = [];
    const item = defineStoredItem('counter', Counter, FALLBACK, { onProblem: (p) => problems.push(p) });
    await expect(item.getValue()).resolves.toEqual(FALLBACK);
    expect(problems).toEqual([{ kind: 'read-failed', key: 'counter', error: 'IO error' }]);
  });

  it('reports a corrupt value that was backed up as a problem too', async () => {
    await fakeBrowser.storage.local.set({ counter: 'junk' });
    const read = await defineStoredItem('counter', Counter, FALLBACK, { onProblem: () => {}, now: () => 9 }).read();
    expect(read).toMatchObject({ value: FALLBACK, problem: { kind: 'corrupt', key: 'counter', backupKey: `${BACKUP_PREFIX}counter:9` } });
    expect(await defineStoredItem('counter', Counter, FALLBACK).read()).toEqual({ value: FALLBACK });
  });

  it('order records: a failed backup is reported, the record kept and treated as absent', async () => {
    const key = 'watch:111-0000000-0000001';
    await fakeBrowser.storage.local.set({ [key]: { version: 1, orderId: '111-0000000-0000001', messages: 'garbage' } });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(quota());
    const problems: StorageProblem[] = [];
    const store = watchStore({ onProblem: (p) => problems.push(p) });
    await expect(store.get('111-0000000-0000001')).resolves.toBeUndefined();
    await expect(store.getMany(['111-0000000-0000001'])).resolves.toEqual(new Map());
    await expect(store.all()).resolves.toEqual([]);
    expect(problems.map((p) => p.kind)).toEqual(['backup-failed', 'backup-failed', 'backup-failed']);
    expect((await fakeBrowser.storage.local.get(key))[key]).toMatchObject({ messages: 'garbage' });
  });

  it('templates: an unreadable local copy with a failed backup still loads (empty) and says why', async () => {
    await fakeBrowser.storage.local.set({ templates: { version: 1, templates: 'garbage' } });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(quota());
    const loaded = await templateStore({ onProblem: () => {} }).load();
    expect(loaded.collection).toEqual(EMPTY_COLLECTION);
    expect(loaded.localProblem).toMatchObject({ kind: 'backup-failed', key: 'templates' });
  });

  it('templates: a damaged sync copy whose backup fails is still refused and reported, not thrown', async () => {
    await fakeBrowser.storage.sync.set({ 'templates:count': '1', 'templates:0': '<html>' });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(quota());
    const loaded = await templateStore({ onProblem: () => {} }).load();
    expect(loaded.collection).toEqual(EMPTY_COLLECTION);
    expect(loaded.syncProblem).toMatch(/Not JSON.*QUOTA_BYTES/s);
  });
});

describe('clearing order data', () => {
  beforeEach(() => fakeBrowser.reset());

  it('removes order records and order state (and their backups), keeps settings, templates and their backups', async () => {
    const kept = {
      settings: { version: 1, storeName: 'Kumo', sellerName: 'Aiko', uiLanguage: 'ja', replyLanguage: 'auto', replyDueHours: 12 },
      sidebar: { version: 1, collapsed: true },
      templates: { version: 1, templates: [] },
      'backup:templates:1700000000000': { key: 'templates', reason: 'bad', value: { version: 1, templates: 'x' } },
      'backup:sync-templates:1700000000001': { key: 'sync-templates', reason: 'bad', value: { 'templates:count': '1' } },
      'backup:settings:1700000000002': { key: 'settings', reason: 'bad', value: 'x' },
      'backup:sidebar:1700000000003': { key: 'sidebar', reason: 'bad', value: 'x' },
    };
    const gone = {
      'watch:111-0000000-0000001': { version: 1 },
      'watch:111-0000000-0000002': { version: 1 },
      urgentSummary: { version: 1, count: 1, overdue: false },
      dismissed: { version: 1, subjects: {} },
      accountHealth: { version: 1, cancellationRate: { percent: 1.2 }, readAt: '2026-11-22T00:00:00.000Z' },
      handled: { version: 1, orders: {} },
      'backup:watch:111-0000000-0000003:1700000000004': { key: 'watch:111-0000000-0000003', reason: 'bad', value: 'x' },
      'backup:handled:1700000000005': { key: 'handled', reason: 'bad', value: 'x' },
      'backup:dismissed:1700000000006': { key: 'dismissed', reason: 'bad', value: 'x' },
    };
    await fakeBrowser.storage.local.set({ ...kept, ...gone });
    await fakeBrowser.storage.sync.set({ 'templates:count': '0' });

    expect(await clearOrderData()).toBe(Object.keys(gone).length);

    expect(await fakeBrowser.storage.local.get(null)).toEqual(kept);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({ 'templates:count': '0' });
  });
});
