// The production Chrome build in real headless Chromium, on the demo pages at their real URLs.
import type { BrowserContext, Page, Request, Worker } from 'playwright-core';
import type { browser as extensionApi } from 'wxt/browser';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ES module shared with the demo script.
import { launchChromium } from '../scripts/lib/browsers.mjs';
import {
  PAGE_TYPE_TEXT,
  READ_KIND,
  SIDEBAR,
  cancelGuardState,
  chromeBuild,
  forgeOrderData,
  ignoredPageMessages,
  coveredControls,
  demoPage,
  demoPages,
  shownFindings,
  isDemoResource,
  SELECTED_OFFICIAL_WORDING,
  SELECTED_PLEASE_CANCEL,
  selectText,
  selectionCheckState,
  startDemoServer,
  whatIRead,
  type DemoServer,
  type ForgeryNames,
} from './helpers';
import { LINK_EVENTS, OUR_SOURCE_PREFIX } from '../lib/pages/observed-source';
import { checkOutline, pageTexts } from './outline';

// Code passed to worker.evaluate runs in the extension's service worker, where `chrome` exists.
declare const chrome: typeof extensionApi;

// Let Playwright report the service worker's own requests too (Chromium only).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  page: Page;
  requests: Request[];
}

async function open(server: DemoServer, locale: string): Promise<Session> {
  const { context, worker, extensionId } = (await launchChromium({
    extensionDir: chromeBuild,
    proxyPort: server.proxyPort,
    locale,
  })) as { context: BrowserContext; worker: Worker; extensionId: string };
  const requests: Request[] = [];
  context.on('request', (request) => requests.push(request));
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, worker, extensionId, page, requests };
}

async function sidebarState(page: Page) {
  const sidebar = page.locator(SIDEBAR);
  await sidebar.waitFor({ timeout: 15_000 });
  return {
    pageType: await sidebar.getAttribute('data-page-type'),
    state: await sidebar.getAttribute('data-state'),
    label: (await sidebar.getAttribute('data-state')) === 'expanded' ? await page.locator('seller-sidekick [data-testid="page-type"]').textContent() : undefined,
    position: await sidebar.evaluate((el) => getComputedStyle(el).position),
  };
}

async function badge(worker: Worker) {
  return worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    color: await chrome.action.getBadgeBackgroundColor({}),
    title: await chrome.action.getTitle({}),
  }));
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

let server: DemoServer;
let en: Session;
let ja: Session;

beforeAll(async () => {
  server = await startDemoServer();
  en = await open(server, 'en-US');
  ja = await open(server, 'ja');
});

afterAll(async () => {
  await en?.context.close();
  await ja?.context.close();
  await server?.close();
});

describe('Chromium: the sidebar on every demo page', () => {
  it.each(demoPages.pages.map((p) => [p.id, p] as const))('%s', async (_id, demo) => {
    const session = demo.lang === 'ja' ? ja : en;
    await session.page.goto(demo.url);
    const state = await sidebarState(session.page);
    expect(state.pageType).toBe(demo.pageType);
    expect(state.label).toBe(PAGE_TYPE_TEXT[demo.pageType]![demo.lang]);
    expect(state.position).toBe('fixed'); // the shadow root's own stylesheet is applied
    expect(await session.page.evaluate(coveredControls)).toEqual([]);
    const read = await until(
      () => session.page.evaluate(whatIRead),
      (r) => (r?.kind ?? undefined) === READ_KIND[demo.pageType],
      'what I read',
    );
    if (READ_KIND[demo.pageType]) expect(Object.keys(read!.fields).length).toBeGreaterThan(0);
  });

  it("reads the order app's own JSON on the order page and lets it decide the cancellation flag", async () => {
    await en.page.goto(demoPages.pages.find((p) => p.id === 'order-details-en')!.url);
    const read = await until(
      () => en.page.evaluate(whatIRead),
      (r) => r?.note.includes("Seller Central's own order data") ?? false,
      'the orders-api JSON to be merged',
    );
    expect(read!.fields).toMatchObject({ fieldOrderId: '114-3941689-8772232', fieldBuyerCancel: "No — from Seller Central's own order data", fieldStatus: 'Unshipped' });
    expect(read!.missing).not.toContain('buyerRequestedCancel');
  });

  it('shows what it read in Japanese on a Japanese order', async () => {
    await ja.page.goto(demoPages.pages.find((p) => p.id === 'order-details-ja')!.url);
    const read = await until(
      () => ja.page.evaluate(whatIRead),
      (r) => r?.kind === 'order-details',
      'what I read',
    );
    expect(read!.fields).toMatchObject({ fieldOrderId: '503-1724766-9264601', fieldStatus: '出荷済み', fieldFulfilment: '出品者出荷（自己発送）' });
    expect(read!.fields.fieldPurchaseDate).toContain('2021');
    expect(read!.note).toBe('ページから読み取りました。');
  });

  it('reads again when the page changes its own content', async () => {
    await en.page.goto(demoPages.pages.find((p) => p.id === 'order-list-en')!.url);
    await until(
      () => en.page.evaluate(whatIRead),
      (r) => r?.fields.fieldOrders === '3 / 3',
      '3 orders',
    );
    await en.page.evaluate(() => document.querySelector('#orders-table tbody tr')!.remove());
    await until(
      () => en.page.evaluate(whatIRead),
      (r) => r?.fields.fieldOrders === '2 / 3',
      'the re-read after a row disappeared',
    );
  });
});

/** Forgets everything the extension stored (order memory, dismissals, settings). */
async function forget(session: Session) {
  await session.worker.evaluate(() => chrome.storage.local.clear());
}

const sorted = (ids: readonly string[]) => [...ids].sort();

