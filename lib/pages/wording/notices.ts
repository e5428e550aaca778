/**
 * The words of Amazon's notices to sellers (docs/seller-central-pages.md §6; docs/domain.md case 6):
 * what kind of notice it is, the listing problem it names, whether it mentions relisting, and its
 * ASIN line. The texts are evidenced by real notices in test/fixtures/real-pages where so marked.
 */
import type { NoticeSnapshot } from '../snapshot';
import type { Wording } from './entry';

type NoticeKind = NoticeSnapshot['noticeKind'];
type ListingProblem = NonNullable<NoticeSnapshot['listingProblem']>;

/** Subjects and bodies that name the kind of notice, tried in order (on the subject first, then the body). */
export const NOTICE_KINDS: readonly (Wording & { readonly id: string; readonly kind: NoticeKind })[] = [
  {
    id: 'ja-listing-cancel',
    kind: 'listing-removed',
    languages: ['ja'],
    pattern: /要ご対応\s*[:：]\s*出品キャンセルのご連絡/,
    evidence: 'real notice, email_listing-cancel_ja.txt',
    matches: { ja: ['要ご対応:出品キャンセルのご連絡', '要ご対応：出品キャンセルのご連絡'] },
    rejects: ['要ご対応:出品調査のご連絡'],
  },
  {
    id: 'ja-listing-stopped',
    kind: 'listing-removed',
    languages: ['ja'],
    pattern: /出品(?:が|を)?(?:停止|キャンセル)(?:され|とな|いた)/,
    evidence: 'quoted JP subjects (§6)',
    matches: { ja: ['必要なアクション:出品が停止されました', '必要なアクション: Amazonの出品者としての出品が停止となりました', '出品者様の出品をキャンセルいたしました'] },
  },
  {
    id: 'en-detail-pages-removed',
    kind: 'listing-removed',
    languages: ['en'],
    pattern: /detail pages? (?:have|has) been (?:temporarily )?(?:removed|deactivated)/i,
    evidence: 'real notice, email_listing-removal_en.txt',
    matches: { en: ['Your Amazon seller detail pages have been temporarily removed'] },
  },
  {
    id: 'en-listing-removed',
    kind: 'listing-removed',
    languages: ['en'],
    pattern: /listings? (?:(?:has|have) been |was |were )?(?:removed|deactivated|cancell?ed|suppressed)/i,
    evidence: 'seller help wording',
    matches: { en: ['Your listing has been removed', 'Your listings were deactivated', 'Listing cancelled'] },
    rejects: ['Your listing is active'],
  },
  {
    id: 'en-restricted-removal',
    kind: 'listing-removed',
    languages: ['en'],
    pattern: /Restricted Products Removal/i,
    evidence: 'forum-quoted subject (§6)',
    matches: { en: ['Notification of Restricted Products Removal'] },
  },
  {
    id: 'en-a-to-z',
    kind: 'a-to-z-claim',
    languages: ['en'],
    pattern: /A-to-z Guarantee Claim|Claim received on order|Claim Decision on Order/i,
    evidence: 'e-mail subjects (§6)',
    matches: { en: ['A-to-z Guarantee Claim for Order 113-0218844-6650219', 'Action required: Claim received on order 113-0218844-6650219', 'Claim Decision on Order 113-0218844-6650219'] },
  },
  {
    id: 'ja-a-to-z',
    kind: 'a-to-z-claim',
    languages: ['ja'],
    pattern: /マーケットプレイス保証(?:申請)?/,
    evidence: 'JP help G27951',
    matches: { ja: ['Amazonマーケットプレイス保証申請'] },
  },
  {
    id: 'en-undeliverable',
    kind: 'undeliverable-message',
    languages: ['en'],
    pattern: /unable to deliver the message you sent|message (?:was )?not (?:sent|delivered)/i,
    evidence: 'real bounce, email_bsm-optout-bounce_en.txt',
    matches: {
      en: ['We were unable to deliver the message you sent for order [002-xxxxxxx-1234567]', 'This message was not sent as it did not meet the Buyer-Seller Messaging communication guidelines.'],
    },
  },
  {
    id: 'ja-undeliverable',
    kind: 'undeliverable-message',
    languages: ['ja'],
    pattern: /(?:購入者への)?メッセージを送信できませんでした/,
    evidence: 'real bounce, email_bsm-optout-bounce_ja.txt',
    matches: { ja: ['購入者へのメッセージを送信できませんでした'] },
  },
];

