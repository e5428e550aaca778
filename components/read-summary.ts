/**
 * The sidebar's "What I read": a snapshot turned into labelled lines in the UI language (view text,
 * kept out of lib/pages so the readers never depend on the UI's words). Pure: the locale comes in as an
 * argument; dates are shown in the marketplace's time zone.
 */
import type { MessageKey, Translate } from '@/lib/i18n';
import { zoneOffsetMinutes } from '@/lib/time';
import { zoneOf } from '@/lib/pages/read-common';
import type { BuyerRequestedCancel, CancelSignalSource, CouldNotTell, Metric, Missing, OrderItem, OrderStatus, PageSnapshot, ReadProblem } from '@/lib/pages/snapshot';

export interface SummaryLine {
  readonly label: MessageKey;
  readonly value: string;
}

export interface Summary {
  readonly lines: readonly SummaryLine[];
  readonly missing: readonly Missing[];
  /** Which sources the values came from, as a sentence; or why nothing was read. */
  readonly note: string;
  /** When nothing was read: the reader's own reason, in English (for the UI to show or put on hover). */
  readonly detail?: string;
}

const STATUS_LABEL: Readonly<Record<OrderStatus, MessageKey>> = {
  pending: 'statusPending',
  unshipped: 'statusUnshipped',
  'partially-shipped': 'statusPartiallyShipped',
  shipped: 'statusShipped',
  canceled: 'statusCanceled',
  unknown: 'statusUnknown',
};

const NOTICE_LABEL = {
  'listing-removed': 'noticeListingRemoved',
  'a-to-z-claim': 'noticeAtoZ',
  'undeliverable-message': 'noticeUndeliverable',
  other: 'noticeOther',
} as const satisfies Record<string, MessageKey>;

const PROBLEM_LABEL = {
  condition: 'problemCondition',
  authenticity: 'problemAuthenticity',
  'wrong-item': 'problemWrongItem',
  'restricted-product': 'problemRestricted',
  unknown: 'problemUnknown',
} as const satisfies Record<string, MessageKey>;

/** Reasons a reader can give in the seller's language (the UI then needs no English detail). */
export const READ_PROBLEM_LABEL: Readonly<Record<ReadProblem, MessageKey>> = {
  'messages-no-conversation': 'readProblemMessagesNoConversation',
  'messages-two-conversations': 'readProblemMessagesTwoConversations',
  'messages-frame-blocked': 'readProblemMessagesFrameBlocked',
  'messages-page-too-large': 'readProblemMessagesPageTooLarge',
};

/** Why a Transaction view row said nothing about a referral rate ("could not tell"). */
const FEE_WHY: Readonly<Record<CouldNotTell, MessageKey>> = {
  'not-order-payment': 'feeWhyNotOrderPayment',
  'no-order-id': 'feeWhyNoOrderId',
  'no-fee': 'feeWhyNoFee',
  'other-currency': 'feeWhyOtherCurrency',
  promotion: 'feeWhyPromotion',
  'price-zero': 'feeWhyPriceZero',
  'other-deduction': 'feeWhyOtherDeduction',
  'minimum-fee': 'feeWhyMinimumFee',
  implausible: 'feeWhyImplausible',
  'no-sku': 'feeWhyNoSku',
  fba: 'feeWhyFba',
};

const SENDER_LABEL = { buyer: 'senderBuyer', seller: 'senderSeller', amazon: 'senderAmazon' } as const satisfies Record<string, MessageKey>;

function isWholeDay(window: { earliest: string; latest: string }, timeZone: string): boolean {
  const start = Date.parse(window.earliest);
  const end = Date.parse(window.latest);
  const local = (ms: number) => ms + zoneOffsetMinutes(ms, timeZone) * 60_000;
  // The orders API ends a day at hh:59:59 (no milliseconds), the page readers at hh:59:59.999.
  return local(start) % 86_400_000 === 0 && local(end) % 86_400_000 >= 86_400_000 - 1_000;
}

export function formatWindow(window: { earliest: string; latest: string }, locale: string, timeZone: string): string {
  const wholeDay = isWholeDay(window, timeZone);
  const format = new Intl.DateTimeFormat(locale, {
    timeZone,
    timeZoneName: wholeDay ? undefined : 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    ...(wholeDay ? {} : { hour: 'numeric', minute: '2-digit' }),
  });
  const start = new Date(window.earliest);
  const end = new Date(Date.parse(window.latest));
  return window.earliest === window.latest ? format.format(start) : format.formatRange(start, end);
}

