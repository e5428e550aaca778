/**
 * Payments → Transaction view (`/payments/event/view`, B). No capture of its markup is public;
 * its export's columns are (EN/JA/FR, docs/seller-central-pages.md §14, B), so the table is found
 * by those header words (lib/pages/wording/transactions.ts), whatever its elements (`table`, `kat-table`, ARIA rows), and each row read
 * by column. Nothing of the product details is kept but a SKU it names.
 */
import { cleanText, queryAll, textOf, type ReadRoot } from './dom';
import { MissingList, ORDER_ID_IN_TEXT, firstMatch } from './read-common';
import { marketplaceOf } from './read-orders';
import type { Money, TransactionRow, TransactionsSnapshot } from './snapshot';
import { CURRENCY_MARKS, TRANSACTION_COLUMNS, TRANSACTION_TYPES, type TransactionColumn } from './wording';

type Column = TransactionColumn;

const CELLS = 'th, td, kat-table-cell, [role="cell"], [role="columnheader"], [role="gridcell"]';

/**
 * Whether a cell's text is one of the view's column names the reader keys on (Amazon's UI words,
 * never a buyer's): the page skeleton keeps these verbatim so that a skeleton reads as the page.
 */
export function isColumnHeader(text: string): boolean {
  const clean = text.replace(/\s+/g, ' ').trim().toLowerCase();
  return clean.length <= 60 && firstMatch(TRANSACTION_COLUMNS, clean) !== undefined;
}

/** "-￥820", "$1,234.56", "(£3.10)", "1.234,56 €", "−820" → amount and currency; undefined when it is no amount. */
export function readMoney(text: string): Money | undefined {
  const clean = cleanText(text).replace(/[−–]/g, '-');
  const digits = /\d[\d.,\s]*/.exec(clean);
  if (!digits) return undefined;
  let number = digits[0].replace(/\s/g, '');
  const lastSep = Math.max(number.lastIndexOf('.'), number.lastIndexOf(','));
  const decimals = lastSep >= 0 ? number.length - lastSep - 1 : 0;
  // A separator followed by one or two digits is the decimal one; any other is for thousands.
  number = decimals > 0 && decimals <= 2 ? `${number.slice(0, lastSep).replace(/[.,]/g, '')}.${number.slice(lastSep + 1)}` : number.replace(/[.,]/g, '');
  const amount = Number(number) * (/-\s*[^\d]*\d|\(.*\d.*\)/.test(clean) ? -1 : 1);
  if (!Number.isFinite(amount)) return undefined;
  const currency = firstMatch(CURRENCY_MARKS, clean);
  return currency ? { amount, currency } : { amount };
}

function kindOf(text: string): TransactionRow['kind'] {
  return firstMatch(TRANSACTION_TYPES, text) ?? 'other';
}

export function readTransactions(root: ReadRoot, url: URL): TransactionsSnapshot {
  const missing = new MissingList();
  const marketplace = marketplaceOf(root, url) ?? missing.add('marketplace', 'neither the host nor the page names it');
  const search = url.searchParams.get('orderId') ?? '';
  const snapshot: TransactionsSnapshot = {
    kind: 'transactions',
    ...(marketplace ? { marketplace } : {}),
    ...(/^\d{3}-\d{7}-\d{7}$/.test(search) ? { orderSearch: search } : {}),
    rows: [],
    missing: missing.items,
    sources: ['dom'],
  };
  const rows = queryAll(root, ['tr', 'kat-table-row', '[role="row"]'], true);
  let columns: Map<Column, number> | undefined;
  for (const row of rows) {
    const cells = [...row.querySelectorAll(CELLS)].filter((cell) => cell.parentElement?.closest('tr, kat-table-row, [role="row"]') === row);
    const texts = cells.map((cell) => textOf(cell));
    if (!columns) {
      const found = new Map<Column, number>();
      texts.forEach((text, index) => {
        const hit = firstMatch(TRANSACTION_COLUMNS, text.toLowerCase());
        if (hit && !found.has(hit)) found.set(hit, index);
        if (hit === 'total') {
          const code = /[(（]\s*([A-Za-z]{3})\s*[)）]/.exec(text)?.[1]?.toUpperCase();
          if (code) snapshot.currency = code;
        }
      });
      if (found.has('order') && found.has('fees') && found.has('charges')) columns = found;
      continue;
    }
    if (snapshot.rows.length >= 500) {
      missing.add('rows', 'more than 500 rows: the rest were not read', 'unreadable');
      break;
    }
    const cell = (column: Column) => {
      const index = columns!.get(column);
      return index === undefined ? undefined : texts[index];
    };
    const money = (column: Column) => {
      const text = cell(column);
      return text ? readMoney(text) : undefined;
    };
    const type = cell('type') ?? '';
    if (texts.every((t) => t === '')) continue;
    const orderId = ORDER_ID_IN_TEXT.exec(cell('order') ?? '')?.[1];
    const sku = /\bSKU\s*[:：]\s*(\S{1,200})/.exec(cell('details') ?? '')?.[1];
    const entry: TransactionRow = { kind: kindOf(type) };
    if (type) entry.typeText = type.slice(0, 200);
    if (cell('date')) entry.date = cell('date')!.slice(0, 100);
    if (orderId) entry.orderId = orderId;
    if (sku) entry.sku = sku;
    for (const [field, column] of [
      ['productCharges', 'charges'],
      ['promotions', 'promotions'],
      ['amazonFees', 'fees'],
      ['other', 'other'],
      ['total', 'total'],
    ] as const) {
      const value = money(column);
      if (value) entry[field] = value;
    }
    snapshot.rows.push(entry);
  }
  if (!columns) missing.add('rows', "no table with the Transaction view's columns (Order ID, Total product charges, Amazon fees) on the page");
  return snapshot;
}
