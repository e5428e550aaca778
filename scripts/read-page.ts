// `npm run read-page -- FILE --url URL`: prints what Seller Sidekick reads from a saved page.
//   FILE  a page saved from the browser (.html), a saved orders-api response (.json), an Amazon
//         notice saved as text (.txt, with an optional "Subject:" line), or a page skeleton saved
//         with "Report a misread page" in the sidebar (.json; lib/pages/skeleton.ts).
//   URL   the address the page was saved from (Seller Central's, e.g. https://sellercentral.amazon.co.jp/orders-v3/order/503-…);
//         a skeleton carries its own (shaped) address, so --url is optional for it.
//   --html  for a skeleton: print the page rebuilt from it, as HTML, instead of what is read.
// Output: the snapshot as JSON on stdout. Exit code 0 when the page was read, 2 when it was not
// recognised (the reason is in the JSON), 1 for bad arguments or a file that cannot be read.
import { readFileSync } from 'node:fs';
// @ts-expect-error: plain ES module shared with the demo server.
import { fillDemoDates } from './lib/demo-dates.mjs';
import { parseHTML } from 'linkedom';
import { sellerCentralHost } from '../lib/hosts';
import { readOrdersApiJson } from '../lib/pages/orders-api';
import { readNoticeText } from '../lib/pages/read-notice';
import { readPage } from '../lib/pages/read-page';
import { SKELETON_FORMAT, parseSkeleton, rebuildFromSkeleton } from '../lib/pages/skeleton';
import type { PageSnapshot } from '../lib/pages/snapshot';

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run read-page -- FILE --url https://sellercentral.amazon.com/orders-v3/order/114-1234567-1234567`);
  process.exit(1);
}

const args = process.argv.slice(2);
const urlIndex = args.indexOf('--url');
const href = urlIndex >= 0 ? args[urlIndex + 1] : undefined;
const file = args.find((arg, i) => !arg.startsWith('--') && (urlIndex < 0 || i !== urlIndex + 1));
const asHtml = args.includes('--html');
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

/** A page skeleton ("Report a misread page"), or undefined when the file is something else. */
function skeletonIn(text: string): unknown {
  if (!/^\s*\{/.test(text)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined; // not JSON at all: left to the orders-api reader, which says so
  }
  return typeof json === 'object' && json !== null && (json as { format?: unknown }).format === SKELETON_FORMAT ? json : undefined;
}

const emptyDocument = () => parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document;

let snapshot: PageSnapshot;
const skeletonJson = /\.json$/i.test(file) ? skeletonIn(content) : undefined;
if (skeletonJson !== undefined) {
  const parsed = parseSkeleton(skeletonJson);
  if (!parsed.ok) usage(`${file} is a page skeleton Seller Sidekick cannot read: ${parsed.error}`);
  const { document, problems } = rebuildFromSkeleton(parsed.skeleton, emptyDocument);
  for (const problem of problems.slice(0, 20)) console.error(`Skeleton: ${problem}`);
  if (parsed.skeleton.cut) console.error(`Skeleton: the page was cut (${parsed.skeleton.cut.nodes} nodes left out, ${parsed.skeleton.cut.texts} long texts shortened).`);
  if (asHtml) {
    console.log(String(document));
    process.exit(0);
  }
  if (!url) {
    try {
      url = new URL(parsed.skeleton.url);
    } catch {
      usage(`The skeleton's address "${parsed.skeleton.url.slice(0, 200)}" is not a URL: give the page's address with --url.`);
    }
  }
  snapshot = readPage(document, url);
} else if (/\.json$/i.test(file)) {
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