/** Waits until the sidebar shows exactly these findings, then checks they stay so (nothing late). */
async function expectFindings(page: Page, expected: readonly string[], what: string) {
  const want = JSON.stringify(sorted(expected));
  await until(
    () => page.evaluate(shownFindings),
    (s) => s.ready && !s.pending && JSON.stringify(s.ids) === want,
    `findings ${want} on ${what}`,
  );
  await new Promise((resolve) => setTimeout(resolve, 700));
  expect((await page.evaluate(shownFindings)).ids, `${what}, a moment later`).toEqual(sorted(expected));
}

async function visit(session: Session, id: string) {
  await session.page.goto(demoPage(id).url);
  await until(
    () => session.page.evaluate(shownFindings),
    (s) => s.ready && !s.pending,
    `the sidebar on ${id}`,
  );
}

describe('Chromium: findings on every demo page, and nowhere else', () => {
  it.each(demoPages.pages.map((p) => [p.id, p] as const))('%s', async (_id, demo) => {
    const session = demo.lang === 'ja' ? ja : en;
    await forget(session);
    await session.page.goto(demo.url);
    await expectFindings(session.page, demo.findings, demo.id);
    expect(await session.page.evaluate(coveredControls)).toEqual([]);
  });

  it.each(demoPages.scenarios.map((s) => [s.id, s] as const))('scenario %s', async (_id, scenario) => {
    await forget(en);
    for (const step of scenario.steps.slice(0, -1)) await visit(en, step);
    await en.page.goto(demoPage(scenario.steps.at(-1)!).url);
    await expectFindings(en.page, scenario.findings, scenario.id);
  });
});

/** Runs in the page: the text of one finding in the sidebar, or null. */
function findingText(id: string): string | null {
  return document.querySelector('seller-sidekick')?.shadowRoot?.querySelector(`[data-finding-id="${id}"]`)?.textContent ?? null;
}

describe('Chromium: the referral fee watch on the Transaction view (seed 000)', () => {
  it.each([
    ['transactions-en', '15.0%', '8.0%', 'promotion'],
    ['transactions-ja', '16.5%', '11.0%', 'プロモーション'],
  ] as const)('%s: both figures, the seed and the schedule, and what could not be told', async (id, seen, usual, promotion) => {
    const session = demoPage(id).lang === 'ja' ? ja : en;
    await forget(session);
    await visit(session, id);
    const text = await until(
      () => session.page.evaluate(findingText, 'referral-fee-changed'),
      (t) => t !== null,
      'the fee finding',
    );
    expect(text).toContain(seen);
    expect(text).toContain(usual);
    expect(text).toContain('seed 000');
    const read = await until(
      () => session.page.evaluate(whatIRead),
      (r) => r?.fields.fieldFeeCouldNotTell !== undefined,
      'what I read',
    );
    expect(read!.fields.fieldFeeCouldNotTell).toContain(promotion);
    // Info only: the badge counts none of it.
    expect(
      await session.page.evaluate(
        () => document.querySelector('seller-sidekick')?.shadowRoot?.querySelector('[data-finding-id="referral-fee-changed"]')?.closest('[data-severity]')?.getAttribute('data-severity') ?? 'info',
      ),
    ).toBe('info');
  });
});

describe('Chromium: the Cancel order guard', () => {
  it('warns next to Cancel order after a "please cancel" message, and asks before Amazon\'s flow', async () => {
    await forget(en);
    await visit(en, 'message-thread-en');
    await en.page.goto(demoPage('order-details-en').url);
    await expectFindings(en.page, ['cancel-inquiry-not-request', 'ship-by-due'], 'the order page after the thread');
    const placed = await until(
      () => en.page.evaluate(cancelGuardState),
      (s) => s.inline !== null,
      'the inline warning',
    );
    expect(placed).toMatchObject({ inline: 'cancel-inquiry-not-request', inlineNextToButton: true, dialog: false, amazonFlow: false });
    expect(await en.page.evaluate(coveredControls)).toEqual([]);

    await en.page.click('#demo-cancel-order');
    expect(
      await until(
        () => en.page.evaluate(cancelGuardState),
        (s) => s.dialog,
        'our confirm step',
      ),
    ).toMatchObject({ amazonFlow: false, opened: 0 });
    await en.page.locator('seller-sidekick [data-testid="confirm-cancel-back"]').click();
    expect(
      await until(
        () => en.page.evaluate(cancelGuardState),
        (s) => !s.dialog,
        'the dialog to close',
      ),
    ).toMatchObject({ amazonFlow: false, opened: 0 });

    await en.page.click('#demo-cancel-order');
    await until(
      () => en.page.evaluate(cancelGuardState),
      (s) => s.dialog,
      'our confirm step again',
    );
    await en.page.locator('seller-sidekick [data-testid="confirm-cancel-proceed"]').click();
    expect(
      await until(
        () => en.page.evaluate(cancelGuardState),
        (s) => s.amazonFlow,
        "Amazon's own cancel flow",
      ),
    ).toMatchObject({ dialog: false, opened: 1 });
  });

  it('leaves the button alone when the buyer made the official request', async () => {
    await forget(en);
    await en.page.goto(demoPage('order-details-en-cancel-requested').url);
    await expectFindings(en.page, ['cancel-request-pending'], 'the requested order');
    expect((await en.page.evaluate(cancelGuardState)).inline).toBeNull();
  });
});

