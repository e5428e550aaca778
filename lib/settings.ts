/**
 * The shapes of what the extension keeps in `storage.local`, as Zod schemas with a version each.
 * Nothing here names a buyer: only the seller's own preferences and counts.
 */
import * as z from 'zod/mini';

export const SidebarSettings = z.object({
  version: z.literal(1),
  /** Folded to a small tab. Remembered across pages and tabs. */
  collapsed: z.boolean(),
});
export type SidebarSettings = z.infer<typeof SidebarSettings>;
export const DEFAULT_SIDEBAR_SETTINGS: SidebarSettings = { version: 1, collapsed: false };

/**
 * How many orders need action now, and whether any is overdue. Written by the urgency
 * computation; the background only mirrors it on the badge.
 */
export const UrgentSummary = z.object({
  version: z.literal(1),
  count: z.number().check(z.int(), z.minimum(0)),
  overdue: z.boolean(),
});
export type UrgentSummary = z.infer<typeof UrgentSummary>;
export const EMPTY_URGENT_SUMMARY: UrgentSummary = { version: 1, count: 0, overdue: false };

export const STORAGE_KEYS = {
  sidebar: 'sidebar',
  urgentSummary: 'urgentSummary',
} as const;
