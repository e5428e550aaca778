/**
 * advise: (snapshot, classifications, memory, settings, now) -> findings. Pure.
 *
 * The rules are data (`FINDING_RULES`): one entry per finding id with its severity, source,
 * suggested templates and page control, and a `fire` function over the facts gathered from the
 * page. `INTENT_FINDINGS` maps every classifier intent to the findings it can raise (a Record, so
 * a new intent without an entry does not compile). Deadlines are judged in the marketplace's
 * time zone.
 */
import { MODEL_EVIDENCE, type Classification, type Flag, type Intent } from '../classify/types';
import { trustedIntent } from '../classify/official';
import { A_TO_Z_RESPONSE_HOURS, BUYER_CANCEL_WINDOW_MINUTES, ON_TIME_DELIVERY_RATE, PRE_FULFILMENT_CANCEL_RATE, REPLY_WINDOW_HOURS, estimateAutoCancel } from '../amazon-figures';
import { MARKETPLACES, type MarketplaceId } from '../hosts';
import type { MessageKey } from '../i18n';
import { DAMAGED_IN_TRANSIT as TRANSIT } from '../pages/wording';
import type { AccountHealthSnapshot, CancelSignalSource, NoticeSnapshot, OrderDetailsSnapshot, OrderRow, PageSnapshot, RequestedItem } from '../pages/snapshot';
import type { TemplateId } from '../templates/ids';
import type { AccountHealthReading as StoredAccountHealthReading } from '../settings';
import { waitingBuyerMessages, type ClassifiedMessage, type OrderWatch } from '../watch';
import type { FeeJump } from '../fees';
import { addressConcerns } from './address';
import { dayKey } from '../time';
import type { BadgeCount, Finding, FindingId, GuidanceSettings, HighlightedText, Line, Severity, SourceId } from './types';
import { COMPLAINTS, HIGH_RISK_INTENTS } from './policy';
import { SEVERITIES } from './types';

const HOUR = 60 * 60 * 1000;
/** Amazon's Pre-fulfilment Cancel Rate limit, in percent (lib/amazon-figures.ts, with its sources). */
const CANCELLATION_RATE_TARGET = PRE_FULFILMENT_CANCEL_RATE.maxPercent;

/** The account-health reading the rules use: the stored reading (lib/settings.ts), without its version. */
export type AccountHealthReading = Omit<StoredAccountHealthReading, 'version'>;

export interface AdviceInput {
  readonly snapshot: PageSnapshot;
  /** The thread's messages as classified (thread pages). */
  readonly classified?: readonly ClassifiedMessage[];
  /** What earlier pages revealed about the order on this page. */
  readonly watch?: OrderWatch | undefined;
  /** The seller's last Cancellation Rate reading (from the account health page). */
  readonly accountHealth?: AccountHealthReading | undefined;
  readonly settings: GuidanceSettings;
  /** Epoch milliseconds. */
  readonly now: number;
  /** On a Transaction view: the referral fees that departed from their SKU's usual rate (worked out in the background, lib/fees). */
  readonly feeJumps?: readonly FeeJump[] | undefined;
}

/** Where the order page's reading of the request came from, as a line of the finding. */
const CANCEL_SOURCE_LINE: Readonly<Record<CancelSignalSource, MessageKey>> = {
  'orders-api': 'findingCancelRequestFromData',
  'page-banner': 'findingCancelRequestFromBanner',
  'item-status': 'findingCancelRequestFromItemStatus',
};

// ── Facts gathered from the page and memory ─────────────────────────────────────────────────────

interface OrderFacts {
  readonly orderId: string;
  readonly marketplace?: MarketplaceId | undefined;
  readonly shipBy?: string | undefined;
  readonly fulfilment?: 'FBA' | 'MFN' | undefined;
  readonly status?: OrderDetailsSnapshot['status'];
  readonly buyerRequestedCancel?: boolean | undefined;
  /** Where the page's reading of the request came from (not for memory or messages). */
  readonly cancelSource?: CancelSignalSource | undefined;
  /** The items carrying Amazon's request when not every item does (no request for the order). */
  readonly requestedItems?: readonly RequestedItem[] | undefined;
  readonly buyer?: OrderDetailsSnapshot['buyer'];
  /** The order data's cancellationDate (Amazon's automatic-cancellation date, inferred). */
  readonly cancellationDate?: string | undefined;
  /** The order data's cancellationDate was there but unusable. */
  readonly cancellationDateUnusable?: boolean | undefined;
}

interface MessageFact {
  /** Which message this is (sender and time, or place in the thread): what the order memory keys it by. */
  readonly key: string;
  readonly sender: 'buyer' | 'amazon';
  readonly at?: string | undefined;
  readonly intent: Intent;
  readonly flags: readonly Flag[];
  readonly answered: boolean;
  readonly text?: string;
  readonly highlight?: HighlightedText;
}

