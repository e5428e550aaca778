/**
 * Keeps a fresh snapshot of the page: reads it on start, after in-page navigation, and after the
 * page's own DOM changes (debounced; the observer is disconnected on pages we do not read and
 * when the extension is reloaded). The work follows what changed, so the page does not feel it:
 *  - mutations of our own UI (the sidebar's and the guard's hosts) are not the page's and are ignored;
 *  - an order list's rows are read once and kept (lib/pages/read-orders.ts RowCache): a mutation
 *    forgets only the rows it touched, and a long list is read a slice at a time, the page getting
 *    its main thread back between slices (scheduler.yield where the browser has it, else a task);
 *  - text that keeps changing without changing the reading (a clock, a countdown, a spinner's
 *    label) is learnt: once re-reads caused by it alone read the same twice, its changes are followed
 *    at most every NOISY_WAIT_MS, not every debounce;
 *  - a reading equal to the last one is not handed on (nothing to advise or render again),
 *    except after navigation or a refresh asked for. Merges in the order app's and the messaging app's JSON when the main-world page reader
 * hands it over, on the private link only (utils/orders-api/channel.ts): window
 * messages and stray events that claim to be ours are never read, only counted. Decisions are in
 * lib/pages; this file only schedules.
 */
import * as z from 'zod/mini';
import { buildSchemasInSteps, lazySchema } from '@/lib/lazy-schema';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Link } from '@/utils/orders-api/channel';
import { isMessagingApiPath } from '@/lib/pages/messaging-api';
import { createMessagingMemory } from '@/lib/pages/messaging-memory';
import { createRowCache, forgetChanged, pendingRows } from '@/lib/pages/read-orders';
import { alertElementsInSteps } from '@/lib/pages/read-cancel';
import { mergeOrderDetails, mergeOrderRows, readObservedResponse, splitObservedDetail, type OrderJson } from '@/lib/pages/orders-api';
import { LINK_EVENTS, OUR_SOURCE_PREFIX, PAGE_LINK_GLOBAL, type PageMessageCounts } from '@/lib/pages/observed-source';
import { recognisePage } from '@/lib/pages/page-type';
import { checkReadingInSteps, readPageUncheckedInSteps } from '@/lib/pages/read-page';
import type { ReadInput } from '@/lib/pages/read-messages';
import type { PageSnapshot } from '@/lib/pages/snapshot';

const DEBOUNCE_MS = 300;
/** A page that never stops changing (a ticking clock, a spinner) is still re-read this often. */
const MAX_WAIT_MS = 2_000;
const MAX_REMEMBERED_ORDERS = 500;
const COUNTS_MS = 250;
/** Text that changed alone and read the same before is followed this often (see the header). */
const NOISY_WAIT_MS = 30_000;
/** Reads for a text change alone that read the same, in a row, before that text counts as noise. */
const NOISE_STRIKES = 2;
/** One slice of a long read stops after this long, then gives the page its main thread back. */
const SLICE_MS = 10;
/**
 * Lists with more rows still to read than this are read in slices, the sidebar saying so; a list,
 * thread or inbox with more rows, messages or cases is checked and handed on in tasks of their own.
 */
const SLICED_FROM_ROWS = 40;
/** Our own UI in the page: the sidebar's host and the Cancel guard's (their insertions are ours). */
const OWN_HOSTS = new Set(['SELLER-SIDEKICK', 'SELLER-SIDEKICK-INLINE']);

/** Gives the page its main thread back: scheduler.yield() where the browser has it, else a new task. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return new Promise((resolve) => {
    let settled = false;
    const go = () => {
      if (settled) return;
      settled = true;
      resolve();
    };
    // In a content script the page's scheduler is reached through a wrapper: should its promise
    // reject or never settle, a timer goes on instead (never a reading or a render left waiting).
    if (typeof scheduler?.yield === 'function') {
      try {
        scheduler.yield().then(go, go);
      } catch {
        go();
      }
      setTimeout(go, 50);
    } else setTimeout(go, 0);
  });
}

/**
 * Builds the schemas the page's checks will use (lib/lazy-schema.ts) between the page's own
 * tasks, at most SLICE_MS at a time, so the first check of a reading or an answer does not build
 * them in its task.
 */
