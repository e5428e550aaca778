import { readFileSync } from 'node:fs';
import demo from '@/demo/pages.json';
import en from '@/public/_locales/en/messages.json';
import ja from '@/public/_locales/ja/messages.json';
import { translatorFor } from '@/lib/i18n';
import type { OrderDetailsSnapshot } from '@/lib/pages/snapshot';
import type { OrderWatch } from '@/lib/watch';
// @ts-expect-error: plain ES module shared with the demo server.
import { fillDemoDates as fill } from '../scripts/lib/demo-dates.mjs';

/** The moment the unit tests serve the demo pages at: Sun 22 Nov 2026, 04:00 in Los Angeles. */
export const DEMO_NOW = new Date('2026-11-22T12:00:00Z');
export const fillDemoDates = fill as (text: string, now?: Date) => string;

export const messages = { en, ja } as const;
export const tEn = translatorFor(en);
export const tJa = translatorFor(ja);

/** A demo page (or `real:<file>` capture) parsed as a document, with the URL it is served at. */
export function loadFixture(id: string): { doc: Document; url: URL; html: string } {
  if (id.startsWith('real:')) {
    const html = readFileSync(`test/fixtures/real-pages/${id.slice(5)}.html`, 'utf8');
    return { doc: parseHtml(html), url: new URL('https://sellercentral.amazon.co.jp/'), html };
  }
  const page = demo.pages.find((p) => p.id === id);
  if (!page) throw new Error(`no demo page ${id}`);
  const html = fillDemoDates(readFileSync(`demo/pages/${page.file}`, 'utf8'), DEMO_NOW);
  return { doc: parseHtml(html), url: new URL(page.url), html };
}

/** Parses a saved page as the browser would, minus its stylesheets and scripts (the readers need neither). */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html.replace(/<link\b[^>]*>|<script\b[^>]*><\/script>/g, ''), 'text/html');
}

export const demoPageIds = demo.pages.map((p) => p.id);

/** An unshipped US seller-fulfilled order page with Seller Central's Cancel order button (guidance tests). */
export function orderPage(patch: Partial<OrderDetailsSnapshot> = {}, orderId = '114-3941689-8772232'): OrderDetailsSnapshot {
  return {
    kind: 'order-details',
    orderId,
    marketplace: 'US',
    fulfilment: 'MFN',
    status: 'unshipped',
    items: [],
    controls: [{ kind: 'cancel-order', label: 'Cancel order', path: '#cancel' }],
    missing: [],
    sources: ['dom'],
    ...patch,
  };
}

/** A remembered US seller-fulfilled unshipped order, first seen 20 Nov 2026, last seen 22 Nov (the urgency tests' clock). */
export function rememberedOrder(orderId: string, patch: Partial<OrderWatch> = {}): OrderWatch {
  return {
    version: 1,
    orderId,
    marketplace: 'US',
    firstSeen: '2026-11-20T00:00:00.000Z',
    lastSeen: '2026-11-22T00:00:00.000Z',
    fulfilment: 'MFN',
    status: 'unshipped',
    messages: [],
    ...patch,
  };
}

/** Runs stepped work (a generator that pauses between steps) to its end: its value and how often it paused. */
export function drainSteps<T>(steps: Generator<void, T>): { value: T; pauses: number } {
  let pauses = 0;
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return { value: step.value, pauses };
    pauses++;
  }
}