interface Facts {
  /** The page read, or `memory`: an order as remembered (lib/watch), for the badge. */
  readonly page: PageSnapshot['kind'] | 'memory';
  readonly marketplace?: MarketplaceId | undefined;
  readonly orders: readonly OrderFacts[];
  /** Messages about the single order of this page (thread or order details). */
  readonly messages: readonly MessageFact[];
  readonly notice?: NoticeSnapshot;
  /** An Amazon notice about this order seen on an earlier page (the order memory's). */
  readonly noticeSeen?: OrderWatch['notice'];
  /** When the order memory last saw this order (the moment a claim message without a time was seen). */
  readonly lastSeen?: string | undefined;
  readonly health?: AccountHealthSnapshot;
  readonly accountHealth?: AccountHealthReading | undefined;
  readonly settings: GuidanceSettings;
  readonly now: number;
  readonly feeJumps?: readonly FeeJump[] | undefined;
}

type Draft = Partial<Omit<Finding, 'id'>> & Pick<Finding, 'title' | 'subject'>;

export interface FindingRule {
  readonly severity: Severity;
  readonly source: SourceId;
  readonly templates: readonly TemplateId[];
  readonly control?: Finding['control'];
  readonly fire: (facts: Facts) => readonly Draft[];
}

// ── Helpers ─────────────────────────────────────────────────────────────────────────────────────

const line = (key: MessageKey, ...args: string[]): Line => (args.length > 0 ? { key, args } : { key });
/** Complaints, and a buyer saying they filed (or will file) an A-to-z claim: answered now. */
const COMPLAINT_LIKE: ReadonlySet<Intent> = new Set([...COMPLAINTS, 'a-to-z-claim']);
const CLOSED: ReadonlySet<string> = new Set(['shipped', 'canceled']);
function single<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

function timeZoneOf(marketplace: MarketplaceId | undefined): string {
  return MARKETPLACES[marketplace ?? 'US'].timeZone;
}

function percent(value: number): string {
  return `${(Math.round(value * 100) / 100).toFixed(2)}%`;
}

/** The buyer's messages of this order worth acting on: the current thread's, else memory's. */
function buyerMessages(facts: Facts, intents: ReadonlySet<Intent> | Intent, { waiting = false } = {}): MessageFact[] {
  const wanted = typeof intents === 'string' ? new Set([intents]) : intents;
  return facts.messages.filter((m) => m.sender === 'buyer' && wanted.has(m.intent) && !(waiting && m.answered));
}

/**
 * The order's reply count for the badge: its first waiting high-risk message (lib/guidance/policy),
 * else its oldest waiting message once it has waited the seller's threshold; overdue after Amazon's
 * 24 hours. The same for every finding of the order that counts a reply, so the badge lists one.
 */
function replyCount(facts: Facts): BadgeCount | undefined {
  const waiting = waitingBuyerMessages(facts.messages);
  const oldest = waiting.find((m) => m.at !== undefined);
  const risky = waiting.find((m) => HIGH_RISK_INTENTS.has(m.intent));
  const waited = oldest?.at ? facts.now - Date.parse(oldest.at) : undefined;
  if (!risky && (waited === undefined || waited < facts.settings.replyDueHours * HOUR)) return undefined;
  const message = risky ?? oldest!;
  return {
    kind: 'reply',
    key: `reply:${message.key}`,
    intent: message.intent,
    highRisk: risky !== undefined,
    overdue: waited !== undefined && waited >= REPLY_WINDOW_HOURS * HOUR,
    ...(oldest?.at ? { since: oldest.at, at: new Date(Date.parse(oldest.at) + REPLY_WINDOW_HOURS * HOUR).toISOString() } : {}),
  };
}

/** A badge count, or nothing: for a draft's `...counted(…)`. */
function counted(count: BadgeCount | undefined): { badge?: BadgeCount } {
  return count ? { badge: count } : {};
}

function highlights(messages: readonly MessageFact[]): HighlightedText[] {
  return messages.flatMap((m) => single(m.highlight));
}

function theOrder(facts: Facts): OrderFacts | undefined {
  return facts.page === 'order-list' ? undefined : facts.orders[0];
}

function subjectOf(facts: Facts, order?: OrderFacts): string {
  if (order) return order.orderId;
  if (facts.notice) return `notice:${facts.notice.asin ?? facts.notice.orderId ?? facts.notice.subject ?? facts.notice.noticeKind}`;
  return `${facts.page}:${facts.marketplace ?? 'any'}`;
}

// ── The rules ───────────────────────────────────────────────────────────────────────────────────

