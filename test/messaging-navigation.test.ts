// The messaging app is a single-page app: the seller opens a case, goes back to the list or opens
// another case without a page load. The page type and the snapshot must follow what the page shows.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchPageContent } from '@/utils/content/page-reading';
import { followSnapshot, recognisePage } from '@/lib/pages/page-type';
import { readPage } from '@/lib/pages/read-page';
import type { PageSnapshot } from '@/lib/pages/snapshot';
import { loadFixture } from './helpers';

function fakeContext(): ContentScriptContext {
  return {
    setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
    addEventListener: (target: EventTarget, type: string, fn: EventListener) => target.addEventListener(type, fn),
    onInvalidated: () => () => {},
  } as unknown as ContentScriptContext;
}

const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
const show = (id: string) => {
  const { doc } = loadFixture(id);
  document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
};

describe('one reader for the whole messaging app', () => {
  it('reads a conversation on an inbox URL that names no case', () => {
    const { doc } = loadFixture('message-thread-en');
    const snapshot = readPage(doc, new URL('https://sellercentral.amazon.com/messaging/inbox-v3?fi=responseNeeded&pn=1'));
    expect(snapshot).toMatchObject({ kind: 'message-thread', orderId: '114-3941689-8772232' });
  });

  it('reads the inbox on an inbox URL when no conversation is open', () => {
    const { doc } = loadFixture('message-inbox-en');
    expect(readPage(doc, new URL('https://sellercentral.amazon.com/messaging/inbox'))).toMatchObject({ kind: 'message-inbox' });
  });

  it('does not call a case URL an inbox while its conversation is not shown (the app may be loading)', () => {
    const { doc } = loadFixture('message-inbox-en');
    const snapshot = readPage(doc, new URL('https://sellercentral.amazon.com/messaging/inbox-v3?cc=2f6d9b1e-5c3a-4e8f-a0b7-9d1c4e6f8a25'));
    expect(snapshot.kind).toBe('unrecognized');
  });

  it('names the open case from cc=', () => {
    const { doc } = loadFixture('message-thread-en');
    const snapshot = readPage(doc, new URL('https://sellercentral.amazon.com/messaging/inbox-v3?fi=responseNeeded&pn=1&cc=2f6d9b1e-5c3a-4e8f-a0b7-9d1c4e6f8a25'));
    expect(snapshot).toMatchObject({ kind: 'message-thread', caseId: '2f6d9b1e-5c3a-4e8f-a0b7-9d1c4e6f8a25' });
  });
});

describe('following the messaging app without a page load', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('re-reads when a case opens or closes in the page, and the page type follows', async () => {
    setUrl('https://sellercentral.amazon.com/messaging/inbox-v3?fi=responseNeeded');
    show('message-inbox-en');
    const seen: (PageSnapshot | undefined)[] = [];
    watchPageContent(fakeContext(), (s) => seen.push(s));
    const pageNow = () => followSnapshot(recognisePage(new URL(location.href))!, seen.at(-1));
    expect(pageNow().type).toBe('message-inbox');

    // The seller clicks a case: the app swaps in the conversation; the URL is left as it was.
    show('message-thread-en');
    await vi.advanceTimersByTimeAsync(2_500);
    expect(seen.at(-1)).toMatchObject({ kind: 'message-thread', orderId: '114-3941689-8772232' });
    expect(pageNow()).toMatchObject({ type: 'message-thread', orderId: '114-3941689-8772232' });

    // Back to the list.
    show('message-inbox-en');
    await vi.advanceTimersByTimeAsync(2_500);
    expect(seen.at(-1)?.kind).toBe('message-inbox');
    expect(pageNow().type).toBe('message-inbox');
  });
});