export async function buildSchemasAhead(): Promise<void> {
  const steps = buildSchemasInSteps();
  for (;;) {
    await yieldToPage();
    const start = performance.now();
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return;
      if (performance.now() - start >= SLICE_MS) break;
    }
  }
}

function insideOurs(node: Node | null): boolean {
  for (let current = node; current; current = current.parentNode) {
    if (current.nodeType === 1 && OWN_HOSTS.has((current as Element).tagName)) return true;
  }
  return false;
}

function onlyOurs(nodes: NodeList): boolean {
  for (const node of nodes) if (!(node.nodeType === 1 && OWN_HOSTS.has((node as Element).tagName))) return false;
  return true;
}

function onlyText(nodes: NodeList): boolean {
  for (const node of nodes) if (node.nodeType !== 3) return false;
  return true;
}

/** What a batch of mutation records means for the reading (exported for tests). */
export interface MutationVerdict {
  /** Some record is the page's own (not only our UI). */
  readonly relevant: boolean;
  /** Every relevant record changed text only, inside elements learnt to be noise. */
  readonly quiet: boolean;
  /** The elements whose text alone changed (candidates for noise). */
  readonly textHolders: readonly Node[];
  /** Some relevant record changed more than text. */
  readonly structural: boolean;
  /** Nodes the records touched (their rows are read again). */
  readonly touched: readonly Node[];
}

export function judgeMutations(records: readonly MutationRecord[], noisy: { has(node: Node): boolean }): MutationVerdict {
  let relevant = false;
  let quiet = true;
  let structural = false;
  const textHolders: Node[] = [];
  const touched: Node[] = [];
  for (const record of records) {
    if (insideOurs(record.target)) continue;
    if (record.type === 'childList' && onlyOurs(record.addedNodes) && onlyOurs(record.removedNodes)) continue;
    relevant = true;
    touched.push(record.target);
    const textOnly = record.type === 'characterData' || (record.type === 'childList' && onlyText(record.addedNodes) && onlyText(record.removedNodes));
    const holder = record.type === 'characterData' ? record.target.parentNode : record.target;
    if (textOnly && holder) {
      textHolders.push(holder);
      if (!noisy.has(holder)) quiet = false;
    } else {
      structural = true;
      quiet = false;
    }
  }
  return { relevant, quiet: relevant && quiet, textHolders, structural, touched };
}

/** A window message that says it is ours (only the page can have posted it: we post none). */
const ClaimsToBeOurs = lazySchema(() => z.looseObject({ source: z.string().check(z.startsWith(OUR_SOURCE_PREFIX)) }));

/** The link the document_start half made, if it made one (the page cannot see or set this global). */
function pageLink(): Link | undefined {
  const link = (globalThis as Record<string, unknown>)[PAGE_LINK_GLOBAL] as Partial<Link> | undefined;
  return typeof link?.send === 'function' && typeof link.on === 'function' ? (link as Link) : undefined;
}

