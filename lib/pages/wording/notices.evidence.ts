/** The evidence and examples of the notices' words (notices.ts), by entry id: see evidence.ts. */
import type { EvidenceOf } from './evidence';
import type * as notices from './notices';

const PROBLEMS = 'the kinds of problem a listing-removal notice names (docs/domain.md case 6, seed 004)';

export const NOTICES_EVIDENCE = {
  NOTICE_KINDS: {
    'ja-listing-cancel': {
      languages: ['ja'],
      evidence: 'real notice, email_listing-cancel_ja.txt',
      matches: { ja: ['要ご対応:出品キャンセルのご連絡', '要ご対応：出品キャンセルのご連絡'] },
      rejects: ['要ご対応:出品調査のご連絡'],
    },
    'ja-listing-stopped': {
      languages: ['ja'],
      evidence: 'quoted JP subjects (§6)',
      matches: { ja: ['必要なアクション:出品が停止されました', '必要なアクション: Amazonの出品者としての出品が停止となりました', '出品者様の出品をキャンセルいたしました'] },
    },
    'en-detail-pages-removed': {
      languages: ['en'],
      evidence: 'real notice, email_listing-removal_en.txt',
      matches: { en: ['Your Amazon seller detail pages have been temporarily removed'] },
    },
    'en-listing-removed': {
      languages: ['en'],
      evidence: 'seller help wording',
      matches: { en: ['Your listing has been removed', 'Your listings were deactivated', 'Listing cancelled'] },
      rejects: ['Your listing is active'],
    },
    'en-restricted-removal': {
      languages: ['en'],
      evidence: 'forum-quoted subject (§6)',
      matches: { en: ['Notification of Restricted Products Removal'] },
    },
    'en-a-to-z': {
      languages: ['en'],
      evidence: 'e-mail subjects (§6)',
      matches: { en: ['A-to-z Guarantee Claim for Order 113-0218844-6650219', 'Action required: Claim received on order 113-0218844-6650219', 'Claim Decision on Order 113-0218844-6650219'] },
    },
    'ja-a-to-z': {
      languages: ['ja'],
      evidence: 'JP help G27951',
      matches: { ja: ['Amazonマーケットプレイス保証申請'] },
    },
    'en-undeliverable': {
      languages: ['en'],
      evidence: 'real bounce, email_bsm-optout-bounce_en.txt',
      matches: {
        en: ['We were unable to deliver the message you sent for order [002-xxxxxxx-1234567]', 'This message was not sent as it did not meet the Buyer-Seller Messaging communication guidelines.'],
      },
    },
    'ja-undeliverable': {
      languages: ['ja'],
      evidence: 'real bounce, email_bsm-optout-bounce_ja.txt',
      matches: { ja: ['購入者へのメッセージを送信できませんでした'] },
    },
  },

  LISTING_PROBLEMS: {
    authenticity: {
      languages: ['en', 'ja'],
      evidence: `${PROBLEMS}; the words: no source recorded`,
      matches: { en: ['Product Authenticity Customer Complaints', 'may be counterfeit'], ja: ['偽造品の疑い', '正規品ではない可能性'] },
    },
    'restricted-product': {
      languages: ['en', 'ja'],
      evidence: `${PROBLEMS}; en: real notice, email_listing-removal_en.txt; ja: no source recorded`,
      matches: { en: ["Amazon's Restricted Products policy"], ja: ['出品制限のある商品'] },
    },
    condition: {
      languages: ['en', 'ja'],
      evidence: `${PROBLEMS}; the words: no source recorded`,
      matches: { en: ['Product Condition Customer Complaints'], ja: ['商品の状態が説明と異なる', 'コンディション'] },
      rejects: ['conditions of use'],
    },
    'wrong-item': {
      languages: ['en', 'ja'],
      evidence: `${PROBLEMS}; ja 商品詳細ページ, 並行輸入品, 正規流通品: real notice, email_listing-cancel_ja.txt; the others: no source recorded`,
      matches: { en: ['Item not as described', 'received a different item'], ja: ['正規流通品とは別の商品詳細ページ(ASIN)にて出品', '並行輸入品'] },
    },
  },

  RELISTING: {
    languages: ['en', 'ja'],
    evidence: 'docs/domain.md case 6 (seed 004): pattern 2 mentions relisting; the words: no source recorded',
    matches: { en: ['To relist this item, submit invoices', 'submit a reinstatement request'], ja: ['再出品をご希望の場合は', '出品を再開するには'] },
    rejects: ['they will be automatically reinstated'],
  },

  NOTICE_ASIN: {
    languages: ['en', 'ja'],
    evidence: 'ja ASIN番号: real notice, email_listing-cancel_ja.txt; "ASIN:" as on the order pages (A, §3)',
    matches: { en: ['ASIN: B08L9QK2ZR'], ja: ['ASIN番号 B00OK1O542', 'ASIN：B00OK1O542'] },
    rejects: ['ASIN番号 指摘があった場合にこの欄に記載される。'],
  },
} satisfies EvidenceOf<typeof notices>;
