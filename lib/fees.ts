/**
 * The anomaly watch of docs/domain.md case 2 (seed 000): a referral fee that silently jumped after
 * Amazon changed an item's fee category, and a shipped order whose sale was never recorded. Pure:
 * every function takes `now` and returns new values; the background stores them (lib/storage).
 *
 * Kept (facts only, no buyer data): per SKU and marketplace, the referral fee as a share of the
 * sale (the order id beside it only so one order is never counted twice) and when it was seen;
 * per order, its marketplace, SKU (when it has one item line), fulfilment, when it was first seen
 * shipped and when a sale for it was first seen on the Transaction view.
 *
 * What rests on what (docs/seller-central-pages.md §14): the Transaction view's columns (B); the
 * fee base "item price, shipping and gift wrap" (Amazon's help, A); that "Other" holds the
 * shipping charged (C, inferred from public exports) — so the rate is fees ÷ (product charges +
 * other); that "Amazon fees" is the referral fee alone for a seller-fulfilled order (assumed: it
 * also holds closing or per-item fees where those apply).
 */
import * as z from 'zod/mini';
import type { MarketplaceId } from './hosts';
import { Fulfilment, Marketplace, type CouldNotTell, type Money, type TransactionRow, type TransactionsSnapshot } from './pages/snapshot';

export { COULD_NOT_TELL, type CouldNotTell } from './pages/snapshot';
import { FEE_SCHEDULES, SAME_RATE_POINTS, categoriesAt } from './referral-fees';

const DAY = 24 * 60 * 60 * 1000;
const Instant = z.lazy(() => z.iso.datetime());
const OrderId = z.lazy(() => z.string().check(z.regex(/^\d{3}-\d{7}-\d{7}$/)));
const Sku = z.lazy(() => z.string().check(z.minLength(1), z.maxLength(200)));

/** Observations kept per SKU (the newest), SKUs kept (the most recently seen), orders kept. */
export const MAX_RATES_PER_SKU = 20;
export const MAX_SKUS = 2_000;
export const MAX_SALE_ORDERS = 3_000;
/** An order's sales record is forgotten this long after it was last seen. */
export const SALES_TTL_MS = 60 * DAY;
/** A rate is judged against the SKU's usual rate only with at least this many other orders of it. */
export const MIN_HISTORY = 2;
/** Default of the seller's setting: a shipped order without a recorded sale is listed after this many days. */
export const DEFAULT_UNRECORDED_SALE_DAYS = 7;
/** A share above this is no referral fee at all (a misread column, a fee on a zeroed price). */
const MAX_PLAUSIBLE_RATE = 0.6;

export const RateSeen = z.lazy(() =>
  z.object({
    orderId: OrderId,
    /** The fee as a share of the sale (0.1 = 10 %), four decimals. */
    rate: z.number().check(z.minimum(0), z.maximum(1)),
    at: Instant,
  }),
);
export type RateSeen = z.infer<typeof RateSeen>;

export const SkuRates = z.lazy(() =>
  z.object({
    sku: Sku,
    marketplace: Marketplace,
    seen: z.array(RateSeen).check(z.maxLength(MAX_RATES_PER_SKU)),
  }),
);
export type SkuRates = z.infer<typeof SkuRates>;

export const FeeRates = z.lazy(() => z.object({ version: z.literal(1), skus: z.record(z.string().check(z.maxLength(220)), SkuRates) }));
export type FeeRates = z.infer<typeof FeeRates>;
export const EMPTY_FEE_RATES: FeeRates = { version: 1, skus: {} };

export const SaleRecord = z.lazy(() =>
  z.object({
    marketplace: z.optional(Marketplace),
    sku: z.optional(Sku),
    fulfilment: z.optional(Fulfilment),
    /** First time a page showed the order shipped. */
    shippedSeenAt: z.optional(Instant),
    /** First time the Transaction view showed an order payment for it. */
    saleSeenAt: z.optional(Instant),
    lastSeen: Instant,
  }),
);
export type SaleRecord = z.infer<typeof SaleRecord>;

export const SalesWatch = z.lazy(() =>
  z.object({
    version: z.literal(1),
    /** The last time the seller had a Transaction view open (the watch says nothing before the first). */
    transactionsReadAt: z.optional(Instant),
    orders: z.record(OrderId, SaleRecord),
  }),
);
export type SalesWatch = z.infer<typeof SalesWatch>;
export const EMPTY_SALES_WATCH: SalesWatch = { version: 1, orders: {} };

export const rateKey = (marketplace: MarketplaceId, sku: string): string => `${marketplace}|${sku}`;

// ── One row: the fee as a share of the sale, or why that could not be told ──────────────────────

