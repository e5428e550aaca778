/**
 * Amazon notices: the kind of notice, the listing problem, the ASIN and whether relisting is
 * mentioned (docs/domain.md case 6, pattern 1 or 2). The texts are evidenced (real notices in
 * test/fixtures/real-pages); the Performance Notifications markup is not, so the DOM reader takes
 * the open notice's heading and body, and `readNoticeText` reads a notice saved as text (an e-mail).
 */
import { blockTextOf, queryFirst, textOf, type ReadRoot } from './dom';
import { ASIN_IN_TEXT, MissingList, ORDER_ID_IN_TEXT } from './read-common';
import { marketplaceOf } from './read-orders';
import { SELECTORS } from './selectors';
import type { NoticeSnapshot, Unrecognized } from './snapshot';
import type { MarketplaceId } from '../hosts';

type NoticeKind = NoticeSnapshot['noticeKind'];
type ListingProblem = NonNullable<NoticeSnapshot['listingProblem']>;

/** Subjects and bodies that name the kind of notice (sources: docs/seller-central-pages.md §6). */
export const NOTICE_KINDS: ReadonlyArray<{ id: string; kind: NoticeKind; pattern: RegExp; source: string }> = [
  { id: 'ja-listing-cancel', kind: 'listing-removed', pattern: /要ご対応\s*[:：]\s*出品キャンセルのご連絡/, source: 'real notice, email_listing-cancel_ja.txt' },
  { id: 'ja-listing-stopped', kind: 'listing-removed', pattern: /出品(?:が|を)?(?:停止|キャンセル)(?:され|とな|いた)/, source: 'quoted JP subjects (§6)' },
  { id: 'en-detail-pages-removed', kind: 'listing-removed', pattern: /detail pages? (?:have|has) been (?:temporarily )?(?:removed|deactivated)/i, source: 'real notice, email_listing-removal_en.txt' },
  { id: 'en-listing-removed', kind: 'listing-removed', pattern: /listings? (?:(?:has|have) been |was |were )?(?:removed|deactivated|cancell?ed|suppressed)/i, source: 'seller help wording' },
  { id: 'en-restricted-removal', kind: 'listing-removed', pattern: /Restricted Products Removal/i, source: 'forum-quoted subject (§6)' },
  { id: 'en-a-to-z', kind: 'a-to-z-claim', pattern: /A-to-z Guarantee Claim|Claim received on order|Claim Decision on Order/i, source: 'e-mail subjects (§6)' },
  { id: 'ja-a-to-z', kind: 'a-to-z-claim', pattern: /マーケットプレイス保証(?:申請)?/, source: 'JP help G27951' },
  {
    id: 'en-undeliverable',
    kind: 'undeliverable-message',
    pattern: /unable to deliver the message you sent|message (?:was )?not (?:sent|delivered)/i,
    source: 'real bounce, email_bsm-optout-bounce_en.txt',
  },
  { id: 'ja-undeliverable', kind: 'undeliverable-message', pattern: /(?:購入者への)?メッセージを送信できませんでした/, source: 'real bounce, email_bsm-optout-bounce_ja.txt' },
];

const LISTING_PROBLEMS: ReadonlyArray<{ problem: ListingProblem; pattern: RegExp }> = [
  { problem: 'authenticity', pattern: /counterfeit|authentic|inauthentic|偽造|偽物|真正|真贋|正規品ではない/i },
  { problem: 'restricted-product', pattern: /Restricted Products?|制限対象商品|出品制限/i },
  { problem: 'condition', pattern: /\bcondition\b|コンディション|商品の状態|状態が(?:悪|異な)/i },
  { problem: 'wrong-item', pattern: /different (?:item|product)|not as described|wrong item|detail page|商品詳細ページ|異なる商品|並行輸入品|正規流通品/i },
];

const RELISTING = /relist|re-list|reinstatement request|再出品|出品(?:を)?再開/i;

export function classifyNotice(subject: string, body: string): Pick<NoticeSnapshot, 'noticeKind' | 'listingProblem' | 'relistingMentioned'> {
  const all = `${subject}\n${body}`;
  const kind = NOTICE_KINDS.find((k) => k.pattern.test(subject))?.kind ?? NOTICE_KINDS.find((k) => k.pattern.test(body))?.kind ?? 'other';
  if (kind !== 'listing-removed') return { noticeKind: kind, relistingMentioned: false };
  const problem = LISTING_PROBLEMS.find((p) => p.pattern.test(all))?.problem ?? 'unknown';
  return { noticeKind: kind, listingProblem: problem, relistingMentioned: RELISTING.test(all) };
}

function build(subject: string, body: string, marketplace: MarketplaceId | undefined, missing: MissingList, source: 'dom'): NoticeSnapshot {
  const all = `${subject}\n${body}`;
  const asin = /ASIN(?:番号)?\s*[:：]?\s*([A-Z0-9]{10})\b/.exec(all)?.[1] ?? ASIN_IN_TEXT.exec(all)?.[1];
  const orderId = ORDER_ID_IN_TEXT.exec(all)?.[1];
  const classified = classifyNotice(subject, body);
  if (classified.noticeKind === 'listing-removed' && !asin) missing.add('asin', 'the notice names no ASIN');
  return {
    kind: 'notice',
    ...(marketplace ? { marketplace } : {}),
    ...(subject ? { subject: subject.slice(0, 2000) } : {}),
    ...(body ? { body: body.slice(0, 20_000) } : {}),
    ...classified,
    ...(asin ? { asin } : {}),
    ...(orderId ? { orderId } : {}),
    missing: missing.items,
    sources: [source],
  };
}

export function readNotice(root: ReadRoot, url: URL): NoticeSnapshot | Unrecognized {
  const subjectElement = queryFirst(root, SELECTORS.noticeSubject.css);
  const bodyElement = queryFirst(root, SELECTORS.noticeBody.css);
  if (!subjectElement && !bodyElement) return { kind: 'unrecognized', reason: 'no open notice on this page' };
  const missing = new MissingList();
  const marketplace = marketplaceOf(root, url) ?? missing.add('marketplace', 'neither the host nor the page names it');
  const subject = textOf(subjectElement);
  if (!subject) missing.add('subject', 'no notice heading');
  const body = blockTextOf(bodyElement);
  if (!body) missing.add('body', 'no notice text');
  return build(subject, body, marketplace, missing, 'dom');
}

/** A notice saved as text: an optional "Subject:" line, then the body. Lines starting with # are comments. */
export function readNoticeText(text: string, marketplace?: MarketplaceId): NoticeSnapshot | Unrecognized {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => !line.startsWith('#'));
  const subjectIndex = lines.findIndex((line) => /^Subject:\s*/i.test(line));
  const subject = subjectIndex >= 0 ? lines[subjectIndex]!.replace(/^Subject:\s*/i, '').trim() : '';
  const body = lines
    .filter((_, i) => i !== subjectIndex)
    .join('\n')
    .trim();
  if (!subject && !body) return { kind: 'unrecognized', reason: 'the text is empty' };
  const missing = new MissingList();
  if (!subject) missing.add('subject', 'no "Subject:" line');
  return build(subject, body, marketplace, missing, 'dom');
}
