import { describe, expect, it } from 'vitest';
import { EMPTY_FEE_RATES, EMPTY_SALES_WATCH, assessTransactions } from '@/lib/fees';
import { advise } from '@/lib/guidance/advise';
import { readPage } from '@/lib/pages/read-page';
import { readMoney } from '@/lib/pages/read-transactions';
import { summarise } from '@/components/read-summary';
import { DEMO_NOW, loadFixture, parseHtml, tEn, tJa } from './helpers';

const NOW = DEMO_NOW.getTime();

describe('readMoney', () => {
  it.each([
    ['-￥1,353', { amount: -1353, currency: 'JPY' }],
    ['$1,234.56', { amount: 1234.56, currency: 'USD' }],
    ['-CA$2.40', { amount: -2.4, currency: 'CAD' }],
    ['(£3.10)', { amount: -3.1, currency: 'GBP' }],
    ['1.234,56 €', { amount: 1234.56, currency: 'EUR' }],
    ['−820', { amount: -820 }],
    ['￥0', { amount: 0, currency: 'JPY' }],
  ])('%s', (text, expected) => {
    expect(readMoney(text)).toEqual(expected);
  });

  it.each(['', '---', 'n/a', '¥'])('no amount in %j', (text) => {
    expect(readMoney(text)).toBeUndefined();
  });
});

describe('the Transaction view reader on the demo pages', () => {
  it('reads every row of the English view by its headers, with types, order ids, SKUs and amounts', () => {
    const { doc, url } = loadFixture('transactions-en');
    const snapshot = readPage(doc, url);
    if (snapshot.kind !== 'transactions') throw new Error(snapshot.kind);
    expect(snapshot.marketplace).toBe('US');
    expect(snapshot.currency).toBe('USD');
    expect(snapshot.rows).toHaveLength(10);
    expect(snapshot.rows[0]).toMatchObject({
      kind: 'order-payment',
      orderId: '114-2000004-1000004',
      sku: 'KC-CABLE-USB',
      productCharges: { amount: 20, currency: 'USD' },
      amazonFees: { amount: -3, currency: 'USD' },
    });
    expect(snapshot.rows.map((r) => r.kind)).toEqual([
      'order-payment',
      'refund',
      'order-payment',
      'order-payment',
      'order-payment',
      'other',
      'order-payment',
      'order-payment',
      'order-payment',
      'order-payment',
    ]);
    expect(snapshot.rows[4]!.orderId).toBeUndefined();
  });

  it.each([
    ['transactions-en', 'KC-CABLE-USB', 0.08, 0.15, tEn],
    ['transactions-ja', 'TB-KOPPORI-BLK', 0.11, 0.165, tJa],
  ] as const)('%s: one jump, every bad row could not tell, and "What I read" says so', (id, sku, usual, seen, t) => {
    const { doc, url } = loadFixture(id);
    const snapshot = readPage(doc, url);
    if (snapshot.kind !== 'transactions') throw new Error(snapshot.kind);
    const result = assessTransactions(snapshot, EMPTY_FEE_RATES, EMPTY_SALES_WATCH, NOW);
    expect(result.jumps).toHaveLength(1);
    expect(result.jumps[0]).toMatchObject({ sku, usual, seen });
    const reasons = result.notes.map((n) => n.reason).sort();
    expect(reasons).toEqual(expect.arrayContaining(['not-order-payment', 'promotion', 'no-order-id', 'price-zero', 'other-currency']));
    const findings = advise({ snapshot, settings: { replyDueHours: 12 }, now: NOW, feeJumps: result.jumps });
    expect(findings.map((f) => [f.id, f.severity, f.source])).toEqual([['referral-fee-changed', 'info', 'case-2']]);
    const summary = summarise({ ...snapshot, rated: result.rated, couldNotTell: [...result.notes] }, id.endsWith('ja') ? 'ja' : 'en', t);
    const couldNot = summary.lines.find((l) => l.label === 'fieldFeeCouldNotTell')?.value ?? '';
    expect(couldNot).toContain(id.endsWith('ja') ? 'プロモーション' : 'promotion');
    expect(couldNot).toContain(id.endsWith('ja') ? '注文番号のない' : 'without an order id');
    // The finding's texts exist in the UI language and cite seed 000 and the fee schedule.
    const why = findings[0]!.why.map((line) => t(line.key, line.args)).join(' ');
    expect(why).toContain('seed 000');
    expect(why).toMatch(id.endsWith('ja') ? /手数料表/ : /fee schedule/);
  });

  it("a page without the view's table reads no rows and says why; hostile cells do not break it", () => {
    const url = new URL('https://sellercentral.amazon.com/payments/event/view');
    const empty = readPage(parseHtml('<html><body><p>Loading…</p></body></html>'), url);
    expect(empty).toMatchObject({ kind: 'transactions', rows: [] });
    if (empty.kind === 'transactions') expect(empty.missing.map((m) => m.field)).toContain('rows');
    const hostile = parseHtml(
      `<table><tr><th>Order ID</th><th>Total product charges</th><th>Amazon fees</th><th>Transaction type</th></tr>` +
        `<tr><td><img src=x onerror=alert(1)>114-1111111-1111111</td><td>$9e999</td><td>-$NaN</td><td>Order Payment</td></tr>` +
        `<tr><td>${'9'.repeat(5000)}</td><td>${'1,'.repeat(3000)}</td><td>--$1</td><td>Refund</td></tr></table>`,
    );
    const read = readPage(hostile, url);
    expect(read.kind).toBe('transactions');
    if (read.kind !== 'transactions') return;
    const result = assessTransactions(read, EMPTY_FEE_RATES, EMPTY_SALES_WATCH, NOW);
    expect(result.jumps).toEqual([]);
  });
});