export const FINDING_RULES: Readonly<Record<FindingId, FindingRule>> = {
  'cancel-inquiry-not-request': {
    severity: 'critical',
    source: 'case-1',
    templates: ['cancel-how-to-request'],
    control: 'cancel-order',
    fire(facts) {
      const order = theOrder(facts);
      if (!order || order.buyerRequestedCancel === true || CLOSED.has(order.status ?? '')) return [];
      const asked = buyerMessages(facts, 'cancel-inquiry');
      if (asked.length === 0) return [];
      const window = BUYER_CANCEL_WINDOW_MINUTES[order.marketplace ?? facts.marketplace ?? 'US'];
      return [
        {
          title: line('findingCancelInquiryTitle'),
          why: [line('findingCancelInquiryWhy1'), line('findingCancelInquiryWhy2'), line('findingCancelInquiryWindow', String(window))],
          steps: [line('findingCancelInquiryStep1'), line('findingCancelInquiryStep2'), line('findingCancelInquiryStep3')],
          evidence: highlights(asked),
          subject: order.orderId,
        },
      ];
    },
  },

  'cancel-request-pending': {
    severity: 'warning',
    source: 'amazon-cancellation-requests',
    templates: ['cancel-confirmed'],
    control: 'cancel-order',
    fire(facts) {
      const orders = facts.page === 'order-list' ? facts.orders : single(theOrder(facts));
      const official = facts.messages.filter((m) => m.intent === 'cancel-request');
      return orders.flatMap((order): Draft[] => {
        if (order.status === 'canceled') return [];
        if (order.buyerRequestedCancel !== true && order.requestedItems && order.requestedItems.length > 0 && order.status !== 'shipped') {
          // Amazon's request for some items only: no permission to cancel the order (Seller Central cannot cancel part of one).
          const items = order.requestedItems.map((i) => (i.asin ? `${i.index + 1} (${i.asin})` : String(i.index + 1))).join(', ');
          return [
            {
              variant: 'some-items',
              title: line('findingCancelRequestSomeItemsTitle'),
              why: [line('findingCancelRequestSomeItemsWhy', items), ...single(order.cancelSource && line(CANCEL_SOURCE_LINE[order.cancelSource]))],
              steps: [line('findingCancelRequestSomeItemsStep1'), line('findingCancelRequestSomeItemsStep2')],
              templates: [],
              orderId: order.orderId,
              subject: order.orderId,
            },
          ];
        }
        if (order.buyerRequestedCancel !== true && (facts.page === 'order-list' || official.length === 0)) return [];
        const readFrom = order.buyerRequestedCancel === true ? single(order.cancelSource && line(CANCEL_SOURCE_LINE[order.cancelSource])) : [];
        if (order.status === 'shipped') {
          return [
            {
              variant: 'shipped',
              title: line('findingCancelRequestShippedTitle'),
              why: [line('findingCancelRequestShippedWhy'), ...readFrom],
              steps: [line('findingCancelRequestShippedStep1'), line('findingCancelRequestShippedStep2')],
              templates: ['cancel-shipped-refuse-delivery'],
              control: 'refund-order',
              evidence: highlights(official),
              orderId: order.orderId,
              subject: order.orderId,
            },
          ];
        }
        return [
          {
            variant: 'unshipped',
            title: line('findingCancelRequestTitle'),
            why: [line('findingCancelRequestWhy'), ...readFrom],
            steps: [line('findingCancelRequestStep1'), line('findingCancelRequestStep2')],
            evidence: highlights(official),
            orderId: order.orderId,
            subject: order.orderId,
            badge: { kind: 'cancel-request', key: 'cancel-request', overdue: false },
          },
        ];
      });
    },
  },

  'cancel-not-honored': {
    severity: 'critical',
    source: 'case-2',
    templates: ['cancel-request-not-received'],
    fire(facts) {
      const order = theOrder(facts);
      const said = buyerMessages(facts, 'cancel-not-honored');
      if (!order || said.length === 0) return [];
      return [
        {
          title: line('findingCancelNotHonoredTitle'),
          why: [line('findingCancelNotHonoredWhy')],
          steps: [line('findingCancelNotHonoredStep1'), line('findingCancelNotHonoredStep2'), line('findingCancelNotHonoredStep3')],
          evidence: highlights(said),
          subject: order.orderId,
          // Counts while one of them waits for an answer.
          ...counted(said.some((m) => !m.answered) ? replyCount(facts) : undefined),
        },
      ];
    },
  },

  'ship-by-due': {
    severity: 'warning',
    source: 'case-3',
    templates: [],
    control: 'confirm-shipment',
    fire(facts) {
      return facts.orders.flatMap((order): Draft[] => {
        if (!order.shipBy || order.fulfilment === 'FBA') return [];
        if (order.status !== 'unshipped' && order.status !== 'partially-shipped') return [];
        const zone = timeZoneOf(order.marketplace ?? facts.marketplace);
        const deadline = Date.parse(order.shipBy);
        const overdue = deadline < facts.now;
        if (!overdue && dayKey(deadline, zone) !== dayKey(facts.now, zone)) return [];
        return [
          {
            severity: overdue ? 'critical' : 'warning',
            variant: overdue ? 'overdue' : 'today',
            title: line(overdue ? 'findingShipByOverdueTitle' : 'findingShipByTodayTitle'),
            why: [line('findingShipByWhy')],
            steps: [line('findingShipByStep1'), line('findingShipByStep2')],
            deadline: { at: order.shipBy, kind: 'ship-by' },
            orderId: order.orderId,
            subject: order.orderId,
            badge: { kind: 'ship-by', key: 'ship-by', at: order.shipBy, overdue },
          },
        ];
      });
    },
  },

  'auto-cancel-due': {
    severity: 'critical',
    source: 'amazon-auto-cancel',
    templates: [],
    control: 'confirm-shipment',
    fire(facts) {
      // The order page and the badge: the list already says "ship-by date passed" for each row.
      if (facts.page !== 'order-details' && facts.page !== 'memory') return [];
      const order = theOrder(facts);
      if (!order?.shipBy || order.fulfilment === 'FBA') return [];
      if (order.status !== 'unshipped' && order.status !== 'partially-shipped') return [];
      if (Date.parse(order.shipBy) >= facts.now) return [];
      const zone = timeZoneOf(order.marketplace ?? facts.marketplace);
      const amazons = order.cancellationDate;
      const at = amazons ?? estimateAutoCancel(order.shipBy, zone);
      if (!at) return [];
      const passed = Date.parse(at) < facts.now;
      const why = [
        line(amazons ? 'findingAutoCancelWhyAmazon' : 'findingAutoCancelWhyEstimate'),
        ...(order.cancellationDateUnusable ? [line('findingAutoCancelWhyDataUnusable')] : []),
        line('findingAutoCancelWhyRate', percent(PRE_FULFILMENT_CANCEL_RATE.maxPercent), String(PRE_FULFILMENT_CANCEL_RATE.windowDays)),
      ];
      return [
        {
          variant: `${amazons ? 'amazon-date' : 'estimate'}${passed ? '-passed' : ''}`,
          title: line(
            passed ? (amazons ? 'findingAutoCancelPassedTitle' : 'findingAutoCancelPassedEstimateTitle') : amazons ? 'findingAutoCancelTitle' : 'findingAutoCancelEstimateTitle',
            dayKey(Date.parse(at), zone),
          ),
          why,
          steps: [line('findingAutoCancelStep1'), line('findingAutoCancelStep2')],
          deadline: { at, kind: 'auto-cancel' },
          orderId: order.orderId,
          subject: order.orderId,
          badge: { kind: 'auto-cancel', key: 'auto-cancel', cancelAt: at, estimated: !amazons, timeZone: zone, overdue: passed },
        },
      ];
    },
  },

  'message-bounced': {
    severity: 'warning',
    source: 'case-3',
    templates: ['bounce-enclosed-letter', 'seller-support-contact-buyer'],
    fire(facts) {
      const fromNotice = facts.notice?.noticeKind === 'undeliverable-message' || facts.noticeSeen?.kind === 'undeliverable-message';
      const bounced = facts.messages.filter((m) => m.intent === 'delivery-failure' && m.sender === 'amazon');
      if (!fromNotice && bounced.length === 0) return [];
      const order = theOrder(facts);
      const pending = fromNotice || bounced.some((m) => !m.answered);
      const draft: Draft = {
        title: line('findingBouncedTitle'),
        why: [line('findingBouncedWhy')],
        steps: [line('findingBouncedStepCannotShip'), line('findingBouncedStepCanShip')],
        evidence: highlights(bounced),
        subject: subjectOf(facts, order),
      };
      // A notice page names its order without being about it; the badge counts the order all the same.
      const orderId = order?.orderId ?? facts.notice?.orderId;
      if (pending && orderId) Object.assign(draft, { orderId, badge: { kind: 'notice', key: 'notice:undeliverable-message', notice: 'undeliverable-message', overdue: false } });
      return [order?.shipBy && !CLOSED.has(order.status ?? '') ? { ...draft, deadline: { at: order.shipBy, kind: 'ship-by' } } : draft];
    },
  },

  'address-suspicious': {
    severity: 'warning',
    source: 'case-3',
    templates: [],
    fire(facts) {
      const order = theOrder(facts);
      if (!order?.buyer || CLOSED.has(order.status ?? '')) return [];
      const concerns = addressConcerns(order.buyer, order.marketplace ?? facts.marketplace);
      if (concerns.length === 0) return [];
      const why = concerns.map((concern): Line => {
        switch (concern.kind) {
          case 'no-house-number':
            return line('findingAddressNoNumber');
          case 'time-in-name':
            return line('findingAddressTimeInName', concern.text);
          case 'foreign-destination':
            return line('findingAddressForeign', concern.country);
        }
      });
      return [
        {
          severity: concerns.some((c) => c.kind === 'foreign-destination') ? 'critical' : 'warning',
          variant: concerns.map((c) => c.kind).join('+'),
          title: line('findingAddressTitle'),
          why,
          steps: [line('findingAddressStep1'), line('findingAddressStep2')],
          subject: order.orderId,
          ...(concerns.some((c) => c.kind === 'foreign-destination') ? { source: 'amazon-ship-to-address' as const } : {}),
        },
      ];
    },
  },

  'fba-redirect': {
    severity: 'warning',
    source: 'case-4',
    templates: ['fba-contact-amazon'],
    fire(facts) {
      const order = theOrder(facts);
      if (order?.fulfilment !== 'FBA') return [];
      const redirect = facts.messages.filter(
        (m) => m.sender === 'buyer' && !m.answered && (m.intent === 'where-is-order' || m.intent === 'return-refund' || (m.intent === 'defective' && m.text !== undefined && TRANSIT.test(m.text))),
      );
      if (redirect.length === 0) return [];
      return [
        {
          title: line('findingFbaTitle'),
          why: [line('findingFbaWhy')],
          steps: [line('findingFbaStep1')],
          evidence: highlights(redirect),
          subject: order.orderId,
        },
      ];
    },
  },

  'complaint-reply-now': {
    severity: 'warning',
    source: 'case-4',
    templates: ['complaint-acknowledge', 'replacement-offer', 'refund-offer'],
    fire(facts) {
      const order = theOrder(facts);
      const complaints = buyerMessages(facts, COMPLAINT_LIKE, { waiting: true });
      if (complaints.length === 0) return [];
      const serious = complaints.some((m) => m.intent === 'counterfeit' || m.intent === 'a-to-z-claim' || m.flags.includes('mentions-claim') || m.flags.includes('angry'));
      return [
        {
          severity: serious ? 'critical' : 'warning',
          variant: complaints[complaints.length - 1]!.intent,
          title: line('findingComplaintTitle'),
          why: [line('findingComplaintWhy')],
          steps: [line('findingComplaintStep1'), line(order?.fulfilment === 'FBA' ? 'findingComplaintStep2Fba' : 'findingComplaintStep2'), line('findingComplaintStep3')],
          evidence: highlights(complaints),
          subject: subjectOf(facts, order),
          ...counted(order && replyCount(facts)),
        },
      ];
    },
  },

  'address-change-refuse': {
    severity: 'warning',
    source: 'case-5',
    templates: ['address-change-refused', 'address-change-escalation'],
    fire(facts) {
      const order = theOrder(facts);
      const asks = buyerMessages(facts, 'address-change', { waiting: true });
      if (asks.length === 0) return [];
      const foreign = asks.some((m) => m.flags.includes('foreign-redirect'));
      return [
        {
          severity: foreign ? 'critical' : 'warning',
          variant: foreign ? 'foreign' : 'domestic',
          title: line(foreign ? 'findingAddressChangeForeignTitle' : 'findingAddressChangeTitle'),
          why: [line('findingAddressChangeWhy')],
          steps: [line('findingAddressChangeStep1'), line('findingAddressChangeStep2')],
          evidence: highlights(asks),
          subject: subjectOf(facts, order),
          ...counted(order && replyCount(facts)),
        },
      ];
    },
  },

  'listing-removed': {
    severity: 'critical',
    source: 'case-6',
    templates: ['listing-removed-apology', 'listing-removed-plan-of-action'],
    fire(facts) {
      const notice = facts.notice;
      const classified = facts.messages.find((m) => m.sender === 'amazon' && m.intent === 'listing-removed');
      if (notice?.noticeKind !== 'listing-removed' && !classified) return [];
      // Case 6 is the removal after a buyer complaint; a restricted-products review is another matter.
      if (notice?.listingProblem === 'restricted-product') return [];
      const relisting = notice?.relistingMentioned === true || classified?.flags.includes('relisting-mentioned') === true;
      const problem = notice?.listingProblem ?? 'unknown';
      const problemKey: Record<typeof problem, MessageKey> = {
        condition: 'findingListingProblemCondition',
        authenticity: 'findingListingProblemAuthenticity',
        'wrong-item': 'findingListingProblemWrongItem',
        unknown: 'findingListingProblemUnknown',
      };
      const why = [line(problemKey[problem]), line('findingListingRemovedWhy')];
      if (notice?.asin) why.unshift(line('findingListingAsin', notice.asin));
      return [
        {
          variant: relisting ? 'pattern-2' : 'pattern-1',
          title: line(relisting ? 'findingListingRemovedTitle2' : 'findingListingRemovedTitle1'),
          why,
          steps: relisting
            ? [
                line('findingListingPattern2Step1'),
                line(problem === 'authenticity' ? 'findingListingPattern2Step2Authenticity' : 'findingListingPattern2Step2Other'),
                line('findingListingPattern2Step3'),
                line('findingListingPattern2Step4'),
              ]
            : [line('findingListingPattern1Step1'), line('findingListingPattern1Step2'), line('findingListingPattern1Step3')],
          templates: relisting ? ['listing-removed-plan-of-action'] : ['listing-removed-apology'],
          evidence: highlights(single(classified)),
          subject: subjectOf(facts),
        },
      ];
    },
  },

  'a-to-z-claim': {
    severity: 'critical',
    source: 'amazon-a-to-z',
    templates: [],
    fire(facts) {
      const claims = facts.messages.filter((m) => m.sender === 'amazon' && m.intent === 'a-to-z-claim');
      const seen = facts.noticeSeen?.kind === 'a-to-z-claim' ? facts.noticeSeen.seen : undefined;
      if (facts.notice?.noticeKind !== 'a-to-z-claim' && seen === undefined && claims.length === 0) return [];
      const at = claims.find((m) => m.at)?.at;
      const orderId = theOrder(facts)?.orderId ?? facts.notice?.orderId;
      // For the badge: the claim's 72 hours run from the notice seen, else the waiting claim message (or when it was seen).
      const waiting = claims.find((m) => !m.answered);
      const start = seen ?? (waiting ? (waiting.at ?? facts.lastSeen) : undefined);
      const pending = facts.notice?.noticeKind === 'a-to-z-claim' || start !== undefined;
      const due = start !== undefined ? Date.parse(start) + A_TO_Z_RESPONSE_HOURS * HOUR : undefined;
      const draft: Draft = {
        title: line('findingAtozTitle'),
        why: [line('findingAtozWhy', String(A_TO_Z_RESPONSE_HOURS))],
        steps: [line('findingAtozStep1'), line('findingAtozStep2')],
        evidence: highlights(claims),
        subject: subjectOf(facts, theOrder(facts)),
        ...(pending && orderId
          ? {
              orderId,
              badge: {
                kind: 'notice',
                key: 'notice:a-to-z-claim',
                notice: 'a-to-z-claim',
                overdue: due !== undefined && due < facts.now,
                ...(due !== undefined ? { at: new Date(due).toISOString() } : {}),
              },
            }
          : {}),
      };
      return [at ? { ...draft, deadline: { at: new Date(Date.parse(at) + A_TO_Z_RESPONSE_HOURS * HOUR).toISOString(), kind: 'claim' } } : draft];
    },
  },

  'reply-due': {
    severity: 'warning',
    source: 'amazon-response-time',
    templates: [],
    fire(facts) {
      const order = theOrder(facts);
      const waiting = facts.messages.filter((m) => m.sender === 'buyer' && !m.answered && m.at !== undefined).sort((a, b) => a.at!.localeCompare(b.at!));
      const oldest = waiting[0];
      if (!oldest?.at) return [];
      const since = Date.parse(oldest.at);
      const waited = facts.now - since;
      if (waited < facts.settings.replyDueHours * HOUR) return [];
      const late = waited >= REPLY_WINDOW_HOURS * HOUR;
      return [
        {
          severity: late ? 'critical' : 'warning',
          variant: late ? 'late' : 'due',
          title: line(late ? 'findingReplyLateTitle' : 'findingReplyDueTitle'),
          why: [line('findingReplyDueWhy')],
          steps: [line('findingReplyDueStep1')],
          deadline: { at: new Date(since + REPLY_WINDOW_HOURS * HOUR).toISOString(), kind: 'reply' },
          subject: subjectOf(facts, order),
          ...counted(order && replyCount(facts)),
        },
      ];
    },
  },

  'cancellation-rate-impact': {
    severity: 'info',
    source: 'amazon-cancellation-rate',
    templates: [],
    fire(facts) {
      // On the account health page: its own reading. On an order page: only next to a cancel warning.
      const metric = facts.health?.cancellationRate ?? (facts.page !== 'account-health' && facts.accountHealth && facts.orders.length === 1 ? facts.accountHealth.cancellationRate : undefined);
      if (!metric) return [];
      if (facts.page === 'order-details' || facts.page === 'message-thread') {
        const order = theOrder(facts);
        const asked = buyerMessages(facts, 'cancel-inquiry').length > 0 && order?.buyerRequestedCancel !== true && !CLOSED.has(order?.status ?? '');
        if (!asked) return [];
      }
      const after = metric.numerator !== undefined && metric.denominator !== undefined && metric.denominator > 0 ? ((metric.numerator + 1) / metric.denominator) * 100 : undefined;
      const worst = after ?? metric.percent;
      const why = [line('findingRateNow', percent(metric.percent), percent(CANCELLATION_RATE_TARGET), String(PRE_FULFILMENT_CANCEL_RATE.windowDays))];
      if (after !== undefined) why.push(line('findingRateAfter', percent(after), String(metric.numerator! + 1), String(metric.denominator!)));
      else why.push(line('findingRateAfterUnknown'));
      // amazon.com's On-Time Delivery Rate, for the seller reading its account health there (sellers shipping from Japan above all).
      const otdr = facts.page === 'account-health' && facts.marketplace ? ON_TIME_DELIVERY_RATE[facts.marketplace] : undefined;
      if (otdr) why.push(line('findingRateOtdr', percent(otdr.minPercent), otdr.since));
      return [
        {
          severity: metric.percent >= CANCELLATION_RATE_TARGET ? 'critical' : worst >= CANCELLATION_RATE_TARGET ? 'warning' : 'info',
          title: line('findingRateTitle'),
          why,
          steps: [line('findingRateStep1')],
          subject: subjectOf(facts, theOrder(facts)),
        },
      ];
    },
  },

  'referral-fee-changed': {
    // Seed 000: a category changed behind the seller's back, the referral fee went from 10 % to
    // 15–20 %; Seller Support corrects it when asked. Info only: money, not the account, is at stake.
    severity: 'info',
    source: 'case-2',
    templates: ['fee-category-check'],
    fire(facts) {
      if (facts.page !== 'transactions') return [];
      const rate = (value: number) => `${(Math.round(value * 1_000) / 10).toFixed(1)}%`;
      return (facts.feeJumps ?? []).map((jump) => ({
        title: line('findingFeeJumpTitle', jump.sku),
        why: [
          line('findingFeeJumpFigures', rate(jump.seen), rate(jump.usual), String(jump.history), jump.orderId),
          line('findingFeeJumpMeaning'),
          ...(jump.seenCategories.length > 0 || jump.usualCategories.length > 0
            ? [line('findingFeeJumpSchedule', rate(jump.usual), jump.usualCategories.join(', ') || '—', rate(jump.seen), jump.seenCategories.join(', ') || '—')]
            : []),
        ],
        steps: [line('findingFeeJumpStep1'), line('findingFeeJumpStep2')],
        orderId: jump.orderId,
        variant: jump.seen > jump.usual ? 'higher' : 'lower',
        subject: jump.orderId,
      }));
    },
  },
  'reply-suggested': {
    severity: 'info',
    source: 'amazon-response-time',
    templates: [],
    fire(facts) {
      const order = theOrder(facts);
      const waiting = facts.messages.filter((m) => m.sender === 'buyer' && !m.answered);
      const templates: TemplateId[] = [];
      for (const m of waiting) {
        if (m.intent === 'invoice-request') templates.push('invoice-reply');
        if (m.intent === 'product-question') templates.push('product-question-ack');
        if (m.intent === 'where-is-order' && order?.fulfilment === 'MFN') templates.push('tracking-info');
      }
      if (templates.length === 0) return [];
      const intents = new Set(waiting.map((m) => m.intent));
      return [
        {
          title: line('findingReplySuggestedTitle'),
          why: [line(intents.has('invoice-request') ? 'findingReplySuggestedInvoice' : intents.has('product-question') ? 'findingReplySuggestedQuestion' : 'findingReplySuggestedTracking')],
          steps: [],
          templates: [...new Set(templates)],
          evidence: highlights(waiting.filter((m) => m.intent === 'invoice-request' || m.intent === 'product-question' || m.intent === 'where-is-order')),
          subject: subjectOf(facts, order),
        },
      ];
    },
  },
};

