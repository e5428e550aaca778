import { describe, expect, it } from 'vitest';
import { EMPTY_FEE_RATES, EMPTY_SALES_WATCH, FeeRates, MAX_RATES_PER_SKU, SalesWatch, assessTransactions, departs, observeSale, rateKey, rowRate, unrecordedSales } from '@/lib/fees';
import { categoriesAt } from '@/lib/referral-fees';
import { TransactionsSnapshot, type TransactionRow } from '@/lib/pages/snapshot';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const DAY = 86_400_000;
const yen = (amount: number) => ({ amount, currency: 'JPY' });

/** An order payment of ¥price (+ ¥shipping in "Other") with a fee of `rate` of it. */
function payment(orderId: string, rate: number, price = 7_600, shipping = 600, extra: Partial<TransactionRow> = {}): TransactionRow {
  return {
    kind: 'order-payment',
    orderId,
    productCharges: yen(price),
    promotions: yen(0),
    amazonFees: yen(-Math.round((price + shipping) * rate)),
    other: yen(shipping),
    ...extra,
  };
}

function view(rows: TransactionRow[], extra: Partial<TransactionsSnapshot> = {}): TransactionsSnapshot {
  return { kind: 'transactions', marketplace: 'JP', currency: 'JPY', rows, missing: [], sources: ['dom'], ...extra };
}

/** Three earlier orders of the SKU at 11 % (10 % + tax) and this one at 16.5 % (15 % + tax). */
const jumpRows = (sku = 'TB-KOPPORI-BLK') => [
  payment('503-0000001-0000001', 0.11, 7_600, 600, { sku }),
  payment('503-0000002-0000002', 0.11, 7_600, 600, { sku }),
  payment('503-0000003-0000003', 0.11, 6_900, 600, { sku }),
  payment('503-0000004-0000004', 0.165, 7_600, 600, { sku }),
];

describe('rowRate: the fee as a share of the sale', () => {
  it('is fee ÷ (product charges + other)', () => {
    expect(rowRate(payment('503-1724766-9264601', 0.1), 'JP', 'JPY')).toEqual({ rate: 0.1, fee: 820, base: 8_200 });
  });

  it.each<[string, TransactionRow, string]>([
    ['a refund', { ...payment('503-1724766-9264601', 0.1), kind: 'refund' }, 'not-order-payment'],
    ['an adjustment', { kind: 'other', typeText: 'Adjustment', amazonFees: yen(-100), productCharges: yen(1_000) }, 'not-order-payment'],
    ['a fee row without an order id', { ...payment('503-1724766-9264601', 0.1), orderId: undefined }, 'no-order-id'],
    ['fees in another currency than the price', { ...payment('503-1724766-9264601', 0.1), amazonFees: { amount: -8.2, currency: 'USD' } }, 'other-currency'],
    ['a price of 0', payment('503-1724766-9264601', 0.1, 0, 0, { amazonFees: yen(-30) }), 'price-zero'],
    ['a promotion that lowers the price', { ...payment('503-1724766-9264601', 0.1), promotions: yen(-760) }, 'promotion'],
    ['no fee at all', { ...payment('503-1724766-9264601', 0.1), amazonFees: undefined }, 'no-fee'],
    ['a fee of 0', { ...payment('503-1724766-9264601', 0.1), amazonFees: yen(0) }, 'no-fee'],
    ['a fee credited back', { ...payment('503-1724766-9264601', 0.1), amazonFees: yen(820) }, 'not-order-payment'],
    ['a deduction in Other', { ...payment('503-1724766-9264601', 0.1), other: yen(-300) }, 'other-deduction'],
    ['the minimum fee (¥30 + tax)', payment('503-1724766-9264601', 0.1, 200, 0, { amazonFees: yen(-33) }), 'minimum-fee'],
    ['a fee larger than any referral fee', { ...payment('503-1724766-9264601', 0.1), amazonFees: yen(-8_000) }, 'implausible'],
    ['a negative price', payment('503-1724766-9264601', 0.1, -500, 0, { amazonFees: yen(-50) }), 'price-zero'],
    ['a NaN price', { ...payment('503-1724766-9264601', 0.1), productCharges: { amount: Number.NaN } }, 'price-zero'],
  ])('could not tell for %s', (_what, row, reason) => {
    expect(rowRate(row, 'JP', 'JPY')).toBe(reason);
  });

  it('could not tell when the row is in yen but the view states another currency', () => {
    expect(rowRate(payment('503-1724766-9264601', 0.1), 'JP', 'USD')).toBe('other-currency');
  });

  it('reads a row without currency marks against the view', () => {
    const row: TransactionRow = { kind: 'order-payment', orderId: '114-3941689-8772232', productCharges: { amount: 49 }, amazonFees: { amount: -7.35 }, other: { amount: 0 } };
    expect(rowRate(row, 'US', 'USD')).toEqual({ rate: 0.15, fee: 7.35, base: 49 });
  });
});

