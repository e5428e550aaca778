// `npm run read-page -- FILE --url URL`: prints what Seller Sidekick reads from a saved page.
//   FILE  a page saved from the browser (.html), a saved orders-api response (.json),
//         or an Amazon notice saved as text (.txt, with an optional "Subject:" line).
//   URL   the address the page was saved from (Seller Central's, e.g. https://sellercentral.amazon.co.jp/orders-v3/order/503-…).
// Output: the snapshot as JSON on stdout. Exit code 0 when the page was read, 2 when it was not
// recognised (the reason is in the JSON), 1 for bad arguments.
import { readFileSync } from 'node:fs';
// @ts-expect-error: plain ES module shared with the demo server.
import { fillDemoDates } from './lib/demo-dates.mjs';
import { parseHTML } from 'linkedom';
import { sellerCentralHost } from '../lib/hosts';
import { readOrdersApiJson } from '../lib/pages/orders-api';
import { readNoticeText } from '../lib/pages/read-notice';
import { readPage } from '../lib/pages/read-page';
import type { PageSnapshot } from '../lib/pages/snapshot';

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run read-page -- FILE --url https://sellercentral.amazon.com/orders-v3/order/114-1234567-1234567`);
  process.exit(1);
}

const args = process.argv.slice(2);
const urlIndex = args.indexOf('--url');
const href = urlIndex >= 0 ? args[urlIndex + 1] : undefined;
const file = args.find((arg, i) => !arg.startsWith('--') && (urlIndex < 0 || i !== urlIndex + 1));
if (!file) usage('No file given.');

let content: string;
try {
  // The demo's pages carry dates relative to now (scripts/lib/demo-dates.mjs): fill them as the demo server does.
  content = fillDemoDates(readFileSync(file, 'utf8'));
} catch (error) {
  usage(`Cannot read ${file}: ${(error as Error).message}`);
}

let url: URL | undefined;
if (href) {
  try {
    url = new URL(href);
  } catch {
    usage(`Not a URL: ${href}`);
  }
}

let snapshot: PageSnapshot;
if (/\.json$/i.test(file)) {
  snapshot = readOrdersApiJson(content, url);
} else if (/\.txt$/i.test(file)) {
  snapshot = readNoticeText(content, url ? sellerCentralHost(url)?.marketplace : undefined);
} else {
  if (!url) usage('An HTML page needs --url: the address it was saved from.');
  const { document } = parseHTML(content);
  snapshot = readPage(document, url);
}

console.log(JSON.stringify(snapshot, null, 2));
process.exit(snapshot.kind === 'unrecognized' ? 2 : 0);
