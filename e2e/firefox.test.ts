// The production Firefox build (MV3) in real headless firefox-esr, driven over WebDriver BiDi.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ES module shared with the demo script.
import { FIREFOX_EXTENSION_UUID, launchFirefox } from '../scripts/lib/browsers.mjs';
import {
  PAGE_TYPE_TEXT,
  READ_KIND,
  cancelGuardState,
  coveredControls,
  demoPage,
  demoPages,
  forgeOrderData,
  ignoredPageMessages,
  shownFindings,
  firefoxBuild,
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

const SIDEBAR = 'seller-sidekick >>> [data-testid="sidekick-sidebar"]';

let server: DemoServer;
let browser: Browser;
let page: Page;
let extensionId: string;
const consoleLines: string[] = [];
/** Where Firefox saves downloads, without asking (the page outline). */
const downloads = mkdtempSync(join(tmpdir(), 'sidekick-firefox-downloads-'));
const requests: string[] = [];

beforeAll(async () => {
  server = await startDemoServer();
  const prefs = {
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.helperApps.neverAsk.saveToDisk': 'application/json',
    'browser.download.alwaysOpenPanel': false,
  };
  ({ browser, extensionId } = (await launchFirefox({ extensionDir: firefoxBuild, proxyPort: server.proxyPort, prefs })) as { browser: Browser; extensionId: string });
  page = await browser.newPage();
  // A desktop window, as sellers use Seller Central (and as in the Chromium tests).
  await page.setViewport({ width: 1440, height: 900 });
  page.on('request', (request: HTTPRequest) => requests.push(request.url()));
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function sidebarState() {
  const sidebar = await page.waitForSelector(SIDEBAR, { timeout: 15_000 });
  return sidebar!.evaluate((el) => ({
    pageType: el.getAttribute('data-page-type'),
    state: el.getAttribute('data-state'),
    label: el.querySelector('[data-testid="page-type"]')?.textContent ?? null,
    position: getComputedStyle(el).position,
  }));
}

describe('Firefox: the inbox, triaged', () => {
  it('shows what each listed case is about, most urgent first', async () => {
    await page.goto(demoPage('message-inbox-ja').url);
    let kinds: string[] = [];
    for (let i = 0; i < 100 && kinds.length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      kinds = await page.evaluate(() =>
        [...(document.querySelector('seller-sidekick')?.shadowRoot?.querySelectorAll('[data-testid="triage"] li') ?? [])].map((li) => li.getAttribute('data-kind') ?? ''),
      );
    }
    expect(kinds).toEqual(['complaint', 'cancellation']);
    const heading = await page.evaluate(() => document.querySelector('seller-sidekick')?.shadowRoot?.querySelector('#sidekick-triage-heading')?.textContent);
    expect(heading).toBe('Cases on this page, most urgent first'); // an English browser
  });
});

describe('Firefox: the sidebar on every demo page', () => {
  it.each(demoPages.pages.map((p) => [p.id, p] as const))('%s', async (_id, demo) => {
    await page.goto(demo.url);
    const state = await sidebarState();
    expect(state.pageType).toBe(demo.pageType);
    // firefox-esr ships with its English UI only, so the extension speaks English here.
    expect(state.label).toBe(PAGE_TYPE_TEXT[demo.pageType]!.en);
    expect(state.position).toBe('fixed');
    expect(await page.evaluate(coveredControls)).toEqual([]);
    await page.waitForFunction(
      (kind) => {
        const section = document.querySelector('seller-sidekick')?.shadowRoot?.querySelector('[data-testid="what-i-read"]');
        return (section?.getAttribute('data-read-kind') ?? null) === kind;
      },
      { timeout: 10_000 },
      READ_KIND[demo.pageType] ?? null,
    );
    if (READ_KIND[demo.pageType]) expect(Object.keys((await page.evaluate(whatIRead))!.fields).length).toBeGreaterThan(0);
  });

  it("reads the order app's own JSON on the order page and lets it decide the cancellation flag", async () => {
    await page.goto(demoPages.pages.find((p) => p.id === 'order-details-en')!.url);
    await page.waitForFunction(
      () => document.querySelector('seller-sidekick')?.shadowRoot?.querySelector('[data-testid="what-i-read"]')?.textContent?.includes("Seller Central's own order data") ?? false,
      { timeout: 10_000 },
    );
    const read = (await page.evaluate(whatIRead))!;
    expect(read.fields).toMatchObject({ fieldOrderId: '114-3941689-8772232', fieldStatus: 'Unshipped', fieldBuyerCancel: "No — from Seller Central's own order data" });
    expect(read.missing).not.toContain('buyerRequestedCancel');
  });

  it('follows in-page navigation without a reload', async () => {
    await page.goto(demoPages.pages.find((p) => p.id === 'order-list-en')!.url);
    expect((await sidebarState()).pageType).toBe('order-list');
    await page.evaluate(() => history.pushState(null, '', '/messaging/inbox-v3?fi=responseNeeded'));
    await page.waitForSelector('seller-sidekick >>> [data-page-type="message-inbox"]', { timeout: 10_000 });
  });

  it('follows the messaging app from a case to the list and to another case without a page load', async () => {
    await page.goto(demoPages.pages.find((p) => p.id === 'message-thread-en-three-pane')!.url);
    expect((await sidebarState()).pageType).toBe('message-thread');
    await page.evaluate(() => {
      const conversation = document.querySelector('.mx-conv')!;
      (window as unknown as { openCase: Element }).openCase = conversation;
      conversation.remove();
      history.pushState(null, '', '/messaging/inbox-v3?fi=responseNeeded&pn=1');
    });
    // Only an attribute in the sidebar's shadow root changes: poll for it.
    const pageTypeIs = (type: string) =>
      page.waitForFunction(
        (want) => document.querySelector('seller-sidekick')?.shadowRoot?.querySelector('[data-page-type]')?.getAttribute('data-page-type') === want,
        { timeout: 10_000, polling: 100 },
        type,
      );
    await pageTypeIs('message-inbox');
    await page.evaluate(() => document.querySelector('.mx-grid')!.append((window as unknown as { openCase: Element }).openCase));
    await pageTypeIs('message-thread');
  });

  it('remembers a collapsed sidebar across pages', async () => {
    await page.goto(demoPages.pages.find((p) => p.id === 'order-details-en')!.url);
    await sidebarState();
    const collapse = await page.waitForSelector('seller-sidekick >>> button[aria-label="Collapse the sidebar"]');
    await collapse!.click();
    await page.waitForSelector('seller-sidekick >>> [data-state="collapsed"]');
    await page.goto(demoPages.pages.find((p) => p.id === 'notice-ja')!.url);
    expect((await sidebarState()).state).toBe('collapsed');
    const tab = await page.waitForSelector('seller-sidekick >>> button[data-state="collapsed"]');
    await tab!.click();
    await page.waitForSelector('seller-sidekick >>> [data-state="expanded"]');
  });
});

/**
 * Forgets everything the extension stored. WebDriver BiDi may not open extension pages, so the
 * extension is reinstalled: Firefox removes an uninstalled extension's storage with it.
 */
async function forget() {
  await page.goto('about:blank');
  await browser.uninstallExtension(extensionId);
  extensionId = await browser.installExtension(firefoxBuild);
}

const sorted = (ids: readonly string[]) => [...ids].sort();

async function expectFindings(expected: readonly string[], what: string, on: Page = page) {
  const want = JSON.stringify(sorted(expected));
  const deadline = Date.now() + 10_000;
  let last = await on.evaluate(shownFindings);
  while (!(last.ready && !last.pending && JSON.stringify(last.ids) === want)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for findings ${want} on ${what}; last ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await on.evaluate(shownFindings);
  }
  await new Promise((resolve) => setTimeout(resolve, 700));
  expect((await on.evaluate(shownFindings)).ids, `${what}, a moment later`).toEqual(sorted(expected));
}

describe('Firefox: findings on every demo page, and nowhere else', () => {
  it.each(demoPages.pages.map((p) => [p.id, p] as const))('%s', async (_id, demo) => {
    await forget();
    await page.goto(demo.url);
    await expectFindings(demo.findings, demo.id);
  });

  it.each(demoPages.scenarios.map((s) => [s.id, s] as const))('scenario %s', async (_id, scenario) => {
    await forget();
    for (const step of scenario.steps.slice(0, -1)) {
      await page.goto(demoPage(step).url);
      await expectFindings(demoPage(step).findings, step);
    }
    await page.goto(demoPage(scenario.steps.at(-1)!).url);
    await expectFindings(scenario.findings, scenario.id);
  });

  it('guards Cancel order after a "please cancel" message, and hands the click back to Amazon', async () => {
    await forget();
    await page.goto(demoPage('message-thread-en').url);
    await expectFindings(['cancel-inquiry-not-request'], 'the thread');
    await page.goto(demoPage('order-details-en').url);
    await expectFindings(['cancel-inquiry-not-request', 'ship-by-due'], 'the order page');
    await page.waitForFunction(() => document.querySelector('seller-sidekick-inline')?.shadowRoot?.querySelector('[data-finding-id]') !== null);
    expect(await page.evaluate(cancelGuardState)).toMatchObject({ inline: 'cancel-inquiry-not-request', inlineNextToButton: true, dialog: false, amazonFlow: false });
    expect(await page.evaluate(coveredControls)).toEqual([]);
    await page.click('#demo-cancel-order');
    await page.waitForSelector('seller-sidekick >>> [data-testid="confirm-cancel"][open]');
    expect(await page.evaluate(cancelGuardState)).toMatchObject({ dialog: true, amazonFlow: false });
    const proceed = await page.waitForSelector('seller-sidekick >>> [data-testid="confirm-cancel-proceed"]');
    await proceed!.click();
    await page.waitForFunction(() => document.getElementById('demo-cancel-flow')?.hidden === false);
    expect(await page.evaluate(cancelGuardState)).toMatchObject({ dialog: false, amazonFlow: true, opened: 1 });
  });
});

describe('Firefox: the referral fee watch on the Transaction view (seed 000)', () => {
  it('names the jump with both figures and what could not be told', async () => {
    await forget();
    await page.goto(demoPage('transactions-en').url);
    await expectFindings(['referral-fee-changed'], 'transactions-en');
    const text = await page.evaluate(() => document.querySelector('seller-sidekick')?.shadowRoot?.querySelector('[data-finding-id="referral-fee-changed"]')?.textContent ?? '');
    expect(text).toContain('15.0%');
    expect(text).toContain('8.0%');
    expect(text).toContain('seed 000');
    const read = (await page.evaluate(whatIRead))!;
    expect(read.fields.fieldFeeCouldNotTell).toContain('without an order id');
    expect(read.fields.fieldFeeCouldNotTell).toContain('another currency');
  });
});

describe("Firefox: Amazon's official request and automatic cancellation read from the page", () => {
  it('knows the official request from the page banner alone, and leaves Cancel order alone', async () => {
    await forget();
    await page.goto(demoPage('order-details-en-banner-only').url);
    await expectFindings(['cancel-request-pending'], 'the banner-only order');
    const read = (await page.evaluate(whatIRead))!;
    expect(read.fields.fieldBuyerCancel).toBe("Yes — from Amazon's banner on the page");
    expect(read.fields.fieldBuyerCancelWords).toContain('The buyer has requested that this order be canceled.');
    expect((await page.evaluate(cancelGuardState)).inline).toBeNull();
  });

  it('still guards Cancel order after a "please cancel" message when the page shows a banner it cannot read', async () => {
    await forget();
    await page.goto(demoPage('message-thread-en').url);
    await expectFindings(['cancel-inquiry-not-request'], 'the thread');
    await page.goto(demoPage('order-details-en-unclear-banner').url);
    await expectFindings(['cancel-inquiry-not-request', 'ship-by-due'], 'the order with an unreadable banner');
    expect((await page.evaluate(whatIRead))!.fields.fieldBuyerCancel).toBe('Could not tell (see below)');
    await page.waitForFunction(() => document.querySelector('seller-sidekick-inline')?.shadowRoot?.querySelector('[data-finding-id]') !== null);
    expect(await page.evaluate(cancelGuardState)).toMatchObject({ inline: 'cancel-inquiry-not-request', inlineNextToButton: true });
  });

  it("gives Amazon's own cancellation date from the order data, and our estimate, said to be one, where no data is served", async () => {
    const titleOf = () => page.evaluate(() => document.querySelector('seller-sidekick')?.shadowRoot?.querySelector('[data-finding-id="auto-cancel-due"]')?.getAttribute('aria-label'));
    await forget();
    await page.goto(demoPage('order-details-en-overdue').url);
    await expectFindings(['auto-cancel-due', 'ship-by-due'], 'the overdue order');
    expect(await titleOf()).toMatch(/^Amazon will cancel this order on \d{4}-\d{2}-\d{2} — it will count as your cancellation$/);
    await page.goto(demoPage('order-details-en-overdue-no-data').url);
    await expectFindings(['auto-cancel-due', 'ship-by-due'], 'the overdue order without data');
    expect(await titleOf()).toMatch(/^Amazon will cancel this order around \d{4}-\d{2}-\d{2} \(our estimate\) — it will count as your cancellation$/);
  });
});

/** What a forger copies from the shipped code: the page reader's old message tag, the link's event names. */
const FORGERY_NAMES: ForgeryNames = { source: `${OUR_SOURCE_PREFIX}:orders-api`, ordersApi: LINK_EVENTS.ordersApi, readerHello: LINK_EVENTS.readerHello };

/** Waits until the sidebar has either counted the forgeries or taken them as order data (whichever the build does). */
async function afterForgery() {
  await page.waitForFunction(
    () => {
      const root = document.querySelector('seller-sidekick')?.shadowRoot;
      return Boolean(root?.querySelector('[data-testid="ignored-page-messages"]'));
    },
    { timeout: 10_000 },
  );
}

describe('Firefox: order data forged by a page script', () => {
  const ownOrderData = () =>
    page.waitForFunction(() => document.querySelector('seller-sidekick')?.shadowRoot?.querySelector('[data-testid="read-note"]')?.textContent?.includes("Seller Central's own order data") ?? false, {
      timeout: 10_000,
    });

  it('ignores a forged official cancel request and counts it: the guard on Cancel order stays', async () => {
    await forget();
    await page.goto(demoPage('message-thread-en').url);
    await expectFindings(['cancel-inquiry-not-request'], 'the thread');
    await page.goto(demoPage('order-details-en').url);
    const expected = ['cancel-inquiry-not-request', 'ship-by-due'];
    await expectFindings(expected, 'the order page');
    // The page reader's own data came over the link: the forgery competes with the real thing.
    await ownOrderData();
    const attempts = await page.evaluate(forgeOrderData, { orderId: '114-3941689-8772232', requested: true, names: FORGERY_NAMES });
    await afterForgery();
    await expectFindings(expected, 'the order page after the forgery');
    await page.waitForFunction(() => document.querySelector('seller-sidekick-inline')?.shadowRoot?.querySelector('[data-finding-id]') !== null);
    expect(await page.evaluate(cancelGuardState)).toMatchObject({ inline: 'cancel-inquiry-not-request', inlineNextToButton: true });
    expect((await page.evaluate(whatIRead))!.fields.fieldBuyerCancel).toBe("No — from Seller Central's own order data");
    expect(await page.evaluate(ignoredPageMessages)).toBe(attempts);
  });

  it('ignores forged data clearing an official cancel request', async () => {
    await forget();
    await page.goto(demoPage('order-details-en-cancel-requested').url);
    const expected = ['cancel-request-pending'];
    await expectFindings(expected, 'the requested order');
    await ownOrderData();
    const attempts = await page.evaluate(forgeOrderData, { orderId: '114-6230981-5520617', requested: false, names: FORGERY_NAMES });
    await afterForgery();
    await expectFindings(expected, 'the requested order after the forgery');
    expect((await page.evaluate(whatIRead))!.fields.fieldBuyerCancel).toBe("Yes — from Seller Central's own order data");
    expect((await page.evaluate(cancelGuardState)).inline).toBeNull();
    expect(await page.evaluate(ignoredPageMessages)).toBe(attempts);
  });
});

describe('Firefox: one-click replies', () => {
  it('puts the suggested reply into the kat-textarea so the page sees it', async () => {
    await forget();
    await page.goto(demoPage('message-thread-en').url);
    await expectFindings(['cancel-inquiry-not-request'], 'the thread');
    await page.waitForSelector('seller-sidekick >>> button[data-template-id="cancel-how-to-request"]');
    await clickUntil('seller-sidekick >>> button[data-template-id="cancel-how-to-request"]', 'seller-sidekick >>> [data-testid="reply-composer"]');
    const insert = await page.waitForSelector('seller-sidekick >>> [data-testid="insert-reply"]');
    await insert!.click();
    await page.waitForSelector('seller-sidekick >>> [data-testid="composer-status"]');
    const state = await page.evaluate(() => (window as unknown as { demoReplyState: { text: string; inputEvents: number } }).demoReplyState);
    expect(state.inputEvents).toBeGreaterThanOrEqual(1);
    expect(state.text).toContain('Please go to Your Orders on Amazon');
    expect(state.text).not.toMatch(/\{[A-Za-z]+\}/);
  });
});

/**
 * Clicks (querying and clicking in one step: a handle kept across a re-render may be stale) until
 * `expected` shows. A click that lands while the sidebar re-renders on a loaded machine is lost:
 * it clicks again, three times at most. It polls rather than waits for `expected` (a change inside
 * the sidebar's shadow root is not always reported to waitForSelector in Firefox), and does not
 * click again once `target` is gone (the last click took: the sidebar moved on).
 */
async function clickUntil(target: string, expected: string) {
  for (let attempt = 1; ; attempt++) {
    if (await page.$(target)) await page.click(target);
    const deadline = Date.now() + 4_000 * attempt;
    let shown = await page.$(expected);
    while (!shown && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      shown = await page.$(expected);
    }
    if (shown) return shown;
    if (attempt >= 3) {
      const text = await page.evaluate(() => document.querySelector('seller-sidekick')?.shadowRoot?.textContent?.slice(0, 400));
      throw new Error(`${expected} not shown after ${attempt} clicks; console: ${JSON.stringify(consoleLines.slice(-10))}; sidebar: ${text}`);
    }
  }
}

describe("Firefox: the suggested reply on every demo thread, in the buyer's language", () => {
  const threads = demoPages.pages.filter((p) => p.pageType === 'message-thread' && p.findings.length > 0);
  it.each(threads.map((p) => [p.id, p] as const))('%s', async (_id, demo) => {
    await forget();
    await page.goto(demo.url);
    await expectFindings(demo.findings, demo.id);
    await page.waitForSelector('seller-sidekick >>> button[data-template-id]');
    const composer = await clickUntil('seller-sidekick >>> button[data-template-id]', 'seller-sidekick >>> [data-testid="reply-composer"]');
    const buyerLanguage = await page.evaluate(() => document.documentElement.lang.slice(0, 2));
    expect(await composer!.evaluate((el) => el.getAttribute('data-language'))).toBe(buyerLanguage);
    const insert = await page.waitForSelector('seller-sidekick >>> [data-testid="insert-reply"]');
    await insert!.click();
    await page.waitForSelector('seller-sidekick >>> [data-testid="composer-status"]');
    const state = await page.evaluate(() => (window as unknown as { demoReplyState: { text: string; inputEvents: number } }).demoReplyState);
    expect(state.inputEvents).toBeGreaterThanOrEqual(1);
    expect(state.text).not.toMatch(/\{[A-Za-z]+\}/);
  });
});

describe('Firefox: check the selected text', () => {
  const CHECK = 'seller-sidekick >>> [data-testid="check-selection"]';
  const BACK = 'seller-sidekick >>> [data-testid="selection-back"]';

  /** Waits for the state of "Check the selected text" (only the sidebar's shadow root changes: polled). */
  const selectionIs = (want: { offered?: boolean; checking?: boolean }) =>
    page.waitForFunction(
      (wanted: { offered?: boolean; checking?: boolean }) => {
        const root = document.querySelector('seller-sidekick')?.shadowRoot;
        const offered = Boolean(root?.querySelector('[data-testid="check-selection"]'));
        const checking = root?.querySelector('[data-testid="selection-check"]')?.getAttribute('data-checking') === 'true';
        return (wanted.offered === undefined || wanted.offered === offered) && (wanted.checking === undefined || wanted.checking === checking);
      },
      { timeout: 10_000, polling: 100 },
      want,
    );

  /** Clicks (again, three times at most: a click during a re-render is lost) until the sidebar is in that state. */
  async function clickUntilSelection(target: string, want: { offered?: boolean; checking?: boolean }) {
    for (let attempt = 1; ; attempt++) {
      await page.click(target);
      const shown = await selectionIs(want).then(
        () => true,
        (error: unknown) => {
          if (attempt < 3) return false;
          throw error;
        },
      );
      if (shown) return;
    }
  }

  it('checks the selected text as the buyer\'s: Amazon\'s wording on a page it does not read, then "please cancel" on the order page, and back', async () => {
    await forget();

    // A page it does not read: the seller selects Amazon's request wording, subject line and all.
    await page.goto(demoPage('home-en').url);
    await sidebarState();
    expect(await page.evaluate(selectText, SELECTED_OFFICIAL_WORDING)).toContain('The buyer has requested');
    await selectionIs({ offered: true });
    await clickUntilSelection(CHECK, { checking: true });
    await expectFindings(['cancel-inquiry-not-request'], "Amazon's wording selected on the home page");
    expect(await page.evaluate(selectionCheckState)).toMatchObject({ checking: true, order: 'Order: 114-3941689-8772232' });
    expect((await page.evaluate(whatIRead))?.note).toMatch(/^Read from the text you selected\. Who wrote it is unknown/);

    // The order page: "please cancel" without an order number is about the order the page shows.
    await page.goto(demoPage('order-details-en').url);
    await expectFindings(['ship-by-due'], 'the order page');
    expect((await page.evaluate(selectionCheckState)).offered).toBe(false);
    await page.evaluate(selectText, SELECTED_PLEASE_CANCEL);
    await selectionIs({ offered: true });
    await clickUntilSelection(CHECK, { checking: true });
    await expectFindings(['cancel-inquiry-not-request', 'ship-by-due'], '"please cancel" selected on the order page');
    expect(await page.evaluate(selectionCheckState)).toMatchObject({ checking: true, order: 'Order: 114-3941689-8772232', offered: false });
    // The warning also goes by the page's Cancel order, as after a thread that said so.
    await page.waitForFunction(() => Boolean(document.querySelector('seller-sidekick-inline')?.shadowRoot?.querySelector('[data-finding-id]')), { timeout: 10_000, polling: 100 });
    expect(await page.evaluate(cancelGuardState)).toMatchObject({ inline: 'cancel-inquiry-not-request', inlineNextToButton: true });

    // Back to the page's own reading: the order page alone again, the guard gone.
    await clickUntilSelection(BACK, { checking: false });
    await expectFindings(['ship-by-due'], 'the order page again');
    expect((await page.evaluate(whatIRead))?.kind).toBe('order-details');
    await page.waitForFunction(() => !document.querySelector('seller-sidekick-inline')?.shadowRoot?.querySelector('[data-finding-id]'), { timeout: 10_000, polling: 100 });
  });
});

describe('Firefox: the seller corrects what a message is about', () => {
  it('takes "this is really…" on a demo thread and the finding changes at once', async () => {
    await forget();
    await page.goto(demoPage('message-thread-en').url);
    await expectFindings(['cancel-inquiry-not-request'], 'the thread');
    const reading = 'seller-sidekick >>> [data-testid="message-reading"][data-intent="cancel-inquiry"]';
    await page.waitForSelector(`${reading} [data-testid="correct-intent"]`);
    await page.select(`${reading} [data-testid="correct-intent"]`, 'defective');
    await clickUntil(`${reading} [data-testid="correct-submit"]`, 'seller-sidekick >>> [data-testid="correction-status"][data-state="corrected"]');
    const deadline = Date.now() + 10_000;
    let last = await page.evaluate(shownFindings);
    while (!(last.ready && !last.pending && last.ids.includes('complaint-reply-now') && !last.ids.includes('cancel-inquiry-not-request'))) {
      if (Date.now() > deadline) throw new Error(`the finding did not change; last ${JSON.stringify(last)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      last = await page.evaluate(shownFindings);
    }
    await page.waitForSelector('seller-sidekick >>> [data-testid="message-reading"][data-intent="defective"]');
    await forget();
  });
});

describe('Firefox: translation on this device', () => {
  it("says Firefox offers no on-device translation to the extension, offers no control, and the German buyer's message stays as it is", async () => {
    await forget();
    await page.goto(demoPage('message-thread-de-counterfeit').url);
    // The message is classified first (what each message is about shows after it).
    await expectFindings([...demoPage('message-thread-de-counterfeit').findings], 'the German thread');
    const note = await page.waitForSelector('seller-sidekick >>> [data-testid="translation-unavailable"]', { timeout: 15_000 });
    expect(await note!.evaluate((el) => el.textContent)).toMatch(/^This browser offers no on-device translation/);
    expect(await page.$('seller-sidekick >>> [data-testid="translate"]')).toBeNull();
    // The reading of the message is there, on the original words.
    expect(await page.$('seller-sidekick >>> [data-testid="message-reading"][data-intent="counterfeit"]')).not.toBeNull();
    // The reply box says the same, and nothing to translate with.
    expect(await page.$('seller-sidekick >>> [data-testid="write-reply"] [data-testid="translation-unavailable"]')).not.toBeNull();
  });
});

describe("Firefox: saving the page's outline", () => {
  it("downloads the skeleton of a thread: none of the page's text, and the readers still find the thread in it", async () => {
    await forget();
    await page.goto(demoPage('message-thread-en').url);
    await expectFindings(['cancel-inquiry-not-request'], 'the thread');
    const texts = await page.evaluate(pageTexts);
    expect(texts.join('\n')).toContain('Please cancel my order');
    await page.click('seller-sidekick >>> [data-testid="what-i-read"] summary');
    await page.click('seller-sidekick >>> [data-testid="save-outline"] button');
    // Firefox may show the file's name before its content (it writes a .part file, then renames):
    // wait until the file is there and complete.
    const deadline = Date.now() + 15_000;
    let saved: string[] = [];
    let file = '';
    while (Date.now() < deadline) {
      saved = readdirSync(downloads).filter((name) => /^seller-sidekick-outline-message-thread-\d{8}-\d{4}\.json$/.test(name));
      file = saved.length === 1 ? readFileSync(join(downloads, saved[0]!), 'utf8') : '';
      if (file.endsWith('}')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(saved).toHaveLength(1);
    const { leaks, snapshot } = checkOutline(file, texts);
    expect(leaks).toEqual([]);
    expect(file).not.toMatch(/Jane|sandals|114-3941689-8772232|Kumo Craft|What I read/);
    expect(snapshot).toMatchObject({ kind: 'message-thread', replyBox: { kind: 'kat-textarea' } });
    const status = await page.waitForSelector('seller-sidekick >>> [data-testid="save-outline"] p');
    expect(await status!.evaluate((el) => el.textContent)).toContain(`Saved ${saved[0]}`);
  });
});

describe('Firefox: network', () => {
  it('the extension made no request: only the demo pages and their own assets were fetched', () => {
    const seen = requests.filter((url) => !url.startsWith('moz-extension://'));
    expect(seen.length).toBeGreaterThan(demoPages.pages.length);
    expect(seen.filter((url) => !isDemoResource(url))).toEqual([]);
    // Everything Firefox sent to a Seller Central host went through the demo server: nothing unknown.
    expect(server.requests.filter((r) => r.kind === 'unknown')).toEqual([]);
  });

  it('would catch a request made from the page context (control)', async () => {
    const before = server.requests.length;
    await page.evaluate(() => fetch('/orders-api/search?limit=1').catch(() => undefined));
    expect(server.requests.slice(before).some((r) => r.kind === 'unknown' && r.path.startsWith('/orders-api/search'))).toBe(true);
  });
});

/** Opens the popup in a tab. The navigation's end is not reported for extension pages: wait for the page itself. */
async function openPopup(tab: Page) {
  void tab.goto(`moz-extension://${FIREFOX_EXTENSION_UUID}/popup.html`, { timeout: 0 }).catch(() => undefined);
  await tab.waitForFunction(() => location.protocol === 'moz-extension:' && document.readyState === 'complete', { timeout: 15_000 });
}

/** Runs in an extension page: the toolbar badge as the browser holds it. */
async function badgeOf(extensionPage: Page): Promise<{ text: string; color: number[]; title: string }> {
  return extensionPage.evaluate(async () => {
    const action = (
      globalThis as unknown as { browser: { action: { getBadgeText(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]>; getTitle(d: object): Promise<string> } } }
    ).browser.action;
    return { text: await action.getBadgeText({}), color: await action.getBadgeBackgroundColor({}), title: await action.getTitle({}) };
  });
}

async function badgeUntil(extensionPage: Page, text: string): Promise<{ text: string; color: number[]; title: string }> {
  const deadline = Date.now() + 10_000;
  let last = await badgeOf(extensionPage);
  while (last.text !== text) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for badge "${text}"; last ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await badgeOf(extensionPage);
  }
  return last;
}

describe('Firefox: urgent orders on the badge and in the popup', () => {
  // A browser of its own: reinstalling the extension (forget) gives it a new moz-extension:// host,
  // and its popup is only reachable at the host the test profile fixed.
  let own: Browser;
  let tab: Page;
  beforeAll(async () => {
    ({ browser: own } = (await launchFirefox({ extensionDir: firefoxBuild, proxyPort: server.proxyPort })) as { browser: Browser });
    tab = await own.newPage();
    await tab.setViewport({ width: 1440, height: 900 });
  });
  afterAll(async () => {
    await own?.close();
  });

  it('counts the orders of the list and the thread that need action, red when one is overdue', async () => {
    const popup = await own.newPage();
    try {
      await openPopup(popup);
      await badgeUntil(popup, '');
      await tab.goto(demoPage('order-list-en').url);
      await expectFindings(demoPage('order-list-en').findings, 'order-list-en', tab);
      const afterList = await badgeUntil(popup, '2');
      expect(afterList.color).toEqual([198, 40, 40, 255]);
      expect(afterList.title).toBe('Seller Sidekick: 2 orders need action, some overdue');
      await tab.goto(demoPage('message-thread-de-counterfeit').url);
      await expectFindings(demoPage('message-thread-de-counterfeit').findings, 'message-thread-de-counterfeit', tab);
      await badgeUntil(popup, '3');
      await popup.goto('about:blank');
      await openPopup(popup);
      await popup.waitForSelector('[data-testid="urgent-count"]');
      expect(await popup.$eval('[data-testid="urgent-count"]', (el) => el.textContent)).toBe('Orders needing action now: 3');
      const ids = await popup.$$eval('li[data-order-id]', (items) => items.map((li) => [li.getAttribute('data-order-id'), li.getAttribute('data-overdue')]));
      expect(ids[0]).toEqual(['113-0218844-6650219', 'true']);
      expect(ids.map(([id]) => id).sort()).toEqual(['112-5567012-3390641', '113-0218844-6650219', '302-5518830-2297164']);
      await popup.click('button[aria-label="Mark order 302-5518830-2297164 as done"]');
      await badgeUntil(popup, '2');
    } finally {
      await popup.close();
    }
  });
});
