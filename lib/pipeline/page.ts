/**
 * The page pipeline: what happens to each reading of a page, in order — remember what it says of
 * its orders, ask for its messages' classification, advise, and hand the sidebar a state to
 * render. Pure and driven by events: everything it needs from the browser (storage, the
 * background, the clock) comes in through `PipelinePorts`, so it is tested without a browser
 * (test/page-pipeline.test.ts). utils/content/guidance.ts wires it to the browser.
 *
 * Read → (the page reader and the observed JSON are merged before this: utils/content/page-reading.ts)
 *   → remember the order facts (lib/watch, written by the background)
 *   → classify the messages (the background's classifier, cached here per text)
 *   → advise (the background's rules, lib/guidance/advise.ts; the latest answer wins)
 *   → the state for the sidebar (findings visible and dismissed, triage chips, readings).
 */
import type { Classification, ClassifyInput, Language } from '../classify/types';
import type { AdviceInput } from '../guidance/advise';
import { triage as triageOf, triageInputs, type TriageItem } from '../guidance/triage';
import type { Finding } from '../guidance/types';
import { visibleFindings } from '../guidance/visible';
import type { PageSnapshot } from '../pages/snapshot';
import { isFromSelection } from '../pages/selection';
import { ACCOUNT_HEALTH_MAX_AGE_MS, DEFAULT_USER_SETTINGS, EMPTY_DISMISSED, dismissedIds, withDismissal, type AccountHealthReading, type Dismissed, type UserSettings } from '../settings';
import { observeInboxCase, observeNotice, observeOrder, observeThread, type ClassifiedMessage, type OrderWatch, type WatchChange } from '../watch';
import type { TransactionsResponse } from '../messaging';

export interface GuidanceState {
  /** The seller's settings (names for replies, reply language). */
  readonly settings: UserSettings;
  /** The language of the buyer's latest message on this page, for the reply. */
  readonly messageLanguage?: Language | undefined;
  /** What is remembered of this page's order (for replies: the product and parcel seen on the order page). */
  readonly watch?: OrderWatch | undefined;
  readonly findings: readonly Finding[];
  /** On an inbox: what each listed case is about, most urgent first. */
  readonly triage?: readonly TriageItem[] | undefined;
  readonly dismissed: readonly Finding[];
  readonly pending: boolean;
  readonly now: number;
  /** The thread's messages (not the seller's) as classified, with what they say: for "what each message is about". */
  readonly readings?: readonly MessageReading[] | undefined;
  /** On a Transaction view: how many rates were read and the rows that could not tell (for "What I read"). */
  readonly fees?: { readonly rated: number; readonly couldNotTell: TransactionsResponse['notes'] } | undefined;
}

/** A message of the thread on the page and how it was classified (lives only as long as the page). */
export interface MessageReading {
  /** Its index among the snapshot's messages. */
  readonly index: number;
  readonly sender: 'buyer' | 'amazon';
  readonly text: string;
  readonly subject?: string | undefined;
  readonly classification: Classification;
}

/** What the pipeline needs from the browser. Each may reject; the pipeline says so and goes on. */
export interface PipelinePorts {
  /** Epoch milliseconds. */
  readonly now: () => number;
  readonly getWatch: (orderId: string) => Promise<OrderWatch | undefined>;
  readonly getWatches: (orderIds: readonly string[]) => Promise<ReadonlyMap<string, OrderWatch>>;
  /** Writes order records, merged into what is stored; resolves with the merged records (none if nothing could be written). */
  readonly remember: (changes: WatchChange[]) => Promise<OrderWatch[]>;
  /** One classification per input, in order (the background's classifier); a hole where one is missing. */
  readonly classify: (inputs: readonly ClassifyInput[]) => Promise<readonly (Classification | undefined)[]>;
  /** The findings for a page (the background's rules). Resolves with none when the background cannot be reached. */
  readonly advise: (input: AdviceInput) => Promise<readonly Finding[]>;
  /** The referral fee check of a Transaction view (the background keeps the rates). */
  readonly checkTransactions: (snapshot: PageSnapshot & { kind: 'transactions' }) => Promise<TransactionsResponse | undefined>;
  readonly saveAccountHealth: (reading: AccountHealthReading) => Promise<void>;
  readonly warn: (what: string, error: unknown) => void;
}

/** What the classifier reads for a thread's message: the same for a classification and for a correction. */
export function classifyInputOf(page: PageSnapshot & { kind: 'message-thread' }, index: number): ClassifyInput | undefined {
  const message = page.messages[index];
  if (!message || message.sender === 'seller') return undefined;
  return { body: message.text, sender: message.sender, ...(page.subject ? { subject: page.subject } : {}), ...(page.marketplace ? { marketplace: page.marketplace } : {}) };
}

