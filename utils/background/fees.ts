/**
 * The anomaly watch's storage in the background (lib/fees is the logic): a Transaction view read in
 * any tab, and the orders every tab remembers, are written here one at a time so none overwrites another.
 */
import { assessTransactions, observeSale } from '@/lib/fees';
import type { TransactionsResponse } from '@/lib/messaging';
import type { TransactionsSnapshot } from '@/lib/pages/snapshot';
import { feeRatesItem, salesWatchItem } from '@/lib/fees-store';
import type { OrderWatch } from '@/lib/watch';

let writes: Promise<unknown> = Promise.resolve();
function serially<T>(work: () => Promise<T>): Promise<T> {
  const run = writes.then(work, work);
  writes = run.catch(() => undefined);
  return run;
}

/** A Transaction view: sales recorded, rates kept, and the jumps and could-not-tell rows for the sidebar. */
export function checkTransactions(snapshot: TransactionsSnapshot, now: number = Date.now()): Promise<TransactionsResponse> {
  return serially(async () => {
    const rates = feeRatesItem();
    const sales = salesWatchItem();
    const result = assessTransactions(snapshot, await rates.getValue(), await sales.getValue(), now);
    await Promise.all([rates.setValue(result.rates), sales.setValue(result.sales)]);
    return {
      jumps: result.jumps.map((j) => ({ ...j, usualCategories: [...j.usualCategories], seenCategories: [...j.seenCategories] })),
      notes: result.notes.map(({ orderId, reason }) => (orderId ? { orderId, reason } : { reason })),
      rated: result.rated,
    };
  });
}

/** The orders just remembered (order pages and lists): their SKU, fulfilment and first time seen shipped. */
export function noteOrders(watches: readonly OrderWatch[], now: number = Date.now()): Promise<void> {
  const relevant = watches.filter((w) => w.status === 'shipped' || w.product?.sku !== undefined || w.fulfilment !== undefined);
  if (relevant.length === 0) return Promise.resolve();
  return serially(async () => {
    const item = salesWatchItem();
    let sales = await item.getValue();
    const before = sales;
    for (const w of relevant) sales = observeSale(sales, { orderId: w.orderId, marketplace: w.marketplace, sku: w.product?.sku, fulfilment: w.fulfilment, status: w.status }, now);
    if (JSON.stringify(sales) !== JSON.stringify(before)) await item.setValue(sales);
  });
}
