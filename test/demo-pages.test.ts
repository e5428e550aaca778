import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { followSnapshot, recognisePage } from '@/lib/pages/page-type';
import { readPage } from '@/lib/pages/read-page';
import { loadFixture } from './helpers';
import demo from '@/demo/pages.json';

// The demo pages are also the end-to-end fixtures: each must say what it rests on, be served at a
// URL the extension recognises as the page type it claims, and load nothing from outside.
describe.each(demo.pages)('demo page $id', (page) => {
  const html = readFileSync(`demo/pages/${page.file}`, 'utf8');
  const header = /<!--([\s\S]*?)-->/.exec(html)?.[1] ?? '';

  it('has a header that separates evidence from assumption', () => {
    expect(header).toMatch(/^DEMO PAGE: /m);
    expect(header).toContain('EVIDENCED');
    expect(header).toContain('ASSUMED');
  });

  it('is served at the URL its header names, and that URL (with the page, on the messaging app) is recognised as its page type', () => {
    expect(header).toContain(`Served at: ${page.url}`);
    const url = new URL(page.url);
    const fromUrl = recognisePage(url)!;
    // On the messaging app what the page holds decides between inbox and conversation.
    const { doc } = loadFixture(page.id);
    expect(followSnapshot(fromUrl, readPage(doc, url)).type).toBe(page.pageType);
  });

  it('asks for nothing outside its own host', () => {
    const external = [...html.matchAll(/\b(?:src|href)\s*=\s*"(https?:\/\/[^"]+)"/g)].map((m) => new URL(m[1]!)).filter((url) => url.hostname !== new URL(page.url).hostname);
    // Links a person may click are fine; only resources load by themselves.
    const loaded = [...html.matchAll(/<(?:img|script|link|iframe)\b[^>]*\b(?:src|href)\s*=\s*"(https?:\/\/[^"]+)"/g)];
    expect(loaded.map((m) => m[1])).toEqual([]);
    expect(external.every((url) => url.hostname.endsWith('amazon.co.jp') || url.hostname.endsWith('amazon.com'))).toBe(true);
  });
});

describe('demo page set', () => {
  it('has every page type of the demo in English and Japanese', () => {
    for (const type of ['order-list', 'order-details', 'message-thread', 'notices']) {
      const langs = [...new Set(demo.pages.filter((p) => p.pageType === type).map((p) => p.lang))].sort();
      expect(langs, type).toEqual(['en', 'ja']);
    }
  });

  it('has unique ids and URLs', () => {
    expect(new Set(demo.pages.map((p) => p.id)).size).toBe(demo.pages.length);
    expect(new Set(demo.pages.map((p) => p.url)).size).toBe(demo.pages.length);
  });
});