const MAX_CACHED = 300;
const HOUR = 3_600_000;

/** A watch record worth writing: something other than the last-seen time changed, or an hour passed. */
export function worthWriting(before: OrderWatch | undefined, after: OrderWatch): boolean {
  if (!before) return true;
  const { lastSeen: a, ...restBefore } = before;
  const { lastSeen: b, ...restAfter } = after;
  return JSON.stringify(restBefore) !== JSON.stringify(restAfter) || Date.parse(b) - Date.parse(a) > HOUR;
}

/** The thread's messages as classified, with their words (for the sidebar, never stored). */
function readingsOf(snapshot: PageSnapshot | undefined, classified: readonly ClassifiedMessage[] | undefined): MessageReading[] | undefined {
  if (snapshot?.kind !== 'message-thread' || !classified) return undefined;
  return classified.flatMap(({ index, classification }): MessageReading[] => {
    const message = snapshot.messages[index];
    if (!message || message.sender === 'seller') return [];
    return [{ index, sender: message.sender, text: message.text, subject: snapshot.subject, classification }];
  });
}

/** The record each kind of page writes of its one order (a selection writes nothing, see below). */
function observed(next: PageSnapshot | undefined, watch: OrderWatch | undefined, classified: readonly ClassifiedMessage[] | undefined, now: number): OrderWatch | undefined {
  if (next?.kind === 'order-details') return observeOrder(watch, next, now);
  // Text the seller selected is advised on, never remembered: the order memory feeds the badge,
  // the popup and the order page for 30 days, and a selection is weaker evidence than a thread
  // read from the page. Its sender is only assumed (it may be the seller's own words or a quote),
  // it has no time (its key `buyer:#0` would overwrite the thread's first buyer message), nobody
  // knows whether it was answered, and the order it names may be one the seller typed. So the
  // safer choice: nothing of it is written, not even its intent. The order's record is only read.
  if (next?.kind === 'message-thread' && next.orderId && !isFromSelection(next)) return observeThread(watch, { ...next, orderId: next.orderId }, classified ?? [], now);
  if (next?.kind === 'notice' && next.orderId) return observeNotice(watch, { ...next, orderId: next.orderId }, now);
  return undefined;
}

export type PagePipeline = ReturnType<typeof createPagePipeline>;

/**
 * One pipeline per page. Events in: `update` (a new reading), `setSettings` / `setDismissed` /
 * `setHealth` (stored values changed), `orderChanged` (another tab wrote this page's order),
 * `correctionsChanged` (classify again), `tick` (the clock moved). State out: `onChange`.
 */