export function watchPageContent(
  ctx: ContentScriptContext,
  onSnapshot: (snapshot: PageSnapshot | undefined) => void,
  onCounts: (counts: PageMessageCounts) => void = () => {},
  input: () => ReadInput = () => ({}),
  onProgress: (rowsToRead: number) => void = () => {},
): { refresh(): void } {
  const jsonByOrder = new Map<string, OrderJson>();
  // The messaging app's JSON of this page (never stored: it holds message bodies).
  const messaging = createMessagingMemory();
  const counts = { ignored: 0, unreadable: 0 };
  let timer: number | undefined;
  /** When the pending read is due (performance.now()), to tell a long wait from a short one. */
  let dueAt = 0;
  let firstPending: number | undefined;
  let observer: MutationObserver | undefined;
  const rows = createRowCache();
  /** Elements whose text changes alone never changed the reading (NOISE_STRIKES reads running). */
  const noisy = new WeakSet<Node>();
  const idle = new WeakMap<Node, number>();
  /** Since the last read: the elements whose text alone changed, and whether anything else changed. */
  let textHolders = new Set<Node>();
  let structural = false;
  let lastKey: string | undefined;
  /** The last reading checked against its schema, before the check (as JSON) and after. */
  let lastChecked: { rawKey: string; snapshot: PageSnapshot } | undefined;
  let force = true;
  let running = false;
  let again = false;

  const observe = () => {
    if (observer || !document.body) return;
    observer = new MutationObserver((records) => {
      const verdict = judgeMutations(records, noisy);
      if (!verdict.relevant) return;
      for (const node of verdict.touched) forgetChanged(rows, node);
      // Each element once per read (one change of its text is often two records: removed, added).
      for (const holder of verdict.textHolders) if (textHolders.size < 1_000) textHolders.add(holder);
      structural ||= verdict.structural;
      schedule(verdict.quiet);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  };

  const readNow = async () => {
    const url = new URL(location.href);
    const page = recognisePage(url);
    if (!page || page.type === 'other') {
      observer?.disconnect();
      observer = undefined;
      lastKey = undefined;
      force = false;
      onSnapshot(undefined);
      return;
    }
    // Watched from before the read, so a row changed while a long list is read is read again.
    observe();
    const causedBy = { textHolders, structural };
    textHolders = new Set();
    structural = false;
    /** A long list or a big reading: its last steps (reading, check, what follows) are tasks of their own. */
    let long = false;
    let sliceStart: number;
    const stillHere = async () => {
      await yieldToPage();
      if (location.href === url.href) return true;
      schedule();
      return false;
    };
    /** Runs steps until they end, or (when `sliced`) until this slice has lasted SLICE_MS. */
    const runSlice = <T>(steps: Generator<void, T>, sliced: boolean): { value: T } | undefined => {
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) return { value: step.value };
        if (sliced && performance.now() - sliceStart >= SLICE_MS) return undefined;
      }
    };
    /**
     * Runs steps, giving the page its main thread back every SLICE_MS (when `sliced`): at once
     * when they end within the slice (a short page is read in the task that asked), else a
     * promise; nothing when the page was left meanwhile.
     */
    const drive = <T>(steps: Generator<void, T>, sliced = true): { value: T } | Promise<{ value: T } | undefined> => {
      const first = runSlice(steps, sliced);
      if (first) return first;
      return (async () => {
        for (;;) {
          if (!(await stillHere())) return undefined;
          sliceStart = performance.now();
          const done = runSlice(steps, sliced);
          if (done) return done;
        }
      })();
    };
    if (page.type === 'order-list') {
      const pending = pendingRows(document, url, rows);
      long = pending.total > SLICED_FROM_ROWS;
      if (pending.rows.length > SLICED_FROM_ROWS) {
        onProgress(pending.rows.length);
        sliceStart = performance.now();
        for (const row of pending.rows) {
          if (row.isConnected) pending.read(row);
          if (performance.now() - sliceStart < SLICE_MS) continue;
          if (!(await stillHere())) return;
          sliceStart = performance.now();
        }
        if (!(await stillHere())) return;
      }
      // Its alerts are found in a step of their own too (a walk of the whole page).
      if (long) {
        sliceStart = performance.now();
        const walked = drive(alertElementsInSteps(document));
        const alerts = walked instanceof Promise ? await walked : walked;
        if (!alerts) return;
        rows.alerts = alerts.value;
        if (!(await stillHere())) return void (rows.alerts = undefined);
      }
    }
    sliceStart = performance.now();
    // A long thread or inbox is read in steps too (each a pass over the whole page).
    // (No await when it ends at once: a short page is read and handed on in the task that asked.)
    const stepped = drive(readPageUncheckedInSteps(document, url, input(), rows));
    const reading = stepped instanceof Promise ? await stepped : stepped;
    if (!reading) return;
    const read = reading.value;
    let snapshot = read.snapshot;
    if (!read.checked) {
      // A reading equal to the last one checked is not checked again (on a 500-row list the
      // schema check is tens of ms, and a page that keeps changing is read again and again).
      const rawKey = JSON.stringify(snapshot);
      // A long thread or inbox is checked and handed on in tasks of their own too.
      long ||= ('messages' in snapshot ? snapshot.messages.length : 0) + ('cases' in snapshot ? (snapshot.cases?.length ?? 0) : 0) > SLICED_FROM_ROWS;
      if (lastChecked?.rawKey === rawKey) snapshot = { ...lastChecked.snapshot };
      else {
        // A long list's rows are checked a slice at a time (the whole check is one long task).
        const checking = drive(checkReadingInSteps(snapshot), long);
        const checked = checking instanceof Promise ? await checking : checking;
        if (!checked) return;
        snapshot = checked.value;
        lastChecked = { rawKey, snapshot };
      }
    }
    if (snapshot.kind === 'order-details') {
      const json = jsonByOrder.get(snapshot.orderId);
      if (json) snapshot = mergeOrderDetails(snapshot, json);
    } else if (snapshot.kind === 'order-list' && jsonByOrder.size > 0) {
      snapshot = mergeOrderRows(snapshot, jsonByOrder);
    } else if (messaging.size > 0) {
      snapshot = messaging.merge(snapshot, url);
    }
    const key = `${url.href}\n${JSON.stringify(snapshot)}`;
    if (key === lastKey && !force) {
      // Read again for text alone, and nothing read differs: after twice, that text is noise.
      if (!causedBy.structural) {
        for (const holder of causedBy.textHolders) {
          const strikes = (idle.get(holder) ?? 0) + 1;
          idle.set(holder, strikes);
          if (strikes >= NOISE_STRIKES) noisy.add(holder);
        }
      }
      return;
    }
    if (long && !(await stillHere())) return;
    lastKey = key;
    force = false;
    // What changed made a difference: none of it is noise (yet).
    for (const holder of causedBy.textHolders) idle.delete(holder);
    onSnapshot(snapshot);
  };

  const read = () => {
    timer = undefined;
    firstPending = undefined;
    if (running) {
      again = true;
      return;
    }
    running = true;
    void readNow()
      .catch((error: unknown) => console.warn('Seller Sidekick: could not read the page.', error))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          schedule();
        }
      });
  };

  /** `quiet`: only noise changed; read within NOISY_WAIT_MS, never sooner than a read already due. */
  const schedule = (quiet = false) => {
    const now = performance.now();
    if (quiet) {
      if (timer === undefined) {
        dueAt = now + NOISY_WAIT_MS;
        timer = ctx.setTimeout(read, NOISY_WAIT_MS);
      }
      return;
    }
    firstPending ??= now;
    // Debounced, but never postponed past MAX_WAIT_MS since the first change that asked for it.
    const wait = Math.min(DEBOUNCE_MS, Math.max(0, firstPending + MAX_WAIT_MS - now));
    if (timer !== undefined) {
      if (dueAt - now > DEBOUNCE_MS) firstPending = now; // a noise wait gives way to a real change
      clearTimeout(timer);
    }
    dueAt = now + wait;
    timer = ctx.setTimeout(read, wait);
  };

  // Told at most every COUNTS_MS: a page posting thousands of forgeries does not re-render the sidebar thousands of times.
  let countsTimer: number | undefined;
  const count = (what: keyof typeof counts) => {
    counts[what]++;
    countsTimer ??= ctx.setTimeout(() => {
      countsTimer = undefined;
      onCounts({ ...counts });
    }, COUNTS_MS);
  };
  // Forgeries: a window message in our name, or one of our link's events where the page can reach it.
  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    if (ClaimsToBeOurs.safeParse(event.data).success) count('ignored');
  });
  for (const type of Object.values(LINK_EVENTS)) {
    ctx.addEventListener(window, type, () => count('ignored'), { capture: true });
  }

  const link = pageLink();
  link?.on(LINK_EVENTS.ordersApi, (detail) => {
    const observed = splitObservedDetail(detail);
    if (observed && isMessagingApiPath(observed.pathname)) {
      if (messaging.take(observed.pathname, observed.body).taken === 'unreadable') count('unreadable');
      schedule();
      return;
    }
    const payload = readObservedResponse(detail);
    if (!payload) {
      count('unreadable');
      return;
    }
    for (const order of payload.kind === 'order' ? [payload.order] : payload.orders) {
      jsonByOrder.delete(order.amazonOrderId);
      jsonByOrder.set(order.amazonOrderId, order);
    }
    while (jsonByOrder.size > MAX_REMEMBERED_ORDERS) jsonByOrder.delete(jsonByOrder.keys().next().value!);
    schedule();
  });
  ctx.onInvalidated(() => observer?.disconnect());
  // Ask the page reader for what the page loaded before we were listening.
  link?.send(LINK_EVENTS.replay);

  read();
  return {
    /** Reads again soon and hands the reading on even if it is the same (after navigation, new names). */
    refresh: () => {
      force = true;
      schedule();
    },
  };
}