describe("Chromium: Amazon's official request and automatic cancellation read from the page", () => {
  it('knows the official request from the page banner alone (no order data served), and leaves Cancel order alone', async () => {
    await forget(en);
    await en.page.goto(demoPage('order-details-en-banner-only').url);
    await expectFindings(en.page, ['cancel-request-pending'], 'the banner-only order');
    const read = (await en.page.evaluate(whatIRead))!;
    expect(read.fields.fieldBuyerCancel).toBe("Yes — from Amazon's banner on the page");
    expect(read.fields.fieldBuyerCancelWords).toContain('The buyer has requested that this order be canceled.');
    expect(read.note).toBe('Read from the page.');
    expect(server.requests.some((r) => r.kind === 'data' && r.path.includes('114-2806413-7390251'))).toBe(false);
    expect((await en.page.evaluate(cancelGuardState)).inline).toBeNull();
  });

  it('still guards Cancel order after a "please cancel" message when the page shows a banner it cannot read', async () => {
    await forget(en);
    await visit(en, 'message-thread-en');
    await en.page.goto(demoPage('order-details-en-unclear-banner').url);
    await expectFindings(en.page, ['cancel-inquiry-not-request', 'ship-by-due'], 'the order with an unreadable banner');
    expect((await en.page.evaluate(whatIRead))!.fields.fieldBuyerCancel).toBe('Could not tell (see below)');
    expect(
      await until(
        () => en.page.evaluate(cancelGuardState),
        (s) => s.inline !== null,
        'the inline warning',
      ),
    ).toMatchObject({ inline: 'cancel-inquiry-not-request', inlineNextToButton: true });
  });

  it("gives Amazon's own cancellation date from the order data, on the order page and in the popup", async () => {
    await forget(en);
    await en.page.goto(demoPage('order-details-en-overdue').url);
    await expectFindings(en.page, ['auto-cancel-due', 'ship-by-due'], 'the overdue order');
    const title = await en.page.locator('seller-sidekick [data-finding-id="auto-cancel-due"]').getAttribute('aria-label');
    expect(title).toMatch(/^Amazon will cancel this order on \d{4}-\d{2}-\d{2} — it will count as your cancellation$/);
    expect((await en.page.evaluate(whatIRead))!.fields.fieldAutoCancel).toContain("(Amazon's date, from the order data)");
    const popup = await en.context.newPage();
    await popup.goto(`chrome-extension://${en.extensionId}/popup.html`);
    const reason = popup.locator('li[data-order-id="114-5093318-2641107"] [data-reason="auto-cancel"]');
    await reason.waitFor();
    expect(await reason.getAttribute('data-estimated')).toBe('false');
    expect(await reason.textContent()).toMatch(/^Amazon will cancel this order on .+ — it will count as your cancellation \(Amazon's date\)$/);
    await popup.close();
    await forget(en);
  });

  it('estimates the date, and says so, where no order data is served', async () => {
    await forget(en);
    await en.page.goto(demoPage('order-details-en-overdue-no-data').url);
    await expectFindings(en.page, ['auto-cancel-due', 'ship-by-due'], 'the overdue order without data');
    const title = await en.page.locator('seller-sidekick [data-finding-id="auto-cancel-due"]').getAttribute('aria-label');
    expect(title).toMatch(/^Amazon will cancel this order around \d{4}-\d{2}-\d{2} \(our estimate\) — it will count as your cancellation$/);
    const popup = await en.context.newPage();
    await popup.goto(`chrome-extension://${en.extensionId}/popup.html`);
    const reason = popup.locator('li[data-order-id="114-7716024-3385519"] [data-reason="auto-cancel"]');
    await reason.waitFor();
    expect(await reason.getAttribute('data-estimated')).toBe('true');
    await popup.close();
    await forget(en);
  });
});

/** What a forger copies from the shipped code: the page reader's old message tag, the link's event names. */
const FORGERY_NAMES: ForgeryNames = { source: `${OUR_SOURCE_PREFIX}:orders-api`, ordersApi: LINK_EVENTS.ordersApi, readerHello: LINK_EVENTS.readerHello };

/** Waits until the sidebar has either counted the forgeries or changed its findings (whichever the build does). */
async function afterForgery(page: Page, before: readonly string[]) {
  const want = JSON.stringify(sorted(before));
  await until(
    async () => ({ ignored: await page.evaluate(ignoredPageMessages), ids: (await page.evaluate(shownFindings)).ids }),
    (s) => s.ignored !== null || JSON.stringify(s.ids) !== want,
    'the forgery to be counted or taken',
  );
}

describe('Chromium: order data forged by a page script', () => {
  it('ignores a forged official cancel request and counts it: the guard on Cancel order stays', async () => {
    await forget(en);
    await visit(en, 'message-thread-en');
    await en.page.goto(demoPage('order-details-en').url);
    const expected = ['cancel-inquiry-not-request', 'ship-by-due'];
    await expectFindings(en.page, expected, 'the order page after the thread');
    // The page reader's own data came over the link: the forgery competes with the real thing.
    await until(
      () => en.page.evaluate(whatIRead),
      (r) => r?.note.includes("Seller Central's own order data") ?? false,
      'the order data',
    );
    const attempts = await en.page.evaluate(forgeOrderData, { orderId: '114-3941689-8772232', requested: true, names: FORGERY_NAMES });
    await afterForgery(en.page, expected);
    await expectFindings(en.page, expected, 'the order page after the forgery');
    expect(await en.page.evaluate(cancelGuardState)).toMatchObject({ inline: 'cancel-inquiry-not-request', inlineNextToButton: true });
    expect((await en.page.evaluate(whatIRead))!.fields.fieldBuyerCancel).toBe("No — from Seller Central's own order data");
    expect(await en.page.evaluate(ignoredPageMessages)).toBe(attempts);
    expect(await en.page.evaluate(() => document.querySelector('seller-sidekick')?.shadowRoot?.querySelector('[data-testid="ignored-page-messages"]')?.textContent)).toBe(
      `Page messages ignored (not from our page reader): ${attempts}`,
    );
  });

  it('ignores forged data clearing an official cancel request', async () => {
    await forget(en);
    await en.page.goto(demoPage('order-details-en-cancel-requested').url);
    const expected = ['cancel-request-pending'];
    await expectFindings(en.page, expected, 'the requested order');
    await until(
      () => en.page.evaluate(whatIRead),
      (r) => r?.note.includes("Seller Central's own order data") ?? false,
      'the order data',
    );
    const attempts = await en.page.evaluate(forgeOrderData, { orderId: '114-6230981-5520617', requested: false, names: FORGERY_NAMES });
    await afterForgery(en.page, expected);
    await expectFindings(en.page, expected, 'the requested order after the forgery');
    expect((await en.page.evaluate(whatIRead))!.fields.fieldBuyerCancel).toBe("Yes — from Seller Central's own order data");
    expect((await en.page.evaluate(cancelGuardState)).inline).toBeNull();
    expect(await en.page.evaluate(ignoredPageMessages)).toBe(attempts);
  });
});

describe('Chromium: one-click replies', () => {
  it("puts the suggested reply, in the buyer's language, into the kat-textarea so the page sees it", async () => {
    await forget(en);
    await en.page.goto(demoPage('message-thread-en').url);
    await expectFindings(en.page, ['cancel-inquiry-not-request'], 'the thread');
    await en.page.locator('seller-sidekick button[data-template-id="cancel-how-to-request"]').click();
    const composer = en.page.locator('seller-sidekick [data-testid="reply-composer"]');
    await composer.waitFor();
    expect(await composer.getAttribute('data-language')).toBe('en');
    await en.page.locator('seller-sidekick [data-testid="insert-reply"]').click();
    await en.page.locator('seller-sidekick [data-testid="composer-status"]').waitFor();
    const state = await en.page.evaluate(() => (window as unknown as { demoReplyState: { text: string; inputEvents: number } }).demoReplyState);
    expect(state.inputEvents).toBeGreaterThanOrEqual(1);
    expect(state.text).toContain('Please go to Your Orders on Amazon');
    expect(state.text).toContain('order 114-3941689-8772232');
    expect(state.text).not.toMatch(/\{[A-Za-z]+\}/);
    const boxValue = await en.page.evaluate(() => document.querySelector('kat-textarea')!.shadowRoot!.querySelector('textarea')!.value);
    expect(boxValue).toBe(state.text);
  });

  it("checks what the seller types in the reply box against Amazon's rules", async () => {
    await en.page.locator('kat-textarea textarea').fill('Please call me at 03-1234-5678');
    const guard = en.page.locator('seller-sidekick [data-testid="typing-guard"] [data-guard-rule]');
    await guard.first().waitFor();
    expect(await guard.evaluateAll((items) => items.map((li) => li.getAttribute('data-guard-rule')))).toEqual(['off-amazon-contact', 'phone-number']);
    await en.page.locator('kat-textarea textarea').fill('Thank you for your message.');
    await guard.first().waitFor({ state: 'detached' });
  });

  it('offers every reply in a picker (Alt+Shift+R)', async () => {
    await en.page.keyboard.press('Alt+Shift+R');
    const picker = en.page.locator('seller-sidekick [data-testid="reply-picker"]');
    await until(
      () => picker.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el),
      (focused) => focused,
      'the picker to have focus',
    );
    await picker.selectOption('invoice-reply');
    await until(
      () => en.page.locator('seller-sidekick [data-testid="reply-composer"]').getAttribute('data-template-id'),
      (id) => id === 'invoice-reply',
      'the invoice reply',
    );
  });

  it('switches the reply to Japanese with one click', async () => {
    await en.page.locator('seller-sidekick [data-testid="reply-composer"] button[lang="ja"]').click();
    await until(
      () => en.page.locator('seller-sidekick [data-testid="reply-preview"]').textContent(),
      (text) => text?.includes('注文履歴') ?? false,
      'the Japanese reply',
    );
  });
});

describe('Chromium: replies on the thread page know the order page', () => {
  it('names the product seen on the order page in a reply written on its thread', async () => {
    await forget(en);
    await visit(en, 'order-details-en');
    await visit(en, 'message-thread-en');
    await en.page.keyboard.press('Alt+Shift+R');
    await en.page.locator('seller-sidekick [data-testid="reply-picker"]').selectOption('complaint-acknowledge');
    const preview = await until(
      () => en.page.locator('seller-sidekick [data-testid="reply-preview"]').textContent(),
      (text) => text?.includes('114-3941689-8772232') ?? false,
      'the complaint reply',
    );
    expect(preview).toContain('"Tsubaki embroidered zori sandals, black, women\'s M"');
  });
});

describe("Chromium: the suggested reply on every demo thread, in the buyer's language", () => {
  const threads = demoPages.pages.filter((p) => p.pageType === 'message-thread' && p.findings.length > 0);
  it.each(threads.map((p) => [p.id, p] as const))('%s', async (_id, demo) => {
    const session = demo.lang === 'ja' ? ja : en;
    await forget(session);
    await session.page.goto(demo.url);
    await expectFindings(session.page, demo.findings, demo.id);
    const button = session.page.locator('seller-sidekick button[data-template-id]').first();
    await button.click();
    const composer = session.page.locator('seller-sidekick [data-testid="reply-composer"]');
    await composer.waitFor();
    // The demo pages declare the buyer's language on <html lang>.
    const buyerLanguage = await session.page.evaluate(() => document.documentElement.lang.slice(0, 2));
    expect(await composer.getAttribute('data-language')).toBe(buyerLanguage);
    await session.page.locator('seller-sidekick [data-testid="insert-reply"]').click();
    await session.page.locator('seller-sidekick [data-testid="composer-status"]').waitFor();
    const state = await session.page.evaluate(() => (window as unknown as { demoReplyState: { text: string; inputEvents: number } }).demoReplyState);
    expect(state.inputEvents).toBeGreaterThanOrEqual(1);
    expect(state.text.length).toBeGreaterThan(40);
    expect(state.text).not.toMatch(/\{[A-Za-z]+\}/);
  });
});

describe('Chromium: dismissing and language', () => {
  it('dismisses a finding for that order, remembers it, and can bring it back', async () => {
    await forget(en);
    await en.page.goto(demoPage('message-thread-en').url);
    await expectFindings(en.page, ['cancel-inquiry-not-request'], 'the thread');
    await en.page.locator('seller-sidekick [data-finding-id="cancel-inquiry-not-request"] button.sidekick-dismiss').click();
    await expectFindings(en.page, [], 'the thread after dismissing');
    await en.page.reload();
    await expectFindings(en.page, [], 'the thread after a reload');
    await en.page.locator('seller-sidekick button', { hasText: '1 dismissed — show' }).click();
    await en.page.locator('seller-sidekick button', { hasText: 'Show again' }).click();
    await expectFindings(en.page, ['cancel-inquiry-not-request'], 'the thread after restoring');
  });

  it('speaks Japanese in an English browser when the seller chooses it', async () => {
    await forget(en);
    await en.page.goto(demoPage('message-thread-en').url);
    await expectFindings(en.page, ['cancel-inquiry-not-request'], 'the thread');
    await en.worker.evaluate(() => chrome.storage.local.set({ settings: { version: 1, storeName: '', sellerName: '', uiLanguage: 'ja', replyLanguage: 'auto', replyDueHours: 12 } }));
    const title = en.page.locator('seller-sidekick [data-finding-id="cancel-inquiry-not-request"] h3');
    await until(
      () => title.textContent(),
      (text) => text?.startsWith('キャンセルしないでください') ?? false,
      'the Japanese title',
    );
    await forget(en);
  });
});

describe('Chromium: the seller corrects what a message is about', () => {
  it('says what a message is about, takes "this is really…", changes the finding at once, and undoes it', async () => {
    await forget(en);
    await visit(en, 'message-thread-en');
    await expectFindings(en.page, ['cancel-inquiry-not-request'], 'the thread');
    const reading = en.page.locator('seller-sidekick [data-testid="message-reading"][data-intent="cancel-inquiry"]');
    expect(await reading.locator('[data-testid="reading-intent"]').textContent()).toMatch(/^About: asks to cancel/);
    await reading.locator('[data-testid="correct-intent"]').selectOption('defective');
    await reading.locator('[data-testid="correct-submit"]').click();
    await until(
      () => en.page.evaluate(shownFindings),
      (s) => s.ready && !s.pending && s.ids.includes('complaint-reply-now') && !s.ids.includes('cancel-inquiry-not-request'),
      'the finding after the correction',
    );
    const status = en.page.locator('seller-sidekick [data-testid="correction-status"]');
    expect(await status.textContent()).toContain('Noted: messages like this one now read as “defective or broken item”.');
    // Stored: the layer only, ids and numbers; not a word of the message.
    const stored = await en.worker.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(stored)).toContain('corrections');
    const json = JSON.stringify(stored).toLowerCase();
    for (const word of ['sandals', 'wrong size', 'please cancel']) expect(json).not.toContain(word);
    // A reload classifies with the stored layer.
    await en.page.reload();
    await until(
      () => en.page.evaluate(shownFindings),
      (s) => s.ready && !s.pending && s.ids.includes('complaint-reply-now'),
      'the correction after a reload',
    );
    await reading.or(en.page.locator('seller-sidekick [data-testid="message-reading"][data-intent="defective"]')).first().waitFor();
    // Undo is offered on the page the correction was made on; after a reload, the options reset it.
    await en.page.goto(demoPage('message-thread-en').url);
    const corrected = en.page.locator('seller-sidekick [data-testid="message-reading"][data-intent="defective"]');
    await corrected.locator('[data-testid="correct-intent"]').selectOption('other');
    await corrected.locator('[data-testid="correct-submit"]').click();
    await status.waitFor();
    await en.page.locator('seller-sidekick [data-testid="correction-undo"]').click();
    await until(
      () => status.getAttribute('data-state'),
      (state) => state === 'undone',
      'the undo',
    );
    await until(
      () => en.page.evaluate(shownFindings),
      (s) => s.ready && !s.pending && s.ids.includes('complaint-reply-now'),
      'the first correction still there after the undo',
    );
    await forget(en);
    await expectFindings(en.page, ['cancel-inquiry-not-request'], 'the thread after the corrections were cleared');
  });
});