export function createPagePipeline(ports: PipelinePorts, onChange: (state: GuidanceState) => void) {
  const cache = new Map<string, Classification>();
  let settings: UserSettings = DEFAULT_USER_SETTINGS;
  let dismissed: Dismissed = EMPTY_DISMISSED;
  let health: AccountHealthReading | null = null;
  let snapshot: PageSnapshot | undefined;
  let watch: OrderWatch | undefined;
  let classified: ClassifiedMessage[] | undefined;
  let triage: TriageItem[] | undefined;
  let fees: TransactionsResponse | undefined;
  let pending = false;
  let generation = 0;
  let all: readonly Finding[] = [];
  /** Each emit's advice request; an answer for an older one is dropped. */
  let adviceGeneration = 0;
  /** The findings of the state being shown are not the latest yet (an advice request is under way). */
  let advising = false;

  const remember = (changes: WatchChange[]): Promise<OrderWatch[]> =>
    ports.remember(changes).catch((error: unknown) => {
      ports.warn('could not remember the orders.', error);
      return [];
    });

  /** Pushes the state with the findings as they stand. */
  const push = (now: number) => {
    const visible = visibleFindings([...all], dismissedIds(dismissed));
    const buyer = snapshot?.kind === 'message-thread' ? classified?.filter((c) => snapshot?.kind === 'message-thread' && snapshot.messages[c.index]?.sender === 'buyer') : undefined;
    onChange({
      settings,
      messageLanguage: buyer?.at(-1)?.classification.language,
      watch,
      findings: visible,
      triage,
      dismissed: all.filter((f) => !visible.includes(f)),
      pending: pending || advising,
      now,
      readings: readingsOf(snapshot, classified),
      fees: fees && { rated: fees.rated, couldNotTell: fees.notes },
    });
  };

  /** What the rules read for the page as it stands. */
  const adviceInput = (page: PageSnapshot, now: number): AdviceInput => {
    const reading = health && now - Date.parse(health.readAt) <= ACCOUNT_HEALTH_MAX_AGE_MS ? health : undefined;
    return {
      snapshot: page,
      ...(classified ? { classified } : {}),
      ...(watch ? { watch } : {}),
      ...(reading ? { accountHealth: reading } : {}),
      settings: { replyDueHours: settings.replyDueHours },
      now,
      ...(fees && fees.jumps.length > 0 ? { feeJumps: fees.jumps } : {}),
    };
  };

  /**
   * The findings for what is known now: one request per change, the latest answer wins. If the
   * background cannot be reached, the page gets no findings rather than stale ones (the port
   * resolves with none and says so); the next change asks again.
   */
  const emit = () => {
    const now = ports.now();
    const mine = ++adviceGeneration;
    if (!snapshot) {
      all = [];
      advising = false;
      push(now);
      return;
    }
    advising = true;
    if (pending) push(now); // "reading…" shows at once; the findings follow
    void ports
      .advise(adviceInput(snapshot, now))
      .catch((error: unknown) => {
        ports.warn('could not get the findings for this page.', error);
        return [] as Finding[];
      })
      .then((findings) => {
        if (mine !== adviceGeneration) return;
        advising = false;
        all = findings;
        push(now);
      });
  };

  /** Classifications of the inputs, from the cache or the background (one request for the missing ones). */
  async function classifyAll(wanted: readonly { index: number; input: ClassifyInput }[]): Promise<ClassifiedMessage[]> {
    const keyed = wanted.map((w) => ({ ...w, key: JSON.stringify(w.input) }));
    const missing = keyed.filter((w) => !cache.has(w.key));
    if (missing.length > 0) {
      const results = await ports.classify(missing.map((m) => m.input));
      missing.forEach((m, i) => {
        const result = results[i];
        if (result) cache.set(m.key, result);
      });
      while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
    }
    return keyed.flatMap(({ index, key }) => {
      const classification = cache.get(key);
      return classification ? [{ index, classification }] : [];
    });
  }

  function classifyMessages(page: PageSnapshot & { kind: 'message-thread' }): Promise<ClassifiedMessage[]> {
    const wanted: { index: number; input: ClassifyInput }[] = [];
    page.messages.forEach((_, index) => {
      const input = classifyInputOf(page, index);
      if (input) wanted.push({ index, input });
    });
    return classifyAll(wanted);
  }

  /** The inbox's chips; on the "Response needed" list, each case with an order is remembered for the badge. */
  async function triageInbox(inbox: PageSnapshot & { kind: 'message-inbox' }, now: number): Promise<TriageItem[]> {
    const wanted = triageInputs(inbox);
    if (wanted.length === 0) return [];
    const results = await classifyAll(wanted);
    const items = triageOf(inbox, results);
    if (!inbox.responseNeededView) return items;
    const byIndex = new Map(results.map((r) => [r.index, r.classification]));
    const withOrder = items.filter((item) => item.orderId !== undefined && inbox.cases?.[item.index] !== undefined);
    const known = await ports.getWatches(withOrder.map((item) => item.orderId!));
    const changes = withOrder.flatMap((item) => {
      const classification = byIndex.get(item.index);
      if (!classification) return [];
      const before = known.get(item.orderId!);
      const after = observeInboxCase(before, { orderId: item.orderId!, ...(inbox.marketplace ? { marketplace: inbox.marketplace } : {}) }, classification, now);
      return worthWriting(before, after) ? [{ base: before, next: after }] : [];
    });
    if (changes.length > 0) await remember(changes);
    return items;
  }

  /** Every row of an order list, for the badge: the facts only (ids, deadlines, states), written in one go. */
  async function rememberRows(list: PageSnapshot & { kind: 'order-list' }, now: number): Promise<void> {
    if (list.orders.length === 0) return;
    const known = await ports.getWatches(list.orders.map((row) => row.orderId));
    const rows = list.orders.map((row) => observeOrder(known.get(row.orderId), { ...row, marketplace: row.marketplace ?? list.marketplace }, now));
    const fresh = rows.filter((row) => worthWriting(known.get(row.orderId), row));
    if (fresh.length > 0) await remember(fresh.map((row) => ({ base: known.get(row.orderId), next: row })));
  }

  /** The seller's Cancellation Rate as the account health page shows it, kept for the order pages' warning. */
  async function keepAccountHealth(page: PageSnapshot & { kind: 'account-health' }, now: number): Promise<void> {
    if (!page.cancellationRate) return;
    const reading: AccountHealthReading = {
      version: 1,
      cancellationRate: page.cancellationRate,
      readAt: new Date(now).toISOString(),
      ...(page.marketplace ? { marketplace: page.marketplace } : {}),
    };
    const same = JSON.stringify(health?.cancellationRate) === JSON.stringify(reading.cancellationRate);
    if (same && now - Date.parse(health?.readAt ?? '1970-01-01T00:00:00Z') <= HOUR) return;
    health = reading;
    await ports.saveAccountHealth(reading).catch((error: unknown) => ports.warn('could not keep the account health reading.', error));
  }

  /** What the page's kind needs before its findings: classification, triage, the fee check. False when a newer reading took over. */
  async function prepare(next: PageSnapshot | undefined, mine: number): Promise<boolean> {
    if (next?.kind === 'message-thread' && next.messages.some((m) => m.sender !== 'seller')) {
      emit();
      classified = await classifyMessages(next).catch((error: unknown) => {
        // The background is asleep past reach or the extension was updated: guide on the page alone.
        ports.warn('could not classify the messages on this page.', error);
        return [];
      });
      if (mine !== generation) return false;
    }
    if (next?.kind === 'message-inbox' && next.cases && next.cases.length > 0) {
      const items = await triageInbox(next, ports.now()).catch((error: unknown) => {
        ports.warn('could not sort the cases on this page.', error);
        return [];
      });
      if (mine !== generation) return false;
      triage = items;
    }
    if (next?.kind === 'transactions') {
      // The rates and sales are kept, and judged, in the background (lib/fees).
      const answer = await ports.checkTransactions(next).catch((error: unknown) => ports.warn('could not check the transactions.', error));
      if (mine !== generation) return false;
      fees = answer ?? undefined;
    }
    return true;
  }

  async function process(next: PageSnapshot | undefined) {
    const mine = ++generation;
    snapshot = next;
    classified = undefined;
    triage = undefined;
    fees = undefined;
    const orderId = next && 'orderId' in next ? next.orderId : undefined;
    // Pending until this snapshot is advised and remembered (tests and automation wait on it).
    pending = next !== undefined;
    watch = orderId ? await ports.getWatch(orderId).catch(() => undefined) : undefined;
    if (mine !== generation) return;
    if (!(await prepare(next, mine))) return;
    const now = ports.now();
    const remembered = observed(next, watch, classified, now);
    if (next?.kind === 'order-list') await rememberRows(next, now);
    if (remembered) {
      const merged = worthWriting(watch, remembered) ? await remember([{ base: watch, next: remembered }]) : [];
      watch = merged[0] ?? remembered;
    }
    if (next?.kind === 'account-health') await keepAccountHealth(next, now);
    if (mine !== generation) return;
    pending = false;
    emit();
  }

  let queue = Promise.resolve();
  /** Runs after the stored values the pipeline starts from are in (`start`). */
  const afterStart = (work: () => Promise<void> | void) => {
    queue = queue.then(work, work);
  };

  return {
    /** The stored values the pipeline starts from; readings wait for them. */
    start(initial: Promise<{ settings: UserSettings; dismissed: Dismissed; health: AccountHealthReading | null }>) {
      queue = initial.then(
        (values) => {
          settings = values.settings;
          dismissed = values.dismissed;
          health = values.health;
        },
        (error: unknown) => ports.warn('could not read the settings; the defaults apply.', error),
      );
    },
    /** A new snapshot of the page (or undefined on pages we do not read). */
    update(next: PageSnapshot | undefined) {
      afterStart(() => {
        void process(next);
      });
    },
    setSettings(next: UserSettings) {
      settings = next;
      emit();
    },
    setDismissed(next: Dismissed) {
      dismissed = next;
      emit();
    },
    setHealth(next: AccountHealthReading | null) {
      health = next;
      emit();
    },
    /** The clock moved: countdowns and "unanswered for 12 hours" move with it. */
    tick: emit,
    /** The order of this page, if any (for storage changes written by another tab). */
    orderId: (): string | undefined => (snapshot && 'orderId' in snapshot ? snapshot.orderId : undefined),
    /** Another tab wrote this page's order: advise on the fresh record. */
    orderChanged(fresh: OrderWatch | undefined) {
      if (JSON.stringify(fresh) === JSON.stringify(watch)) return;
      watch = fresh;
      emit();
    },
    /** The seller's corrections changed: what was classified before may read otherwise now. */
    forgetClassifications() {
      cache.clear();
    },
    /** Reads the thread again (after the corrections changed). */
    reclassify() {
      if (snapshot?.kind === 'message-thread') {
        const page = snapshot;
        afterStart(() => {
          void process(page);
        });
      }
    },
    /** Hides (or shows again) a finding; resolves with the dismissals to store. */
    dismiss(finding: Finding, hide: boolean): Dismissed {
      dismissed = withDismissal(dismissed, finding.subject, finding.id, hide, new Date(ports.now()).toISOString());
      emit();
      return dismissed;
    },
    current: () => all,
    /** What the classifier reads for message `index` of the page now (for a correction). */
    inputOf: (index: number): ClassifyInput | undefined => (snapshot?.kind === 'message-thread' ? classifyInputOf(snapshot, index) : undefined),
  };
}
