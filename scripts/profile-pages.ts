/**
 * Where our time goes on the heavy pages (docs/performance.md): loads each page of the page-load
 * benchmark once with a build (PROFILE_EXTENSION_DIR, best unminified), traced with V8's sampling
 * profiler, and prints, on the page's main thread until SETTLE_MS after it was ready: our
 * functions by inclusive and self time, style/layout, and each task over 16 ms that ran our code
 * with the functions that filled it. A tool for reading, not a benchmark (one load, no baseline).
 */
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { heavyInbox, heavyOrderList, heavyThread } from './lib/heavy-pages';
// @ts-expect-error: plain ES module shared with the demo and the end-to-end tests.
import { launchChromium } from './lib/browsers.mjs';
// @ts-expect-error: plain ES module shared with the demo and the end-to-end tests.
import { startDemoServer } from './lib/demo-server.mjs';

void chromium;
const DIR = process.env.PROFILE_EXTENSION_DIR ?? '.output/chrome-mv3';
const SETTLE_MS = 3_000;
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', '__metadata', 'disabled-by-default-v8.cpu_profiler'];

interface Ev {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { data?: Record<string, unknown> } & Record<string, unknown>;
}
interface Node {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

function report(events: Ev[], label: string): string {
  const out: string[] = [];
  const ready = events.find((e) => e.name === 'bench:page-ready')!;
  const { pid, tid } = ready;
  const end = ready.ts + SETTLE_MS * 1000;
  const thread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined && e.ts <= end);
  const tasks = thread.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
  const top: Ev[] = [];
  for (const t of tasks) if (!top.length || t.ts >= top.at(-1)!.ts + top.at(-1)!.dur!) top.push(t);
  // Samples: (time, stack of frames) from the profile chunks of this thread.
  const nodes = new Map<number, Node>();
  const samples: { ts: number; node: number }[] = [];
  const starts = new Map<string, number>();
  for (const e of events) if (e.name === 'Profile' && e.pid === pid && e.tid === tid) starts.set(e.id!, (e.args!.data as { startTime: number }).startTime);
  const clock = new Map<string, number>();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || !starts.has(e.id!)) continue;
    const data = e.args!.data as { cpuProfile?: { nodes?: Node[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    let t = clock.get(e.id!) ?? starts.get(e.id!)!;
    const ids = data.cpuProfile?.samples ?? [];
    (data.timeDeltas ?? []).forEach((d, i) => {
      t += d;
      samples.push({ ts: t, node: ids[i]! });
    });
    clock.set(e.id!, t);
  }
  samples.sort((a, b) => a.ts - b.ts);
  const ours = (n: Node) => (n.callFrame.url ?? '').startsWith('chrome-extension://');
  const name = (n: Node) => `${n.callFrame.functionName || '(anon)'}:${(n.callFrame.url ?? '').split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  const stackOf = (id: number) => {
    const s: Node[] = [];
    for (let n = nodes.get(id); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) s.push(n);
    return s; // leaf first
  };
  // parent links: nodes carry `parent` in trace chunks
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  const perTask = new Map<Ev, Map<string, number>>();
  let oursTotal = 0;
  let ti = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    if (s.ts > end) break;
    const dt = ((samples[i + 1]?.ts ?? s.ts) - s.ts) / 1000;
    if (dt > 5) continue; // idle gap
    const stack = stackOf(s.node);
    const mine = stack.filter(ours);
    if (!mine.length) continue;
    oursTotal += dt;
    const leaf = stack[0]!;
    const selfKey = ours(leaf) ? name(leaf) : `${leaf.callFrame.functionName || leaf.callFrame.url || '?'} (in ${name(mine[0]!)})`;
    self.set(selfKey, (self.get(selfKey) ?? 0) + dt);
    for (const k of new Set(mine.map(name))) inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    while (ti < top.length && top[ti]!.ts + top[ti]!.dur! < s.ts) ti++;
    const task = top[ti];
    if (task && task.ts <= s.ts) {
      const m = perTask.get(task) ?? new Map<string, number>();
      for (const k of new Set(mine.slice(0, 4).map(name))) m.set(k, (m.get(k) ?? 0) + dt);
      m.set('*ours', (m.get('*ours') ?? 0) + dt);
      perTask.set(task, m);
    }
  }
  const sorted = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `    ${v.toFixed(1).padStart(7)}  ${k}`);
  const within = (task: Ev, names: string[]) => thread.filter((e) => names.includes(e.name) && e.ts >= task.ts && e.ts < task.ts + task.dur!).reduce((a, e) => a + e.dur! / 1000, 0);
  out.push(`## ${label}: our JS (sampled) ${oursTotal.toFixed(0)} ms; main-thread CPU ${(top.reduce((a, t) => a + t.dur!, 0) / 1000).toFixed(0)} ms`);
  const total = (names: string[]) => thread.filter((e) => names.includes(e.name)).reduce((a, e) => a + e.dur! / 1000, 0);
  out.push(
    `  style ${total(['UpdateLayoutTree', 'RecalculateStyles']).toFixed(0)} ms, layout ${total(['Layout']).toFixed(0)} ms, paint ${total(['Paint', 'PrePaint']).toFixed(0)} ms, parse HTML ${total(['ParseHTML']).toFixed(0)} ms, GC ${total(['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase']).toFixed(0)}`,
  );
  out.push('  inclusive:', ...sorted(inclusive, 45), '  self:', ...sorted(self, 30));
  for (const [task, m] of [...perTask].sort((a, b) => a[0].ts - b[0].ts)) {
    if (task.dur! / 1000 < 16) continue;
    out.push(
      `  task @${((task.ts - ready.ts) / 1000).toFixed(0)} ms: ${(task.dur! / 1000).toFixed(1)} ms (ours ${m.get('*ours')!.toFixed(1)}; style ${within(task, ['UpdateLayoutTree']).toFixed(1)}, layout ${within(task, ['Layout']).toFixed(1)})`,
    );
    m.delete('*ours');
    out.push(...sorted(m, 12));
  }
  return out.join('\n');
}

const server = await startDemoServer();
const browser = await launchChromium({ extensionDir: DIR, proxyPort: server.proxyPort });
const only = process.env.PROFILE_PAGES?.split(',');
try {
  for (const heavy of [heavyOrderList(500), heavyInbox(50), heavyThread(100)]) {
    if (only && !only.some((o) => heavy.id.includes(o))) continue;
    for (let run = 0; run < 2; run++) {
      const page = await browser.context.newPage();
      await page.route(heavy.url, (route: { fulfill(o: unknown): Promise<void> }) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: heavy.html }));
      const cdp = await browser.context.newCDPSession(page);
      const events: Ev[] = [];
      cdp.on('Tracing.dataCollected', ({ value }: { value: Ev[] }) => void events.push(...value));
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
      await page.goto(heavy.url, { waitUntil: 'load' });
      await page.waitForFunction(() => performance.getEntriesByName('bench:page-ready').length > 0, undefined, { timeout: 30_000 });
      await page.waitForTimeout(SETTLE_MS + 200);
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await done;
      await page.close();
      if (run === 0) continue; // the first load warms the browser
      if (process.env.PROFILE_KEEP) writeFileSync(`${process.env.PROFILE_KEEP}/${heavy.id}.json`, JSON.stringify(events));
      console.log(report(events, heavy.id));
    }
  }
} finally {
  await browser.context.close();
  await server.close();
}