describe('departs: more than one percentage point', () => {
  it.each([
    [0.1, 0.11, false],
    [0.1, 0.1101, true],
    [0.11, 0.165, true],
    [0.15, 0.145, false],
  ])('%f → %f: %s', (usual, seen, expected) => {
    expect(departs(usual, seen)).toBe(expected);
  });
});

describe('assessTransactions: the referral fee watch', () => {
  it('names the order whose rate jumped, with both figures and the categories that fit each', () => {
    const result = assessTransactions(view(jumpRows()), EMPTY_FEE_RATES, EMPTY_SALES_WATCH, NOW);
    expect(result.jumps).toHaveLength(1);
    const jump = result.jumps[0]!;
    expect(jump).toMatchObject({ orderId: '503-0000004-0000004', sku: 'TB-KOPPORI-BLK', marketplace: 'JP', usual: 0.11, seen: 0.165, history: 3 });
    // 11 % is 10 % plus Japan's 10 % tax; 16.5 % is 15 % plus tax.
    expect(jump.usualCategories).toContain('おもちゃ&ホビー');
    expect(jump.seenCategories).toContain('本');
    expect(jump.seenCategories).not.toContain('おもちゃ&ホビー');
    expect(result.rated).toBe(4);
    expect(Object.keys(result.rates.skus)).toEqual([rateKey('JP', 'TB-KOPPORI-BLK')]);
  });

  it('is quiet when the rates stay within a point, and with too little history', () => {
    const steady = jumpRows().slice(0, 3);
    expect(assessTransactions(view(steady), EMPTY_FEE_RATES, EMPTY_SALES_WATCH, NOW).jumps).toEqual([]);
    const two = [jumpRows()[0]!, jumpRows()[3]!];
    expect(assessTransactions(view(two), EMPTY_FEE_RATES, EMPTY_SALES_WATCH, NOW).jumps).toEqual([]);
  });

  it('remembers rates across visits: the usual rate comes from earlier pages, one order counted once', () => {
    const first = assessTransactions(view(jumpRows().slice(0, 3)), EMPTY_FEE_RATES, EMPTY_SALES_WATCH, NOW);
    // The same three orders again: still three observations, not six.
    const again = assessTransactions(view(jumpRows().slice(0, 3)), first.rates, first.sales, NOW + 1_000);
    expect(again.rates.skus[rateKey('JP', 'TB-KOPPORI-BLK')]!.seen).toHaveLength(3);
    const later = assessTransactions(view([jumpRows()[3]!]), again.rates, again.sales, NOW + DAY);
    expect(later.jumps.map((j) => j.orderId)).toEqual(['503-0000004-0000004']);
  });

  it('takes the SKU and fulfilment from the order pages seen before; an FBA order says nothing', () => {
    let sales = EMPTY_SALES_WATCH;
    for (const [i, row] of jumpRows().entries())
      sales = observeSale(sales, { orderId: row.orderId!, marketplace: 'JP', sku: 'SKU-A', fulfilment: i === 3 ? 'FBA' : 'MFN', status: 'shipped' }, NOW - DAY);
    const rows = jumpRows().map(({ sku: _sku, ...row }) => row);
    const result = assessTransactions(view(rows), EMPTY_FEE_RATES, sales, NOW);
    expect(result.jumps).toEqual([]);
    expect(result.notes).toEqual([{ index: 3, orderId: '503-0000004-0000004', reason: 'fba' }]);
    expect(result.rates.skus[rateKey('JP', 'SKU-A')]!.seen).toHaveLength(3);
  });

  it('could not tell, and raises nothing, for every bad row of the issue mixed into one view', () => {
    const rows: TransactionRow[] = [
      ...jumpRows().slice(0, 3),
      { ...payment('503-0000005-0000005', 0.3, 7_600, 600, { sku: 'TB-KOPPORI-BLK' }), kind: 'refund' },
      { ...payment('503-0000006-0000006', 0.3, 7_600, 600, { sku: 'TB-KOPPORI-BLK' }), amazonFees: { amount: -2_000, currency: 'USD' } },
      payment('503-0000007-0000007', 0.3, 0, 0, { sku: 'TB-KOPPORI-BLK', amazonFees: yen(-500) }),
      { ...payment('503-0000008-0000008', 0.3, 7_600, 600, { sku: 'TB-KOPPORI-BLK' }), promotions: yen(-3_000) },
      { ...payment('503-0000009-0000009', 0.3, 7_600, 600, { sku: 'TB-KOPPORI-BLK' }), orderId: undefined },
      { kind: 'other', typeText: 'Adjustment', orderId: '503-0000010-0000010', amazonFees: yen(-2_000), productCharges: yen(2_000) },
      payment('503-0000011-0000011', 0.3),
    ];
    const result = assessTransactions(view(rows), EMPTY_FEE_RATES, EMPTY_SALES_WATCH, NOW);
    expect(result.jumps).toEqual([]);
    expect(result.notes.map((n) => n.reason)).toEqual(['not-order-payment', 'other-currency', 'price-zero', 'promotion', 'no-order-id', 'not-order-payment', 'no-sku']);
    expect(result.rated).toBe(3);
  });

  it('keeps at most the newest observations per SKU and validates what it writes', () => {
    const rows = Array.from({ length: MAX_RATES_PER_SKU + 5 }, (_, i) => payment(`503-0000000-${String(i).padStart(7, '0')}`, 0.11, 7_600, 600, { sku: 'S' }));
    const result = assessTransactions(view(rows), EMPTY_FEE_RATES, EMPTY_SALES_WATCH, NOW);
    expect(result.rates.skus[rateKey('JP', 'S')]!.seen).toHaveLength(MAX_RATES_PER_SKU);
    expect(FeeRates.safeParse(result.rates).success).toBe(true);
    expect(SalesWatch.safeParse(result.sales).success).toBe(true);
  });

  it('keeps no buyer data: only SKU, marketplace, rate, order id and times', () => {
    const result = assessTransactions(view(jumpRows()), EMPTY_FEE_RATES, EMPTY_SALES_WATCH, NOW);
    const entry = result.rates.skus[rateKey('JP', 'TB-KOPPORI-BLK')]!;
    expect(Object.keys(entry).sort()).toEqual(['marketplace', 'seen', 'sku']);
    expect(Object.keys(entry.seen[0]!).sort()).toEqual(['at', 'orderId', 'rate']);
  });
});

