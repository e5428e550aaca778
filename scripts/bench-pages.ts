/**
 * The page-load benchmark of `npm run bench` (issue 15): heavy generated Seller Central pages
 * (scripts/lib/heavy-pages.ts) loaded in headless Chromium with the production build
 * (.output/chrome-mv3) and without it, in two browsers of the same run, in turns, each load traced.
 *
 * From each load's trace, on the page's renderer main thread, from the first task to
 * SETTLE_MS after the page marked itself ready (clock ticks and our re-reads included):
 *  - main-thread CPU: the thread time of every top-level task;
 *  - the page's own script time: its scripts' JavaScript (the same work in both variants), by
 *    which each load's CPU is divided, since this shared machine drifts between loads;
 *  - the extension's JavaScript: script events whose code is chrome-extension://, and with the
 *    extension, the promise reactions (they name no script; the generated pages have none);
 *  - tasks over 50 ms, and the longest task that ran any of our code (with our share of it);
 *  - time to the sidebar: from `bench:page-ready` to the sidebar's host with content, and to the
 *    sidebar having read the page (the page's own marks, heavy-pages.ts).
 * Ratio: median(CPU / page script) with ÷ without, with a bootstrap 95 % interval.
 * Then memory: the renderer's JS heap after GC, with minus without, over 20 in-page navigations.
 * Figures only: nothing here asserts a time (tests never do).
 */
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { heavyInbox, heavyOrderList, heavyThread, type HeavyPage } from './lib/heavy-pages';
// @ts-expect-error: plain ES module shared with the demo and the end-to-end tests.
import { CHROMIUM_PATHS, findExecutable, launchChromium } from './lib/browsers.mjs';
// @ts-expect-error: plain ES module shared with the demo and the end-to-end tests.
import { startDemoServer } from './lib/demo-server.mjs';

const LOADS = Number(process.env.BENCH_LOADS ?? 7);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 3_000);
const NAVIGATIONS = 20;
/** BENCH_EXTENSION_DIR: another build to measure (an older commit's, to compare). */
const EXTENSION_DIR = process.env.BENCH_EXTENSION_DIR ?? '.output/chrome-mv3';
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', '__metadata'];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string } & Record<string, unknown> } & Record<string, unknown>;
}

export interface LoadFigures {
  /** Main-thread CPU (ms) in the window. */
  cpu: number;
  /** The page's own JavaScript (ms). */
  pageScript: number;
  /** Our JavaScript (ms). */
  ours: number;
  longTasks: number;
  /** Longest task that ran any of our code (ms), and how much of it was ours. */
  longestOurs: number;
  longestOursShare: number;
  /** Longest task that ran our code, the tasks that evaluated our scripts left out (ms). */
  longestOursLater: number;
  /** Tasks that were mostly ours and over 50 ms. */
  oursOver50: number;
  toSidebar?: number | undefined;
  toFindings?: number | undefined;
}

const JS_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.run', 'v8.callFunction', 'v8.evaluateModule', 'V8.Execute']);
const TOP_TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

function urlOf(event: TraceEvent): string | undefined {
  const data = event.args?.data as { url?: string; fileName?: string; stackTrace?: { url: string }[] } | undefined;
  return data?.url || data?.fileName || (event.args?.['fileName'] as string | undefined) || undefined;
}

