/**
 * The order app's own JSON (docs/seller-central-pages.md §2–§3, real capture
 * test/fixtures/real-pages/us-2024_orders-api-order_response.redacted.json):
 * `GET /orders-api/order/<id>` → `{ order: {…} }` and `GET /orders-api/search` → `{ orders: […] }`.
 * It carries what the DOM does not show reliably, above all each item's
 * `BuyerRequestedCancel.isBuyerRequestedCancel`, the authoritative sign of an official request.
 * Dates are epoch seconds. Schemas accept unknown keys and check only what we use.
 */
import * as z from 'zod/mini';
import { MARKETPLACES, sellerCentralHost, type MarketplaceId } from '../hosts';
import { epochSecondsToIso } from '../time';
import { MAX_OBSERVED_TEXT } from './observed-source';
import type { BuyerRequestedCancel, Missing, OrderDetailsSnapshot, OrderItem, OrderListSnapshot, OrderRow, OrderStatus, RequestedItem, Unrecognized } from './snapshot';

const Epoch = z.lazy(() => z.nullish(z.number()));
const Str = z.lazy(() => z.nullish(z.string().check(z.maxLength(5_000))));
const Qty = z.lazy(() => z.nullish(z.number().check(z.int(), z.minimum(0))));

const BuyerRequestedCancelJson = z.lazy(() =>
  z.nullish(
    z.looseObject({
      // The SC JSON sends a boolean; SP-API sends "true"/"false" strings (§7). Both are accepted.
      isBuyerRequestedCancel: z.nullish(z.union([z.boolean(), z.enum(['true', 'false'])])),
      IsBuyerRequestedCancel: z.nullish(z.union([z.boolean(), z.enum(['true', 'false'])])),
      cancelReason: Str,
      BuyerCancelReason: Str,
    }),
  ),
);

const OrderItemJson = z.lazy(() =>
  z.looseObject({
    ASIN: Str,
    asin: Str,
    SellerSKU: Str,
    sellerSku: Str,
    Title: Str,
    productName: Str,
    QuantityOrdered: Qty,
    quantityOrdered: Qty,
    QuantityShipped: Qty,
    QuantityCanceled: Qty,
    quantityCanceled: Qty,
    ItemStatus: z.nullish(z.looseObject({ ItemStatus: Str, CancelStatus: Str })),
    BuyerRequestedCancel: BuyerRequestedCancelJson,
  }),
);

const OrderJson = z.lazy(() =>
  z.looseObject({
    amazonOrderId: z.string().check(z.regex(/^\d{3}-\d{7}-\d{7}$/)),
    purchaseDate: Epoch,
    orderDate: Epoch,
    earliestShipDate: Epoch,
    latestShipDate: Epoch,
    earliestDeliveryDate: Epoch,
    latestDeliveryDate: Epoch,
    cancellationDate: Epoch,
    fulfillmentChannel: Str,
    orderMarketplaceId: Str,
    homeMarketplaceId: Str,
    orderStatus: z.nullish(z.looseObject({ OrderStatus: Str })),
    orderFulfillmentStatus: Str,
    orderItems: z.nullish(z.array(OrderItemJson).check(z.maxLength(1_000))),
  }),
);
type OrderJson = z.infer<typeof OrderJson>;

const OrderWrapped = z.lazy(() => z.looseObject({ order: OrderJson }));
const OrderCaptured = z.lazy(() => z.looseObject({ data: OrderJson })); // the capture's own wrapping ({type, data})

/** The order inside a /orders-api/order response, in either wrapping; undefined when it does not fit. */
export function orderInResponse(body: unknown): OrderJson | undefined {
  const wrapped = OrderWrapped.safeParse(body);
  if (wrapped.success) return wrapped.data.order;
  const captured = OrderCaptured.safeParse(body);
  return captured.success ? captured.data.data : undefined;
}
export const SearchResponse = z.lazy(() =>
  z.looseObject({
    orders: z.array(OrderJson).check(z.maxLength(10_000)),
    total: z.nullish(z.number()),
  }),
);

