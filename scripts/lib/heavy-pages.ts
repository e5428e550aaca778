/**
 * Heavy Seller Central pages for the page-load benchmark (scripts/bench-pages.ts), made from the
 * demo pages on demand (never committed): the repeated part of a demo page (an order row, a case
 * row, a message) becomes a template, and a script of the page renders it from the page's own
 * JSON once the page has loaded, as Seller Central's apps do; a clock in the header then ticks
 * every second, as a page that never stops changing.
 *
 * Each page marks `bench:page-ready` (user timing) when its list is rendered and painted, and watches
 * its own body's children (not the subtree: free when nothing is added there) to mark
 * `bench:sidebar` when the sidebar's host arrives with content and `bench:findings` when the
 * sidebar has read the page. The marks are the page's, so the same page serves the loads with
 * and without the extension. `?page=N` of an order list renders other orders (in-page navigation).
 */
import { readFileSync } from 'node:fs';
// @ts-expect-error: plain ES module shared with the demo server.
import { fillDemoDates } from './demo-dates.mjs';

export interface HeavyPage {
  readonly id: string;
  readonly url: string;
  /** What the page lists, for the bench's table. */
  readonly items: number;
  readonly html: string;
}

const fill = fillDemoDates as (text: string, now?: Date) => string;

/** The script of every heavy page: render from JSON after load, tick a clock, mark the moments. */
function pageScript(): string {
  return `
(() => {
  const data = JSON.parse(document.getElementById('bench-data').textContent);
  const template = document.getElementById('bench-template').innerHTML;
  const render = (offset) => {
    const html = data.items.map((item) => template.replace(/\\{\\{(\\w+)\\}\\}/g, (_, key) => {
      const value = key === 'orderSerial' ? String(1000000 + offset + Number(item.serial)) : item[key];
      return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    })).join('');
    const container = document.querySelector(data.container);
    container.innerHTML = html;
  };
  const observeSidebar = () => {
    let sidebar = false;
    let findings = false;
    const check = () => {
      const host = document.querySelector('seller-sidekick');
      const root = host && host.shadowRoot && host.shadowRoot.querySelector('[data-testid="sidekick-sidebar"]');
      if (!root) return false;
      if (!sidebar) { sidebar = true; performance.mark('bench:sidebar'); }
      if (!findings && (root.querySelector('[data-testid="what-i-read"]') || root.getAttribute('data-state') === 'collapsed') && root.getAttribute('data-pending') !== 'true') {
        findings = true;
        performance.mark('bench:findings');
      }
      return findings;
    };
    new MutationObserver((_, self) => {
      if (!document.querySelector('seller-sidekick')) return;
      self.disconnect();
      if (check()) return;
      const host = document.querySelector('seller-sidekick');
      const inner = new MutationObserver(() => { if (check()) inner.disconnect(); });
      inner.observe(host.shadowRoot, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-pending'] });
    }).observe(document.body, { childList: true });
  };
  const pageOf = () => Number(new URL(location.href).searchParams.get('page') || '1');
  observeSidebar();
  addEventListener('load', () => {
    setTimeout(() => {
      render((pageOf() - 1) * data.items.length);
      // Ready once the list is laid out and painted: the frame after the render, then a task.
      requestAnimationFrame(() => setTimeout(() => performance.mark('bench:page-ready'), 0));
      const clock = document.getElementById('bench-clock');
      let seconds = 0;
      setInterval(() => { clock.textContent = 'Updated ' + (++seconds) + ' s ago'; }, 1000);
    }, 0);
  });
  // In-page navigation to another page of the list (the bench calls it).
  window.benchGoTo = (page) => {
    const url = new URL(location.href);
    url.searchParams.set('page', String(page));
    history.pushState(null, '', url.href);
    render((page - 1) * data.items.length);
  };
})();`;
}

/** The demo page with its repeated part cut out into a template, the data and the script added. */
function assemble(html: string, repeated: RegExp, container: string, template: string, items: Record<string, string>[]): string {
  const emptied = html.replace(repeated, (whole, ...groups) => whole.replace(String(groups[0]), ''));
  const json = JSON.stringify({ container, items }).replace(/</g, '\\u003c');
  const extra = `<template id="bench-template">${template}</template>\n` + `<script type="application/json" id="bench-data">${json}</script>\n` + `<script>${pageScript()}</script>\n`;
  return emptied.replace('</h1>', '</h1><span id="bench-clock" class="a-color-secondary"></span>').replace('</body>', `${extra}</body>`);
}

