// The property over generated layouts (test/fixtures/messaging-layouts.ts): the open case's order
// id, the buyer's latest words and whether a reply is pending are read right on at least 99 % of
// the layouts whose page (with the seller's options) says who wrote each message; on the others
// nothing wrong is read (a value is right or reported as not read); on none is a seller's or
// Amazon's message taken for the buyer's. Prints the rates, over all layouts too.
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/pages/read-page';
import { PageSnapshot } from '@/lib/pages/snapshot';
import { generateLayout, type GeneratedLayout } from './fixtures/messaging-layouts';

const LAYOUTS = Number(process.env.LAYOUTS ?? 700);
// Another range of seeds (LAYOUT_SEED=…) checks that the reader was not fitted to these layouts.
const FIRST_SEED = Number(process.env.LAYOUT_SEED ?? 1);

const norm = (text: string | undefined) => text?.normalize('NFKC').replace(/\s+/g, ' ').trim();

interface Outcome {
  readonly layout: GeneratedLayout;
  readonly orderOk: boolean;
  readonly latestOk: boolean;
  readonly pendingOk: boolean;
  /** Buyer messages read whose text is a seller's or Amazon's (or holds part of one). */
  readonly misattributed: number;
  /** Something read that is not so (a value that is neither right nor left out). */
  readonly wrong: boolean;
  readonly detail: string;
}

function run(seed: number): Outcome {
  const layout = generateLayout(seed);
  const doc = document.implementation.createHTMLDocument('');
  layout.build(doc);
  const snapshot = readPage(doc, layout.url, layout.input);
  const valid = PageSnapshot.safeParse(snapshot).success;
  const read = snapshot.kind === 'message-thread' ? snapshot : undefined;
  const others = layout.truth.messages.filter((m) => m.sender !== 'buyer').map((m) => norm(m.text)!);
  const buyers = layout.truth.messages.filter((m) => m.sender === 'buyer').map((m) => norm(m.text)!);
  let misattributed = 0;
  for (const m of read?.messages ?? []) {
    if (m.sender !== 'buyer') continue;
    const text = norm(m.text)!;
    const fromOther = others.some((o) => !buyers.includes(o) && (text === o || (o.length >= 20 && text.includes(o.slice(0, 20)))));
    if (fromOther) misattributed++;
  }
  const latest = read?.messages.filter((m) => m.sender === 'buyer').at(-1)?.text;
  const outcome = {
    layout,
    orderOk: valid && read?.orderId === layout.truth.orderId,
    latestOk: valid && norm(latest) === norm(layout.truth.latestBuyerText),
    pendingOk: valid && read?.replyPending === layout.truth.replyPending,
    misattributed,
    wrong:
      !valid ||
      (read?.orderId !== undefined && read.orderId !== layout.truth.orderId) ||
      (latest !== undefined && norm(latest) !== norm(layout.truth.latestBuyerText)) ||
      (read?.replyPending !== undefined && read.replyPending !== layout.truth.replyPending),
  };
  const detail = JSON.stringify({
    seed,
    url: layout.url.href,
    features: layout.features,
    truth: { orderId: layout.truth.orderId, latest: layout.truth.latestBuyerText, pending: layout.truth.replyPending, senders: layout.truth.messages.map((m) => m.sender) },
    read: read ? { orderId: read.orderId, latest, pending: read.replyPending, senders: read.messages.map((m) => m.sender), missing: read.missing.map((m) => `${m.field}: ${m.reason}`) } : snapshot,
  });
  return { ...outcome, detail };
}

describe(`the messaging reader over ${LAYOUTS} generated layouts`, () => {
  const outcomes = Array.from({ length: LAYOUTS }, (_, i) => run(FIRST_SEED + i));
  const isRight = (o: Outcome) => o.orderOk && o.latestOk && o.pendingOk;
  const disclosed = outcomes.filter((o) => o.layout.truth.disclosed);
  const rate = disclosed.filter(isRight).length / disclosed.length;
  const overall = outcomes.filter(isRight).length / outcomes.length;

  // The report: the rate, each part's rate, and where the misses are.
  const part = (ok: (o: Outcome) => boolean) => `${((100 * outcomes.filter(ok).length) / outcomes.length).toFixed(1)} %`;
  const misses = outcomes.filter((o) => !isRight(o));
  const byFeature = new Map<string, number>();
  for (const o of misses) for (const [k, v] of Object.entries(o.layout.features)) byFeature.set(`${k}=${v}`, (byFeature.get(`${k}=${v}`) ?? 0) + 1);
  console.log(
    [
      `messaging layouts: ${disclosed.filter(isRight).length}/${disclosed.length} read right (${(100 * rate).toFixed(1)} %) where the page and the options say who wrote each message`,
      `  over all ${outcomes.length} layouts: ${outcomes.filter(isRight).length} read right (${(100 * overall).toFixed(1)} %); where nobody could tell who wrote a message, the reader says so (wrong values: ${outcomes.filter((o) => o.wrong).length})`,
      `  order id ${part((o) => o.orderOk)}, buyer's latest words ${part((o) => o.latestOk)}, reply pending ${part((o) => o.pendingOk)} (all layouts)`,
      `  seller's or Amazon's message taken for the buyer's: ${outcomes.reduce((n, o) => n + o.misattributed, 0)}`,
      ...(misses.length > 0
        ? [
            `  misses by feature: ${[...byFeature]
              .sort((a, b) => b[1] - a[1])
              .slice(0, 12)
              .map(([k, n]) => `${k} ${n}`)
              .join(', ')}`,
          ]
        : []),
      ...misses.slice(0, Number(process.env.SHOW_MISSES ?? 3)).map((o) => `  miss: ${o.detail}`),
    ].join('\n'),
  );

  it("never takes a seller's or Amazon's message for the buyer's", () => {
    expect(outcomes.filter((o) => o.misattributed > 0).map((o) => o.detail)).toEqual([]);
  });

  it("reads the order id, the buyer's latest words and reply-pending right on at least 99 % of the layouts that say who wrote what", () => {
    expect(disclosed.length).toBeGreaterThanOrEqual(500);
    expect(rate).toBeGreaterThanOrEqual(0.99);
  });

  it('reads nothing wrong where the page does not say who wrote a message: it says it cannot tell', () => {
    expect(outcomes.filter((o) => o.wrong).map((o) => o.detail)).toEqual([]);
  });

  it('draws varied layouts (the generator is not stuck on one shape)', () => {
    for (const feature of ['lang', 'panel', 'caseList', 'meta', 'sellerStyle', 'buyerStyle', 'box', 'route', 'frame', 'caseMessagesId']) {
      const values = new Set(outcomes.map((o) => o.layout.features[feature]));
      expect(values.size, feature).toBeGreaterThan(1);
    }
  });
});