describe('Chromium: sidebar behaviour', () => {
  it('follows in-page navigation without a reload', async () => {
    await en.page.goto(demoPages.pages.find((p) => p.id === 'order-list-en')!.url);
    expect((await sidebarState(en.page)).pageType).toBe('order-list');
    const navigations = en.requests.filter((r) => r.isNavigationRequest()).length;
    await en.page.evaluate(() => history.pushState(null, '', '/orders-v3/order/114-3941689-8772232'));
    await en.page.locator(`${SIDEBAR}[data-page-type="order-details"]`).waitFor({ timeout: 10_000 });
    expect(await en.page.locator('seller-sidekick [data-testid="order-id"]').textContent()).toBe('114-3941689-8772232');
    expect(en.requests.filter((r) => r.isNavigationRequest()).length).toBe(navigations);
  });

  it('follows the messaging app from a case to the list and to another case without a page load', async () => {
    await en.page.goto(demoPage('message-thread-en-three-pane').url);
    expect((await sidebarState(en.page)).pageType).toBe('message-thread');
    const navigations = en.requests.filter((r) => r.isNavigationRequest()).length;
    // Back to the list: the app takes the conversation away and drops cc= from the URL.
    await en.page.evaluate(() => {
      const conversation = document.querySelector('.mx-conv')!;
      (window as unknown as { openCase: Element }).openCase = conversation;
      conversation.remove();
      history.pushState(null, '', '/messaging/inbox-v3?fi=responseNeeded&pn=1');
    });
    await en.page.locator(`${SIDEBAR}[data-page-type="message-inbox"]`).waitFor({ timeout: 10_000 });
    // A case opens again with the URL left as it is: only the page says it is a conversation.
    await en.page.evaluate(() => document.querySelector('.mx-grid')!.append((window as unknown as { openCase: Element }).openCase));
    await en.page.locator(`${SIDEBAR}[data-page-type="message-thread"]`).waitFor({ timeout: 10_000 });
    await until(
      () => en.page.evaluate(whatIRead),
      (r) => r?.fields.fieldOrderId === '113-5520871-0394417',
      'the open case read again',
    );
    expect(en.requests.filter((r) => r.isNavigationRequest()).length).toBe(navigations);
  });

  it('collapses to a small tab that stays out of the way, and remembers it across pages', async () => {
    await en.page.goto(demoPages.pages.find((p) => p.id === 'order-details-en')!.url);
    await sidebarState(en.page);
    await en.page.locator('seller-sidekick button[aria-label="Collapse the sidebar"]').click();
    const tab = en.page.locator(`${SIDEBAR}[data-state="collapsed"]`);
    await tab.waitFor();
    const box = await tab.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(40);
    expect(await en.page.evaluate(coveredControls)).toEqual([]);

    await en.page.goto(demoPages.pages.find((p) => p.id === 'notice-en')!.url);
    expect((await sidebarState(en.page)).state).toBe('collapsed');

    await en.page.locator(SIDEBAR).focus();
    await en.page.keyboard.press('Enter');
    await en.page.locator(`${SIDEBAR}[data-state="expanded"]`).waitFor();
    await en.page.reload();
    expect((await sidebarState(en.page)).state).toBe('expanded');
  });
});

