import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { BADGE_AMBER, BADGE_RED } from '@/lib/badge';
import { BACKUP_PREFIX } from '@/lib/storage';
import { tEn } from './helpers';

function rgb(hex: string): number[] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('background: the badge mirrors the stored urgent summary', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key, subs) =>
      tEn(key as never, subs === undefined ? undefined : [subs].flat().map(String)),
    );
  });

  it('shows no badge when nothing is stored', async () => {
    background.main();
    await settle();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('Seller Sidekick');
  });

  it('shows the count stored before start-up', async () => {
    await fakeBrowser.storage.local.set({ urgentSummary: { version: 1, count: 4, overdue: false } });
    background.main();
    await settle();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('4');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual(rgb(BADGE_AMBER));
    expect(await fakeBrowser.action.getTitle({})).toBe('Seller Sidekick: 4 orders need action');
  });

  it('follows changes: red when overdue, 99+ past 99, nothing at zero', async () => {
    background.main();
    await fakeBrowser.storage.local.set({ urgentSummary: { version: 1, count: 150, overdue: true } });
    await settle();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('99+');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual(rgb(BADGE_RED));

    await fakeBrowser.storage.local.set({ urgentSummary: { version: 1, count: 0, overdue: false } });
    await settle();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('backs up a corrupt summary and shows no badge rather than a wrong one', async () => {
    await fakeBrowser.storage.local.set({ urgentSummary: { version: 1, count: '<b>5</b>', overdue: 'yes' } });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    background.main();
    await settle();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    const all = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(all).filter((k) => k.startsWith(BACKUP_PREFIX))).toHaveLength(1);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('ignores a corrupt change and keeps the last good badge', async () => {
    background.main();
    await fakeBrowser.storage.local.set({ urgentSummary: { version: 1, count: 2, overdue: false } });
    await settle();
    await fakeBrowser.storage.local.set({ urgentSummary: { version: 1, count: -3, overdue: false } });
    await settle();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
  });
});