export interface RowRate {
  readonly rate: number;
  readonly fee: number;
  readonly base: number;
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * The referral fee of an order payment row as a share of the sale: |Amazon fees| ÷ (product
 * charges + other). Rows that cannot say it honestly are named, never guessed: not an order payment
 * (refunds, adjustments, fees), no order id, no fee, amounts in another currency than the price or
 * the view, a promotion (the base Amazon used is then unknown), a price of 0, a deduction in
 * "Other", a fee at the category minimum, or a share no referral fee has.
 */
export function rowRate(row: TransactionRow, marketplace: MarketplaceId | undefined, viewCurrency?: string): RowRate | CouldNotTell {
  if (row.kind !== 'order-payment') return 'not-order-payment';
  if (!row.orderId) return 'no-order-id';
  const fees = row.amazonFees;
  if (!fees || !Number.isFinite(fees.amount) || fees.amount === 0) return 'no-fee';
  const amounts = [row.productCharges, fees, row.other, row.promotions].filter((m): m is Money => m !== undefined);
  const currencies = new Set(amounts.flatMap((m) => (m.currency ? [m.currency] : [])));
  if (viewCurrency) currencies.add(viewCurrency);
  if (currencies.size > 1) return 'other-currency';
  if (row.promotions && row.promotions.amount !== 0) return 'promotion';
  const price = row.productCharges?.amount ?? 0;
  if (!(price > 0)) return 'price-zero';
  const other = row.other?.amount ?? 0;
  if (other < 0) return 'other-deduction';
  // A credit in the fee column is a reversal, not a fee charged on this sale.
  if (fees.amount > 0) return 'not-order-payment';
  const fee = -fees.amount;
  const base = price + other;
  const schedule = marketplace ? FEE_SCHEDULES[marketplace] : undefined;
  if (schedule && fee <= schedule.minimumFee * (1 + schedule.feeTax) + 1e-9) return 'minimum-fee';
  const rate = fee / base;
  if (!(rate > 0 && rate <= MAX_PLAUSIBLE_RATE)) return 'implausible';
  return { rate: round4(rate), fee, base };
}

// ── The rule: a rate that departs from the SKU's usual rate ─────────────────────────────────────

export interface FeeJump {
  readonly orderId: string;
  readonly sku: string;
  readonly marketplace: MarketplaceId;
  /** The SKU's usual rate: the median of its other orders (fractions). */
  readonly usual: number;
  readonly seen: number;
  /** How many other orders of the SKU the usual rate rests on. */
  readonly history: number;
  /** Fee categories whose published rate matches each figure (in the marketplace's language). */
  readonly usualCategories: readonly string[];
  readonly seenCategories: readonly string[];
}

export interface RowNote {
  /** Position of the row in the snapshot. */
  readonly index: number;
  readonly orderId?: string | undefined;
  readonly reason: CouldNotTell;
}

export interface TransactionsAssessment {
  readonly jumps: readonly FeeJump[];
  /** Rows that said nothing about a rate, and why. */
  readonly notes: readonly RowNote[];
  /** Order payment rows whose rate was read. */
  readonly rated: number;
  readonly rates: FeeRates;
  readonly sales: SalesWatch;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** True when `rate` departs from `usual` by more than one percentage point. */
export function departs(usual: number, rate: number): boolean {
  return Math.abs(rate - usual) * 100 > SAME_RATE_POINTS + 1e-9;
}

function prunedSkus(skus: Record<string, SkuRates>): Record<string, SkuRates> {
  const entries = Object.entries(skus);
  if (entries.length <= MAX_SKUS) return skus;
  const newest = (s: SkuRates) => s.seen.reduce((at, r) => (r.at > at ? r.at : at), '');
  return Object.fromEntries(entries.sort(([, a], [, b]) => newest(b).localeCompare(newest(a))).slice(0, MAX_SKUS));
}

function prunedOrders(orders: Record<string, SaleRecord>, now: number): Record<string, SaleRecord> {
  const kept = Object.entries(orders).filter(([, r]) => now - Date.parse(r.lastSeen) <= SALES_TTL_MS);
  kept.sort(([, a], [, b]) => b.lastSeen.localeCompare(a.lastSeen));
  return Object.fromEntries(kept.slice(0, MAX_SALE_ORDERS));
}

/**
 * A Transaction view read: every order payment row marks its order's sale as recorded; every row
 * whose rate can be told, and whose order's SKU is known (from the row, or from the order page or
 * list seen before) on a seller-fulfilled or unknown fulfilment, adds the rate to the SKU's history.
 * A rate more than one percentage point off the median of the SKU's *other* orders (at least
 * MIN_HISTORY of them) is a jump.
 */
export function assessTransactions(snapshot: TransactionsSnapshot, rates: FeeRates, sales: SalesWatch, now: number): TransactionsAssessment {
  const at = new Date(now).toISOString();
  const marketplace = snapshot.marketplace;
  const orders: Record<string, SaleRecord> = { ...sales.orders };
  const skus: Record<string, SkuRates> = { ...rates.skus };
  const notes: RowNote[] = [];
  const touched = new Map<string, string>(); // rate key -> order id seen on this page
  let rated = 0;

  snapshot.rows.forEach((row, index) => {
    if (row.kind === 'order-payment' && row.orderId) {
      const before = orders[row.orderId];
      orders[row.orderId] = { ...before, ...(marketplace && !before?.marketplace ? { marketplace } : {}), saleSeenAt: before?.saleSeenAt ?? at, lastSeen: at };
    }
    const result = rowRate(row, marketplace, snapshot.currency);
    if (typeof result === 'string') {
      notes.push({ index, orderId: row.orderId, reason: result });
      return;
    }
    const record = orders[row.orderId!];
    const sku = row.sku ?? record?.sku;
    const market = marketplace ?? record?.marketplace;
    if (!sku || !market) {
      notes.push({ index, orderId: row.orderId, reason: 'no-sku' });
      return;
    }
    // Fees of an order Amazon fulfilled include its fulfilment fees: no referral rate in them.
    if (record?.fulfilment === 'FBA') {
      notes.push({ index, orderId: row.orderId, reason: 'fba' });
      return;
    }
    rated += 1;
    const key = rateKey(market, sku);
    const entry = skus[key] ?? { sku, marketplace: market, seen: [] };
    const seen = entry.seen.filter((s) => s.orderId !== row.orderId);
    seen.push({ orderId: row.orderId!, rate: result.rate, at });
    skus[key] = { ...entry, seen: seen.slice(-MAX_RATES_PER_SKU) };
    touched.set(`${key}#${row.orderId}`, key);
  });

  const jumps: FeeJump[] = [];
  for (const [token, key] of touched) {
    const orderId = token.slice(token.lastIndexOf('#') + 1);
    const entry = skus[key]!;
    const mine = entry.seen.find((s) => s.orderId === orderId);
    const others = entry.seen.filter((s) => s.orderId !== orderId).map((s) => s.rate);
    if (!mine || others.length < MIN_HISTORY) continue;
    const usual = median(others);
    if (!departs(usual, mine.rate)) continue;
    const language = entry.marketplace === 'JP' ? 'ja' : 'en';
    jumps.push({
      orderId,
      sku: entry.sku,
      marketplace: entry.marketplace,
      usual: round4(usual),
      seen: mine.rate,
      history: others.length,
      usualCategories: categoriesAt(entry.marketplace, usual, language),
      seenCategories: categoriesAt(entry.marketplace, mine.rate, language),
    });
  }

  return {
    jumps,
    notes,
    rated,
    rates: { version: 1, skus: prunedSkus(skus) },
    sales: { version: 1, transactionsReadAt: at, orders: prunedOrders(orders, now) },
  };
}

// ── Orders seen on order pages and lists ────────────────────────────────────────────────────────

export interface OrderFactsForSales {
  readonly orderId: string;
  readonly marketplace?: MarketplaceId | undefined;
  readonly sku?: string | undefined;
  readonly fulfilment?: 'FBA' | 'MFN' | undefined;
  readonly status?: string | undefined;
}

/** What an order page or list row says for the sales watch: SKU, fulfilment, and the first time it was seen shipped. */
export function observeSale(sales: SalesWatch, order: OrderFactsForSales, now: number): SalesWatch {
  const parsed = OrderId.safeParse(order.orderId);
  if (!parsed.success) return sales;
  const at = new Date(now).toISOString();
  const before = sales.orders[order.orderId];
  const sku = order.sku && order.sku.length <= 200 ? order.sku : undefined;
  const next: SaleRecord = {
    ...before,
    ...(order.marketplace ? { marketplace: order.marketplace } : {}),
    ...(sku ? { sku } : {}),
    ...(order.fulfilment ? { fulfilment: order.fulfilment } : {}),
    ...(order.status === 'shipped' && !before?.shippedSeenAt ? { shippedSeenAt: at } : {}),
    lastSeen: at,
  };
  return { ...sales, orders: prunedOrders({ ...sales.orders, [order.orderId]: next }, now) };
}

// ── The unrecorded-sale watch ───────────────────────────────────────────────────────────────────

export interface UnrecordedSale {
  readonly orderId: string;
  readonly marketplace?: MarketplaceId | undefined;
  /** When the order was first seen shipped (ISO). */
  readonly shippedSeenAt: string;
  /** Whole days since then. */
  readonly days: number;
}

/**
 * Orders first seen shipped at least `days` days ago whose sale never appeared on a Transaction view
 * the seller opened since. Quiet until the seller has opened a Transaction view after the order was
 * seen shipped (the watch only knows what the seller's pages showed). FBA orders stay in: their
 * sales appear on the Transaction view the same way. Oldest first.
 */
export function unrecordedSales(sales: SalesWatch, days: number, now: number): UnrecordedSale[] {
  const readAt = sales.transactionsReadAt ? Date.parse(sales.transactionsReadAt) : NaN;
  if (!Number.isFinite(readAt) || !(days >= 1)) return [];
  const list: UnrecordedSale[] = [];
  for (const [orderId, record] of Object.entries(sales.orders)) {
    if (!record.shippedSeenAt || record.saleSeenAt) continue;
    const shipped = Date.parse(record.shippedSeenAt);
    if (!Number.isFinite(shipped) || readAt <= shipped) continue;
    const age = Math.floor((now - shipped) / DAY);
    if (age < days) continue;
    list.push({ orderId, marketplace: record.marketplace, shippedSeenAt: record.shippedSeenAt, days: age });
  }
  return list.sort((a, b) => a.shippedSeenAt.localeCompare(b.shippedSeenAt) || a.orderId.localeCompare(b.orderId));
}
