/**
 * The words of Amazon's notices to sellers (docs/seller-central-pages.md §6; docs/domain.md case 6):
 * what kind of notice it is, the listing problem it names, whether it mentions relisting, and its
 * ASIN line. The texts are evidenced by real notices in test/fixtures/real-pages where so marked
 * (each entry's languages, evidence and examples: notices.evidence.ts).
 */
import type { NoticeSnapshot } from '../snapshot';

type NoticeKind = NoticeSnapshot['noticeKind'];
type ListingProblem = NonNullable<NoticeSnapshot['listingProblem']>;

/** Subjects and bodies that name the kind of notice, by id, tried in order (on the subject first, then the body). */
export const NOTICE_KINDS = {
  'ja-listing-cancel': { kind: 'listing-removed', pattern: /要ご対応\s*[:：]\s*出品キャンセルのご連絡/ },
  'ja-listing-stopped': { kind: 'listing-removed', pattern: /出品(?:が|を)?(?:停止|キャンセル)(?:され|とな|いた)/ },
  'en-detail-pages-removed': { kind: 'listing-removed', pattern: /detail pages? (?:have|has) been (?:temporarily )?(?:removed|deactivated)/i },
  'en-listing-removed': { kind: 'listing-removed', pattern: /listings? (?:(?:has|have) been |was |were )?(?:removed|deactivated|cancell?ed|suppressed)/i },
  'en-restricted-removal': { kind: 'listing-removed', pattern: /Restricted Products Removal/i },
  'en-a-to-z': { kind: 'a-to-z-claim', pattern: /A-to-z Guarantee Claim|Claim received on order|Claim Decision on Order/i },
  'ja-a-to-z': { kind: 'a-to-z-claim', pattern: /マーケットプレイス保証(?:申請)?/ },
  'en-undeliverable': { kind: 'undeliverable-message', pattern: /unable to deliver the message you sent|message (?:was )?not (?:sent|delivered)/i },
  'ja-undeliverable': { kind: 'undeliverable-message', pattern: /(?:購入者への)?メッセージを送信できませんでした/ },
} as const satisfies Readonly<Record<string, { readonly kind: NoticeKind; readonly pattern: RegExp }>>;

/** The problem a listing-removal notice names, tried in order on its subject and body. */
export const LISTING_PROBLEMS = {
  authenticity: /counterfeit|authentic|inauthentic|偽造|偽物|真正|真贋|正規品ではない/i,
  'restricted-product': /Restricted Products?|制限対象商品|出品制限/i,
  condition: /\bcondition\b|コンディション|商品の状態|状態が(?:悪|異な)/i,
  'wrong-item': /different (?:item|product)|not as described|wrong item|detail page|商品詳細ページ|異なる商品|並行輸入品|正規流通品/i,
} as const satisfies Partial<Record<ListingProblem, RegExp>>;

/** A notice that mentions relisting (docs/domain.md case 6, pattern 2). */
export const RELISTING = /relist|re-list|reinstatement request|再出品|出品(?:を)?再開/i;

/** A notice's ASIN line (group 1: the ASIN). */
export const NOTICE_ASIN = /ASIN(?:番号)?\s*[:：]?\s*([A-Z0-9]{10})\b/;