describe('Chromium: the inbox, triaged', () => {
  it('shows what each listed case is about, most urgent first, and counts the urgent one on the badge', async () => {
    await forget(en);
    await visit(en, 'message-inbox-en');
    const chips = await until(
      () => en.page.locator('seller-sidekick [data-testid="triage"] li').evaluateAll((items) => items.map((li) => [li.getAttribute('data-kind'), li.getAttribute('data-order-id')])),
      (rows) => rows.length === 3,
      'three triaged cases',
    );
    expect(chips).toEqual([
      ['counterfeit', '112-5567012-3390641'],
      ['cancellation', '114-3941689-8772232'],
      ['product-question', '111-4408215-7730962'],
    ]);
    // The counterfeit complaint is unanswered under "Response needed": the badge counts it before it is opened.
    await until(
      () => badge(en.worker),
      (b) => b.text === '1',
      'badge "1"',
    );
    const stored = await en.worker.evaluate(() => chrome.storage.local.get(null));
    expect(JSON.stringify(stored)).not.toContain('fake'); // the row's words are not kept
    await forget(en);
  });
});

describe('Chromium: urgent orders on the badge and in the popup', () => {
  it('counts the orders of the list and the thread that need action, red when one is overdue', async () => {
    await forget(en);
    await until(
      () => badge(en.worker),
      (b) => b.text === '',
      'no badge',
    );
    // The order list: one order due today, one overdue, one due tomorrow (dates relative to now).
    await visit(en, 'order-list-en');
    const afterList = await until(
      () => badge(en.worker),
      (b) => b.text === '2',
      'badge "2"',
    );
    expect(afterList.color).toEqual([198, 40, 40, 255]);
    expect(afterList.title).toBe('Seller Sidekick: 2 orders need action, some overdue');
    // A thread with a complaint: a high-risk message waiting for a reply.
    await visit(en, 'message-thread-de-counterfeit');
    await until(
      () => badge(en.worker),
      (b) => b.text === '3',
      'badge "3"',
    );

    const popup = await en.context.newPage();
    await popup.setViewportSize({ width: 360, height: 560 });
    await popup.goto(`chrome-extension://${en.extensionId}/popup.html`);
    await popup.getByTestId('urgent-count').waitFor();
    expect(await popup.getByTestId('urgent-count').textContent()).toBe('Orders needing action now: 3');
    const ids = await popup.locator('li[data-order-id]').evaluateAll((items) => items.map((li) => [li.getAttribute('data-order-id'), li.getAttribute('data-overdue')]));
    expect(ids[0]).toEqual(['113-0218844-6650219', 'true']); // overdue first
    expect(ids.map(([id]) => id).sort()).toEqual(['112-5567012-3390641', '113-0218844-6650219', '302-5518830-2297164']);
    expect(await popup.locator('li[data-order-id="302-5518830-2297164"] [data-reason="reply"]').textContent()).toBe('Buyer message waiting: a complaint about the item');
    expect(await popup.locator('li[data-order-id="302-5518830-2297164"] a').getAttribute('href')).toBe('https://sellercentral.amazon.de/orders-v3/order/302-5518830-2297164');

    // Done takes it off the list and the badge.
    await popup.getByRole('button', { name: 'Mark order 302-5518830-2297164 as done' }).click();
    await until(
      () => badge(en.worker),
      (b) => b.text === '2',
      'badge back to "2"',
    );
    await popup.locator('li[data-order-id="302-5518830-2297164"]').waitFor({ state: 'detached' });
    await popup.close();
    await forget(en);
    await until(
      () => badge(en.worker),
      (b) => b.text === '',
      'no badge after forgetting',
    );
  });

  it('writes the popup in Japanese for a Japanese browser', async () => {
    await forget(ja);
    await visit(ja, 'order-list-ja');
    await until(
      () => badge(ja.worker),
      (b) => b.text === '1',
      'badge "1"',
    );
    expect((await badge(ja.worker)).title).toBe('Seller Sidekick：対応が必要な注文 1件');
    const popup = await ja.context.newPage();
    await popup.goto(`chrome-extension://${ja.extensionId}/popup.html`);
    await popup.getByTestId('urgent-count').waitFor();
    expect(await popup.getByTestId('urgent-count').textContent()).toBe('今すぐ対応が必要な注文：1件');
    expect(await popup.locator('[data-reason="ship-by"]').textContent()).toBe('本日が出荷期限');
    await popup.close();
    await forget(ja);
  });
});

