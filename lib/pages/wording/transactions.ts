/**
 * The words of Payments → Transaction view (docs/seller-central-pages.md §14): its column headers
 * and transaction types as the view's export names them (EN/JA/FR, B), and the currency marks of
 * its amounts. The reader matches headers on the whole cell text, lower-cased.
 */
import type { Wording } from './entry';

export type TransactionColumn = 'type' | 'order' | 'details' | 'charges' | 'promotions' | 'fees' | 'other' | 'total' | 'date';

const EXPORT = "B: the view's export columns (§14)";

/** Header words of the view's columns, matched on the whole cell text. */
export const TRANSACTION_COLUMNS: readonly (Wording & { readonly column: TransactionColumn })[] = [
  {
    column: 'date',
    languages: ['en', 'ja', 'fr'],
    pattern: /^(date|日付)$/i,
    evidence: EXPORT,
    matches: { en: ['Date'], ja: ['日付'], fr: ['Date'] },
  },
  {
    column: 'type',
    languages: ['en', 'ja', 'fr'],
    pattern: /^(transaction type|トランザクションの種類|type de transaction)$/i,
    evidence: EXPORT,
    matches: { en: ['Transaction type'], ja: ['トランザクションの種類'], fr: ['Type de transaction'] },
    rejects: ['Transaction status'],
  },
  {
    column: 'order',
    languages: ['en', 'ja', 'fr'],
    pattern: /^(order id|order number|注文番号|numéro de (la )?commande)$/i,
    evidence: `${EXPORT}; "Order number", "Numéro de commande": no source recorded`,
    matches: { en: ['Order ID', 'Order number'], ja: ['注文番号'], fr: ['Numéro de la commande', 'Numéro de commande'] },
  },
  {
    column: 'details',
    languages: ['en', 'ja', 'fr'],
    pattern: /^(product details|商品の詳細|détails sur le produit)$/i,
    evidence: EXPORT,
    matches: { en: ['Product Details'], ja: ['商品の詳細'], fr: ['Détails sur le produit'] },
  },
  {
    column: 'charges',
    languages: ['en', 'ja', 'fr'],
    pattern: /^(total product charges|商品価格合計|total des frais produit)$/i,
    evidence: EXPORT,
    matches: { en: ['Total product charges'], ja: ['商品価格合計'], fr: ['Total des frais produit'] },
  },
  {
    column: 'promotions',
    languages: ['en', 'ja', 'fr'],
    pattern: /^(total promotional rebates|プロモーション割引合計|total des rabais promotionnels)$/i,
    evidence: EXPORT,
    matches: { en: ['Total promotional rebates'], ja: ['プロモーション割引合計'], fr: ['Total des rabais promotionnels'] },
  },
  {
    column: 'fees',
    languages: ['en', 'ja', 'fr'],
    pattern: /^(amazon fees|amazon手数料|commissions amazon)$/i,
    evidence: EXPORT,
    matches: { en: ['Amazon fees'], ja: ['Amazon手数料'], fr: ['Commissions Amazon'] },
  },
  {
    column: 'other',
    languages: ['en', 'ja', 'fr'],
    pattern: /^(other|その他|autres?)$/i,
    evidence: EXPORT,
    matches: { en: ['Other'], ja: ['その他'], fr: ['Autres'] },
  },
  {
    column: 'total',
    languages: ['en', 'ja', 'fr'],
    pattern: /^(total|合計)\s*[(（]\s*[a-z]{3}\s*[)）]$|^(total|合計)$/i,
    evidence: `${EXPORT}: "Total (USD)", 合計 (JPY), "Total (EUR)"`,
    matches: { en: ['Total (USD)', 'Total'], ja: ['合計 (JPY)', '合計（JPY）'], fr: ['Total (EUR)'] },
    rejects: ['Total product charges'],
  },
];

/** A row's transaction type: an order's payment or a refund (anything else is "other"). */
export const TRANSACTION_TYPES: readonly (Wording & { readonly kind: 'order-payment' | 'refund' })[] = [
  {
    kind: 'order-payment',
    languages: ['en', 'ja', 'fr'],
    pattern: /order payment|注文に対する支払い|paiement de la commande/i,
    evidence: "B: the export's types (§14)",
    matches: { en: ['Order Payment'], ja: ['注文に対する支払い'], fr: ['Paiement de la commande'] },
    rejects: ['Service Fees'],
  },
  {
    kind: 'refund',
    languages: ['en', 'ja', 'fr'],
    pattern: /refund|返金|rembours/i,
    evidence: 'en "Refund", ja 返金: B, the export\'s types (§14); fr: no source recorded',
    matches: { en: ['Refund', 'A-to-z Guarantee Refund'], ja: ['返金'], fr: ['Remboursement'] },
  },
];

const MARKS = 'ASSUMED: that amounts carry a currency mark or none (§14); the code as in the Total column\'s header ("Total (USD)", B)';

/** Currency marks of an amount, tried in order (so "CA$" is Canadian before "$" is taken for US). */
export const CURRENCY_MARKS: readonly (Wording & { readonly currency: string })[] = [
  { currency: 'JPY', languages: ['ja'], pattern: /JPY|[¥￥円]/, evidence: MARKS, matches: { ja: ['-￥820', '¥1,234', '820円', '820 JPY'] } },
  { currency: 'CAD', languages: ['en', 'fr'], pattern: /CAD|CA\$|C\$/, evidence: MARKS, matches: { en: ['CA$12.34', 'C$12.34'], fr: ['12,34 CAD'] } },
  { currency: 'MXN', languages: ['es'], pattern: /MXN|MX\$/, evidence: MARKS, matches: { es: ['MX$120.00', '120.00 MXN'] } },
  {
    currency: 'EUR',
    languages: ['de', 'fr', 'it', 'es'],
    pattern: /EUR|€/,
    evidence: MARKS,
    matches: { de: ['1.234,56 €'], fr: ['12,34 €'], it: ['€ 12,34'], es: ['12,34 EUR'] },
  },
  { currency: 'GBP', languages: ['en'], pattern: /GBP|£/, evidence: MARKS, matches: { en: ['(£3.10)', '3.10 GBP'] } },
  { currency: 'USD', languages: ['en'], pattern: /USD|\$/, evidence: MARKS, matches: { en: ['$1,234.56', '1.00 USD'] }, rejects: ['1,234.56'] },
];