const PROBLEMS = 'the kinds of problem a listing-removal notice names (docs/domain.md case 6, seed 004)';

/** The problem a listing-removal notice names, tried in order on its subject and body. */
export const LISTING_PROBLEMS: readonly (Wording & { readonly problem: ListingProblem })[] = [
  {
    problem: 'authenticity',
    languages: ['en', 'ja'],
    pattern: /counterfeit|authentic|inauthentic|偽造|偽物|真正|真贋|正規品ではない/i,
    evidence: `${PROBLEMS}; the words: no source recorded`,
    matches: { en: ['Product Authenticity Customer Complaints', 'may be counterfeit'], ja: ['偽造品の疑い', '正規品ではない可能性'] },
  },
  {
    problem: 'restricted-product',
    languages: ['en', 'ja'],
    pattern: /Restricted Products?|制限対象商品|出品制限/i,
    evidence: `${PROBLEMS}; en: real notice, email_listing-removal_en.txt; ja: no source recorded`,
    matches: { en: ["Amazon's Restricted Products policy"], ja: ['出品制限のある商品'] },
  },
  {
    problem: 'condition',
    languages: ['en', 'ja'],
    pattern: /\bcondition\b|コンディション|商品の状態|状態が(?:悪|異な)/i,
    evidence: `${PROBLEMS}; the words: no source recorded`,
    matches: { en: ['Product Condition Customer Complaints'], ja: ['商品の状態が説明と異なる', 'コンディション'] },
    rejects: ['conditions of use'],
  },
  {
    problem: 'wrong-item',
    languages: ['en', 'ja'],
    pattern: /different (?:item|product)|not as described|wrong item|detail page|商品詳細ページ|異なる商品|並行輸入品|正規流通品/i,
    evidence: `${PROBLEMS}; ja 商品詳細ページ, 並行輸入品, 正規流通品: real notice, email_listing-cancel_ja.txt; the others: no source recorded`,
    matches: { en: ['Item not as described', 'received a different item'], ja: ['正規流通品とは別の商品詳細ページ(ASIN)にて出品', '並行輸入品'] },
  },
];

/** A notice that mentions relisting (docs/domain.md case 6, pattern 2). */
export const RELISTING: Wording = {
  languages: ['en', 'ja'],
  pattern: /relist|re-list|reinstatement request|再出品|出品(?:を)?再開/i,
  evidence: 'docs/domain.md case 6 (seed 004): pattern 2 mentions relisting; the words: no source recorded',
  matches: { en: ['To relist this item, submit invoices', 'submit a reinstatement request'], ja: ['再出品をご希望の場合は', '出品を再開するには'] },
  rejects: ['they will be automatically reinstated'],
};

/** A notice's ASIN line (group 1: the ASIN). */
export const NOTICE_ASIN: Wording = {
  languages: ['en', 'ja'],
  pattern: /ASIN(?:番号)?\s*[:：]?\s*([A-Z0-9]{10})\b/,
  evidence: 'ja ASIN番号: real notice, email_listing-cancel_ja.txt; "ASIN:" as on the order pages (A, §3)',
  matches: { en: ['ASIN: B08L9QK2ZR'], ja: ['ASIN番号 B00OK1O542', 'ASIN：B00OK1O542'] },
  rejects: ['ASIN番号 指摘があった場合にこの欄に記載される。'],
};