describe("Chromium: saving the page's outline", () => {
  it("downloads the skeleton of a thread: none of the page's text, and the readers still find the thread in it", async () => {
    await forget(en);
    await visit(en, 'message-thread-en');
    const texts = await en.page.evaluate(pageTexts);
    // The control: the page really shows the buyer's words, in the page and in shadow roots.
    expect(texts.join('\n')).toContain('Please cancel my order');
    expect(texts).toContain('Write your response');
    await en.page.locator('seller-sidekick [data-testid="what-i-read"] summary').click();
    const [download] = await Promise.all([en.page.waitForEvent('download'), en.page.locator('seller-sidekick [data-testid="save-outline"] button').click()]);
    expect(download.suggestedFilename()).toMatch(/^seller-sidekick-outline-message-thread-\d{8}-\d{4}\.json$/);
    const file = readFileSync((await download.path())!, 'utf8');
    const { leaks, skeleton, snapshot } = checkOutline(file, texts);
    expect(leaks).toEqual([]);
    expect(file).not.toMatch(/Jane|sandals|114-3941689-8772232|Kumo Craft|What I read/);
    // The Katal components' shadow roots are in it (the reply box's real textarea is inside one).
    expect(skeleton.nodes.filter((n) => 'root' in n && n.root === 'shadow').length).toBeGreaterThanOrEqual(3);
    expect(snapshot).toMatchObject({ kind: 'message-thread', replyBox: { kind: 'kat-textarea' } });
    // The sidebar stays, and says where the file went.
    expect(await en.page.locator('seller-sidekick [data-testid="save-outline"] p').textContent()).toContain(`Saved ${download.suggestedFilename()}`);
  });
});