const STATUS: Readonly<Record<string, OrderStatus>> = {
  Pending: 'pending',
  PendingAvailability: 'pending',
  Unshipped: 'unshipped',
  PartiallyShipped: 'partially-shipped',
  Shipped: 'shipped',
  Canceled: 'canceled',
  Cancelled: 'canceled',
  Unfulfillable: 'unknown',
  InvoiceUnconfirmed: 'shipped',
};

function marketplaceFromId(id: string | null | undefined): MarketplaceId | undefined {
  return Object.values(MARKETPLACES).find((m) => m.amazonId === id)?.id;
}

function window(earliest: number | null | undefined, latest: number | null | undefined) {
  const from = epochSecondsToIso(earliest ?? latest ?? Number.NaN);
  const to = epochSecondsToIso(latest ?? earliest ?? Number.NaN);
  return from && to && from <= to ? { earliest: from, latest: to } : undefined;
}

const truthy = (v: boolean | 'true' | 'false' | null | undefined) => v === true || v === 'true';

function item(json: z.infer<typeof OrderItemJson>): OrderItem & { buyerRequestedCancel?: { requested: boolean; reason?: string } } {
  const asin = json.ASIN ?? json.asin;
  const sku = json.SellerSKU ?? json.sellerSku;
  const title = json.Title ?? json.productName;
  const quantity = json.QuantityOrdered ?? json.quantityOrdered;
  const statusText = json.ItemStatus?.ItemStatus;
  const status = statusText ? STATUS[statusText] : undefined;
  const cancel = json.BuyerRequestedCancel;
  const requested = cancel ? truthy(cancel.isBuyerRequestedCancel) || truthy(cancel.IsBuyerRequestedCancel) : undefined;
  const reason = cancel?.cancelReason ?? cancel?.BuyerCancelReason;
  return {
    ...(asin && /^[A-Z0-9]{10}$/.test(asin) ? { asin } : {}),
    ...(sku ? { sku: sku.slice(0, 200) } : {}),
    ...(title ? { title: title.slice(0, 2000) } : {}),
    ...(quantity !== null && quantity !== undefined ? { quantity } : {}),
    ...(status ? { status } : {}),
    ...(requested !== undefined ? { buyerRequestedCancel: { requested, ...(reason ? { reason: reason.slice(0, 500) } : {}) } } : {}),
  };
}

/**
 * The order's request from its items' flags: the whole order only when every item carries it; a
 * request for some items names them and is `requested: false` (Seller Central cannot cancel part
 * of an order, so it is no permission to cancel it). Undefined when no item has a flag.
 */
function requestFromItems(items: readonly ReturnType<typeof item>[]): BuyerRequestedCancel | undefined {
  const flags = items.map((i) => i.buyerRequestedCancel);
  if (flags.every((f) => f === undefined)) return undefined;
  const marked: RequestedItem[] = [];
  items.forEach((i, index) => {
    if (i.buyerRequestedCancel?.requested) marked.push({ index, ...(i.asin ? { asin: i.asin } : {}) });
  });
  const reason = items.find((i) => i.buyerRequestedCancel?.requested && i.buyerRequestedCancel.reason)?.buyerRequestedCancel?.reason;
  const base = { source: 'orders-api' as const, ...(reason ? { reason } : {}) };
  if (marked.length === 0) return { requested: false, source: 'orders-api' };
  if (marked.length === items.length) return { requested: true, ...base };
  return { requested: false, ...base, items: marked };
}

/** Amazon's `cancellationDate`, when it can be Amazon's automatic-cancellation date: after the purchase and the ship-by date. */
function cancellationDateOf(json: OrderJson, purchase: string | undefined, shipByLatest: string | undefined): { at?: string; problem?: Missing } {
  if (json.cancellationDate === null || json.cancellationDate === undefined) return {};
  const at = epochSecondsToIso(json.cancellationDate);
  const unusable = (reason: string): { problem: Missing } => ({ problem: { field: 'cancellationDate', reason: reason.slice(0, 300), why: 'unreadable' } });
  if (!at) return unusable(`the order data's cancellationDate ${String(json.cancellationDate).slice(0, 30)} is not a date`);
  if (purchase && at < purchase) return unusable(`the order data's cancellationDate ${at} is before the purchase date ${purchase}; not used`);
  if (shipByLatest && at < shipByLatest) return unusable(`the order data's cancellationDate ${at} is before the end of the ship-by date ${shipByLatest}; not used`);
  return { at };
}

