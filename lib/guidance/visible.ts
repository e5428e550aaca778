/** Which findings the sidebar shows: the ones the seller has not dismissed (kept apart from the rules, which run in the background). */
import type { Finding } from './types';

/** Findings not dismissed by the seller (dismissals are remembered per order or notice). */
export function visibleFindings(findings: readonly Finding[], dismissed: Readonly<Record<string, readonly string[]>>): Finding[] {
  return findings.filter((f) => !(dismissed[f.subject] ?? []).includes(f.id));
}
