import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readOrdersApiJson } from '@/lib/pages/orders-api';
import { readNoticeText } from '@/lib/pages/read-notice';
import { readPage } from '@/lib/pages/read-page';
import { PageSnapshot } from '@/lib/pages/snapshot';
import { demoPageIds, loadFixture } from './helpers';

type Mutation =
  | { kind: 'remove'; pick: number }
  | { kind: 'shuffle'; pick: number; seed: number }
  | { kind: 'inject-html'; pick: number; text: string }
  | { kind: 'huge-text'; pick: number; size: number }
  | { kind: 'set-attribute'; pick: number; name: string; value: string };

const hostileText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    '</td></tr><tr><td>114-0000000-0000000',
    'Ship by date: Feb 31, 2026',
    '出荷予定日: 2026年13月45日',
    'ASIN: <b>B0XXXXXXXX</b>',
    '\u202e\u0000\uffff',
    '999-9999999-9999999',
    '100%',
  ),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('shuffle' as const), pick: fc.nat(), seed: fc.nat() }),
  fc.record({ kind: fc.constant('inject-html' as const), pick: fc.nat(), text: hostileText }),
  fc.record({ kind: fc.constant('huge-text' as const), pick: fc.nat(), size: fc.integer({ min: 10_000, max: 300_000 }) }),
  fc.record({
    kind: fc.constant('set-attribute' as const),
    pick: fc.nat(),
    name: fc.constantFrom('data-test-id', 'id', 'class', 'href', 'data-marketplace_selection'),
    value: hostileText,
  }),
);

function apply(doc: Document, m: Mutation): void {
  const all = [...doc.body.querySelectorAll('*')];
  if (all.length === 0) return;
  const target = all[m.pick % all.length]!;
  switch (m.kind) {
    case 'remove':
      target.remove();
      break;
    case 'shuffle': {
      const children = [...target.children];
      children.sort((a, b) => ((children.indexOf(a) * 7919 + m.seed) % 13) - ((children.indexOf(b) * 7919 + m.seed) % 13));
      target.append(...children);
      break;
    }
    case 'inject-html':
      target.textContent = m.text; // text, as a page would show it: never parsed as markup
      break;
    case 'huge-text':
      target.textContent = 'x'.repeat(m.size);
      break;
    case 'set-attribute':
      target.setAttribute(m.name, m.value);
      break;
  }
}

describe('readers never throw and always fit their schema (property tests)', () => {
  it.each(demoPageIds)('%s under random damage', (id) => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        const { doc, url } = loadFixture(id);
        for (const m of mutations) apply(doc, m);
        const snapshot = readPage(doc, url);
        expect(PageSnapshot.safeParse(snapshot).success).toBe(true);
        // readPage turns a throw or a schema misfit into `unrecognized`; neither may happen.
        if (snapshot.kind === 'unrecognized') expect(snapshot.reason).not.toMatch(/reader failed|does not fit its schema/);
      }),
      { numRuns: 60 },
    );
  });

  it('notice text of any shape', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2_000 }), (text) => {
        expect(PageSnapshot.safeParse(readNoticeText(text)).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('orders-api JSON of any shape', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ maxLength: 500 })), (text) => {
        expect(PageSnapshot.safeParse(readOrdersApiJson(text)).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
