/**
 * What the page readers hand on: one Zod schema per page type. Every field a reader could not
 * read is left out and named in `missing` with the reason, never filled with a guess.
 * `sources` says where the values came from: the page's DOM, the page's own orders-api JSON, or both;
 * `selection` is text the seller selected and asked to check (lib/pages/selection.ts), not read by a reader.
 */
import * as z from 'zod/mini';
import { MARKETPLACE_IDS } from '../hosts';

const Text = z.lazy(() => z.string().check(z.maxLength(20_000)));
const Short = z.lazy(() => z.string().check(z.maxLength(2_000)));
const OrderId = z.lazy(() => z.string().check(z.regex(/^\d{3}-\d{7}-\d{7}$/)));
const CaseId = z.lazy(() => z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)));
const Asin = z.lazy(() => z.string().check(z.regex(/^[A-Z0-9]{10}$/)));
const Instant = z.lazy(() => z.iso.datetime());
const Count = z.lazy(() => z.number().check(z.int(), z.minimum(0)));

export const InstantWindow = z.lazy(() => z.object({ earliest: Instant, latest: Instant }));
/** Why a field was not read: absent, present but unreadable, or never on this page (another source has it). */
export const MISSING_WHY = ['not-found', 'unreadable', 'elsewhere'] as const;
export type MissingWhy = (typeof MISSING_WHY)[number];
export const Missing = z.lazy(() => z.object({ field: Short, reason: Short, why: z.optional(z.enum(MISSING_WHY)) }));
export type Missing = z.infer<typeof Missing>;
export const Source = z.lazy(() => z.enum(['dom', 'orders-api', 'messaging-api', 'selection']));
export type Source = z.infer<typeof Source>;
export const Marketplace = z.lazy(() => z.enum(MARKETPLACE_IDS));

export const OrderStatus = z.lazy(() => z.enum(['pending', 'unshipped', 'partially-shipped', 'shipped', 'canceled', 'unknown']));
export type OrderStatus = z.infer<typeof OrderStatus>;
export const Fulfilment = z.lazy(() => z.enum(['FBA', 'MFN']));

/** A control of Seller Central's own that guidance points at (or guards). */
export const PAGE_CONTROL_KINDS = ['cancel-order', 'confirm-shipment', 'contact-buyer', 'buy-shipping', 'refund-order'] as const;
export const PageControl = z.lazy(() =>
  z.object({
    kind: z.enum(PAGE_CONTROL_KINDS),
    label: Short,
    /** A CSS path from the document (or shadow root) that finds the control again. */
    path: Short,
  }),
);
export type PageControl = z.infer<typeof PageControl>;

export const OrderItem = z.lazy(() =>
  z.object({
    asin: z.optional(Asin),
    sku: z.optional(Short),
    title: z.optional(Short),
    quantity: z.optional(Count),
    status: z.optional(OrderStatus),
  }),
);
export type OrderItem = z.infer<typeof OrderItem>;

/**
 * Where a buyer's official cancellation request was read: the order app's JSON (per item, the
 * authoritative sign), Amazon's banner on the page, or the marker in an item's status cell. The
 * page is read by Amazon's own words inside alert-like elements (docs/seller-central-pages.md §2a).
 */
export const CANCEL_SIGNAL_SOURCES = ['orders-api', 'page-banner', 'item-status'] as const;
export const CancelSignalSource = z.lazy(() => z.enum(CANCEL_SIGNAL_SOURCES));
export type CancelSignalSource = z.infer<typeof CancelSignalSource>;
/** How the page's words matched: Amazon's whole banner sentence, or an evidenced fragment of its wording in the order's own place. */
export const CancelWording = z.lazy(() => z.enum(['sentence', 'fragment']));
export type CancelWording = z.infer<typeof CancelWording>;
/** An item carrying the request: its position in `items` (0-based) and its ASIN when known. */
export const RequestedItem = z.lazy(() => z.object({ index: Count, asin: z.optional(Asin) }));
export type RequestedItem = z.infer<typeof RequestedItem>;

