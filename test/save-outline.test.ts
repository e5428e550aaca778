// "Save the page's outline" in the content script: the page's tree goes to the background (the
// real request handler, through the fake browser), its skeleton comes back into a Blob that a
// link with `download` saves. Nothing of the sidebar goes in, the link never reaches the page,
// and the file is a skeleton `npm run read-page` accepts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequest } from '@/utils/background/requests';
import { saveOutline } from '@/utils/content/save-outline';
import { parseSkeleton } from '@/lib/pages/skeleton';
import { loadFixture } from './helpers';

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('saving the page outline', () => {
  it('downloads the skeleton of the page, without the sidebar, through a link the page never sees', async () => {
    vi.useFakeTimers();
    const { doc, url } = loadFixture('message-thread-en');
    document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
    const host = document.createElement('seller-sidekick');
    const shadow = host.attachShadow({ mode: 'open' });
    const mount = document.createElement('div');
    mount.textContent = 'What I read: order 114-3941689-8772232, Jane';
    shadow.append(mount);
    document.body.append(host);
    const layout = document.createElement('style');
    layout.id = 'seller-sidekick-layout';
    layout.textContent = 'html { margin-right: 320px !important; }';
    document.head.append(layout);

    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) => {
      sent.push(message);
      return Promise.resolve(handleRequest(message));
    }) as never);
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:https://sellercentral.amazon.com/0000';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: { download: string; href: string; inPage: boolean; inShadow: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href, inPage: document.contains(this), inShadow: this.getRootNode() === shadow });
    });

    const name = await saveOutline(document, url.href, 'message-thread', mount, new Date(2026, 10, 22, 4, 5));
    // The tree went to the background (the page's text with it, as for classifying), without the sidebar.
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0])).toContain('Please cancel my order');
    expect(JSON.stringify(sent[0])).not.toContain('What I read');
    expect(name).toBe('seller-sidekick-outline-message-thread-20261122-0405.json');
    expect(clicked).toEqual([{ download: name, href: 'blob:https://sellercentral.amazon.com/0000', inPage: false, inShadow: true }]);
    expect(mount.querySelector('a')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(revoke).toHaveBeenCalledWith('blob:https://sellercentral.amazon.com/0000');

    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.type).toBe('application/json');
    const text = await blobs[0]!.text();
    const parsed = parseSkeleton(JSON.parse(text));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.skeleton.url).toMatch(/^https:\/\/sellercentral\.amazon\.com\/messaging\/inbox\?fi=caseId&ss=/);
    expect(parsed.skeleton.nodes.some((n) => 'tag' in n && n.tag.startsWith('seller-sidekick'))).toBe(false);
    expect(parsed.skeleton.nodes.some((n) => 'attrs' in n && n.attrs?.some(([, v]) => v.startsWith('seller-sidekick')))).toBe(false);
    expect(parsed.skeleton.nodes.some((n) => 'tag' in n && n.tag === 'kat-textarea')).toBe(true);
    // The page's own words: the buyer's name and message, the order, the product.
    expect(text).not.toMatch(/Jane|sandals|wrong size|cancel my order|114-3941689-8772232|Tsubaki|Kumo Craft|B00OK1O542|What I read/);
  });
});

describe('the outline request', () => {
  it('is refused with a clear reason when the tree is not one, and the answer is checked too', async () => {
    const refused = handleRequest({ type: 'outline', url: 'https://sellercentral.amazon.com/', tree: { nodes: [{ parent: 'x', tag: 'div' }] } }) as { error: string };
    expect(refused.error).toMatch(/^Not a request Seller Sidekick understands/);
    expect((handleRequest({ type: 'outline', url: 'x', tree: { nodes: [{ parent: -1, tag: 'a'.repeat(201) }] } }) as { error?: string }).error).toBeDefined();
    const answer = handleRequest({
      type: 'outline',
      url: 'https://sellercentral.amazon.com/home?q=Jane',
      tree: {
        nodes: [
          { parent: -1, tag: 'html' },
          { parent: 0, text: 'Jane Doe' },
        ],
      },
    }) as { outline: string };
    expect(JSON.parse(answer.outline)).toMatchObject({ url: 'https://sellercentral.amazon.com/home?q=Xxxx', nodes: [{ tag: 'html' }, { text: 'Xxxx Xxx' }] });

    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ error: 'asleep' } as never);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { requestOutline } = await import('@/lib/messaging');
    await expect(requestOutline({ nodes: [] }, 'https://sellercentral.amazon.com/')).rejects.toThrow(/The background gave no page outline/);
  });
});