describe('Chromium: downloads', () => {
  it("stays on the page when the page's own link downloads a file (a download is no navigation)", async () => {
    await visit(en, 'order-list-en');
    await en.page.evaluate(() => {
      const link = document.createElement('a');
      link.id = 'demo-download';
      link.download = 'orders.csv';
      link.href = 'data:text/csv,order-id%0A';
      link.textContent = 'Download';
      document.querySelector('#sc-content-container')!.prepend(link);
    });
    const [download] = await Promise.all([en.page.waitForEvent('download'), en.page.locator('#demo-download').click()]);
    expect(download.suggestedFilename()).toBe('orders.csv');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await sidebarState(en.page)).pageType).toBe('order-list');
    expect((await en.page.evaluate(whatIRead))?.kind).toBe('order-list');
  });
});

describe('Chromium: check the selected text', () => {
  it('checks the selected text as the buyer\'s: Amazon\'s wording on a page it does not read, then "please cancel" on the order page, and back', async () => {
    await forget(en);
    const check = en.page.locator('seller-sidekick [data-testid="check-selection"]');

    // A page it does not read: the seller selects Amazon's request wording, subject line and all.
    await en.page.goto(demoPage('home-en').url);
    await sidebarState(en.page);
    expect(await en.page.evaluate(selectText, SELECTED_OFFICIAL_WORDING)).toContain('The buyer has requested');
    await check.click();
    await expectFindings(en.page, ['cancel-inquiry-not-request'], "Amazon's wording selected on the home page");
    expect(await en.page.evaluate(selectionCheckState)).toMatchObject({ checking: true, order: 'Order: 114-3941689-8772232' });
    expect((await en.page.evaluate(whatIRead))?.note).toMatch(/^Read from the text you selected\. Who wrote it is unknown/);

    // The order page: "please cancel" without an order number is about the order the page shows.
    await en.page.goto(demoPage('order-details-en').url);
    await expectFindings(en.page, ['ship-by-due'], 'the order page');
    expect((await en.page.evaluate(selectionCheckState)).offered).toBe(false);
    await en.page.evaluate(selectText, SELECTED_PLEASE_CANCEL);
    await check.waitFor();
    await check.click();
    await expectFindings(en.page, ['cancel-inquiry-not-request', 'ship-by-due'], '"please cancel" selected on the order page');
    expect(await en.page.evaluate(selectionCheckState)).toMatchObject({ checking: true, order: 'Order: 114-3941689-8772232', offered: false });
    // The warning also goes by the page's Cancel order, as after a thread that said so.
    expect(
      await until(
        () => en.page.evaluate(cancelGuardState),
        (s) => s.inline !== null,
        'the inline warning',
      ),
    ).toMatchObject({ inline: 'cancel-inquiry-not-request', inlineNextToButton: true });
    expect(await en.page.evaluate(coveredControls)).toEqual([]);

    // Nothing of it was stored: not its words, not even its intent in the order's record.
    const stored = JSON.stringify(await en.worker.evaluate(() => chrome.storage.local.get(null)));
    expect(stored).toContain('114-3941689-8772232'); // the order page's own facts
    expect(stored).not.toMatch(/wrong size|Jane|cancel-inquiry/);

    // Back to the page's own reading: the order page alone again, the guard gone.
    await en.page.locator('seller-sidekick [data-testid="selection-back"]').click();
    await expectFindings(en.page, ['ship-by-due'], 'the order page again');
    expect((await en.page.evaluate(whatIRead))?.kind).toBe('order-details');
    expect(
      await until(
        () => en.page.evaluate(cancelGuardState),
        (s) => s.inline === null,
        'the inline warning to go',
      ),
    ).toMatchObject({ inline: null });
  });
});

