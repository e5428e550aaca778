import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as z from 'zod/mini';
import { BACKUP_PREFIX, defineStoredItem, sidebarSettingsItem } from '@/lib/storage';

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