/** Manage Orders, Unshipped: `rows` orders (the English demo list's first row, varied). */
export function heavyOrderList(rows: number, now?: Date): HeavyPage {
  const html = fill(readFileSync('demo/pages/en/order-list.html', 'utf8'), now);
  const row = /<tr>\s*<td><input[\s\S]*?<\/tr>/.exec(html)![0];
  const template = row
    .replaceAll('114-3941689-8772232', '114-{{orderSerial}}-8772232')
    .replace('9:14 AM PST', '{{time}}')
    .replace(/Ship by date: [^<]*/, 'Ship by date: {{shipBy}}')
    .replace('Jane Miller', '{{buyer}}');
  const buyers = ['Jane Miller', 'Robert Chen', 'Priya Natarajan', 'Ana Souza', 'Tom Becker'];
  const items = Array.from({ length: rows }, (_, i) => ({
    serial: String(i),
    time: `${(i % 12) + 1}:${String(i % 60).padStart(2, '0')} ${i % 24 < 12 ? 'AM' : 'PM'} PST`,
    shipBy: `Nov ${20 + (i % 10)}, 2026`,
    buyer: buyers[i % buyers.length]!,
  }));
  const page = assemble(html.replace('<span>3 orders</span>', `<span>${rows} orders</span>`), /<tbody>([\s\S]*)<\/tbody>/, '#orders-table > tbody', template, items);
  return { id: `order-list-${rows}`, url: 'https://sellercentral.amazon.com/orders-v3/mfn/unshipped?page=1', items: rows, html: page };
}

/** The Japanese inbox with one thread open and `cases` cases in its list. */
export function heavyInbox(cases: number, now?: Date): HeavyPage {
  const html = fill(readFileSync('demo/pages/ja/message-thread.html', 'utf8'), now);
  const template =
    '<a class="case-row" href="/messaging/inbox?fi=caseId&amp;ss={{caseId}}&amp;cc={{caseId}}">' +
    '<div class="case-subject">{{buyer}}様からのお問い合わせです</div>' +
    '<div class="case-preview">{{preview}}</div>' +
    '<div class="a-color-secondary">注文 {{orderId}} · {{hours}}時間前</div></a>';
  const previews = [
    '注文した商品をキャンセルしたいのですが、可能でしょうか。',
    '届いた商品が破損していました。箱もつぶれています。',
    '発送はいつ頃になりますか。',
    '住所を変更したいです。',
    '領収書を発行していただけますか。',
  ];
  const buyers = ['山田 花子', '佐藤 健', '鈴木 一郎', '高橋 美咲', '田中 翔'];
  const items = Array.from({ length: cases }, (_, i) => ({
    caseId: `0b9d3e57-8a14-4f62-b3c0-${String(710000000000 + i)}`,
    buyer: buyers[i % buyers.length]!,
    preview: previews[i % previews.length]!,
    orderId: `503-${String(2207518 + i).padStart(7, '0')}-4406231`,
    hours: String((i % 48) + 1),
  }));
  // The open case stays first; the list's own filter rows stay last.
  const list = /(<div class="case-list-filter">[^<]*<\/div>)([\s\S]*?)(<a class="case-row" href="#">)/;
  const withHolder = html.replace(list, '$1$2<div id="bench-cases"></div>$3');
  const page = assemble(withHolder, /<div id="bench-cases">()<\/div>/, '#bench-cases', template, items);
  return {
    id: `inbox-${cases}-ja`,
    url: 'https://sellercentral.amazon.co.jp/messaging/inbox?fi=caseId&ss=0b9d3e57-8a14-4f62-b3c0-71e5d2a8f946&cc=0b9d3e57-8a14-4f62-b3c0-71e5d2a8f946',
    items: cases,
    html: page,
  };
}

/** An English thread of `messages` messages, buyer and seller in turn, the buyer's last. */
export function heavyThread(messages: number, now?: Date): HeavyPage {
  const html = fill(readFileSync('demo/pages/en/message-thread.html', 'utf8'), now);
  const template = '<div class="bubble bubble-{{side}}"><div class="bubble-meta">{{who}} · {{time}}</div>{{text}}</div>';
  const buyerTexts = [
    'Hello, where is my order? It has not arrived yet.',
    'Could you tell me the tracking number, please?',
    'The sandals are a bit small. Can I exchange them?',
    'Thank you for the quick answer.',
  ];
  const sellerTexts = [
    'Thank you for your message. Your order shipped yesterday.',
    'The tracking number is in your order details.',
    'Of course, we can exchange them. Please see the return page.',
    'You are welcome.',
  ];
  const items = Array.from({ length: messages }, (_, i) => {
    const fromBuyer = (messages - 1 - i) % 2 === 0;
    const minutes = (messages - i) * 7;
    const at = new Date((now ?? new Date()).getTime() - minutes * 60_000);
    return {
      side: fromBuyer ? 'buyer' : 'seller',
      who: fromBuyer ? 'Jane' : 'Kumo Craft Store',
      time: at.toLocaleString('en-US', { timeZone: 'America/Los_Angeles', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }),
      text: i === messages - 1 ? 'I picked the wrong size. Please cancel my order.' : (fromBuyer ? buyerTexts : sellerTexts)[i % 4]!,
    };
  });
  const withHolder = html.replace(/<div class="bubble bubble-buyer">[\s\S]*?<\/div>\s*(<div class="reply-area">)/, '<div id="bench-messages"></div>\n      $1');
  const page = assemble(withHolder, /<div id="bench-messages">()<\/div>/, '#bench-messages', template, items);
  return {
    id: `thread-${messages}`,
    url: 'https://sellercentral.amazon.com/messaging/inbox?fi=caseId&ss=6f1c2a9e-3b7d-4c1e-9a51-2d8e4f7b0c13&cc=6f1c2a9e-3b7d-4c1e-9a51-2d8e4f7b0c13',
    items: messages,
    html: page,
  };
}
