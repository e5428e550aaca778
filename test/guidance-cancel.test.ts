// Guidance on Amazon's official cancellation request as read from the page, on a request for some
// items, on Amazon's automatic cancellation of an unconfirmed order, and Amazon's figures in the
// findings. Fixed clocks in the marketplace's zone.
import { describe, expect, it } from 'vitest';
import { estimateAutoCancel } from '@/lib/amazon-figures';
import { advise } from '@/lib/guidance/advise';
import type { Finding } from '@/lib/guidance/types';
import type { AccountHealthSnapshot, OrderDetailsSnapshot, OrderListSnapshot } from '@/lib/pages/snapshot';
import type { OrderWatch } from '@/lib/watch';
import { orderPage } from './helpers';

const NOW = Date.parse('2026-11-22T12:00:00Z'); // Sun 04:00 in Los Angeles, 21:00 in Tokyo
const SETTINGS = { replyDueHours: 12 };
const ORDER = '114-3941689-8772232';
const HOUR = 3_600_000;

const order = (patch: Partial<OrderDetailsSnapshot> = {}): OrderDetailsSnapshot => orderPage(patch, ORDER);
const findings = (snapshot: OrderDetailsSnapshot | OrderListSnapshot, extra: { watch?: OrderWatch; now?: number } = {}) =>
  advise({ snapshot, settings: SETTINGS, now: extra.now ?? NOW, watch: extra.watch });
const byId = (list: readonly Finding[], id: string) => list.filter((f) => f.id === id);
const inquiry: OrderWatch = {
  version: 1,
  orderId: ORDER,
  firstSeen: '2026-11-22T08:00:00.000Z',
  lastSeen: '2026-11-22T08:00:00.000Z',
  messages: [{ key: 'buyer:1', sender: 'buyer', at: '2026-11-22T08:00:00.000Z', intent: 'cancel-inquiry', flags: [], answered: false }],
};

describe('the official request read from the page', () => {
  it.each([
    ['page-banner', 'findingCancelRequestFromBanner'],
    ['item-status', 'findingCancelRequestFromItemStatus'],
    ['orders-api', 'findingCancelRequestFromData'],
  ] as const)('raises cancel-request-pending from %s, and says where it was read', (source, key) => {
    const [finding] = byId(findings(order({ buyerRequestedCancel: { requested: true, source } })), 'cancel-request-pending');
    expect(finding).toMatchObject({ variant: 'unshipped', why: [{ key: 'findingCancelRequestWhy' }, { key }] });
  });

  it('on the list, a row whose banner was read gets the finding; the other rows do not', () => {
    const list: OrderListSnapshot = {
      kind: 'order-list',
      marketplace: 'US',
      orders: [
        { orderId: '111-0000000-0000001', status: 'unshipped', buyerRequestedCancel: { requested: true, source: 'page-banner' }, items: [], controls: [], missing: [] },
        { orderId: '111-0000000-0000002', status: 'unshipped', items: [], controls: [], missing: [{ field: 'buyerRequestedCancel', reason: 'could not tell', why: 'unreadable' }] },
      ],
      missing: [],
      sources: ['dom'],
    };
    expect(byId(findings(list), 'cancel-request-pending').map((f) => f.orderId)).toEqual(['111-0000000-0000001']);
  });

  it('"could not tell" is no request: a remembered inquiry still guards Cancel order', () => {
    const unclear = order({ missing: [{ field: 'buyerRequestedCancel', reason: 'could not tell: 2 different banners', why: 'unreadable' }] });
    const ids = findings(unclear, { watch: inquiry }).map((f) => f.id);
    expect(ids).toContain('cancel-inquiry-not-request');
    expect(ids).not.toContain('cancel-request-pending');
  });

  it('the order data\'s "no" over the page\'s banner: no request, and the inquiry guard stays', () => {
    const snapshot = order({ buyerRequestedCancel: { requested: false, source: 'orders-api', disagreement: { requested: true, source: 'page-banner' } } });
    const ids = findings(snapshot, { watch: inquiry }).map((f) => f.id);
    expect(ids).toEqual(['cancel-inquiry-not-request']);
  });
});

describe('a request for some items only', () => {
  const partial = order({ buyerRequestedCancel: { requested: false, source: 'orders-api', items: [{ index: 1, asin: 'B0CJ4Y4VT1' }] } });

  it('says which item, and gives no permission to cancel', () => {
    const [finding] = byId(findings(partial), 'cancel-request-pending');
    expect(finding).toMatchObject({ variant: 'some-items', templates: [], why: [{ key: 'findingCancelRequestSomeItemsWhy', args: ['2 (B0CJ4Y4VT1)'] }, { key: 'findingCancelRequestFromData' }] });
    expect(finding!.steps[0]).toEqual({ key: 'findingCancelRequestSomeItemsStep1' });
  });

  it("keeps guarding Cancel order after a buyer's message", () => {
    expect(
      findings(partial, { watch: inquiry })
        .map((f) => f.id)
        .sort(),
    ).toEqual(['cancel-inquiry-not-request', 'cancel-request-pending']);
  });
});