describe('the stores refuse malformed values', () => {
  it.each([
    ['a rate above 1', { version: 1, skus: { 'JP|A': { sku: 'A', marketplace: 'JP', seen: [{ orderId: '503-1724766-9264601', rate: 2, at: '2026-11-22T12:00:00.000Z' }] } } }],
    ['a bad order id', { version: 1, skus: { 'JP|A': { sku: 'A', marketplace: 'JP', seen: [{ orderId: 'x', rate: 0.1, at: '2026-11-22T12:00:00.000Z' }] } } }],
    ['an unknown marketplace', { version: 1, skus: { 'XX|A': { sku: 'A', marketplace: 'XX', seen: [] } } }],
    ['another version', { version: 2, skus: {} }],
    ['no object', 'rates'],
  ])('fee rates: %s', (_what, value) => {
    expect(FeeRates.safeParse(value).success).toBe(false);
  });

  it.each([
    ['a key that is no order id', { version: 1, orders: { '<script>': { lastSeen: '2026-11-22T12:00:00.000Z' } } }],
    ['no time', { version: 1, orders: { '503-1724766-9264601': { lastSeen: 'yesterday' } } }],
    ['a buyer name', { version: 1, orders: { '503-1724766-9264601': { lastSeen: '2026-11-22T12:00:00.000Z', sku: '' } } }],
  ])('sales watch: %s', (_what, value) => {
    expect(SalesWatch.safeParse(value).success).toBe(false);
  });

  it('a transactions snapshot refuses a non-number amount and too many rows', () => {
    expect(TransactionsSnapshot.safeParse(view([{ kind: 'order-payment', productCharges: { amount: '1' as unknown as number } }])).success).toBe(false);
    expect(TransactionsSnapshot.safeParse(view(Array.from({ length: 501 }, () => ({ kind: 'other' as const })))).success).toBe(false);
    expect(TransactionsSnapshot.safeParse(view([{ kind: 'order-payment', productCharges: { amount: 1, currency: 'yen' } }])).success).toBe(false);
  });
});

