/**
 * What guidance hands to the sidebar: findings. A finding names a situation that can hurt the
 * seller, how bad it is, why (in the UI language, as message keys), where that advice comes from,
 * the replies that fit, and the page control it concerns. Finding ids are fixed: tests, the
 * sidebar's `data-finding-id` hooks and sellers' own automation rely on them.
 */
import * as z from 'zod/mini';
import type { Evidence, Intent } from '../classify/types';
import type { MessageKey } from '../i18n';
import { PAGE_CONTROL_KINDS } from '../pages/snapshot';
import { TEMPLATE_IDS, type TemplateId } from '../templates/ids';

export const FINDING_IDS = [
  'cancel-inquiry-not-request',
  'cancel-request-pending',
  'cancel-not-honored',
  'ship-by-due',
  'auto-cancel-due',
  'message-bounced',
  'address-suspicious',
  'fba-redirect',
  'complaint-reply-now',
  'address-change-refuse',
  'listing-removed',
  'a-to-z-claim',
  'reply-due',
  'cancellation-rate-impact',
  'reply-suggested',
  'referral-fee-changed',
] as const;
export type FindingId = (typeof FINDING_IDS)[number];

export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A line of UI text: a message key and its substitutions ($1…$9). */
export interface Line {
  readonly key: MessageKey;
  readonly args?: readonly string[];
}

export const SOURCE_IDS = [
  'case-1',
  'case-2',
  'case-3',
  'case-4',
  'case-5',
  'case-6',
  'amazon-cancellation-rate',
  'amazon-cancellation-requests',
  'amazon-late-shipment',
  'amazon-auto-cancel',
  'amazon-response-time',
  'amazon-a-to-z',
  'amazon-ship-to-address',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

export const DEADLINE_KINDS = ['ship-by', 'reply', 'claim', 'auto-cancel'] as const;

/** The words of a message that made the classifier say what it said, for highlighting. */
export interface HighlightedText {
  readonly text: string;
  readonly spans: readonly Pick<Evidence, 'start' | 'end' | 'rule'>[];
  /** No single phrase decided: the character n-gram model read the message as a whole (less certain). */
  readonly wholeMessage?: boolean;
}

export interface Deadline {
  /** ISO 8601 instant. */
  readonly at: string;
  readonly kind: (typeof DEADLINE_KINDS)[number];
}

export const BADGE_KINDS = ['ship-by', 'auto-cancel', 'cancel-request', 'reply', 'notice'] as const;
export type BadgeKind = (typeof BADGE_KINDS)[number];

/**
 * How a finding counts toward the toolbar badge (lib/urgency.ts counts the orders whose findings
 * carry one). `key` names what a "done" in the popup is remembered for: a new key brings the order
 * back. All reply counts of one order are the same (the order's oldest waiting message and its
 * first high-risk one), so an order shows one "reply" line however many findings speak of it.
 */
export type BadgeCount =
  | { readonly kind: 'ship-by'; readonly key: string; readonly at: string; readonly overdue: boolean }
  | { readonly kind: 'cancel-request'; readonly key: string; readonly overdue: false }
  /**
   * Past its ship-by date and unconfirmed: Amazon cancels it at `cancelAt` (its own date from the
   * order data, or our estimate) and counts it against the seller. Not a deadline of its own: the
   * ship-by date, already passed, stays the order's deadline.
   */
  | { readonly kind: 'auto-cancel'; readonly key: string; readonly cancelAt: string; readonly estimated: boolean; readonly timeZone: string; readonly overdue: boolean }
  | { readonly kind: 'reply'; readonly key: string; readonly since?: string; readonly intent: Intent; readonly highRisk: boolean; readonly overdue: boolean; readonly at?: string }
  | { readonly kind: 'notice'; readonly key: string; readonly notice: 'undeliverable-message' | 'a-to-z-claim'; readonly overdue: boolean; readonly at?: string };

const LineSchema = z.lazy(() => z.object({ key: z.string().check(z.maxLength(100)), args: z.optional(z.array(z.string().check(z.maxLength(20_000))).check(z.maxLength(9))) }));

/**
 * A finding as it crosses from the background to the page (lib/messaging.ts checks every one on
 * arrival). The badge count is not part of it: it stays where the badge is worked out.
 */
export const FindingSchema = z.lazy(() =>
  z.object({
    id: z.enum(FINDING_IDS),
    severity: z.enum(SEVERITIES),
    title: LineSchema,
    why: z.array(LineSchema).check(z.maxLength(30)),
    /** What to do, in order (a checklist where the case gives one). */
    steps: z.array(LineSchema).check(z.maxLength(30)),
    source: z.enum(SOURCE_IDS),
    templates: z.array(z.enum(TEMPLATE_IDS)).check(z.maxLength(30)),
    /** Seller Central's own control this finding is about (a warning is shown next to it). */
    control: z.optional(z.enum(PAGE_CONTROL_KINDS)),
    orderId: z.optional(z.string().check(z.maxLength(30))),
    deadline: z.optional(z.object({ at: z.iso.datetime(), kind: z.enum(DEADLINE_KINDS) })),
    evidence: z
      .array(
        z.object({
          text: z.string().check(z.maxLength(20_000)),
          spans: z.array(z.object({ start: z.number().check(z.int(), z.minimum(0)), end: z.number().check(z.int(), z.minimum(0)), rule: z.string().check(z.maxLength(100)) })).check(z.maxLength(200)),
          wholeMessage: z.optional(z.boolean()),
        }),
      )
      .check(z.maxLength(60)),
    /** Which branch of the rule applied (e.g. "shipped", "pattern-2"), for tests and automation. */
    variant: z.optional(z.string().check(z.maxLength(100))),
    /** What a dismissal is remembered for: the order id, or the notice/page it came from. */
    subject: z.string().check(z.maxLength(200)),
  }),
);
type FindingData = z.infer<typeof FindingSchema>;

/**
 * A finding: the schema's shape, read-only, with the message keys of its lines typed (the schema
 * checks them as short strings; a key the locale files lack shows as itself) and its badge count.
 */
export interface Finding extends Readonly<Omit<FindingData, 'title' | 'why' | 'steps' | 'templates' | 'evidence' | 'deadline'>> {
  readonly title: Line;
  readonly why: readonly Line[];
  readonly steps: readonly Line[];
  readonly templates: readonly TemplateId[];
  readonly deadline?: Deadline;
  readonly evidence: readonly HighlightedText[];
  /** The finding puts its order on the toolbar badge (absent: it does not count). */
  readonly badge?: BadgeCount;
}

export interface GuidanceSettings {
  /** A buyer message unanswered this long gets `reply-due` (Amazon expects a reply within 24 h). */
  readonly replyDueHours: number;
}
