/**
 * The shapes of what the extension keeps in `storage.local`, as Zod schemas with a version each.
 * Nothing here names a buyer: only the seller's own preferences and counts.
 */
import * as z from 'zod/mini';
import { MARKETPLACE_IDS } from './hosts';
import { LANGUAGES } from './classify/types';
import { UI_LOCALES } from './i18n';

export const SidebarSettings = z.lazy(() =>
  z.object({
    version: z.literal(1),
    /** Folded to a small tab. Remembered across pages and tabs. */
    collapsed: z.boolean(),
  }),
);
export type SidebarSettings = z.infer<typeof SidebarSettings>;
export const DEFAULT_SIDEBAR_SETTINGS: SidebarSettings = { version: 1, collapsed: false };

/**
 * How many orders need action now, and whether any is overdue. Written by the urgency
 * computation; the background only mirrors it on the badge.
 */
export const UrgentSummary = z.lazy(() =>
  z.object({
    version: z.literal(1),
    count: z.number().check(z.int(), z.minimum(0)),
    overdue: z.boolean(),
  }),
);
export type UrgentSummary = z.infer<typeof UrgentSummary>;
export const EMPTY_URGENT_SUMMARY: UrgentSummary = { version: 1, count: 0, overdue: false };

/** The seller's own settings (options page). Names are the seller's, never a buyer's. */
export const UI_LANGUAGES = ['auto', ...UI_LOCALES] as const;
export const REPLY_LANGUAGES = ['auto', ...LANGUAGES] as const;
export const UserSettings = z.lazy(() =>
  z.object({
    version: z.literal(1),
    storeName: z.string().check(z.maxLength(200)),
    sellerName: z.string().check(z.maxLength(200)),
    uiLanguage: z.enum(UI_LANGUAGES),
    replyLanguage: z.enum(REPLY_LANGUAGES),
    /** Hours after which an unanswered buyer message is flagged (Amazon's window is 24). */
    replyDueHours: z.number().check(z.int(), z.minimum(1), z.maximum(23)),
    /**
     * Days after which an order seen shipped, with no sale on the Transaction views opened since, is
     * listed in the popup (lib/fees `unrecordedSales`). Optional: settings stored before it existed stay valid; 7 when absent.
     */
    unrecordedSaleDays: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(60))),
  }),
);
export type UserSettings = z.infer<typeof UserSettings>;
export const DEFAULT_USER_SETTINGS: UserSettings = {
  version: 1,
  storeName: '',
  sellerName: '',
  uiLanguage: 'auto',
  replyLanguage: 'auto',
  replyDueHours: 12,
};

/** Findings the seller dismissed, per order (or notice): subject -> finding ids, with the time. */
export const MAX_DISMISSED_SUBJECTS = 1_000;
export const Dismissed = z.lazy(() =>
  z.object({
    version: z.literal(1),
    subjects: z.record(z.string().check(z.maxLength(200)), z.object({ ids: z.array(z.string().check(z.maxLength(60))).check(z.maxLength(30)), at: z.iso.datetime() })),
  }),
);
export type Dismissed = z.infer<typeof Dismissed>;
export const EMPTY_DISMISSED: Dismissed = { version: 1, subjects: {} };

/** Dismiss (or restore) a finding for a subject; the oldest subjects are forgotten past the cap. */
export function withDismissal(current: Dismissed, subject: string, id: string, dismissed: boolean, nowIso: string): Dismissed {
  const ids = new Set(current.subjects[subject]?.ids ?? []);
  if (dismissed) ids.add(id);
  else ids.delete(id);
  const subjects = { ...current.subjects };
  delete subjects[subject];
  if (ids.size > 0) subjects[subject] = { ids: [...ids], at: nowIso };
  const entries = Object.entries(subjects).sort(([, a], [, b]) => a.at.localeCompare(b.at));
  return { version: 1, subjects: Object.fromEntries(entries.slice(-MAX_DISMISSED_SUBJECTS)) };
}

export function dismissedIds(current: Dismissed): Record<string, readonly string[]> {
  return Object.fromEntries(Object.entries(current.subjects).map(([subject, entry]) => [subject, entry.ids]));
}

/** The seller's last Cancellation Rate reading (their own metric, from the account health page). */
export const AccountHealthReading = z.lazy(() =>
  z.object({
    version: z.literal(1),
    marketplace: z.optional(z.enum(MARKETPLACE_IDS)),
    cancellationRate: z.object({
      percent: z.number().check(z.minimum(0), z.maximum(100)),
      numerator: z.optional(z.number().check(z.int(), z.minimum(0))),
      denominator: z.optional(z.number().check(z.int(), z.minimum(0))),
    }),
    readAt: z.iso.datetime(),
  }),
);
export type AccountHealthReading = z.infer<typeof AccountHealthReading>;
/** A reading older than Amazon's 7-day window says little about today's rate. */
export const ACCOUNT_HEALTH_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export const STORAGE_KEYS = {
  sidebar: 'sidebar',
  urgentSummary: 'urgentSummary',
  settings: 'settings',
  dismissed: 'dismissed',
  accountHealth: 'accountHealth',
  handled: 'handled',
  /** The seller's corrections of the classifier (lib/classify/corrections.ts): feature ids and numbers only. */
  corrections: 'corrections',
  /** Referral fee rates per SKU (lib/fees): SKU, marketplace, rate, order id, when seen. */
  feeRates: 'feeRates',
  /** Per order: SKU, fulfilment, first seen shipped, first sale seen on the Transaction view (lib/fees). */
  salesWatch: 'salesWatch',
} as const;