/** Figures of one load from its trace events. */
export function analyse(events: readonly TraceEvent[], withExtension: boolean): LoadFigures {
  const ready = events.find((e) => e.name === 'bench:page-ready' && e.cat.includes('user_timing'));
  if (!ready) throw new Error('the page never marked itself ready (bench:page-ready)');
  const { pid, tid } = ready;
  const thread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const end = ready.ts + SETTLE_MS * 1000;
  const tasks = thread.filter((e) => TOP_TASKS.has(e.name) && e.ts <= end);
  // Top-level tasks only (RunTask may nest in RunTask on some builds).
  const top: TraceEvent[] = [];
  for (const task of tasks) {
    const last = top.at(-1);
    if (last && task.ts < last.ts + last.dur!) continue;
    top.push(task);
  }
  const cpu = top.reduce((sum, t) => sum + (t.tdur ?? t.dur!), 0) / 1000;
  // JavaScript by origin: outermost script events, attributed by URL.
  let pageScript = 0;
  let ours = 0;
  const oursIn = new Map<TraceEvent, number>();
  /** Tasks that evaluated one of our scripts (one long task each, however the script is written). */
  const evaluating = new Set<TraceEvent>();
  let t = 0;
  let coveredUntil = -Infinity;
  for (const e of thread) {
    if (!(JS_EVENTS.has(e.name) || e.name === 'RunMicrotasks') || e.ts > end) continue;
    // Promise reactions carry no script URL: with the extension they are counted as ours (the
    // generated pages use none), which is what keeps "ours" honest about async work.
    const url = e.name === 'RunMicrotasks' ? 'microtasks' : urlOf(e);
    if (!url) continue;
    if (e.ts < coveredUntil) continue;
    coveredUntil = e.ts + e.dur!;
    const ms = (e.tdur ?? e.dur!) / 1000;
    while (t < top.length && top[t]!.ts + top[t]!.dur! < e.ts) t++;
    if (url.startsWith('chrome-extension://') || (withExtension && e.name === 'RunMicrotasks')) {
      ours += ms;
      const task = top[t];
      if (task && task.ts <= e.ts) oursIn.set(task, (oursIn.get(task) ?? 0) + e.dur! / 1000);
      if (task && task.ts <= e.ts && e.name === 'EvaluateScript') evaluating.add(task);
    } else if (url.startsWith('https://sellercentral')) pageScript += ms;
  }
  let longestOurs = 0;
  let longestOursShare = 0;
  let oursOver50 = 0;
  let longestOursLater = 0;
  for (const [task, mine] of oursIn) {
    const ms = task.dur! / 1000;
    if (!evaluating.has(task)) longestOursLater = Math.max(longestOursLater, ms);
    if (ms > longestOurs) {
      longestOurs = ms;
      longestOursShare = mine / ms;
    }
    if (ms > 50 && mine / ms > 0.5) oursOver50++;
  }
  const mark = (name: string) => {
    const found = events.find((e) => e.name === name && e.cat.includes('user_timing') && e.pid === pid);
    return found ? (found.ts - ready.ts) / 1000 : undefined;
  };
  return {
    cpu,
    pageScript,
    ours,
    longTasks: top.filter((task) => task.dur! > 50_000).length,
    longestOurs,
    longestOursShare,
    longestOursLater,
    oursOver50,
    toSidebar: withExtension ? mark('bench:sidebar') : undefined,
    toFindings: withExtension ? mark('bench:findings') : undefined,
  };
}

async function traced(context: BrowserContext, heavy: HeavyPage, withExtension: boolean): Promise<LoadFigures> {
  const page = await context.newPage();
  try {
    await page.route(heavy.url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: heavy.html }));
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => void events.push(...(value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
    await page.goto(heavy.url, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('bench:page-ready').length > 0, undefined, { timeout: 30_000 });
    // The window, then until the sidebar has read the page (a slow read shows as a late mark).
    await page.waitForTimeout(SETTLE_MS + 200);
    if (withExtension) await page.waitForFunction(() => performance.getEntriesByName('bench:findings').length > 0, undefined, { timeout: 30_000 }).catch(() => undefined);
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
    return analyse(events, withExtension);
  } finally {
    await page.close();
  }
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A seeded generator, so the interval of the same loads is the same. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** Bootstrap 95 % interval of median(a) / median(b). */
export function bootstrapRatio(a: readonly number[], b: readonly number[], rounds = 2_000): [number, number] {
  const next = random(15);
  const pick = (values: readonly number[]) => Array.from(values, () => values[Math.floor(next() * values.length)]!);
  const ratios = Array.from({ length: rounds }, () => median(pick(a)) / median(pick(b))).sort((x, y) => x - y);
  return [ratios[Math.floor(rounds * 0.025)]!, ratios[Math.floor(rounds * 0.975)]!];
}

async function heapAfterNavigations(context: BrowserContext, heavy: HeavyPage): Promise<number[]> {
  const page: Page = await context.newPage();
  try {
    await page.route(/https:\/\/sellercentral\.amazon\.com\/orders-v3\/mfn\/unshipped.*/, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: heavy.html }));
    await page.goto(heavy.url, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('bench:page-ready').length > 0);
    const cdp: CDPSession = await context.newCDPSession(page);
    const heap = async () => {
      await page.waitForTimeout(1_500);
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      return usedSize / 1024 / 1024;
    };
    const sizes = [await heap()];
    for (let n = 1; n <= NAVIGATIONS; n++) {
      await page.evaluate((p) => (window as unknown as { benchGoTo(p: number): void }).benchGoTo(p), (n % 5) + 2);
      if (n % 5 === 0) sizes.push(await heap());
      else await page.waitForTimeout(700);
    }
    return sizes;
  } finally {
    await page.close();
  }
}