const cancelReading = () => ({
  /** Which source decided (every reader sets it; optional only for snapshots built by hand). */
  source: z.optional(CancelSignalSource),
  wording: z.optional(CancelWording),
  /** The page's words that decided (page sources only), cut. */
  quote: z.optional(Short),
  /** The items that carry the request when not every item does. */
  items: z.optional(z.array(RequestedItem).check(z.maxLength(1_000))),
});

export const BuyerRequestedCancel = z.lazy(() =>
  z.object({
    /**
     * True only when Amazon's request covers the whole order. A request for some items only is
     * `requested: false` with `items`: Seller Central cannot cancel part of an order, so it is no
     * permission to cancel the order.
     */
    requested: z.boolean(),
    reason: z.optional(Short),
    ...cancelReading(),
    /** Another source that said otherwise: the order data wins over the page, the stricter page reading over the looser. */
    disagreement: z.optional(z.object({ requested: z.boolean(), ...cancelReading() })),
  }),
);
export type BuyerRequestedCancel = z.infer<typeof BuyerRequestedCancel>;

/**
 * Buyer name and address: read only for reply templates and address checks on the page being
 * viewed. Never stored (see lib/urgency for what is kept).
 */
export const BuyerContact = z.lazy(() =>
  z.object({
    name: z.optional(Short),
    addressLines: z.array(Short),
  }),
);

const orderFields = () => ({
  orderId: OrderId,
  marketplace: z.optional(Marketplace),
  purchaseDate: z.optional(Instant),
  shipBy: z.optional(InstantWindow),
  deliverBy: z.optional(InstantWindow),
  fulfilment: z.optional(Fulfilment),
  status: z.optional(OrderStatus),
  buyerRequestedCancel: z.optional(BuyerRequestedCancel),
  /**
   * The order data's `cancellationDate`: most likely the day Amazon cancels the order if it is not
   * confirmed as shipped (inferred, docs/seller-central-pages.md §13). Only from the order data,
   * and only when it falls after the purchase and the ship-by date.
   */
  cancellationDate: z.optional(Instant),
  items: z.array(OrderItem),
  tracking: z.optional(z.object({ id: Short, carrier: z.optional(Short) })),
  buyer: z.optional(BuyerContact),
  controls: z.array(PageControl),
  missing: z.array(Missing),
});

export const OrderDetailsSnapshot = z.lazy(() =>
  z.object({
    kind: z.literal('order-details'),
    ...orderFields(),
    sources: z.array(Source),
  }),
);
export type OrderDetailsSnapshot = z.infer<typeof OrderDetailsSnapshot>;

export const OrderRow = z.lazy(() => z.object(orderFields()));
export type OrderRow = z.infer<typeof OrderRow>;

export const OrderListSnapshot = z.lazy(() =>
  z.object({
    kind: z.literal('order-list'),
    marketplace: z.optional(Marketplace),
    /** "N orders" as the page states it, which may exceed the rows on this page. */
    totalOrders: z.optional(Count),
    orders: z.array(OrderRow),
    /** Amazon's banner of pending buyer cancellation requests (DOM not evidenced; text-matched). */
    cancellationBanner: z.optional(z.object({ text: Text })),
    missing: z.array(Missing),
    sources: z.array(Source),
  }),
);
export type OrderListSnapshot = z.infer<typeof OrderListSnapshot>;

export const Message = z.lazy(() =>
  z.object({
    sender: z.enum(['buyer', 'seller', 'amazon']),
    time: z.optional(Instant),
    text: Text,
  }),
);
export type Message = z.infer<typeof Message>;

export const ReplyBox = z.lazy(() =>
  z.object({
    kind: z.enum(['kat-textarea', 'textarea', 'contenteditable']),
    path: Short,
    /** True when the box sits inside a shadow root or frame. */
    nested: z.boolean(),
  }),
);

