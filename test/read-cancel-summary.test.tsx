// "What I read" says which source decided the buyer's official request, the page's words, any
// disagreement, "could not tell", and Amazon's cancellation date, in English and Japanese.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadSection, type ReadSectionProps } from '@/components/ReadSection';
import { readPage } from '@/lib/pages/read-page';
import { summarise } from '@/components/read-summary';
import type { BuyerRequestedCancel, OrderDetailsSnapshot } from '@/lib/pages/snapshot';
import { loadFixture, tEn, tJa } from './helpers';

/** ReadSection with its summary made here, as the background makes it for the content script. */
const Read = (props: Omit<ReadSectionProps, 'summary'>) => <ReadSection {...props} summary={summarise(props.snapshot, props.locale, props.t)} />;

afterEach(cleanup);

function order(patch: Partial<OrderDetailsSnapshot>): OrderDetailsSnapshot {
  const { doc, url } = loadFixture('order-details-en');
  const snapshot = readPage(doc, url) as OrderDetailsSnapshot;
  return { ...snapshot, ...patch, missing: patch.missing ?? snapshot.missing.filter((m) => m.field !== 'buyerRequestedCancel') };
}
const lines = (snapshot: OrderDetailsSnapshot, t = tEn, locale = 'en-US') => Object.fromEntries(summarise(snapshot, locale, t).lines.map((l) => [l.label, l.value]));
const cancel = (value: BuyerRequestedCancel) => order({ buyerRequestedCancel: value });

describe('the official request in "What I read"', () => {
  it.each([
    [{ requested: true, source: 'orders-api' } as const, "Yes — from Seller Central's own order data"],
    [{ requested: true, source: 'page-banner', wording: 'sentence', quote: 'The buyer has requested that this order be canceled.' } as const, "Yes — from Amazon's banner on the page"],
    [{ requested: true, source: 'item-status', wording: 'fragment', quote: 'Unshipped Buyer Requested Cancel' } as const, "Yes — from the item's status on the page"],
    [{ requested: false, source: 'orders-api' } as const, "No — from Seller Central's own order data"],
  ])('says which source decided: %j', (value, expected) => {
    expect(lines(cancel(value)).fieldBuyerCancel).toBe(expected);
  });

  it("quotes the page's words, and says when only a fragment of Amazon's wording matched", () => {
    expect(lines(cancel({ requested: true, source: 'page-banner', wording: 'sentence', quote: 'The buyer has requested that this order be canceled.' })).fieldBuyerCancelWords).toBe(
      "“The buyer has requested that this order be canceled.” (Amazon's banner sentence)",
    );
    expect(lines(cancel({ requested: true, source: 'page-banner', wording: 'fragment', quote: 'キャンセルリクエスト' }), tJa, 'ja').fieldBuyerCancelWords).toBe(
      '「キャンセルリクエスト」（Amazon の文言の一部に、この注文の表示箇所で一致）',
    );
  });

  it('names the item of a partial request, and that it is no request for the order', () => {
    const value = lines(cancel({ requested: false, source: 'orders-api', items: [{ index: 1, asin: 'B0CJ4Y4VT1' }] })).fieldBuyerCancel;
    expect(value).toContain('Only for item 2 B0CJ4Y4VT1 of 2 items');
    expect(value).toContain('Not a request for the whole order');
  });

  it('shows the disagreement, and that the order data won', () => {
    const read = lines(cancel({ requested: false, source: 'orders-api', disagreement: { requested: true, source: 'page-banner', wording: 'sentence' } }));
    expect(read.fieldBuyerCancel).toBe("No — from Seller Central's own order data");
    expect(read.fieldBuyerCancelDisagreement).toBe("The other source said otherwise: Yes — from Amazon's banner on the page. Seller Central's order data wins.");
  });

  it('says "could not tell" when the page showed something unclear, with the reason under "Not read"', () => {
    const unclear = order({ missing: [{ field: 'buyerRequestedCancel', reason: 'could not tell: 2 different banners', why: 'unreadable' }] });
    expect(lines(unclear).fieldBuyerCancel).toBe('Could not tell (see below)');
    expect(lines(unclear, tJa, 'ja').fieldBuyerCancel).toBe('判断できません（下記参照）');
    render(<Read snapshot={unclear} locale="en-US" t={tEn} />);
    expect(document.querySelector('[data-missing-field="buyerRequestedCancel"]')?.textContent).toContain('2 different banners');
  });

  it("shows Amazon's cancellation date from the order data, as Amazon's, in the marketplace's zone", () => {
    const read = lines(order({ cancellationDate: '2026-12-02T07:59:59.000Z' }));
    expect(read.fieldAutoCancel?.replace(/\s/g, ' ')).toBe("Tue, Dec 1, 2026, 11:59 PM PST (Amazon's date, from the order data)");
  });

  it('counts the official requests of the list, and those it could not tell', () => {
    const { doc, url } = loadFixture('order-list-en');
    const list = readPage(doc, url);
    if (list.kind !== 'order-list') throw new Error('not a list');
    const [a, b, c] = list.orders;
    const patched = {
      ...list,
      orders: [
        { ...a!, buyerRequestedCancel: { requested: true, source: 'page-banner' as const } },
        { ...b!, buyerRequestedCancel: { requested: true, source: 'orders-api' as const } },
        { ...c!, missing: [...c!.missing, { field: 'buyerRequestedCancel', reason: 'could not tell', why: 'unreadable' as const }] },
      ],
    };
    expect(summarise(patched, 'en', tEn).lines.find((l) => l.label === 'fieldCancelRequestRows')?.value).toBe("2 orders (1 read from the page's banners); could not tell for 1");
  });
});
