// The wake-up a page sends as it starts: the background answers it, and it prepares the classifier.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequest } from '@/utils/background/requests';
import { classify, warmClassifier } from '@/lib/classify/classify';
import { requestWarm } from '@/lib/messaging';

describe('the wake-up request', () => {
  it('is answered, and the content script takes the answer', async () => {
    expect(await handleRequest({ type: 'warm' })).toEqual({ warm: true });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => handleRequest(message)) as never);
    await expect(requestWarm()).resolves.toBeUndefined();
  });

  it('takes a wake-up with more in it as a wake-up, refuses a misspelt one and a malformed answer', async () => {
    expect(await handleRequest({ type: 'warm', extra: 'x'.repeat(10) })).toEqual({ warm: true });
    expect(await handleRequest({ type: 'warm ' })).toMatchObject({ error: expect.stringContaining('Not a request') });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => ({ warm: 'yes' })) as never);
    await expect(requestWarm()).rejects.toThrow('did not answer');
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => undefined) as never);
    await expect(requestWarm()).rejects.toThrow('did not answer');
  });

  it('warming changes no classification', () => {
    const input = { body: 'Please cancel my order.', sender: 'buyer' as const };
    const before = classify(input);
    warmClassifier();
    expect(classify(input)).toEqual(before);
  });
});