export const MessageThreadSnapshot = z.lazy(() =>
  z.object({
    kind: z.literal('message-thread'),
    marketplace: z.optional(Marketplace),
    /** The open case (a uuid), when the URL or the page names it. */
    caseId: z.optional(CaseId),
    subject: z.optional(Short),
    orderId: z.optional(OrderId),
    messages: z.array(Message),
    /** The buyer wrote last and nothing was sent after. */
    replyPending: z.optional(z.boolean()),
    replyBox: z.optional(ReplyBox),
    missing: z.array(Missing),
    sources: z.array(Source),
  }),
);
export type MessageThreadSnapshot = z.infer<typeof MessageThreadSnapshot>;

/** One case an inbox lists: what its row (or the app's JSON) shows. Held for the page being viewed only. */
export const InboxCase = z.lazy(() =>
  z.object({
    caseId: z.optional(CaseId),
    orderId: z.optional(OrderId),
    /** The row's first line: Amazon's subject or the buyer's name. */
    title: z.optional(Short),
    /** The last message's start as the row shows it, or the buyer's latest message from the app's JSON. */
    preview: z.optional(Text),
    resolved: z.boolean(),
    /** Where the text came from: the row on the page, or the app's JSON of the case (which wins). */
    source: Source,
  }),
);
export type InboxCase = z.infer<typeof InboxCase>;

export const MessageInboxSnapshot = z.lazy(() =>
  z.object({
    kind: z.literal('message-inbox'),
    marketplace: z.optional(Marketplace),
    responseNeeded: z.optional(Count),
    /** The page shows the "Response needed" list (its address says so): every case on it awaits the seller. */
    responseNeededView: z.optional(z.boolean()),
    /** The cases the page (or the app's JSON) lists, at most 500. */
    cases: z.optional(z.array(InboxCase).check(z.maxLength(500))),
    missing: z.array(Missing),
    sources: z.array(Source),
  }),
);
export type MessageInboxSnapshot = z.infer<typeof MessageInboxSnapshot>;

export const NoticeKind = z.lazy(() => z.enum(['listing-removed', 'a-to-z-claim', 'undeliverable-message', 'other']));
export const ListingProblem = z.lazy(() => z.enum(['condition', 'authenticity', 'wrong-item', 'restricted-product', 'unknown']));

export const NoticeSnapshot = z.lazy(() =>
  z.object({
    kind: z.literal('notice'),
    marketplace: z.optional(Marketplace),
    subject: z.optional(Short),
    body: z.optional(Text),
    noticeKind: NoticeKind,
    listingProblem: z.optional(ListingProblem),
    asin: z.optional(Asin),
    orderId: z.optional(OrderId),
    relistingMentioned: z.boolean(),
    missing: z.array(Missing),
    sources: z.array(Source),
  }),
);
export type NoticeSnapshot = z.infer<typeof NoticeSnapshot>;

export const Metric = z.lazy(() =>
  z.object({
    /** Percent, as shown (2.5 means 2.5 %). */
    percent: z.number().check(z.minimum(0), z.maximum(100)),
    numerator: z.optional(Count),
    denominator: z.optional(Count),
  }),
);
export type Metric = z.infer<typeof Metric>;

export const AccountHealthSnapshot = z.lazy(() =>
  z.object({
    kind: z.literal('account-health'),
    marketplace: z.optional(Marketplace),
    cancellationRate: z.optional(Metric),
    lateShipmentRate: z.optional(Metric),
    orderDefectRate: z.optional(Metric),
    validTrackingRate: z.optional(Metric),
    missing: z.array(Missing),
    sources: z.array(Source),
  }),
);
export type AccountHealthSnapshot = z.infer<typeof AccountHealthSnapshot>;