/** What in the order data could not be used, as missing entries (shown in "What I read"). */
export function orderJsonProblems(json: OrderJson): Missing[] {
  const purchase = epochSecondsToIso(json.purchaseDate ?? json.orderDate ?? Number.NaN);
  const problem = cancellationDateOf(json, purchase, window(json.earliestShipDate, json.latestShipDate)?.latest).problem;
  return problem ? [problem] : [];
}

/** The order fields the JSON has, as snapshot fields (only those present). */
export function orderFromJson(json: OrderJson): Omit<OrderRow, 'controls' | 'missing' | 'buyer'> {
  const items = (json.orderItems ?? []).map(item);
  const request = requestFromItems(items);
  const statusText = json.orderStatus?.OrderStatus ?? json.orderFulfillmentStatus;
  const status = statusText ? STATUS[statusText] : undefined;
  const channel = json.fulfillmentChannel ?? '';
  const fulfilment = /^(seller|mfn|merchant)$/i.test(channel) ? 'MFN' : /^(amazon|afn)$/i.test(channel) ? 'FBA' : undefined;
  const purchase = epochSecondsToIso(json.purchaseDate ?? json.orderDate ?? Number.NaN);
  const shipBy = window(json.earliestShipDate, json.latestShipDate);
  const deliverBy = window(json.earliestDeliveryDate, json.latestDeliveryDate);
  const marketplace = marketplaceFromId(json.orderMarketplaceId ?? json.homeMarketplaceId);
  const cancellationDate = cancellationDateOf(json, purchase, shipBy?.latest).at;
  return {
    orderId: json.amazonOrderId,
    ...(marketplace ? { marketplace } : {}),
    ...(purchase ? { purchaseDate: purchase } : {}),
    ...(shipBy ? { shipBy } : {}),
    ...(deliverBy ? { deliverBy } : {}),
    ...(fulfilment ? { fulfilment } : {}),
    ...(status ? { status } : {}),
    ...(request ? { buyerRequestedCancel: request } : {}),
    ...(cancellationDate ? { cancellationDate } : {}),
    items: items.map(({ buyerRequestedCancel: _flag, ...rest }) => rest),
  };
}

/**
 * DOM snapshot + the JSON of the same order: the JSON wins for every field it has; the DOM keeps
 * what only it has (buyer contact, controls). Missing entries the JSON filled are dropped.
 */
export function mergeOrderDetails(dom: OrderDetailsSnapshot, json: OrderJson): OrderDetailsSnapshot {
  if (json.amazonOrderId !== dom.orderId) return dom;
  return { ...withJson(dom, json), sources: ['dom', 'orders-api'] };
}

const sameItems = (a: BuyerRequestedCancel, b: BuyerRequestedCancel) => JSON.stringify((a.items ?? []).map((i) => i.asin ?? i.index)) === JSON.stringify((b.items ?? []).map((i) => i.asin ?? i.index));

/**
 * The order data's request over the page's: the data wins; what the page showed, when it said
 * otherwise (a banner for the whole order against the data's "no", or other items), is kept as
 * the disagreement so that "What I read" can show it.
 */
export function mergeCancel(page: BuyerRequestedCancel | undefined, data: BuyerRequestedCancel | undefined): BuyerRequestedCancel | undefined {
  if (!data) return page;
  if (!page || (page.requested === data.requested && sameItems(page, data))) return data;
  const { disagreement: _earlier, reason: _reason, ...shown } = page;
  return { ...data, disagreement: shown };
}