/**
 * Puts a stand-in for Chrome's `Translator` into the extension's own isolated world on this page
 * (where the content script looks it up at each call, as in production), through DevTools: a page
 * script could not reach that world. It translates German by a fixed table and reports download
 * progress, as Chrome does for a pair it must download.
 */
async function fakeTranslatorInContentScript(session: Session) {
  const cdp = await session.context.newCDPSession(session.page);
  const contexts: { id: number; name: string; auxData?: { type?: string; frameId?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: (typeof contexts)[number] }) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Seller Sidekick');
  if (!world) throw new Error(`no isolated world of the extension among ${JSON.stringify(contexts.map((c) => c.name))}`);
  const { exceptionDetails } = await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    expression: `(() => {
      const state = { pair: 'downloadable', created: 0, translated: [] };
      globalThis.__translatorFake = state;
      globalThis.Translator = Object.assign(function Translator() {}, {
        availability: async () => state.pair,
        create: async (options) => {
          if (state.pair !== 'available' && !navigator.userActivation.isActive) throw new DOMException('Requires a user gesture', 'NotAllowedError');
          state.created++;
          const listeners = [];
          options.monitor?.({ addEventListener: (_type, listener) => listeners.push(listener) });
          for (const loaded of [0, 0.5, 1]) { await new Promise((r) => setTimeout(r, 50)); listeners.forEach((l) => l({ loaded })); }
          state.pair = 'available';
          return { translate: async (text) => { state.translated.push(text); return 'Hello, the item I received is a FAKE. [translated from ' + options.sourceLanguage + ']'; } };
        },
      });
    })()`,
  });
  await cdp.detach();
  if (exceptionDetails) throw new Error(JSON.stringify(exceptionDetails));
}

describe('Chromium: translation on this device', () => {
  it("offers to translate a German buyer's message, says the browser must download a model first, and downloads nothing when the seller declines", async () => {
    await visit(en, 'message-thread-de-counterfeit');
    const before = en.requests.length;
    const unknownBefore = server.requests.filter((r) => r.kind === 'unknown').length;
    const control = en.page.locator('seller-sidekick [data-testid="message-reading"] [data-testid="translate"]').first();
    expect(await control.textContent()).toBe('Translate into English');
    await control.click();
    // Headless Chromium without Google's servers: the pair is "downloadable", so the seller is asked first.
    const confirm = en.page.locator('seller-sidekick [data-testid="translation-confirm"]');
    expect(await confirm.textContent()).toMatch(/your browser will download a language model/);
    await confirm.locator('[data-testid="translation-not-now"]').click();
    await control.waitFor();
    expect(en.requests.slice(before).map((r) => r.url())).toEqual([]);
    expect(server.requests.filter((r) => r.kind === 'unknown').length).toBe(unknownBefore);
    // The reading stays on the original.
    expect(await en.page.locator('seller-sidekick [data-testid="message-reading"][data-intent="counterfeit"]').count()).toBe(1);
  });

  it("translates through the content script's own Translator global: the notice, the download's progress, the translation beside the original; the findings unchanged", async () => {
    await visit(en, 'message-thread-de-counterfeit');
    const findings = (await en.page.evaluate(shownFindings)).ids;
    await fakeTranslatorInContentScript(en);
    const reading = en.page.locator('seller-sidekick [data-testid="message-reading"][data-intent="counterfeit"]');
    await reading.locator('[data-testid="translate"]').click();
    await reading.locator('[data-testid="translation-download"]').click(); // the seller's click: the user activation the download needs
    await reading.locator('[data-testid="translation-working"]').waitFor();
    const translated = reading.locator('[data-testid="translation-text"]');
    await translated.waitFor({ timeout: 10_000 });
    expect(await translated.textContent()).toBe('Hello, the item I received is a FAKE. [translated from de]');
    expect(await reading.locator('[data-testid="translation-label"]').textContent()).toMatch(/^Machine translation into English, made on this device/);
    expect(await reading.locator('[data-testid="translation-original"]').textContent()).toMatch(/Fälschung|gefälscht/i);
    expect((await en.page.evaluate(shownFindings)).ids).toEqual(findings);
    expect(await reading.getAttribute('data-intent')).toBe('counterfeit');
  });
});

describe('Chromium: network', () => {
  it('the extension made no request: only the demo pages and their own assets were fetched', () => {
    const seen = [...en.requests, ...ja.requests].map((r) => r.url()).filter((url) => !url.startsWith('chrome-extension://'));
    expect(seen.length).toBeGreaterThan(demoPages.pages.length); // the recorder is really recording
    expect(seen.filter((url) => !isDemoResource(url))).toEqual([]);
    expect(server.requests.filter((r) => r.kind === 'unknown')).toEqual([]);
  });

  it('would catch a request from the service worker (control)', async () => {
    const before = en.requests.length;
    await en.worker.evaluate(() =>
      fetch('https://sellercentral.amazon.com/orders-api/search?limit=1').then(
        () => undefined,
        () => undefined,
      ),
    );
    const made = en.requests.slice(before).map((r) => r.url());
    expect(made).toContain('https://sellercentral.amazon.com/orders-api/search?limit=1');
    expect(made.filter((url) => !isDemoResource(url))).not.toEqual([]);
    expect(server.requests.some((r) => r.kind === 'unknown' && r.path.startsWith('/orders-api/search'))).toBe(true);
  });
});