describe("Amazon's automatic cancellation (auto-cancel-due)", () => {
  const overdue = { earliest: '2026-11-18T08:00:00.000Z', latest: '2026-11-21T07:59:59.999Z' }; // Fri 20 Nov, Los Angeles
  const amazonDate = '2026-12-01T07:59:59.000Z';

  it("uses Amazon's date from the order data when there is one", () => {
    const [finding] = byId(findings(order({ shipBy: overdue, cancellationDate: amazonDate })), 'auto-cancel-due');
    expect(finding).toMatchObject({
      severity: 'critical',
      variant: 'amazon-date',
      title: { key: 'findingAutoCancelTitle', args: ['2026-11-30'] },
      deadline: { at: amazonDate, kind: 'auto-cancel' },
      control: 'confirm-shipment',
      source: 'amazon-auto-cancel',
    });
    expect(finding!.why.map((l) => l.key)).toEqual(['findingAutoCancelWhyAmazon', 'findingAutoCancelWhyRate']);
    expect(finding!.why[1]!.args).toEqual(['2.50%', '7']);
  });

  it('estimates the date when the order data is not seen, and says it is our estimate', () => {
    const [finding] = byId(findings(order({ shipBy: overdue })), 'auto-cancel-due');
    const estimate = estimateAutoCancel(overdue.latest, 'America/Los_Angeles')!;
    expect(estimate).toBe('2026-12-01T07:59:59.999Z'); // Fri + 10 days (7 business days would be 11)
    expect(finding).toMatchObject({ variant: 'estimate', title: { key: 'findingAutoCancelEstimateTitle', args: ['2026-11-30'] }, deadline: { at: estimate } });
    expect(finding!.why[0]).toEqual({ key: 'findingAutoCancelWhyEstimate' });
  });

  it("says so when the order data's date was unusable, and estimates instead", () => {
    const snapshot = order({ shipBy: overdue, missing: [{ field: 'cancellationDate', reason: 'before the purchase date', why: 'unreadable' }] });
    const [finding] = byId(findings(snapshot), 'auto-cancel-due');
    expect(finding!.variant).toBe('estimate');
    expect(finding!.why.map((l) => l.key)).toEqual(['findingAutoCancelWhyEstimate', 'findingAutoCancelWhyDataUnusable', 'findingAutoCancelWhyRate']);
  });

  it('says the date has passed once it has', () => {
    const [finding] = byId(findings(order({ shipBy: overdue, cancellationDate: amazonDate }), { now: Date.parse(amazonDate) + HOUR }), 'auto-cancel-due');
    expect(finding).toMatchObject({ variant: 'amazon-date-passed', title: { key: 'findingAutoCancelPassedTitle' } });
  });

  it.each([
    ['before the ship-by date has passed', order({ shipBy: { earliest: '2026-11-22T08:00:00.000Z', latest: '2026-11-24T07:59:59.999Z' } })],
    ['for an FBA order', order({ shipBy: overdue, fulfilment: 'FBA' })],
    ['for a shipped order', order({ shipBy: overdue, status: 'shipped' })],
    ['for a cancelled order', order({ shipBy: overdue, status: 'canceled' })],
    ['without a ship-by date', order({ cancellationDate: amazonDate })],
  ])('is silent %s', (_name, snapshot) => {
    expect(byId(findings(snapshot), 'auto-cancel-due')).toEqual([]);
  });

  it('is not raised per row on the order list (the rows say "ship-by date passed")', () => {
    const list: OrderListSnapshot = {
      kind: 'order-list',
      marketplace: 'US',
      orders: [{ orderId: ORDER, status: 'unshipped', fulfilment: 'MFN', shipBy: overdue, items: [], controls: [], missing: [] }],
      missing: [],
      sources: ['dom'],
    };
    expect(findings(list).map((f) => f.id)).toEqual(['ship-by-due']);
  });

  it('in Tokyo, judged in Japan time', () => {
    const tokyo = { earliest: '2026-11-18T15:00:00.000Z', latest: '2026-11-20T14:59:59.999Z' }; // Fri 20 Nov, Tokyo
    const [finding] = byId(findings(order({ marketplace: 'JP', shipBy: tokyo })), 'auto-cancel-due');
    expect(finding).toMatchObject({ title: { args: ['2026-11-30'] }, deadline: { at: '2026-11-30T14:59:59.999Z' } });
  });
});

describe("Amazon's figures in the findings", () => {
  const health = (marketplace: 'US' | 'JP'): AccountHealthSnapshot => ({
    kind: 'account-health',
    marketplace,
    cancellationRate: { percent: 1, numerator: 1, denominator: 100 },
    missing: [],
    sources: ['dom'],
  });

  it('the US account health page adds the On-Time Delivery Rate requirement; Japan does not', () => {
    const us = advise({ snapshot: health('US'), settings: SETTINGS, now: NOW })[0]!;
    expect(us.why.at(-1)).toEqual({ key: 'findingRateOtdr', args: ['90.00%', '2024-09-25'] });
    const jp = advise({ snapshot: health('JP'), settings: SETTINGS, now: NOW })[0]!;
    expect(jp.why.map((l) => l.key)).not.toContain('findingRateOtdr');
    expect(jp.why[0]).toEqual({ key: 'findingRateNow', args: ['1.00%', '2.50%', '7'] });
  });

  it("the cancel-inquiry warning gives the marketplace's own-cancel window: 5 minutes in Japan, 30 elsewhere", () => {
    const window = (marketplace: 'US' | 'JP') =>
      advise({ snapshot: order({ marketplace }), watch: { ...inquiry, marketplace }, settings: SETTINGS, now: NOW })
        .find((f) => f.id === 'cancel-inquiry-not-request')!
        .why.find((l) => l.key === 'findingCancelInquiryWindow')!.args;
    expect(window('JP')).toEqual(['5']);
    expect(window('US')).toEqual(['30']);
  });
});