/**
 * The background's first classification after a wake, in Chromium: the classifier bundled as the
 * background bundles it, evaluated in a fresh page (a fresh context each time, as a service worker
 * starts), then one buyer message classified: cold (the tables compiled on that request, as before)
 * and warmed (after warmClassifier(), which the background now runs as it starts, woken by the
 * page's 'warm' request before the page has read anything). A stand-in for the worker, said so.
 */
async function classifierWake(): Promise<{ evaluate: number; cold: number; warmUp: number; warmed: number }> {
  const bundle = await build({
    stdin: {
      contents: "import { classify, warmClassifier } from './lib/classify/classify'; Object.assign(globalThis, { sidekickClassify: classify, sidekickWarm: warmClassifier });",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: 'chrome120',
  });
  const code = `globalThis.benchT0 = performance.now();\n${bundle.outputFiles[0]!.text}\nglobalThis.benchT1 = performance.now();`;
  const browser = await chromium.launch({ executablePath: findExecutable(CHROMIUM_PATHS) as string, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const samples: { evaluate: number; cold: number; warmUp: number; warmed: number }[] = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const run = async (warm: boolean) => {
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          await page.addScriptTag({ content: code });
          return (await page.evaluate(`(() => {
            const t0 = performance.now();
            if (${warm}) globalThis.sidekickWarm();
            const t1 = performance.now();
            globalThis.sidekickClassify({ body: 'Hello, I ordered the wrong size by mistake. Could you change it or cancel the order before it ships? Thank you', sender: 'buyer', marketplace: 'US' });
            return [globalThis.benchT1 - globalThis.benchT0, t1 - t0, performance.now() - t1];
          })()`)) as [number, number, number];
        } finally {
          await context.close();
        }
      };
      const [evaluate, , cold] = await run(false);
      const [, warmUp, warmed] = await run(true);
      samples.push({ evaluate, cold, warmUp, warmed });
    }
  } finally {
    await browser.close();
  }
  return {
    evaluate: median(samples.map((s) => s.evaluate)),
    cold: median(samples.map((s) => s.cold)),
    warmUp: median(samples.map((s) => s.warmUp)),
    warmed: median(samples.map((s) => s.warmed)),
  };
}

const fmt = (n: number | undefined, digits = 0) => (n === undefined ? '—' : n.toFixed(digits));

