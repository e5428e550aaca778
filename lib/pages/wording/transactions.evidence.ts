/** The evidence and examples of the Transaction view's words (transactions.ts), by entry id: see evidence.ts. */
import type { EvidenceOf } from './evidence';
import type * as transactions from './transactions';

const EXPORT = "B: the view's export columns (§14)";

const MARKS = 'ASSUMED: that amounts carry a currency mark or none (§14); the code as in the Total column\'s header ("Total (USD)", B)';

export const TRANSACTIONS_EVIDENCE = {
  TRANSACTION_COLUMNS: {
    date: { languages: ['en', 'ja', 'fr'], evidence: EXPORT, matches: { en: ['Date'], ja: ['日付'], fr: ['Date'] } },
    type: {
      languages: ['en', 'ja', 'fr'],
      evidence: EXPORT,
      matches: { en: ['Transaction type'], ja: ['トランザクションの種類'], fr: ['Type de transaction'] },
      rejects: ['Transaction status'],
    },
    order: {
      languages: ['en', 'ja', 'fr'],
      evidence: `${EXPORT}; "Order number", "Numéro de commande": no source recorded`,
      matches: { en: ['Order ID', 'Order number'], ja: ['注文番号'], fr: ['Numéro de la commande', 'Numéro de commande'] },
    },
    details: { languages: ['en', 'ja', 'fr'], evidence: EXPORT, matches: { en: ['Product Details'], ja: ['商品の詳細'], fr: ['Détails sur le produit'] } },
    charges: { languages: ['en', 'ja', 'fr'], evidence: EXPORT, matches: { en: ['Total product charges'], ja: ['商品価格合計'], fr: ['Total des frais produit'] } },
    promotions: {
      languages: ['en', 'ja', 'fr'],
      evidence: EXPORT,
      matches: { en: ['Total promotional rebates'], ja: ['プロモーション割引合計'], fr: ['Total des rabais promotionnels'] },
    },
    fees: { languages: ['en', 'ja', 'fr'], evidence: EXPORT, matches: { en: ['Amazon fees'], ja: ['Amazon手数料'], fr: ['Commissions Amazon'] } },
    other: { languages: ['en', 'ja', 'fr'], evidence: EXPORT, matches: { en: ['Other'], ja: ['その他'], fr: ['Autres'] } },
    total: {
      languages: ['en', 'ja', 'fr'],
      evidence: `${EXPORT}: "Total (USD)", 合計 (JPY), "Total (EUR)"`,
      matches: { en: ['Total (USD)', 'Total'], ja: ['合計 (JPY)', '合計（JPY）'], fr: ['Total (EUR)'] },
      rejects: ['Total product charges'],
    },
  },

  TRANSACTION_TYPES: {
    'order-payment': {
      languages: ['en', 'ja', 'fr'],
      evidence: "B: the export's types (§14)",
      matches: { en: ['Order Payment'], ja: ['注文に対する支払い'], fr: ['Paiement de la commande'] },
      rejects: ['Service Fees'],
    },
    refund: {
      languages: ['en', 'ja', 'fr'],
      evidence: 'en "Refund", ja 返金: B, the export\'s types (§14); fr: no source recorded',
      matches: { en: ['Refund', 'A-to-z Guarantee Refund'], ja: ['返金'], fr: ['Remboursement'] },
    },
  },

  CURRENCY_MARKS: {
    JPY: { languages: ['ja'], evidence: MARKS, matches: { ja: ['-￥820', '¥1,234', '820円', '820 JPY'] } },
    CAD: { languages: ['en', 'fr'], evidence: MARKS, matches: { en: ['CA$12.34', 'C$12.34'], fr: ['12,34 CAD'] } },
    MXN: { languages: ['es'], evidence: MARKS, matches: { es: ['MX$120.00', '120.00 MXN'] } },
    EUR: { languages: ['de', 'fr', 'it', 'es'], evidence: MARKS, matches: { de: ['1.234,56 €'], fr: ['12,34 €'], it: ['€ 12,34'], es: ['12,34 EUR'] } },
    GBP: { languages: ['en'], evidence: MARKS, matches: { en: ['(£3.10)', '3.10 GBP'] } },
    USD: { languages: ['en'], evidence: MARKS, matches: { en: ['$1,234.56', '1.00 USD'] }, rejects: ['1,234.56'] },
  },
} satisfies EvidenceOf<typeof transactions>;
