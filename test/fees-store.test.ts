import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_FEE_RATES, EMPTY_SALES_WATCH } from '@/lib/fees';
import { feeRatesItem, salesWatchItem } from '@/lib/fees-store';
import { BACKUP_PREFIX, clearOrderData } from '@/lib/storage';
import { checkTransactions, noteOrders } from '@/utils/background/fees';

const NOW = Date.parse('2026-11-22T12:00:00Z');

describe('the fee and sales stores', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['feeRates', feeRatesItem, EMPTY_FEE_RATES, { version: 1, skus: { 'JP|A': { sku: 'A', marketplace: 'JP', seen: [{ orderId: '<b>', rate: 9, at: 'x' }] } } }],
    ['salesWatch', salesWatchItem, EMPTY_SALES_WATCH, { version: 1, orders: { '503-1111111-1111111': { lastSeen: 'yesterday', buyer: 'Tanaka' } } }],
  ] as const)('%s: a malformed value is backed up, never dropped, and the empty one used', async (key, item, empty, corrupt) => {
    await fakeBrowser.storage.local.set({ [key]: corrupt });
    expect(await item({ onProblem: () => {} }).getValue()).toEqual(empty);
    const all = await fakeBrowser.storage.local.get(null);
    const backups = Object.entries(all).filter(([k]) => k.startsWith(`${BACKUP_PREFIX}${key}:`));
    expect(backups).toHaveLength(1);
    expect(backups[0]![1]).toMatchObject({ key, value: corrupt });
  });

  it('the background keeps rates and sales from a Transaction view and the orders remembered; Clear all order data removes them', async () => {
    await noteOrders(
      [
        {
          version: 1,
          orderId: '503-1111111-1111111',
          firstSeen: '2026-11-10T00:00:00.000Z',
          lastSeen: '2026-11-10T00:00:00.000Z',
          messages: [],
          status: 'shipped',
          fulfilment: 'MFN',
          marketplace: 'JP',
          product: { sku: 'TB-1' },
        },
      ],
      NOW - 8 * 86_400_000,
    );
    const answer = await checkTransactions(
      {
        kind: 'transactions',
        marketplace: 'JP',
        rows: [{ kind: 'order-payment', orderId: '503-1111111-1111111', productCharges: { amount: 1000 }, amazonFees: { amount: -110 }, other: { amount: 0 } }],
        missing: [],
        sources: ['dom'],
      },
      NOW,
    );
    expect(answer).toEqual({ jumps: [], notes: [], rated: 1 });
    expect((await feeRatesItem().getValue()).skus['JP|TB-1']!.seen).toHaveLength(1);
    expect((await salesWatchItem().getValue()).orders['503-1111111-1111111']).toMatchObject({ sku: 'TB-1', fulfilment: 'MFN', saleSeenAt: new Date(NOW).toISOString() });
    await clearOrderData();
    expect(await fakeBrowser.storage.local.get(['feeRates', 'salesWatch'])).toEqual({});
  });
});
