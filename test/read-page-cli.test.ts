import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSkeleton } from '@/lib/pages/skeleton';
import { loadFixture } from './helpers';

// The command sellers use to report misread pages, run as they would run it.
function readPageCli(...args: string[]) {
  const result = spawnSync('node_modules/.bin/tsx', ['scripts/read-page.ts', ...args], { encoding: 'utf8' });
  return { status: result.status, json: result.stdout ? JSON.parse(result.stdout) : undefined, stderr: result.stderr };
}

describe('npm run read-page', () => {
  it('reads a saved page at its address', () => {
    const { status, json } = readPageCli('demo/pages/ja/order-details.html', '--url', 'https://sellercentral.amazon.co.jp/orders-v3/order/503-1724766-9264601');
    expect(status).toBe(0);
    expect(json).toMatchObject({ kind: 'order-details', orderId: '503-1724766-9264601', purchaseDate: '2021-05-19T14:45:00.000Z' });
  }, 30_000);

  it('reads a saved orders-api response and a notice saved as text, without --url', () => {
    expect(readPageCli('test/fixtures/real-pages/us-2024_orders-api-order_response.redacted.json').json).toMatchObject({
      kind: 'order-details',
      buyerRequestedCancel: { requested: false },
    });
    expect(readPageCli('test/fixtures/real-pages/email_listing-cancel_ja.txt').json).toMatchObject({ kind: 'notice', noticeKind: 'listing-removed' });
  }, 30_000);

  it('says why it could not read, with exit code 2, and explains bad arguments with exit code 1', () => {
    const unread = readPageCli('demo/pages/en/home.html', '--url', 'https://sellercentral.amazon.com/home');
    expect(unread.status).toBe(2);
    expect(unread.json).toMatchObject({ kind: 'unrecognized' });
    const noUrl = readPageCli('demo/pages/en/home.html');
    expect(noUrl.status).toBe(1);
    expect(noUrl.stderr).toContain('needs --url');
    const missing = readPageCli('no/such/file.html', '--url', 'https://sellercentral.amazon.com/home');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Cannot read');
  }, 30_000);

  it("reads a page skeleton (Save the page's outline) at the address it carries, or prints it rebuilt as HTML", () => {
    const dir = mkdtempSync(join(tmpdir(), 'read-page-'));
    const { doc, url } = loadFixture('message-thread-de-counterfeit');
    const file = join(dir, 'outline.json');
    writeFileSync(file, JSON.stringify(buildSkeleton(doc, { url: url.href })));
    const read = readPageCli(file);
    expect(read.status).toBe(0);
    // The page's kind and its reply box; its messages are found by their words, which are shapes here.
    expect(read.json).toMatchObject({ kind: 'message-thread', marketplace: 'DE', replyBox: { kind: 'kat-textarea' } });
    expect(JSON.stringify(read.json)).not.toMatch(/Fälschung|Original/);

    const html = spawnSync('node_modules/.bin/tsx', ['scripts/read-page.ts', file, '--html'], { encoding: 'utf8' });
    expect(html.status).toBe(0);
    expect(html.stdout).toContain('<div class="bubble bubble-buyer">');

    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ format: 'seller-sidekick-page-skeleton', version: 1, url: 'x', nodes: [{ parent: 3, tag: 'html' }] }));
    const refused = readPageCli(broken);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('is a page skeleton Seller Sidekick cannot read: node 0 names a parent (3) that does not come before it');
  }, 60_000);
});