/** Every intent, and the findings a message of that intent can raise. Exhaustive by type. */
export const INTENT_FINDINGS: Readonly<Record<Intent, readonly FindingId[]>> = {
  'cancel-request': ['cancel-request-pending'],
  'cancel-inquiry': ['cancel-inquiry-not-request', 'cancellation-rate-impact'],
  'cancel-not-honored': ['cancel-not-honored'],
  'where-is-order': ['fba-redirect', 'reply-suggested'],
  'address-change': ['address-change-refuse'],
  'return-refund': ['fba-redirect'],
  defective: ['complaint-reply-now', 'fba-redirect'],
  counterfeit: ['complaint-reply-now'],
  'condition-mismatch': ['complaint-reply-now'],
  'wrong-item': ['complaint-reply-now'],
  'invoice-request': ['reply-suggested'],
  'product-question': ['reply-suggested'],
  'delivery-failure': ['message-bounced'],
  'listing-removed': ['listing-removed'],
  'a-to-z-claim': ['a-to-z-claim', 'complaint-reply-now'],
  other: [],
};

// ── Gathering facts ─────────────────────────────────────────────────────────────────────────────

function orderFacts(order: OrderDetailsSnapshot | OrderRow, watch: OrderWatch | undefined): OrderFacts {
  const fromWatch = watch?.orderId === order.orderId ? watch : undefined;
  return {
    orderId: order.orderId,
    marketplace: order.marketplace ?? fromWatch?.marketplace,
    shipBy: order.shipBy?.latest ?? fromWatch?.shipBy,
    fulfilment: order.fulfilment ?? fromWatch?.fulfilment,
    status: order.status && order.status !== 'unknown' ? order.status : (fromWatch?.status ?? order.status),
    buyerRequestedCancel: order.buyerRequestedCancel?.requested ?? fromWatch?.buyerRequestedCancel,
    cancelSource: order.buyerRequestedCancel?.source,
    requestedItems: order.buyerRequestedCancel?.requested === false ? order.buyerRequestedCancel.items : undefined,
    buyer: order.buyer,
    cancellationDate: order.cancellationDate,
    cancellationDateUnusable: order.missing.some((m) => m.field === 'cancellationDate'),
  };
}

