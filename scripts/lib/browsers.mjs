// Launching real browsers with the built extension, pointed at the demo server's proxy.
// Chromium through playwright-core, Firefox (firefox-esr) through puppeteer-core over WebDriver BiDi.
// Both use the system browsers installed by scripts/ensure-browsers.mjs (no browser downloads).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
export const FIREFOX_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export function findExecutable(candidates) {
  return candidates.find((path) => existsSync(path));
}

/** Flags that keep Chromium from reaching out on its own (see the machine notes on closed networks). */
const QUIET_CHROMIUM = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication,CertificateTransparencyComponentUpdater',
  '--metrics-recording-only',
  '--no-pings',
];

/** Without `extensionDir`, the same browser with no extension (the page-load benchmark's baseline). */
export async function launchChromium({ extensionDir, proxyPort, headless = true, locale = 'en-US' }) {
  const { chromium } = await import('playwright-core');
  const executablePath = findExecutable(CHROMIUM_PATHS);
  if (!executablePath) throw new Error('Chromium is not installed; run `node scripts/ensure-browsers.mjs chromium`.');
  const userDataDir = mkdtempSync(join(tmpdir(), 'sidekick-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    locale,
    viewport: { width: 1440, height: 900 },
    ignoreHTTPSErrors: true,
    ignoreDefaultArgs: extensionDir ? ['--disable-extensions'] : [],
    args: [
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      `--proxy-server=http://127.0.0.1:${proxyPort}`,
      '--proxy-bypass-list=<-loopback>',
      // The demo's certificate is self-signed; this also covers the service worker's own fetches.
      '--ignore-certificate-errors',
      `--lang=${locale}`,
      '--no-sandbox',
      '--disable-gpu',
      ...QUIET_CHROMIUM,
    ],
  });
  if (!extensionDir) return { context, worker: undefined, extensionId: undefined, userDataDir };
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, userDataDir };
}

/** The extension's moz-extension:// host in the test profile, fixed so tests can open its pages. */
export const FIREFOX_EXTENSION_UUID = '6d3f2a1e-5b7c-4e9a-8f10-2c4d6e8a0b13';
const FIREFOX_EXTENSION_ID = 'seller-sidekick@seller-sidekick.app';

/** Prefs that keep Firefox from reaching out on its own, and route page traffic through the proxy. */
function firefoxPrefs(proxyPort, locale) {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: FIREFOX_EXTENSION_UUID }),
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'app.update.enabled': false,
    'app.normandy.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.search.update': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.blocklist.enabled': false,
    'services.settings.server': 'https://127.0.0.1:1/',
    'messaging-system.rsexperimentloader.enabled': false,
    'browser.newtabpage.enabled': false,
    'intl.locale.requested': locale,
    'intl.accept_languages': locale,
  };
}

/** `prefs`: more Firefox preferences (a test's download folder, say), over the quiet ones. */
export async function launchFirefox({ extensionDir, proxyPort, locale = 'en-US', prefs = {} }) {
  const puppeteer = (await import('puppeteer-core')).default;
  const executablePath = findExecutable(FIREFOX_PATHS);
  if (!executablePath) throw new Error('Firefox is not installed; run `node scripts/ensure-browsers.mjs firefox`.');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    acceptInsecureCerts: true,
    // Firefox 153+ lets WebDriver open moz-extension:// pages (the popup, for the badge tests) only with this.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...firefoxPrefs(proxyPort, locale), ...prefs },
  });
  const extensionId = await browser.installExtension(extensionDir);
  return { browser, extensionId };
}