const CANCEL_SOURCE_LABEL: Readonly<Record<CancelSignalSource, MessageKey>> = {
  'orders-api': 'cancelSourceOrdersApi',
  'page-banner': 'cancelSourcePageBanner',
  'item-status': 'cancelSourceItemStatus',
};

/** "item 2 (B0…)", for the items carrying a request. */
function itemList(reading: BuyerRequestedCancel, t: Translate): string {
  return (reading.items ?? []).map((item) => t('cancelItem', [String(item.index + 1), item.asin ?? ''])).join(', ');
}

/** What one reading says: yes / no / only some items, and from where. */
function cancelReading(reading: Omit<BuyerRequestedCancel, 'disagreement'>, items: readonly OrderItem[], t: Translate): string {
  const source = reading.source ? t(CANCEL_SOURCE_LABEL[reading.source]) : t('cancelSourceUnnamed');
  if (reading.requested) return t('cancelYesFrom', [source]);
  if (reading.items && reading.items.length > 0) return t('cancelSomeItemsFrom', [itemList(reading, t), String(Math.max(items.length, ...reading.items.map((i) => i.index + 1))), source]);
  return t('cancelNoFrom', [source]);
}

/** The buyer's official request as "What I read" shows it: the value, which source decided, the page's words, and any disagreement. */
function cancelLines(order: { buyerRequestedCancel?: BuyerRequestedCancel | undefined; items: readonly OrderItem[]; missing: readonly Missing[] }, t: Translate): [MessageKey, string][] {
  const reading = order.buyerRequestedCancel;
  if (!reading) {
    const unclear = order.missing.some((m) => m.field === 'buyerRequestedCancel' && m.why === 'unreadable');
    return [['fieldBuyerCancel', t(unclear ? 'valueCouldNotTell' : 'valueNotShown')]];
  }
  const lines: [MessageKey, string][] = [['fieldBuyerCancel', cancelReading(reading, order.items, t)]];
  if (reading.quote) lines.push(['fieldBuyerCancelWords', t(reading.wording === 'fragment' ? 'cancelWordsFragment' : 'cancelWordsSentence', [reading.quote])]);
  if (reading.disagreement) lines.push(['fieldBuyerCancelDisagreement', t('cancelDisagreement', [cancelReading(reading.disagreement, order.items, t)])]);
  return lines;
}

function formatRate(metric: Metric, locale: string, t: Translate): string {
  const percent = `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(metric.percent)}%`;
  return metric.numerator !== undefined && metric.denominator !== undefined ? t('rateOf', [percent, String(metric.numerator), String(metric.denominator)]) : percent;
}

