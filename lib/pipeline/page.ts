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

/**
 * One pipeline per page. Events in: `update` (a new reading), `setSettings` / `setDismissed` /
 * `setHealth` (stored values changed), `orderChanged` (another tab wrote this page's order),
 * `forgetClassifications` / `reclassify` (the corrections changed), `tick` (the clock moved).
 * State out: `onChange`. Methods are bound: they can be handed around as callbacks.
 */
export class PagePipeline {
  readonly #ports: PipelinePorts;
  readonly #onChange: (state: GuidanceState) => void;
  readonly #cache = new Map<string, Classification>();
  #queue: Promise<void> = Promise.resolve();
  // What the pipeline knows of the page now, replaced piece by piece as events come.
  #settings: UserSettings = DEFAULT_USER_SETTINGS;
  #dismissed: Dismissed = EMPTY_DISMISSED;
  #health: AccountHealthReading | null = null;
  #snapshot: PageSnapshot | undefined;
  #watch: OrderWatch | undefined;
  #classified: ClassifiedMessage[] | undefined;
  #triage: TriageItem[] | undefined;
  #fees: TransactionsResponse | undefined;
  /** This snapshot is not advised and remembered yet (tests and automation wait on it). */
  #pending = false;
  /** Each reading's number; the work of an older one stops where a newer one started. */
  #generation = 0;
  #all: readonly Finding[] = [];
  /** Each emit's advice request; an answer for an older one is dropped. */
  #adviceGeneration = 0;
  /** The findings of the state being shown are not the latest yet (an advice request is under way). */
  #advising = false;

  constructor(ports: PipelinePorts, onChange: (state: GuidanceState) => void) {
    this.#ports = ports;
    this.#onChange = onChange;
  }

  // ── Events ────────────────────────────────────────────────────────────────────────────────────

