// `npm run demo`: builds the extension, serves the demo pages at their real Seller Central URLs and
// opens them in Chromium with the extension loaded. With a display it opens a window and waits
// until you close it; without one it runs headless and saves a screenshot of each demo page.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launchChromium } from './lib/browsers.mjs';
import { ROOT, startDemoServer } from './lib/demo-server.mjs';
import { ensureBrowsers } from './ensure-browsers.mjs';

const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';
const extensionDir = join(ROOT, '.output', 'chrome-mv3');
const shotsDir = join(ROOT, 'demo-output', 'screenshots');

try {
  ensureBrowsers(['chromium']);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
try {
  ensureBrowsers(['fonts']);
} catch (error) {
  console.warn(`Japanese text may show as boxes in the screenshots: ${error.message}`);
}

console.log('Building the extension for Chrome…');
execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const server = await startDemoServer({ log: (line) => console.warn(line) });
// The sidebar's language follows the browser's, so each language's pages open in a browser of that language.
const LOCALES = { en: 'en-US', ja: 'ja' };
const sessions = [];
for (const [lang, locale] of Object.entries(LOCALES)) {
  const pages = server.pages.filter((demo) => demo.lang === lang);
  const session = await launchChromium({ extensionDir, proxyPort: server.proxyPort, headless, locale });
  sessions.push(session);
  if (headless) {
    mkdirSync(shotsDir, { recursive: true });
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    const shoot = async (name, note) => {
      const file = join(shotsDir, `${name}.png`);
      await page.screenshot({ path: file });
      console.log(`${name.padEnd(34)} ${note}\n${''.padEnd(34)} → ${relative(process.cwd(), file)}`);
    };
    // Waits until the sidebar has read the page and classified its messages.
    const settled = async () => {
      await page.locator('seller-sidekick [data-testid="sidekick-sidebar"]').waitFor({ timeout: 15_000 });
      await page.waitForFunction(
        () => {
          const root = globalThis.document.querySelector('seller-sidekick')?.shadowRoot?.querySelector('[data-testid="sidekick-sidebar"]');
          return root && root.getAttribute('data-pending') === 'false' && (root.querySelector('[data-testid="what-i-read"]') || root.getAttribute('data-page-type') === 'other');
        },
        undefined,
        { timeout: 15_000 },
      );
      await page.waitForTimeout(400); // let the order app's own data arrive and be merged
    };
    for (const demo of pages) {
      await page.goto(demo.url);
      await settled();
      await shoot(demo.id, demo.url);
    }
    // The Cancel order guard: a "please cancel" message first, then the order page, then a click.
    await page.goto(server.pages.find((p) => p.id === 'message-thread-en').url);
    await settled();
    await page.goto(server.pages.find((p) => p.id === 'order-details-en').url);
    await settled();
    await page.locator('seller-sidekick-inline [data-testid="inline-cancel-warning"]').waitFor({ timeout: 15_000 });
    await shoot(`cancel-guard-${lang}`, 'warning next to Cancel order after a "please cancel" message');
    await page.click('#demo-cancel-order');
    await page.locator('seller-sidekick [data-testid="confirm-cancel"]').waitFor({ timeout: 15_000 });
    await shoot(`cancel-confirm-${lang}`, "our confirm step before Amazon's cancel flow");
    await page.locator('seller-sidekick [data-testid="confirm-cancel-back"]').click();
    // A suggested reply, filled and ready to insert.
    await page.goto(server.pages.find((p) => p.id === 'message-thread-en').url);
    await settled();
    await page.locator('seller-sidekick button[data-template-id="cancel-how-to-request"]').click();
    await page.locator('seller-sidekick [data-testid="insert-reply"]').click();
    await page.locator('seller-sidekick [data-testid="composer-status"]').waitFor({ timeout: 15_000 });
    await shoot(`reply-inserted-${lang}`, 'the suggested reply inserted into the reply box');
    // Dark mode.
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = pages.find((p) => p.id === (lang === 'ja' ? 'order-details-ja-address' : 'message-thread-de-counterfeit'));
    await page.goto(dark.url);
    await settled();
    await shoot(`dark-${dark.id}`, 'dark mode');
    await page.emulateMedia({ colorScheme: 'light' });
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 360, height: 640 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const popupFile = join(shotsDir, `popup-${lang}.png`);
    await popup.screenshot({ path: popupFile });
    console.log(`${`popup-${lang}`.padEnd(20)} → ${relative(process.cwd(), popupFile)}`);
    const options = await session.context.newPage();
    await options.setViewportSize({ width: 1000, height: 1400 });
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByTestId('sidekick-options').waitFor();
    const optionsFile = join(shotsDir, `options-${lang}.png`);
    await options.screenshot({ path: optionsFile });
    console.log(`${`options-${lang}`.padEnd(20)} → ${relative(process.cwd(), optionsFile)}`);
    await session.context.close();
  } else {
    for (const [index, demo] of pages.entries()) {
      const page = index === 0 ? (session.context.pages()[0] ?? (await session.context.newPage())) : await session.context.newPage();
      await page.goto(demo.url);
    }
  }
}

if (headless) {
  await server.close();
  console.log(`\nScreenshots saved in ${relative(process.cwd(), shotsDir)}/`);
} else {
  console.log('Chromium is open (an English and a Japanese window) with Seller Sidekick loaded on the demo pages. Close the windows or press Ctrl+C to stop.');
  let open = sessions.length;
  const stop = async () => {
    await Promise.all(sessions.map((s) => s.context.close().catch(() => {})));
    await server.close();
    process.exit(0);
  };
  for (const session of sessions) session.context.on('close', () => void (--open === 0 && stop()));
  process.on('SIGINT', () => void stop());
}
