/**
 * Inbox triage: what each case an inbox lists is about, most urgent first, so a seller sees which
 * of twenty messages is a cancellation or a counterfeit complaint without opening each. Pure: the
 * content script asks the background to classify `triageInputs` and hands the results back.
 *
 * A row's text is of unknown sender (a subject, a buyer's name, the start of the last message),
 * so it is classified as a buyer's: an inbox row can never be taken for Amazon's official
 * cancellation request (docs/safety.md). Either way the chip says "Cancellation" only; which kind it
 * is, the conversation decides once opened.
 */
import type { Classification, ClassifyInput, Intent } from '../classify/types';
import { rowIntent } from '../classify/official';
import type { InboxCase, MessageInboxSnapshot } from '../pages/snapshot';
import { HIGH_RISK_INTENTS } from './policy';

/** The most rows classified on one page (the first ones the page lists). */
export const MAX_TRIAGED = 50;

/** What a chip says: intents grouped as a seller sorts them. */
export const TRIAGE_KINDS = [
  'counterfeit',
  'complaint',
  'cancel-not-honored',
  'address-change',
  'a-to-z-claim',
  'cancellation',
  'delivery-failure',
  'listing-removed',
  'where-is-order',
  'return-refund',
  'invoice-request',
  'product-question',
  'other',
  'unsure',
] as const;
export type TriageKind = (typeof TRIAGE_KINDS)[number];

const KIND_OF: Readonly<Record<Intent, TriageKind>> = {
  'cancel-request': 'cancellation',
  'cancel-inquiry': 'cancellation',
  'cancel-not-honored': 'cancel-not-honored',
  'where-is-order': 'where-is-order',
  'address-change': 'address-change',
  'return-refund': 'return-refund',
  defective: 'complaint',
  counterfeit: 'counterfeit',
  'condition-mismatch': 'complaint',
  'wrong-item': 'complaint',
  'invoice-request': 'invoice-request',
  'product-question': 'product-question',
  'delivery-failure': 'delivery-failure',
  'listing-removed': 'listing-removed',
  'a-to-z-claim': 'a-to-z-claim',
  other: 'other',
};

/** 0: answer now (the badge's high-risk intents); 1: act today; 2: answer; 3: no hurry. */
function rankOf(intent: Intent, unsure: boolean): number {
  if (unsure) return 3;
  if (HIGH_RISK_INTENTS.has(intent)) return 0;
  if (intent === 'cancel-inquiry' || intent === 'cancel-request' || intent === 'delivery-failure' || intent === 'listing-removed') return 1;
  if (intent === 'other') return 3;
  return 2;
}

export interface TriageItem {
  /** The row's place in the inbox snapshot's `cases`. */
  readonly index: number;
  readonly caseId?: string;
  readonly orderId?: string;
  /** The intent as the watch keeps it: never `cancel-request` from an inbox row. */
  readonly intent: Intent;
  readonly kind: TriageKind;
  readonly rank: number;
  /** The row's text gave the model too little to go on. */
  readonly unsure: boolean;
}

/** What to classify: the open (not resolved) rows with some text, the first MAX_TRIAGED. */
export function triageInputs(inbox: MessageInboxSnapshot): { index: number; input: ClassifyInput }[] {
  const wanted: { index: number; input: ClassifyInput }[] = [];
  (inbox.cases ?? []).forEach((row, index) => {
    if (wanted.length >= MAX_TRIAGED || row.resolved) return;
    const input = inputOf(row, inbox.marketplace);
    if (input) wanted.push({ index, input });
  });
  return wanted;
}

function inputOf(row: InboxCase, marketplace: string | undefined): ClassifyInput | undefined {
  const preview = row.preview?.trim();
  const title = row.title?.trim();
  if (!preview && !title) return undefined;
  return {
    // The row's first line is Amazon's subject or a name: a subject only when a preview follows it.
    ...(preview && title ? { subject: title } : {}),
    body: preview || title!,
    sender: 'buyer',
    ...(marketplace ? { marketplace } : {}),
  };
}

/** The chips, most urgent first (the page's order within a rank). */
export function triage(inbox: MessageInboxSnapshot, classified: readonly { index: number; classification: Classification }[]): TriageItem[] {
  const rows = inbox.cases ?? [];
  const items: TriageItem[] = [];
  for (const { index, classification } of classified) {
    const row = rows[index];
    if (!row || row.resolved) continue;
    const intent = rowIntent(classification);
    const unsure = classification.unsure === true;
    items.push({
      index,
      ...(row.caseId ? { caseId: row.caseId } : {}),
      ...(row.orderId ? { orderId: row.orderId } : {}),
      intent,
      kind: unsure ? 'unsure' : KIND_OF[intent],
      rank: rankOf(intent, unsure),
      unsure,
    });
  }
  return items.sort((a, b) => a.rank - b.rank || a.index - b.index);
}
