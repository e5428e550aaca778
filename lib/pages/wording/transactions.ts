/**
 * The words of Payments → Transaction view (docs/seller-central-pages.md §14): its column headers
 * and transaction types as the view's export names them (EN/JA/FR, B), and the currency marks of
 * its amounts. The reader matches headers on the whole cell text, lower-cased. Each entry's
 * languages, evidence and examples: transactions.evidence.ts.
 */

/** Header words of the view's columns, matched on the whole cell text. */
export const TRANSACTION_COLUMNS = {
  date: /^(date|日付)$/i,
  type: /^(transaction type|トランザクションの種類|type de transaction)$/i,
  order: /^(order id|order number|注文番号|numéro de (la )?commande)$/i,
  details: /^(product details|商品の詳細|détails sur le produit)$/i,
  charges: /^(total product charges|商品価格合計|total des frais produit)$/i,
  promotions: /^(total promotional rebates|プロモーション割引合計|total des rabais promotionnels)$/i,
  fees: /^(amazon fees|amazon手数料|commissions amazon)$/i,
  other: /^(other|その他|autres?)$/i,
  total: /^(total|合計)\s*[(（]\s*[a-z]{3}\s*[)）]$|^(total|合計)$/i,
} as const;

export type TransactionColumn = keyof typeof TRANSACTION_COLUMNS;

/** A row's transaction type: an order's payment or a refund (anything else is "other"). */
export const TRANSACTION_TYPES = {
  'order-payment': /order payment|注文に対する支払い|paiement de la commande/i,
  refund: /refund|返金|rembours/i,
} as const;

/** Currency marks of an amount, tried in order (so "CA$" is Canadian before "$" is taken for US). */
export const CURRENCY_MARKS = {
  JPY: /JPY|[¥￥円]/,
  CAD: /CAD|CA\$|C\$/,
  MXN: /MXN|MX\$/,
  EUR: /EUR|€/,
  GBP: /GBP|£/,
  USD: /USD|\$/,
} as const;
