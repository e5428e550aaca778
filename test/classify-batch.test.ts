// A long thread on the page: the content script asks the background (the real request handler,
// through the fake browser) to classify its buyer messages. A request holds at most
// MAX_CLASSIFY_BATCH messages; what is left out must be the oldest, and every answer must land on
// the message it belongs to.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { handleRequest } from '@/utils/background/requests';
import { createGuidance, type GuidanceState } from '@/utils/content/guidance';
import { MAX_CLASSIFY_BATCH, newestBatch, requestClassification } from '@/lib/messaging';
import type { MessageThreadSnapshot } from '@/lib/pages/snapshot';
import { watchKey, type OrderWatch } from '@/lib/watch';

const ORDER_ID = '114-1234567-7654321';
const CANCEL_INQUIRY = 'Is it still possible to cancel my order before it ships?';

function fakeContext(): ContentScriptContext {
  return {
    setInterval: () => 0,
    onInvalidated: () => () => {},
  } as unknown as ContentScriptContext;
}

/** 120 messages, buyer and seller taking turns, every one a minute apart; the last is the buyer's cancel inquiry. */
function longThread(count = 120): MessageThreadSnapshot {
  const start = Date.parse('2026-11-01T00:00:00Z');
  const messages = Array.from({ length: count }, (_, i) => ({
    sender: (i % 2 === (count - 1) % 2 ? 'buyer' : 'seller') as 'buyer' | 'seller',
    time: new Date(start + i * 60_000).toISOString(),
    text: i === count - 1 ? CANCEL_INQUIRY : `Message number ${i}: thank you, the tracking number is on its way.`,
  }));
  return { kind: 'message-thread', marketplace: 'US', orderId: ORDER_ID, messages, replyPending: true, missing: [], sources: ['dom'] };
}

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
}

describe('classifying a long thread', () => {
  let sent: unknown[];
  beforeEach(() => {
    fakeBrowser.reset();
    sent = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) => {
      sent.push(message);
      return Promise.resolve(handleRequest(message));
    }) as never);
  });

  it("classifies the buyer's latest message, a cancel inquiry, on a 120-message thread", async () => {
    const thread = longThread(120);
    expect(thread.messages.filter((m) => m.sender === 'buyer').length).toBeGreaterThan(MAX_CLASSIFY_BATCH);
    const states: GuidanceState[] = [];
    const guidance = createGuidance(fakeContext(), (state) => states.push(state));
    guidance.update(thread);
    await until(() => states.at(-1)?.pending === false);

    // One classify request (the order memory is written through the background too: 'remember').
    const classifying = sent.filter((message) => (message as { type: string }).type === 'classify');
    expect(classifying).toHaveLength(1);
    const request = classifying[0] as { items: { body: string }[] };
    expect(request.items).toHaveLength(MAX_CLASSIFY_BATCH);
    expect(request.items.at(-1)?.body).toBe(CANCEL_INQUIRY);

    // The order memory holds what each message was classified as, keyed by the message's time.
    const stored = (await fakeBrowser.storage.local.get(watchKey(ORDER_ID)))[watchKey(ORDER_ID)] as OrderWatch;
    const last = thread.messages.at(-1)!;
    const remembered = stored.messages.find((m) => m.key === `buyer:${last.time}`);
    expect(remembered?.intent).toBe('cancel-inquiry');
    // No other message took the inquiry's classification (the answers were lined up right).
    expect(stored.messages.filter((m) => m.intent === 'cancel-inquiry').map((m) => m.key)).toEqual([`buyer:${last.time}`]);
    // The reply language comes from the latest buyer message, now classified.
    expect(states.at(-1)?.messageLanguage).toBe('en');
  });

  it('lines each answer up with the message it belongs to, leaving out the oldest', async () => {
    const inputs = Array.from({ length: 73 }, (_, i) => ({ body: i % 3 === 0 ? CANCEL_INQUIRY : `Danke, Nachricht ${i} ist angekommen.`, sender: 'buyer' as const }));
    const results = await requestClassification(inputs);
    expect(results).toHaveLength(inputs.length);
    const cut = inputs.length - MAX_CLASSIFY_BATCH;
    expect(results.slice(0, cut).every((r) => r === undefined)).toBe(true);
    results.slice(cut).forEach((result, i) => {
      const input = inputs[cut + i]!;
      expect(result?.intent === 'cancel-inquiry').toBe(input.body === CANCEL_INQUIRY);
    });
  });

  it('keeps short batches whole and rejects an answer that cannot be lined up', async () => {
    expect(newestBatch([1, 2, 3])).toEqual({ skipped: 0, batch: [1, 2, 3] });
    expect(newestBatch([])).toEqual({ skipped: 0, batch: [] });
    const many = Array.from({ length: MAX_CLASSIFY_BATCH + 7 }, (_, i) => i);
    expect(newestBatch(many)).toEqual({ skipped: 7, batch: many.slice(7) });

    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ classifications: [] } as never);
    await expect(requestClassification([{ body: CANCEL_INQUIRY, sender: 'buyer' }])).rejects.toThrow(/classified 0 messages of the 1 sent/);
  });
});