  /** The stored values the pipeline starts from; readings wait for them. */
  readonly start = (initial: Promise<{ settings: UserSettings; dismissed: Dismissed; health: AccountHealthReading | null }>): void => {
    this.#queue = initial.then(
      (values) => {
        this.#settings = values.settings;
        this.#dismissed = values.dismissed;
        this.#health = values.health;
      },
      (error: unknown) => this.#ports.warn('could not read the settings; the defaults apply.', error),
    );
  };

  /** A new snapshot of the page (or undefined on pages we do not read). */
  readonly update = (next: PageSnapshot | undefined): void => this.#afterStart(() => void this.#process(next));

  readonly setSettings = (next: UserSettings): void => {
    this.#settings = next;
    this.#emit();
  };

  readonly setDismissed = (next: Dismissed): void => {
    this.#dismissed = next;
    this.#emit();
  };

  readonly setHealth = (next: AccountHealthReading | null): void => {
    this.#health = next;
    this.#emit();
  };

  /** The clock moved: countdowns and "unanswered for 12 hours" move with it. */
  readonly tick = (): void => this.#emit();

  /** The order of this page, if any (for storage changes written by another tab). */
  readonly orderId = (): string | undefined => (this.#snapshot && 'orderId' in this.#snapshot ? this.#snapshot.orderId : undefined);

  /** Another tab wrote this page's order: advise on the fresh record. */
  readonly orderChanged = (fresh: OrderWatch | undefined): void => {
    if (JSON.stringify(fresh) === JSON.stringify(this.#watch)) return;
    this.#watch = fresh;
    this.#emit();
  };

  /** The seller's corrections changed: what was classified before may read otherwise now. */
  readonly forgetClassifications = (): void => this.#cache.clear();

  /** Reads the thread again (after the corrections changed). */
  readonly reclassify = (): void => {
    const page = this.#snapshot;
    if (page?.kind === 'message-thread') this.#afterStart(() => void this.#process(page));
  };

  /** Hides (or shows again) a finding; returns the dismissals to store. */
  readonly dismiss = (finding: Finding, hide: boolean): Dismissed => {
    this.#dismissed = withDismissal(this.#dismissed, finding.subject, finding.id, hide, new Date(this.#ports.now()).toISOString());
    this.#emit();
    return this.#dismissed;
  };

  readonly current = (): readonly Finding[] => this.#all;

  /** What the classifier reads for message `index` of the page now (for a correction). */
  readonly inputOf = (index: number): ClassifyInput | undefined => (this.#snapshot?.kind === 'message-thread' ? classifyInputOf(this.#snapshot, index) : undefined);

  // ── The pipeline ──────────────────────────────────────────────────────────────────────────────

  #afterStart(work: () => void): void {
    this.#queue = this.#queue.then(work, work);
  }

  async #process(next: PageSnapshot | undefined): Promise<void> {
    const mine = ++this.#generation;
    this.#snapshot = next;
    this.#classified = undefined;
    this.#triage = undefined;
    this.#fees = undefined;
    const orderId = next && 'orderId' in next ? next.orderId : undefined;
    this.#pending = next !== undefined;
    this.#watch = orderId ? await this.#ports.getWatch(orderId).catch(() => undefined) : undefined;
    if (mine !== this.#generation) return;
    if (!(await this.#prepare(next, mine))) return;
    const now = this.#ports.now();
    const remembered = observed(next, this.#watch, this.#classified, now);
    if (next?.kind === 'order-list') await this.#rememberRows(next, now);
    if (remembered) {
      const merged = worthWriting(this.#watch, remembered) ? await this.#remember([{ base: this.#watch, next: remembered }]) : [];
      this.#watch = merged[0] ?? remembered;
    }
    if (next?.kind === 'account-health') await this.#keepAccountHealth(next, now);
    if (mine !== this.#generation) return;
    this.#pending = false;
    this.#emit();
  }

  /** What the page's kind needs before its findings: classification, triage, the fee check. False when a newer reading took over. */
  async #prepare(next: PageSnapshot | undefined, mine: number): Promise<boolean> {
    if (next?.kind === 'message-thread' && next.messages.some((m) => m.sender !== 'seller')) {
      this.#emit();
      this.#classified = await this.#classifyMessages(next).catch((error: unknown) => {
        // The background is asleep past reach or the extension was updated: guide on the page alone.
        this.#ports.warn('could not classify the messages on this page.', error);
        return [];
      });
      if (mine !== this.#generation) return false;
    }
    if (next?.kind === 'message-inbox' && next.cases && next.cases.length > 0) {
      const items = await this.#triageInbox(next, this.#ports.now()).catch((error: unknown) => {
        this.#ports.warn('could not sort the cases on this page.', error);
        return [];
      });
      if (mine !== this.#generation) return false;
      this.#triage = items;
    }
    if (next?.kind === 'transactions') {
      // The rates and sales are kept, and judged, in the background (lib/fees).
      const answer = await this.#ports.checkTransactions(next).catch((error: unknown) => this.#ports.warn('could not check the transactions.', error));
      if (mine !== this.#generation) return false;
      this.#fees = answer ?? undefined;
    }
    return true;
  }

  #remember(changes: WatchChange[]): Promise<OrderWatch[]> {
    return this.#ports.remember(changes).catch((error: unknown) => {
      this.#ports.warn('could not remember the orders.', error);
      return [];
    });
  }

  /** Classifications of the inputs, from the cache or the background (one request for the missing ones). */
  async #classifyAll(wanted: readonly { index: number; input: ClassifyInput }[]): Promise<ClassifiedMessage[]> {
    const keyed = wanted.map((w) => ({ ...w, key: JSON.stringify(w.input) }));
    const missing = keyed.filter((w) => !this.#cache.has(w.key));
    if (missing.length > 0) {
      const results = await this.#ports.classify(missing.map((m) => m.input));
      missing.forEach((m, i) => {
        const result = results[i];
        if (result) this.#cache.set(m.key, result);
      });
      while (this.#cache.size > MAX_CACHED) this.#cache.delete(this.#cache.keys().next().value!);
    }
    return keyed.flatMap(({ index, key }) => {
      const classification = this.#cache.get(key);
      return classification ? [{ index, classification }] : [];
    });
  }

  #classifyMessages(page: PageSnapshot & { kind: 'message-thread' }): Promise<ClassifiedMessage[]> {
    const wanted: { index: number; input: ClassifyInput }[] = [];
    page.messages.forEach((_, index) => {
      const input = classifyInputOf(page, index);
      if (input) wanted.push({ index, input });
    });
    return this.#classifyAll(wanted);
  }

  /** The inbox's chips; on the "Response needed" list, each case with an order is remembered for the badge. */
  async #triageInbox(inbox: PageSnapshot & { kind: 'message-inbox' }, now: number): Promise<TriageItem[]> {
    const wanted = triageInputs(inbox);
    if (wanted.length === 0) return [];
    const results = await this.#classifyAll(wanted);
    const items = triageOf(inbox, results);
    if (!inbox.responseNeededView) return items;
    const byIndex = new Map(results.map((r) => [r.index, r.classification]));
    const withOrder = items.filter((item) => item.orderId !== undefined && inbox.cases?.[item.index] !== undefined);
    const known = await this.#ports.getWatches(withOrder.map((item) => item.orderId!));
    const changes = withOrder.flatMap((item) => {
      const classification = byIndex.get(item.index);
      if (!classification) return [];
      const before = known.get(item.orderId!);
      const after = observeInboxCase(before, { orderId: item.orderId!, ...(inbox.marketplace ? { marketplace: inbox.marketplace } : {}) }, classification, now);
      return worthWriting(before, after) ? [{ base: before, next: after }] : [];
    });
    if (changes.length > 0) await this.#remember(changes);
    return items;
  }

  /** Every row of an order list, for the badge: the facts only (ids, deadlines, states), written in one go. */
  async #rememberRows(list: PageSnapshot & { kind: 'order-list' }, now: number): Promise<void> {
    if (list.orders.length === 0) return;
    const known = await this.#ports.getWatches(list.orders.map((row) => row.orderId));
    const rows = list.orders.map((row) => observeOrder(known.get(row.orderId), { ...row, marketplace: row.marketplace ?? list.marketplace }, now));
    const fresh = rows.filter((row) => worthWriting(known.get(row.orderId), row));
    if (fresh.length > 0) await this.#remember(fresh.map((row) => ({ base: known.get(row.orderId), next: row })));
  }

  /** The seller's Cancellation Rate as the account health page shows it, kept for the order pages' warning. */
  async #keepAccountHealth(page: PageSnapshot & { kind: 'account-health' }, now: number): Promise<void> {
    if (!page.cancellationRate) return;
    const health = this.#health;
    const reading: AccountHealthReading = {
      version: 1,
      cancellationRate: page.cancellationRate,
      readAt: new Date(now).toISOString(),
      ...(page.marketplace ? { marketplace: page.marketplace } : {}),
    };
    const same = JSON.stringify(health?.cancellationRate) === JSON.stringify(reading.cancellationRate);
    if (same && now - Date.parse(health?.readAt ?? '1970-01-01T00:00:00Z') <= HOUR) return;
    this.#health = reading;
    await this.#ports.saveAccountHealth(reading).catch((error: unknown) => this.#ports.warn('could not keep the account health reading.', error));
  }

  // ── Advice and the state out ──────────────────────────────────────────────────────────────────

  /**
   * The findings for what is known now: one request per change, the latest answer wins. If the
   * background cannot be reached, the page gets no findings rather than stale ones; the next
   * change asks again.
   */
  #emit(): void {
    const now = this.#ports.now();
    const mine = ++this.#adviceGeneration;
    if (!this.#snapshot) {
      this.#all = [];
      this.#advising = false;
      this.#push(now);
      return;
    }
    this.#advising = true;
    if (this.#pending) this.#push(now); // "reading…" shows at once; the findings follow
    void this.#ports
      .advise(this.#adviceInput(this.#snapshot, now))
      .catch((error: unknown) => {
        this.#ports.warn('could not get the findings for this page.', error);
        return [] as Finding[];
      })
      .then((findings) => {
        if (mine !== this.#adviceGeneration) return;
        this.#advising = false;
        this.#all = findings;
        this.#push(now);
      });
  }

  /** What the rules read for the page as it stands. */
  #adviceInput(page: PageSnapshot, now: number): AdviceInput {
    const health = this.#health;
    const classified = this.#classified;
    const watch = this.#watch;
    const fees = this.#fees;
    const reading = health && now - Date.parse(health.readAt) <= ACCOUNT_HEALTH_MAX_AGE_MS ? health : undefined;
    return {
      snapshot: page,
      ...(classified ? { classified } : {}),
      ...(watch ? { watch } : {}),
      ...(reading ? { accountHealth: reading } : {}),
      settings: { replyDueHours: this.#settings.replyDueHours },
      now,
      ...(fees && fees.jumps.length > 0 ? { feeJumps: fees.jumps } : {}),
    };
  }

  /** Pushes the state with the findings as they stand. */
  #push(now: number): void {
    const snapshot = this.#snapshot;
    const classified = this.#classified;
    const all = this.#all;
    const fees = this.#fees;
    const visible = visibleFindings([...all], dismissedIds(this.#dismissed));
    const buyer = snapshot?.kind === 'message-thread' ? classified?.filter((c) => snapshot.messages[c.index]?.sender === 'buyer') : undefined;
    this.#onChange({
      settings: this.#settings,
      messageLanguage: buyer?.at(-1)?.classification.language,
      watch: this.#watch,
      findings: visible,
      triage: this.#triage,
      dismissed: all.filter((f) => !visible.includes(f)),
      pending: this.#pending || this.#advising,
      now,
      readings: readingsOf(snapshot, classified),
      fees: fees && { rated: fees.rated, couldNotTell: fees.notes },
    });
  }
}

/** A pipeline for a page (see `PagePipeline`). */
export function createPagePipeline(ports: PipelinePorts, onChange: (state: GuidanceState) => void): PagePipeline {
  return new PagePipeline(ports, onChange);
}
