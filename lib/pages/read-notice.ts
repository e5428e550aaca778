/**
 * Amazon notices: the kind of notice, the listing problem, the ASIN and whether relisting is
 * mentioned (docs/domain.md case 6, pattern 1 or 2); the words are in lib/pages/wording/notices.ts. The texts are evidenced (real notices in
 * test/fixtures/real-pages); the Performance Notifications markup is not, so the DOM reader takes
 * the open notice's heading and body, and `readNoticeText` reads a notice saved as text (an e-mail).
 */
import { blockTextOf, queryFirst, textOf, type ReadRoot } from './dom';
import { ASIN_IN_TEXT, MissingList, ORDER_ID_IN_TEXT, firstMatch } from './read-common';
import { marketplaceOf } from './read-orders';
import { SELECTORS } from './selectors';
import type { NoticeSnapshot, Unrecognized } from './snapshot';
import { LISTING_PROBLEMS, NOTICE_ASIN, NOTICE_KINDS, RELISTING } from './wording';
import type { MarketplaceId } from '../hosts';

export function classifyNotice(subject: string, body: string): Pick<NoticeSnapshot, 'noticeKind' | 'listingProblem' | 'relistingMentioned'> {
  const all = `${subject}\n${body}`;
  const kinds = Object.values(NOTICE_KINDS);
  const kind = kinds.find((k) => k.pattern.test(subject))?.kind ?? kinds.find((k) => k.pattern.test(body))?.kind ?? 'other';
  if (kind !== 'listing-removed') return { noticeKind: kind, relistingMentioned: false };
  const problem = firstMatch(LISTING_PROBLEMS, all) ?? 'unknown';
  return { noticeKind: kind, listingProblem: problem, relistingMentioned: RELISTING.test(all) };
}

function build(subject: string, body: string, marketplace: MarketplaceId | undefined, missing: MissingList, source: 'dom'): NoticeSnapshot {
  const all = `${subject}\n${body}`;
  const asin = NOTICE_ASIN.exec(all)?.[1] ?? ASIN_IN_TEXT.exec(all)?.[1];
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
