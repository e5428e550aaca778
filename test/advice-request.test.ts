// The findings come from the background (utils/background/requests.ts, 'advise'): the same
// findings as the rules give in place, refused for malformed input, and checked on arrival.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequest } from '@/utils/background/requests';
import { advise } from '@/lib/guidance/advise';
import { askWithRetries, requestAdvice, requestSummary } from '@/lib/messaging';
import { summarise } from '@/components/read-summary';
import { readPage } from '@/lib/pages/read-page';
import { DEMO_NOW, fillDemoDates, parseHtml, tJa } from './helpers';

const snapshot = readPage(
  parseHtml(fillDemoDates(readFileSync('demo/pages/en/order-details-overdue.html', 'utf8'), DEMO_NOW)),
  new URL('https://sellercentral.amazon.com/orders-v3/order/114-5093318-2641107'),
);
const input = { snapshot, settings: { replyDueHours: 12 }, now: DEMO_NOW.getTime() };

afterEach(() => vi.restoreAllMocks());

describe('findings from the background', () => {
  it('gives the findings the rules give in place', async () => {
    const expected = advise(input);
    expect(expected.length).toBeGreaterThan(0);
    expect(await handleRequest({ type: 'advise', input })).toEqual({ findings: expected });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => handleRequest(message)) as never);
    // The page gets every finding as the rules gave it, less its badge count (the badge is worked out in the background).
    expect(await requestAdvice(input)).toEqual(expected.map(({ badge: _badge, ...rest }) => rest));
    expect(expected.some((f) => f.badge)).toBe(true);
  });

  it.each([
    ['no snapshot', { settings: { replyDueHours: 12 }, now: 0 }],
    ['a snapshot of an unknown kind', { ...input, snapshot: { kind: 'made-up' } }],
    [
      'a classification that claims an official request without its source',
      { ...input, classified: [{ index: 0, classification: { intent: 'cancel-request', confidence: 1, language: 'en', flags: [], evidence: [], scores: {} } }] },
    ],
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

describe('"What I read" from the background', () => {
  it('is the summary made in place, in the language asked for, and refuses a malformed request', async () => {
    expect(await handleRequest({ type: 'summary', snapshot, locale: 'ja', language: 'ja' })).toEqual({ summary: summarise(snapshot, 'ja', tJa) });
    expect(await handleRequest({ type: 'summary', snapshot, locale: 'ja', language: 'fr' })).toMatchObject({ error: expect.stringContaining('Not a request') });
    expect(await handleRequest({ type: 'summary', snapshot: { kind: 'nope' }, locale: 'en', language: 'en' })).toMatchObject({ error: expect.stringContaining('Not a request') });
  });

  it('is checked on arrival', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => handleRequest(message)) as never);
    expect((await requestSummary(snapshot, 'en', 'en')).lines.length).toBeGreaterThan(0);
    send.mockResolvedValue({ summary: { lines: 'x' } } as never);
    await expect(requestSummary(snapshot, 'en', 'en')).rejects.toThrow('unreadable summary');
  });
});

describe('asking the background again while it starts', () => {
  it('tries four times at growing intervals, then settles with the fallback and says so', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ask = vi.fn(() => Promise.reject(new Error('asleep')));
    const answer = askWithRetries(ask, 'fallback', 'wake it', 100);
    await vi.advanceTimersByTimeAsync(100 + 200 + 300);
    expect(await answer).toBe('fallback');
    expect(ask).toHaveBeenCalledTimes(4);
    expect(warn).toHaveBeenCalledWith('Seller Sidekick: could not wake it.', expect.any(Error));
    vi.useRealTimers();
  });

  it('gives the first answer that comes', async () => {
    const ask = vi.fn().mockRejectedValueOnce(new Error('asleep')).mockResolvedValueOnce('awake');
    expect(await askWithRetries(ask, 'fallback', 'wake it', 1)).toBe('awake');
    expect(ask).toHaveBeenCalledTimes(2);
  });
});
