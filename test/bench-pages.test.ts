// The page-load benchmark's arithmetic (scripts/bench-pages.ts): what a trace says, never a time asserted.
import { describe, expect, it } from 'vitest';
import { analyse, bootstrapRatio } from '../scripts/bench-pages';
import { heavyInbox, heavyOrderList, heavyThread } from '../scripts/lib/heavy-pages';

const PID = 1;
const TID = 7;
const X = (name: string, ts: number, dur: number, extra: Record<string, unknown> = {}) => ({
  name,
  cat: 'devtools.timeline',
  ph: 'X',
  ts: ts * 1000,
  dur: dur * 1000,
  tdur: dur * 1000,
  pid: PID,
  tid: TID,
  ...extra,
});
const mark = (name: string, ts: number) => ({ name, cat: 'blink.user_timing', ph: 'R', ts: ts * 1000, pid: PID, tid: TID });
const ours = { args: { data: { url: 'chrome-extension://abc/content-scripts/seller-central.js' } } };
const page = { args: { data: { url: 'https://sellercentral.amazon.com/orders-v3/mfn/unshipped?page=1' } } };

describe('reading a load from its trace', () => {
  const events = [
    X('RunTask', 0, 30),
    X('FunctionCall', 1, 20, page),
    X('RunTask', 40, 60),
    X('FunctionCall', 41, 55, ours),
    // Nested in the one above: counted once.
    X('FunctionCall', 42, 10, ours),
    X('RunTask', 110, 10),
    X('RunMicrotasks', 111, 4),
    mark('bench:page-ready', 35),
    mark('bench:sidebar', 45),
    mark('bench:findings', 115),
    // Another thread: not the page's.
    { ...X('RunTask', 0, 500), tid: 99 },
  ];

  it("sums the page thread, tells our JavaScript from the page's, and finds our long task", () => {
    const figures = analyse(events, true);
    expect(figures.cpu).toBe(100);
    expect(figures.pageScript).toBe(20);
    expect(figures.ours).toBe(59);
    expect(figures.longTasks).toBe(1);
    expect(figures.longestOurs).toBe(60);
    expect(figures.oursOver50).toBe(1);
    expect(figures.toSidebar).toBe(10);
    expect(figures.toFindings).toBe(80);
  });

  it('tells the tasks that evaluated our scripts from the later ones', () => {
    const figures = analyse([...events, X('RunTask', 130, 70), X('EvaluateScript', 131, 65, ours)], true);
    expect(figures.longestOurs).toBe(70);
    expect(figures.longestOursLater).toBe(60);
  });

  it('counts no promise reactions as ours without the extension', () => {
    const figures = analyse(events, false);
    expect(figures.ours).toBe(55);
    expect(figures.toSidebar).toBeUndefined();
  });

  it('says so when the page never marked itself ready', () => {
    expect(() => analyse([X('RunTask', 0, 10)], true)).toThrow('never marked itself ready');
    expect(() => analyse([], false)).toThrow('never marked itself ready');
  });
});

describe('the bootstrap interval', () => {
  it('holds the ratio of the medians, and is the same for the same loads', () => {
    const a = [1.1, 1.2, 1.15, 1.3, 1.05, 1.12, 1.18];
    const b = [1, 1.02, 0.98, 1.01, 0.99, 1.03, 1];
    const [low, high] = bootstrapRatio(a, b);
    expect(low).toBeLessThanOrEqual(1.15 / 1.0);
    expect(high).toBeGreaterThanOrEqual(1.15 / 1.01);
    expect(bootstrapRatio(a, b)).toEqual([low, high]);
  });
});

describe('the heavy pages', () => {
  it('hold the rows as data and a template, not as markup, and render them from a script', () => {
    const list = heavyOrderList(500, new Date('2026-11-22T12:00:00Z'));
    expect(list.html).toContain('id="bench-data"');
    expect(list.html).toContain('<span>500 orders</span>');
    expect(list.html.match(/<tr>\s*<td><input/g)).toHaveLength(1); // the template's row only
    expect(JSON.parse(/<script type="application\/json" id="bench-data">([\s\S]*?)<\/script>/.exec(list.html)![1]!).items).toHaveLength(500);
    expect(heavyInbox(50).items).toBe(50);
    expect(heavyThread(100).html).toContain('id="bench-messages"');
  });
});
