/**
 * The reply guard: checks a reply against Amazon's Buyer-Seller Messaging rules (DESIGN.md
 * "Reply guard", Amazon seller help "Buyer-Seller Messaging guidelines") and says which rule each
 * problem breaks, with where it is in the text. Pure, linear-time patterns only.
 */

export type GuardRule = 'external-link' | 'email-address' | 'phone-number' | 'emoji' | 'review-request' | 'off-amazon-contact' | 'missing-order-id';

export interface GuardProblem {
  readonly rule: GuardRule;
  readonly start: number;
  readonly end: number;
  /** The words that broke it (for display, as text). */
  readonly text: string;
}

interface RuleTable {
  readonly rule: GuardRule;
  readonly pattern: RegExp;
  /** An exception that makes a match fine (order-related Amazon links). */
  readonly allow?: (match: string) => boolean;
}

const RULES: readonly RuleTable[] = [
  {
    rule: 'external-link',
    pattern: /\bhttps?:\/\/[^\s<>"']{1,300}|\bwww\.[a-z0-9-]{1,63}\.[a-z]{2,}[^\s<>"']{0,300}/giu,
    // Links needed to complete the order are allowed: https on an Amazon domain.
    allow: (url) => /^https:\/\/(?:www\.)?amazon\.(?:com|ca|com\.mx|co\.uk|de|fr|it|es|co\.jp)(?:\/|$)/iu.test(url),
  },
  { rule: 'email-address', pattern: /[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,5}\.[a-z]{2,}/giu },
  { rule: 'phone-number', pattern: /(?:\+\d{1,3}[\s-]?)?(?:\(\d{1,4}\)[\s-]?)?\d{2,4}[\s-]\d{2,4}[\s-]\d{3,4}\b/gu },
  { rule: 'emoji', pattern: /\p{Extended_Pictographic}/gu },
  {
    rule: 'review-request',
    pattern:
      /\b(?:leave|write|give|post)\s+(?:us\s+)?(?:a\s+)?(?:(?:positive|good|5[- ]star|five[- ]star)\s+)?(?:review|feedback|rating)|\b(?:review|feedback)\s+(?:us|our)\b|5[- ]star|five[- ]star|レビュー|評価(?:を|して|をお願い|のお願い)|星5|★5|bewertung|rezension|laissez (?:un )?avis|(?:un|votre) avis|recensione|valutazione|(?:una )?reseña|valoración/giu,
  },
  {
    rule: 'off-amazon-contact',
    pattern:
      /\b(?:whatsapp|telegram|wechat|skype|viber|line id)\b|call (?:me|us)|contact (?:me|us) (?:directly|outside|by phone|by e-?mail)|電話(?:して|で|を)|ラインで|LINE\s?ID|直接(?:ご)?連絡|rufen sie (?:mich|uns) an|appelez[- ]nous|chiamateci|llámenos/giu,
  },
];

const ORDER_ID = /\b\d{3}-\d{7}-\d{7}\b/u;

/**
 * Problems in a reply. `proactive`: the seller writes first (not a reply in a thread), where
 * Amazon requires the order id in the message.
 */
export function checkReply(text: string, options: { readonly proactive?: boolean } = {}): GuardProblem[] {
  const problems: GuardProblem[] = [];
  const input = text.slice(0, 20_000);
  for (const { rule, pattern, allow } of RULES) {
    pattern.lastIndex = 0;
    for (const match of input.matchAll(pattern)) {
      if (allow?.(match[0])) continue;
      problems.push({ rule, start: match.index, end: match.index + match[0].length, text: match[0] });
    }
  }
  if (options.proactive && !ORDER_ID.test(input)) problems.push({ rule: 'missing-order-id', start: 0, end: 0, text: '' });
  // Inside an e-mail address, the "link" or "phone" is the same problem: keep the wider one.
  return problems.filter((p, _i, all) => !all.some((q) => q !== p && q.start <= p.start && q.end >= p.end && q.end - q.start > p.end - p.start)).sort((a, b) => a.start - b.start);
}
