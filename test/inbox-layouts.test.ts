// The property over generated inbox layouts (test/fixtures/inbox-layouts.ts): every listed case's
// order id (and case id, where its row links to it) is read, in order, with its preview where the
// row shows one, on at least 99 % of the layouts; no row is made up (a read order id is always one
// of the list's). Prints the rate.
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/pages/read-page';
import { PageSnapshot } from '@/lib/pages/snapshot';
import { generateInbox } from './fixtures/inbox-layouts';

const LAYOUTS = Number(process.env.INBOX_LAYOUTS ?? 500);
const FIRST_SEED = Number(process.env.LAYOUT_SEED ?? 1);
const norm = (text: string | undefined) => text?.normalize('NFKC').replace(/\s+/g, ' ').trim();

describe('inbox cases over generated layouts', () => {
  it(`reads the listed cases right on at least 99 % of ${LAYOUTS} layouts, and never makes one up`, () => {
    let right = 0;
    let madeUp = 0;
    const failures: string[] = [];
    for (let seed = FIRST_SEED; seed < FIRST_SEED + LAYOUTS; seed++) {
      const layout = generateInbox(seed);
      const doc = document.implementation.createHTMLDocument('');
      layout.build(doc);
      const snapshot = readPage(doc, layout.url);
      expect(PageSnapshot.safeParse(snapshot).success).toBe(true);
      const cases = snapshot.kind === 'message-inbox' ? (snapshot.cases ?? []) : [];
      const truthIds = new Set(layout.truth.map((t) => t.orderId));
      madeUp += cases.filter((c) => c.orderId !== undefined && !truthIds.has(c.orderId)).length;
      const wrongAt = layout.truth.findIndex((t, i) => {
        const c = cases[i];
        return !c || c.orderId !== t.orderId || c.caseId !== t.caseId || c.resolved !== t.resolved || (t.preview !== undefined && norm(c.preview) !== norm(t.preview));
      });
      if (wrongAt < 0 && cases.length === layout.truth.length) right++;
      else if (failures.length < 5)
        failures.push(
          `seed ${seed} ${JSON.stringify(layout.features)}: read ${cases.length} of ${layout.truth.length}; row ${wrongAt}: ${JSON.stringify(cases[wrongAt])} vs ${JSON.stringify(layout.truth[wrongAt])}`,
        );
    }
    const rate = right / LAYOUTS;
    console.log(`inbox layouts: ${right} of ${LAYOUTS} read right (${(rate * 100).toFixed(1)} %), ${madeUp} rows made up${failures.length ? `\n  ${failures.join('\n  ')}` : ''}`);
    expect(madeUp).toBe(0);
    expect(rate).toBeGreaterThanOrEqual(0.99);
  });
});