/** An amount as the page shows it; `currency` from its symbol or code when it shows one (JPY, USD, EUR, GBP, CAD, MXN). */
export const Money = z.lazy(() => z.object({ amount: z.number(), currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))) }));
export type Money = z.infer<typeof Money>;
/** What a Transaction view row is: an order payment, a refund, or anything else (adjustments, service fees, transfers…). */
export const TransactionKind = z.lazy(() => z.enum(['order-payment', 'refund', 'other']));
export type TransactionKind = z.infer<typeof TransactionKind>;

/**
 * One row of the Payments Transaction view (`/payments/event/view`). Columns as the view's own
 * export names them (EN/JA/FR, docs/seller-central-pages.md §14, B); the rendered table is assumed
 * to use the same headers. No buyer data: the product details column is not kept, only a SKU it names.
 */
export const TransactionRow = z.lazy(() =>
  z.object({
    date: z.optional(Short),
    kind: TransactionKind,
    /** The transaction type as the page wrote it. */
    typeText: z.optional(Short),
    orderId: z.optional(OrderId),
    /** A SKU the row names ("SKU: …" in its product details), when it names exactly one (assumed layout). */
    sku: z.optional(Short),
    productCharges: z.optional(Money),
    promotions: z.optional(Money),
    amazonFees: z.optional(Money),
    other: z.optional(Money),
    total: z.optional(Money),
  }),
);
export type TransactionRow = z.infer<typeof TransactionRow>;

/** Why a Transaction view row says nothing about a referral rate (lib/fees `rowRate`; "What I read": could not tell). */
export const COULD_NOT_TELL = ['not-order-payment', 'no-order-id', 'no-fee', 'other-currency', 'promotion', 'price-zero', 'other-deduction', 'minimum-fee', 'implausible', 'no-sku', 'fba'] as const;
export type CouldNotTell = (typeof COULD_NOT_TELL)[number];
export const FeeNote = z.lazy(() => z.object({ orderId: z.optional(OrderId), reason: z.enum(COULD_NOT_TELL) }));
export type FeeNote = z.infer<typeof FeeNote>;

export const TransactionsSnapshot = z.lazy(() =>
  z.object({
    kind: z.literal('transactions'),
    marketplace: z.optional(Marketplace),
    /** The currency the view states for its totals ("Total (JPY)", 「合計 (JPY)」). */
    currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))),
    /** The order the view was searched for (`orderId=` in its address), when it was. */
    orderSearch: z.optional(OrderId),
    rows: z.array(TransactionRow).check(z.maxLength(500)),
    /** Filled in from the background's assessment (lib/fees): order payments whose rate was read, and the rows that could not tell. */
    rated: z.optional(Count),
    couldNotTell: z.optional(z.array(FeeNote).check(z.maxLength(500))),
    missing: z.array(Missing),
    sources: z.array(Source),
  }),
);
export type TransactionsSnapshot = z.infer<typeof TransactionsSnapshot>;

/** Why a page of a known kind could not be read, when the UI can say it in the seller's language. */
export const READ_PROBLEMS = ['messages-no-conversation', 'messages-two-conversations', 'messages-frame-blocked', 'messages-page-too-large'] as const;
export const ReadProblem = z.lazy(() => z.enum(READ_PROBLEMS));
export type ReadProblem = z.infer<typeof ReadProblem>;

export const Unrecognized = z.lazy(() => z.object({ kind: z.literal('unrecognized'), reason: Short, problem: z.optional(ReadProblem) }));
export type Unrecognized = z.infer<typeof Unrecognized>;

export const PageSnapshot = z.lazy(() =>
  z.discriminatedUnion('kind', [OrderDetailsSnapshot, OrderListSnapshot, MessageThreadSnapshot, MessageInboxSnapshot, NoticeSnapshot, AccountHealthSnapshot, TransactionsSnapshot, Unrecognized]),
);
export type PageSnapshot = z.infer<typeof PageSnapshot>;