/** One order read from the page, with the JSON's values over it and the missing entries they fill dropped. */
function withJson<T extends OrderRow>(order: T, json: OrderJson): T {
  const fromJson = orderFromJson(json);
  const filled = new Set(Object.keys(fromJson));
  const itemsFilled = fromJson.items.length > 0;
  const buyerRequestedCancel = mergeCancel(order.buyerRequestedCancel, fromJson.buyerRequestedCancel);
  const problems = orderJsonProblems(json);
  return {
    ...order,
    ...fromJson,
    ...(buyerRequestedCancel ? { buyerRequestedCancel } : {}),
    items: itemsFilled ? fromJson.items : order.items,
    missing: [...order.missing.filter((m) => !filled.has(m.field.replace(/\[.*$/, '')) && !(itemsFilled && m.field.startsWith('items['))), ...problems],
  };
}

export type OrdersApiPayload = { kind: 'order'; order: OrderJson } | { kind: 'search'; orders: OrderJson[] };

/** Checks a response body the page received from /orders-api/…; undefined for anything else. */
export function parseOrdersApi(pathname: string, body: unknown): OrdersApiPayload | undefined {
  if (/^\/orders-api\/order\/\d{3}-\d{7}-\d{7}\/?$/.test(pathname)) {
    const order = orderInResponse(body);
    return order ? { kind: 'order', order } : undefined;
  }
  if (/^\/orders-api\/search\/?$/.test(pathname)) {
    const parsed = SearchResponse.safeParse(body);
    return parsed.success ? { kind: 'search', orders: parsed.data.orders } : undefined;
  }
  return undefined;
}

/** For `npm run read-page` on a saved orders-api response. */
export function readOrdersApiJson(text: string, url?: URL): OrderDetailsSnapshot | OrderListSnapshot | Unrecognized {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { kind: 'unrecognized', reason: `not JSON: ${(error as Error).message}`.slice(0, 300) };
  }
  const json = orderInResponse(body);
  if (json) {
    return { kind: 'order-details', ...orderFromJson(json), controls: [], missing: orderJsonProblems(json), sources: ['orders-api'] };
  }
  const search = SearchResponse.safeParse(body);
  if (search.success) {
    const marketplace = url ? sellerCentralHost(url)?.marketplace : undefined;
    return {
      kind: 'order-list',
      ...(marketplace ? { marketplace } : {}),
      ...(typeof search.data.total === 'number' && Number.isSafeInteger(search.data.total) && search.data.total >= 0 ? { totalOrders: search.data.total } : {}),
      orders: search.data.orders.map((json) => ({ ...orderFromJson(json), controls: [], missing: orderJsonProblems(json) })),
      missing: [],
      sources: ['orders-api'],
    };
  }
  return { kind: 'unrecognized', reason: 'neither an /orders-api/order nor an /orders-api/search response' };
}

/** The list's rows + the JSON of the same orders: per row, the JSON wins for what it has. */
export function mergeOrderRows(list: OrderListSnapshot, jsonByOrder: ReadonlyMap<string, OrderJson>): OrderListSnapshot {
  let merged = false;
  const orders = list.orders.map((row) => {
    const json = jsonByOrder.get(row.orderId);
    if (!json) return row;
    merged = true;
    return withJson(row, json);
  });
  return merged ? { ...list, orders, sources: ['dom', 'orders-api'] } : list;
}

export type { OrderJson };

/** What the page reader hands over on its private link: `pathname` + newline + the body text, at most this long. */
const ObservedDetail = z.lazy(() => z.string().check(z.maxLength(300 + 1 + MAX_OBSERVED_TEXT)));

/**
 * Checks one response handed over by the main-world page reader. It runs among the page's scripts,
 * so nothing is trusted: a string of bounded length, a pathname of ours, JSON, then the schemas above.
 */
export function readObservedResponse(detail: unknown): OrdersApiPayload | undefined {
  const observed = splitObservedDetail(detail);
  if (!observed) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(observed.body);
  } catch {
    return undefined;
  }
  return parseOrdersApi(observed.pathname, body);
}

/** The path and body text of one handed-over response; undefined when it is not of that form. */
export function splitObservedDetail(detail: unknown): { readonly pathname: string; readonly body: string } | undefined {
  const parsed = ObservedDetail.safeParse(detail);
  if (!parsed.success) return undefined;
  const newline = parsed.data.indexOf('\n');
  if (newline < 1 || newline > 300 || parsed.data.length - newline - 1 > MAX_OBSERVED_TEXT) return undefined;
  return { pathname: parsed.data.slice(0, newline), body: parsed.data.slice(newline + 1) };
}