export function summarise(snapshot: PageSnapshot, locale: string, t: Translate): Summary {
  if (snapshot.kind === 'unrecognized') {
    if (snapshot.problem) return { lines: [], missing: [], note: t('readNotRead', [t(READ_PROBLEM_LABEL[snapshot.problem])]) };
    return { lines: [], missing: [], note: t('readNotRead', [snapshot.reason]), detail: snapshot.reason };
  }
  const zone = zoneOf(snapshot.marketplace);
  const lines: SummaryLine[] = [];
  const add = (label: MessageKey, value: string | undefined) => {
    if (value !== undefined && value !== '') lines.push({ label, value });
  };
  const yesNo = (value: boolean | undefined) => (value === undefined ? undefined : t(value ? 'valueYes' : 'valueNo'));
  const when = (window: { earliest: string; latest: string } | undefined) => (window ? formatWindow(window, locale, zone) : undefined);

  switch (snapshot.kind) {
    case 'order-details':
      add('fieldOrderId', snapshot.orderId);
      add('fieldShipBy', when(snapshot.shipBy));
      add('fieldDeliverBy', when(snapshot.deliverBy));
      add('fieldPurchaseDate', when(snapshot.purchaseDate ? { earliest: snapshot.purchaseDate, latest: snapshot.purchaseDate } : undefined));
      add('fieldFulfilment', snapshot.fulfilment && t(snapshot.fulfilment === 'FBA' ? 'fulfilmentFBA' : 'fulfilmentMFN'));
      add('fieldStatus', snapshot.status && t(STATUS_LABEL[snapshot.status]));
      add('fieldItems', snapshot.items.map((item) => [item.asin, item.quantity !== undefined ? `×${item.quantity}` : ''].filter(Boolean).join(' ')).join(', '));
      for (const [label, value] of cancelLines(snapshot, t)) add(label, value);
      if (snapshot.cancellationDate) add('fieldAutoCancel', t('autoCancelAmazonDate', [formatWindow({ earliest: snapshot.cancellationDate, latest: snapshot.cancellationDate }, locale, zone)]));
      add('fieldControls', snapshot.controls.map((c) => c.label).join(' · '));
      break;
    case 'order-list':
      add('fieldOrders', snapshot.totalOrders !== undefined ? `${snapshot.orders.length} / ${snapshot.totalOrders}` : String(snapshot.orders.length));
      add('fieldCancelBanner', yesNo(snapshot.cancellationBanner !== undefined));
      {
        const requested = snapshot.orders.filter((o) => o.buyerRequestedCancel?.requested === true);
        const fromPage = requested.filter((o) => o.buyerRequestedCancel?.source !== 'orders-api').length;
        const unclear = snapshot.orders.filter((o) => o.missing.some((m) => m.field === 'buyerRequestedCancel' && m.why === 'unreadable')).length;
        if (requested.length > 0 || unclear > 0) add('fieldCancelRequestRows', t('cancelRequestRows', [String(requested.length), String(fromPage), String(unclear)]));
      }
      break;
    case 'message-thread': {
      add('fieldSubject', snapshot.subject);
      add('fieldOrderId', snapshot.orderId);
      add('fieldMessages', String(snapshot.messages.length));
      const last = snapshot.messages.at(-1);
      add('fieldLastSender', last && t(SENDER_LABEL[last.sender]));
      add('fieldReplyBox', t(snapshot.replyBox ? 'valueFound' : 'valueNotFound'));
      break;
    }
    case 'message-inbox':
      add('fieldResponseNeeded', snapshot.responseNeeded?.toString());
      if (snapshot.cases) {
        const fromJson = snapshot.cases.filter((c) => c.source === 'messaging-api').length;
        add('fieldCasesListed', fromJson > 0 ? t('casesListedWithJson', [String(snapshot.cases.length), String(fromJson)]) : String(snapshot.cases.length));
      }
      break;
    case 'notice':
      add('fieldNoticeKind', t(NOTICE_LABEL[snapshot.noticeKind]));
      add('fieldSubject', snapshot.subject);
      add('fieldListingProblem', snapshot.listingProblem && t(PROBLEM_LABEL[snapshot.listingProblem]));
      add('fieldAsin', snapshot.asin);
      add('fieldOrderId', snapshot.orderId);
      if (snapshot.noticeKind === 'listing-removed') add('fieldRelisting', yesNo(snapshot.relistingMentioned));
      break;
    case 'transactions': {
      add('fieldOrderId', snapshot.orderSearch);
      add('fieldTransactionRows', t('transactionRowsValue', [String(snapshot.rows.length), String(snapshot.rows.filter((r) => r.kind === 'order-payment').length)]));
      const notes = snapshot.couldNotTell ?? [];
      if (snapshot.rated !== undefined) add('fieldFeeRates', t('feeRatesValue', [String(snapshot.rated), String(notes.length)]));
      add(
        'fieldFeeCouldNotTell',
        notes
          .slice(0, 30)
          .map((n) => t(FEE_WHY[n.reason], [n.orderId ?? t('feeNoOrder')]))
          .join(' · '),
      );
      break;
    }
    case 'account-health':
      add('fieldCancellationRate', snapshot.cancellationRate && formatRate(snapshot.cancellationRate, locale, t));
      add('fieldLateShipmentRate', snapshot.lateShipmentRate && formatRate(snapshot.lateShipmentRate, locale, t));
      add('fieldOrderDefectRate', snapshot.orderDefectRate && formatRate(snapshot.orderDefectRate, locale, t));
      add('fieldValidTrackingRate', snapshot.validTrackingRate && formatRate(snapshot.validTrackingRate, locale, t));
      break;
  }
  return {
    lines,
    missing: snapshot.missing,
    note: t(
      snapshot.sources.includes('selection')
        ? 'readFromSelection'
        : snapshot.sources.includes('orders-api')
          ? 'readFromPageAndData'
          : snapshot.sources.includes('messaging-api')
            ? snapshot.sources.includes('dom')
              ? 'readFromPageAndMessagingData'
              : 'readFromMessagingData'
            : 'readFromPage',
    ),
  };
}