export async function benchPages(): Promise<void> {
  try {
    readFileSync(`${EXTENSION_DIR}/manifest.json`);
  } catch {
    throw new Error(`The page-load benchmark needs the production build in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const server = await startDemoServer();
  const withExt = await launchChromium({ extensionDir: EXTENSION_DIR, proxyPort: server.proxyPort });
  const without = await launchChromium({ proxyPort: server.proxyPort });
  const pages = [heavyOrderList(500), heavyInbox(50), heavyThread(100)];
  try {
    console.log(`\nPage load (Chromium, ${LOADS} loads with and ${LOADS} without the extension, in turns; window: until ${SETTLE_MS} ms after the page is ready)`);
    console.log(
      `${'page'.padEnd(16)} ${'CPU with'.padStart(9)} ${'without'.padStart(8)} ${'+ms'.padStart(6)} ${'ratio*'.padStart(7)} ${'95 % interval'.padStart(14)} ${'ours JS'.padStart(8)} ${'long tasks'.padStart(11)} ${'longest ours'.padStart(18)} ${'after eval'.padStart(10)} ${'sidebar'.padStart(8)} ${'read'.padStart(6)}`,
    );
    for (const heavy of pages) {
      const a: LoadFigures[] = [];
      const b: LoadFigures[] = [];
      // A first load of each, not counted (caches, code of the browser itself).
      await traced(withExt.context, heavy, true);
      await traced(without.context, heavy, false);
      for (let i = 0; i < LOADS; i++) {
        if (i % 2 === 0) {
          a.push(await traced(withExt.context, heavy, true));
          b.push(await traced(without.context, heavy, false));
        } else {
          b.push(await traced(without.context, heavy, false));
          a.push(await traced(withExt.context, heavy, true));
        }
      }
      const normalised = (f: LoadFigures) => f.cpu / Math.max(f.pageScript, 0.1);
      const ratio = median(a.map(normalised)) / median(b.map(normalised));
      const [low, high] = bootstrapRatio(a.map(normalised), b.map(normalised));
      const cpuWith = median(a.map((f) => f.cpu));
      const cpuWithout = median(b.map((f) => f.cpu));
      const longest = a.reduce((m, f) => (f.longestOurs > m.longestOurs ? f : m), a[0]!);
      const sidebar = a.map((f) => f.toSidebar).filter((v): v is number => v !== undefined);
      const read = a.map((f) => f.toFindings).filter((v): v is number => v !== undefined);
      console.log(
        `${heavy.id.padEnd(16)} ${fmt(cpuWith).padStart(9)} ${fmt(cpuWithout).padStart(8)} ${fmt(cpuWith - cpuWithout).padStart(6)} ${ratio.toFixed(3).padStart(7)} ${`${low.toFixed(2)}–${high.toFixed(2)}`.padStart(14)} ${fmt(median(a.map((f) => f.ours)), 1).padStart(8)} ${`${median(a.map((f) => f.longTasks))} vs ${median(b.map((f) => f.longTasks))}`.padStart(11)} ${`${fmt(longest.longestOurs, 0)} (${Math.round(longest.longestOursShare * 100)} %) / ${fmt(median(a.map((f) => f.longestOurs)), 0)}`.padStart(18)} ${`${fmt(Math.max(...a.map((f) => f.longestOursLater)))} / ${fmt(median(a.map((f) => f.longestOursLater)))}`.padStart(10)} ${fmt(sidebar.length ? median(sidebar) : undefined).padStart(8)} ${fmt(read.length ? median(read) : undefined).padStart(6)}`,
      );
      if (process.env.BENCH_VERBOSE)
        for (const [name, list] of [
          ['with', a],
          ['without', b],
        ] as const)
          console.log(`  ${name}: ${list.map((f) => `${f.cpu.toFixed(0)}/${f.pageScript.toFixed(0)}/${f.ours.toFixed(0)}`).join(' ')}`);
      if (sidebar.length < a.length) console.log(`  (the sidebar did not show in ${a.length - sidebar.length} of ${a.length} loads)`);
    }
    console.log("  * ratio: median of (main-thread CPU ÷ the page's own script time) with the extension ÷ without; +ms: median CPU with − without.");
    console.log("    long tasks: tasks over 50 ms with vs without (medians); longest ours: the longest task that ran our code in any load (our share of it) / the median load's;");
    console.log('    after eval: the same, the tasks that evaluated our scripts left out (any load / median load);');
    console.log('    sidebar / read: ms from the page being ready to the sidebar shown / to the sidebar having read the page (medians).');
    const list = heavyOrderList(500);
    const [heapWith, heapWithout] = [await heapAfterNavigations(withExt.context, list), await heapAfterNavigations(without.context, list)];
    const ours = heapWith.map((mb, i) => mb - heapWithout[i]!);
    console.log(
      `\nRenderer JS heap on ${list.id} after GC, with − without, after 0/5/10/15/20 in-page navigations: ${ours.map((mb) => mb.toFixed(2)).join(' / ')} MB (with: ${heapWith.map((mb) => mb.toFixed(1)).join(' / ')} MB)`,
    );
    const wake = await classifierWake();
    console.log(
      `Background, first classification after a wake (Chromium, fresh page each, medians of ${LOADS}): ${wake.cold.toFixed(1)} ms cold (tables compiled on the request); ${wake.warmed.toFixed(1)} ms after the start's warm-up (which took ${wake.warmUp.toFixed(1)} ms, off the page); evaluating the classifier's code ${wake.evaluate.toFixed(1)} ms`,
    );
  } finally {
    await withExt.context.close();
    await without.context.close();
    await server.close();
  }
}