describe('the unrecorded-sale watch', () => {
  const shipped = (sales: SalesWatch, orderId: string, at: number) => observeSale(sales, { orderId, marketplace: 'JP', status: 'shipped' }, at);

  it('lists an order seen shipped N days ago that no Transaction view opened since showed', () => {
    let sales = shipped(EMPTY_SALES_WATCH, '503-1111111-1111111', NOW - 8 * DAY);
    sales = shipped(sales, '503-2222222-2222222', NOW - 9 * DAY);
    sales = shipped(sales, '503-3333333-3333333', NOW - 2 * DAY); // too recent
    const read = assessTransactions(view([payment('503-2222222-2222222', 0.1)]), EMPTY_FEE_RATES, sales, NOW - DAY);
    expect(unrecordedSales(read.sales, 7, NOW)).toEqual([{ orderId: '503-1111111-1111111', marketplace: 'JP', shippedSeenAt: new Date(NOW - 8 * DAY).toISOString(), days: 8 }]);
    expect(unrecordedSales(read.sales, 9, NOW)).toEqual([]);
  });

  it('is quiet before the seller ever opened a Transaction view, or only opened one before the shipment', () => {
    const sales = shipped(EMPTY_SALES_WATCH, '503-1111111-1111111', NOW - 8 * DAY);
    expect(unrecordedSales(sales, 7, NOW)).toEqual([]);
    const before = assessTransactions(view([]), EMPTY_FEE_RATES, EMPTY_SALES_WATCH, NOW - 9 * DAY);
    expect(unrecordedSales(shipped(before.sales, '503-1111111-1111111', NOW - 8 * DAY), 7, NOW)).toEqual([]);
  });

  it('a refund or a fee row without the order id does not count as the sale', () => {
    const sales = shipped(EMPTY_SALES_WATCH, '503-1111111-1111111', NOW - 8 * DAY);
    const read = assessTransactions(
      view([
        { ...payment('503-1111111-1111111', 0.1), kind: 'refund' },
        { ...payment('503-1111111-1111111', 0.1), orderId: undefined },
      ]),
      EMPTY_FEE_RATES,
      sales,
      NOW - DAY,
    );
    expect(unrecordedSales(read.sales, 7, NOW).map((s) => s.orderId)).toEqual(['503-1111111-1111111']);
  });

  it('keeps the first time an order was seen shipped, ignores bad ids and forgets old records', () => {
    let sales = shipped(EMPTY_SALES_WATCH, '503-1111111-1111111', NOW - 8 * DAY);
    sales = shipped(sales, '503-1111111-1111111', NOW);
    expect(sales.orders['503-1111111-1111111']!.shippedSeenAt).toBe(new Date(NOW - 8 * DAY).toISOString());
    expect(observeSale(sales, { orderId: 'not-an-order', status: 'shipped' }, NOW)).toBe(sales);
    const later = observeSale(sales, { orderId: '503-2222222-2222222' }, NOW + 61 * DAY);
    expect(Object.keys(later.orders)).toEqual(['503-2222222-2222222']);
  });

  it('a nonsense setting lists nothing', () => {
    const sales = shipped(EMPTY_SALES_WATCH, '503-1111111-1111111', NOW - 8 * DAY);
    const read = assessTransactions(view([]), EMPTY_FEE_RATES, sales, NOW - DAY);
    expect(unrecordedSales(read.sales, Number.NaN, NOW)).toEqual([]);
    expect(unrecordedSales(read.sales, 0, NOW)).toEqual([]);
  });
});

describe('the published schedule', () => {
  it("names categories by rate, with and without Japan's tax on fees, and nothing for an unknown marketplace", () => {
    expect(categoriesAt('JP', 0.15, 'ja')).toEqual(expect.arrayContaining(['本', 'TVゲーム']));
    expect(categoriesAt('JP', 0.11, 'en')).toContain('Toys & hobbies');
    expect(categoriesAt('US', 0.17, 'en')).toEqual(['Clothing and accessories']);
    expect(categoriesAt('DE', 0.15, 'en')).toEqual([]);
    expect(categoriesAt('JP', Number.NaN, 'en')).toEqual([]);
  });
});
