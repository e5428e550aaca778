/**
 * What the toolbar badge shows for a summary of urgent orders. Pure: the background applies it.
 * Colours: red when anything is overdue, amber otherwise (DESIGN.md "Urgency and the badge").
 */
import type { Translate } from './i18n';
import type { UrgentSummary } from './settings';

export const BADGE_RED = '#C62828';
export const BADGE_AMBER = '#B26A00';

export interface BadgeState {
  /** Empty when nothing needs action: no badge at all. */
  readonly text: string;
  readonly color: string;
  readonly title: string;
}

export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

export function badgeFor(summary: UrgentSummary, t: Translate): BadgeState {
  const text = badgeText(summary.count);
  if (text === '') return { text, color: BADGE_AMBER, title: t('actionTitle') };
  const count = String(summary.count);
  return summary.overdue ? { text, color: BADGE_RED, title: t('badgeTitleOverdue', [count]) } : { text, color: BADGE_AMBER, title: t('badgeTitleCount', [count]) };
}
