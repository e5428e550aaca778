// The findings come from the background (entrypoints/background/requests.ts, 'advise'): the same
// findings as the rules give in place, refused for malformed input, and checked on arrival.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequest } from '@/entrypoints/background/requests';
import { advise } from '@/lib/guidance/advise';
import { requestAdvice } from '@/lib/messaging';
import { readPage } from '@/lib/pages/read-page';
import { DEMO_NOW, fillDemoDates, parseHtml } from './helpers';

const snapshot = readPage(parseHtml(fillDemoDates(readFileSync('demo/pages/en/order-details-overdue.html', 'utf8'), DEMO_NOW)), new URL('https://sellercentral.amazon.com/orders-v3/order/114-5093318-2641107'));
const input = { snapshot, settings: { replyDueHours: 12 }, now: DEMO_NOW.getTime() };

afterEach(() => vi.restoreAllMocks());

describe('findings from the background', () => {
  it('gives the findings the rules give in place', async () => {
    const expected = advise(input);
    expect(expected.length).toBeGreaterThan(0);
    expect(await handleRequest({ type: 'advise', input })).toEqual({ findings: expected });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => handleRequest(message)) as never);
    expect(await requestAdvice(input)).toEqual(expected);
  });

  it.each([
    ['no snapshot', { settings: { replyDueHours: 12 }, now: 0 }],
    ['a snapshot of an unknown kind', { ...input, snapshot: { kind: 'made-up' } }],
    ['a classification that claims an official request without its source', { ...input, classified: [{ index: 0, classification: { intent: 'cancel-request', confidence: 1, language: 'en', flags: [], evidence: [], scores: {} } }] }],
    ['settings of another shape', { ...input, settings: { replyDueHours: 'soon' } }],
  ])('refuses %s', async (_label, bad) => {
    expect(await handleRequest({ type: 'advise', input: bad })).toMatchObject({ error: expect.stringContaining('Not a request') });
  });

  it('rejects an answer that is not findings, and a finding of an unknown id', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    send.mockResolvedValue({ error: 'asleep' } as never);
    await expect(requestAdvice(input)).rejects.toThrow('unreadable findings');
    const [finding] = advise(input);
    send.mockResolvedValue({ findings: [{ ...finding, id: 'made-up' }] } as never);
    await expect(requestAdvice(input)).rejects.toThrow('unreadable findings');
  });
});