function watchedFacts(watch: OrderWatch | undefined, orderId: string | undefined): MessageFact[] {
  if (!watch || watch.orderId !== orderId) return [];
  return watch.messages.map((m) => ({ key: m.key, sender: m.sender, at: m.at, intent: m.intent, flags: m.flags, answered: m.answered }));
}

/** What the order memory knows of Amazon's notices about the order of this page. */
function noticeFacts(watch: OrderWatch | undefined, orderId: string | undefined): Pick<Facts, 'noticeSeen' | 'lastSeen'> {
  if (!watch || watch.orderId !== orderId) return {};
  return { ...(watch.notice ? { noticeSeen: watch.notice } : {}), lastSeen: watch.lastSeen };
}

function gather(input: AdviceInput): Facts {
  const { snapshot, watch } = input;
  const common = { settings: input.settings, now: input.now, accountHealth: input.accountHealth, feeJumps: input.feeJumps };
  switch (snapshot.kind) {
    case 'order-details':
      return {
        ...common,
        ...noticeFacts(watch, snapshot.orderId),
        page: snapshot.kind,
        marketplace: snapshot.marketplace,
        orders: [orderFacts(snapshot, watch)],
        messages: watchedFacts(watch, snapshot.orderId),
      };
    case 'order-list':
      return { ...common, page: snapshot.kind, marketplace: snapshot.marketplace, orders: snapshot.orders.map((row) => orderFacts(row, undefined)), messages: [] };
    case 'message-thread': {
      const lastSeller = snapshot.messages.reduce((last, m, i) => (m.sender === 'seller' ? i : last), -1);
      const classified = input.classified ?? [];
      const messages: MessageFact[] =
        classified.length > 0
          ? classified.flatMap(({ index, classification }): MessageFact[] => {
              const message = snapshot.messages[index];
              if (!message || message.sender === 'seller') return [];
              return [messageFact(`${message.sender}:${message.time ?? `#${index}`}`, message.sender, message.time, message.text, index < lastSeller, classification)];
            })
          : watchedFacts(watch, snapshot.orderId);
      const known = watch?.orderId === snapshot.orderId ? watch : undefined;
      const order: OrderFacts | undefined = snapshot.orderId
        ? {
            orderId: snapshot.orderId,
            marketplace: snapshot.marketplace ?? known?.marketplace,
            shipBy: known?.shipBy,
            fulfilment: known?.fulfilment,
            status: known?.status,
            buyerRequestedCancel: known?.buyerRequestedCancel,
          }
        : undefined;
      return { ...common, ...noticeFacts(watch, snapshot.orderId), page: snapshot.kind, marketplace: snapshot.marketplace, orders: single(order), messages };
    }
    case 'notice':
      return { ...common, page: snapshot.kind, marketplace: snapshot.marketplace, orders: [], messages: [], notice: snapshot };
    case 'account-health':
      return { ...common, page: snapshot.kind, marketplace: snapshot.marketplace, orders: [], messages: [], health: snapshot };
    case 'transactions':
      return { ...common, page: snapshot.kind, marketplace: snapshot.marketplace, orders: [], messages: [] };
    case 'message-inbox':
    case 'unrecognized':
      return { ...common, page: snapshot.kind, orders: [], messages: [] };
  }
}

function messageFact(key: string, sender: 'buyer' | 'amazon', at: string | undefined, text: string, answered: boolean, c: Classification): MessageFact {
  const spans = c.evidence.filter((e) => e.field === 'body' && e.target === c.intent).map(({ start, end, rule }) => ({ start, end, rule }));
  const fact: MessageFact = { key, sender, at, intent: trustedIntent(c, sender), flags: c.flags, answered, text };
  if (spans.length > 0) return { ...fact, highlight: { text, spans } };
  // Named by the model on the message as a whole, no rule or word standing out: there is no
  // phrase to mark, and the seller should know.
  if (c.evidence.some((e) => e.rule === MODEL_EVIDENCE)) return { ...fact, highlight: { text, spans: [], wholeMessage: true } };
  return fact;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

/** Epoch ms of a finding's deadline; none sorts last. (No U+FFFF sentinel: Chrome refuses such scripts.) */
const deadlineOf = (finding: Finding): number => (finding.deadline ? Date.parse(finding.deadline.at) : Number.POSITIVE_INFINITY);

/** The findings for a page, most severe first (then the nearest deadline first). */
export function advise(input: AdviceInput): Finding[] {
  if (input.snapshot.kind === 'unrecognized') return [];
  return findingsOf(gather(input));
}

/**
 * The findings for an order as the order memory knows it, with no page open: what the badge and
 * the popup count (lib/urgency.ts). The same rules as a page's, so the two cannot disagree.
 */
export function adviseOrder(watch: OrderWatch, settings: GuidanceSettings, now: number): Finding[] {
  const order: OrderFacts = {
    orderId: watch.orderId,
    marketplace: watch.marketplace,
    shipBy: watch.shipBy,
    fulfilment: watch.fulfilment,
    status: watch.status,
    buyerRequestedCancel: watch.buyerRequestedCancel,
    cancellationDate: watch.cancellationDate,
  };
  return findingsOf({
    ...noticeFacts(watch, watch.orderId),
    page: 'memory',
    marketplace: watch.marketplace,
    orders: [order],
    messages: watchedFacts(watch, watch.orderId),
    settings,
    now,
  });
}

function findingsOf(facts: Facts): Finding[] {
  const findings: Finding[] = [];
  for (const [id, rule] of Object.entries(FINDING_RULES) as [FindingId, FindingRule][]) {
    for (const draft of rule.fire(facts)) {
      const finding: Finding = {
        id,
        severity: draft.severity ?? rule.severity,
        title: draft.title,
        why: draft.why ?? [],
        steps: draft.steps ?? [],
        source: draft.source ?? rule.source,
        templates: draft.templates ?? rule.templates,
        evidence: draft.evidence ?? [],
        subject: draft.subject,
        ...((draft.control ?? rule.control) ? { control: draft.control ?? rule.control } : {}),
        ...((draft.orderId ?? (facts.page !== 'order-list' ? theOrder(facts)?.orderId : undefined)) ? { orderId: draft.orderId ?? theOrder(facts)?.orderId } : {}),
        ...(draft.deadline ? { deadline: draft.deadline } : {}),
        ...(draft.variant ? { variant: draft.variant } : {}),
        ...(draft.badge ? { badge: draft.badge } : {}),
      };
      findings.push(finding);
    }
  }
  return findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || deadlineOf(a) - deadlineOf(b));
}

export { visibleFindings } from './visible';
