// The background with the fake browser: urgent orders worked out from the order memory, shown on
// the badge (text, colour, tooltip), recomputed on change and on its alarm.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RECOMPUTE_ALARM, recompute, startBackground } from '@/utils/background/service';
import { BADGE_AMBER, BADGE_RED } from '@/lib/badge';
import { BACKUP_PREFIX } from '@/lib/storage';
import type { OrderWatch } from '@/lib/watch';
import { tEn } from './helpers';

function rgb(hex: string): number[] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

async function settle(ms = 400) {
  await new Promise((resolve) => setTimeout(resolve, ms));
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

const NOW = Date.now();
const HOUR = 3_600_000;

function watch(orderId: string, patch: Partial<OrderWatch>): Record<string, OrderWatch> {
  return {
    [`watch:${orderId}`]: {
      version: 1,
      orderId,
      marketplace: 'US',
      firstSeen: new Date(NOW - HOUR).toISOString(),
      lastSeen: new Date(NOW - HOUR).toISOString(),
      fulfilment: 'MFN',
      status: 'unshipped',
      messages: [],
      ...patch,
    },
  };
}

const badge = async () => ({
  text: await fakeBrowser.action.getBadgeText({}),
  color: await fakeBrowser.action.getBadgeBackgroundColor({}),
  title: await fakeBrowser.action.getTitle({}),
});

describe('background: urgent orders on the badge', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key, subs) => tEn(key as never, subs === undefined ? undefined : [subs].flat().map(String)));
  });

  it('shows no badge when nothing is remembered, and sets an hourly alarm', async () => {
    startBackground();
    await settle();
    expect(await badge()).toMatchObject({ text: '', title: 'Seller Sidekick' });
    const alarm = await fakeBrowser.alarms.get(RECOMPUTE_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now() + 50 * 60_000);
  });

  it('counts the orders that need action (amber) from what is stored before start-up', async () => {
    await fakeBrowser.storage.local.set({
      ...watch('111-0000000-0000001', { buyerRequestedCancel: true }),
      ...watch('111-0000000-0000002', { messages: [{ key: 'b', sender: 'buyer', intent: 'counterfeit', flags: [], answered: false, at: new Date(NOW - HOUR).toISOString() }] }),
      ...watch('111-0000000-0000003', { status: 'shipped' }),
    });
    startBackground();
    await settle();
    expect(await badge()).toEqual({ text: '2', color: rgb(BADGE_AMBER), title: 'Seller Sidekick: 2 orders need action' });
  });

  it('turns red when one is overdue, and follows changes from a page', async () => {
    startBackground();
    await settle();
    await fakeBrowser.storage.local.set(watch('111-0000000-0000004', { shipBy: new Date(NOW - 2 * HOUR).toISOString() }));
    await settle();
    const shown = await badge();
    expect(shown.text).toBe('1');
    expect(shown.color).toEqual(rgb(BADGE_RED));
    expect(shown.title).toContain('overdue');
    await fakeBrowser.storage.local.remove('watch:111-0000000-0000004');
    await settle();
    expect((await badge()).text).toBe('');
  });

  it('shows 99+ past 99', async () => {
    const many = Object.assign({}, ...Array.from({ length: 120 }, (_, i) => watch(`111-0000000-${String(i).padStart(7, '0')}`, { buyerRequestedCancel: true })));
    await fakeBrowser.storage.local.set(many);
    startBackground();
    await settle();
    expect((await badge()).text).toBe('99+');
  });

  it('recomputes on its alarm: a message crossing 12 hours raises the badge', async () => {
    await fakeBrowser.storage.local.set(
      watch('111-0000000-0000005', { messages: [{ key: 'b', sender: 'buyer', intent: 'product-question', flags: [], answered: false, at: new Date(NOW - 11.5 * HOUR).toISOString() }] }),
    );
    expect((await recompute(NOW)).count).toBe(0);
    const alarm = await fakeBrowser.alarms.get(RECOMPUTE_ALARM);
    expect(alarm?.scheduledTime).toBe(NOW + 0.5 * HOUR);
    expect(await recompute(NOW + 0.5 * HOUR + 1)).toEqual({ version: 1, count: 1, overdue: false });
  });

  it('backs up a corrupt order record and counts the rest', async () => {
    await fakeBrowser.storage.local.set({ 'watch:111-0000000-0000006': { version: 1, orderId: '<script>', messages: 'x' }, ...watch('111-0000000-0000007', { buyerRequestedCancel: true }) });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await recompute(NOW)).count).toBe(1);
    const all = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(all).filter((k) => k.startsWith(BACKUP_PREFIX))).toHaveLength(1);
    expect(all['watch:111-0000000-0000006']).toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
  });

  it('hides orders the seller marked done', async () => {
    await fakeBrowser.storage.local.set({
      ...watch('111-0000000-0000008', { buyerRequestedCancel: true }),
      handled: { version: 1, orders: { '111-0000000-0000008': { done: { at: new Date(NOW).toISOString(), keys: ['cancel-request'] } } } },
    });
    expect((await recompute(NOW)).count).toBe(0);
  });
});
