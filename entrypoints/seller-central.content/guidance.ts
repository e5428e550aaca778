/**
 * Turns each snapshot of the page into findings: asks the background to classify the page's
 * messages, remembers the order's facts (lib/watch) so another page can warn, and asks the
 * background for the findings (the pure rules of lib/guidance run there). Scheduling and storage
 * only; every decision is in lib/.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import type { Classification, ClassifyInput, Language } from '@/lib/classify/types';
import { visibleFindings } from '@/lib/guidance/visible';
import type { Finding } from '@/lib/guidance/types';
import { askWithRetries, requestAdvice, requestClassification, requestRemember, requestTransactions, type TransactionsResponse } from '@/lib/messaging';
import type { PageSnapshot } from '@/lib/pages/snapshot';
import { isFromSelection } from '@/lib/pages/selection';
import { ACCOUNT_HEALTH_MAX_AGE_MS, DEFAULT_USER_SETTINGS, EMPTY_DISMISSED, dismissedIds, withDismissal, type AccountHealthReading, type Dismissed, type UserSettings } from '@/lib/settings';
import { accountHealthItem, correctionsItem, dismissedItem, userSettingsItem, watchStore } from '@/lib/storage';
import { triage as triageOf, triageInputs, type TriageItem } from '@/lib/guidance/triage';
import { observeInboxCase, observeNotice, observeOrder, observeThread, watchKey, type ClassifiedMessage, type OrderWatch, type WatchChange } from '@/lib/watch';

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

/** What the classifier reads for a thread's message: the same for a classification and for a correction. */
export function classifyInputOf(page: PageSnapshot & { kind: 'message-thread' }, index: number): ClassifyInput | undefined {
  const message = page.messages[index];
  if (!message || message.sender === 'seller') return undefined;
  return { body: message.text, sender: message.sender, ...(page.subject ? { subject: page.subject } : {}), ...(page.marketplace ? { marketplace: page.marketplace } : {}) };
}

const MAX_CACHED = 300;
/** Countdowns and "unanswered for 12 hours" move with the clock. */
const TICK_MS = 60_000;
/** After the corrections changed, the page is classified again this much later. */
const LAYER_SETTLE_MS = 150;

/** A watch record worth writing: something other than the last-seen time changed, or an hour passed. */
function changed(before: OrderWatch | undefined, after: OrderWatch): boolean {
  if (!before) return true;
  const { lastSeen: a, ...restBefore } = before;
  const { lastSeen: b, ...restAfter } = after;
  return JSON.stringify(restBefore) !== JSON.stringify(restAfter) || Date.parse(b) - Date.parse(a) > 3_600_000;
}

export function createGuidance(ctx: ContentScriptContext, onChange: (state: GuidanceState) => void) {
  const watches = watchStore();
  const settingsItem = userSettingsItem();
  const dismissalItem = dismissedItem();
  const healthItem = accountHealthItem();
  const layerItem = correctionsItem();
  const cache = new Map<string, Classification>();
  /**
   * Order records are written by the background, merged into what is stored (other tabs write
   * too); if it cannot be reached (the extension was just updated), merged here. Resolves with
   * the merged records, or none if nothing could be written.
   */
  const remember = (changes: WatchChange[]): Promise<OrderWatch[]> =>
    requestRemember(changes)
      .catch(() => watches.update(changes))
      .catch((error: unknown) => {
        console.warn('Seller Sidekick: could not remember the orders.', error);
        return [];
      });

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
  let all: Finding[] = [];

  /** Each emit's advice request; an answer for an older one is dropped. */
  let adviceGeneration = 0;
  /** The findings of the state being shown are not the latest yet (an advice request is under way). */
  let advising = false;

  /** Pushes the state with the findings as they stand. */
  const push = (now: number) => {
    const hidden = dismissedIds(dismissed);
    const visible = visibleFindings(all, hidden);
    const buyer = snapshot?.kind === 'message-thread' ? classified?.filter((c) => snapshot?.kind === 'message-thread' && snapshot.messages[c.index]?.sender === 'buyer') : undefined;
    const thread = snapshot?.kind === 'message-thread' ? snapshot : undefined;
    const readings = thread
      ? classified?.flatMap(({ index, classification }): MessageReading[] => {
          const message = thread.messages[index];
          if (!message || message.sender === 'seller') return [];
          return [{ index, sender: message.sender, text: message.text, subject: thread.subject, classification }];
        })
      : undefined;
    onChange({
      settings,
      messageLanguage: buyer?.at(-1)?.classification.language,
      watch,
      findings: visible,
      triage,
      dismissed: all.filter((f) => !visible.includes(f)),
      pending: pending || advising,
      now,
      readings,
      fees: fees && { rated: fees.rated, couldNotTell: fees.notes },
    });
  };

  /**
   * The findings for what is known now. The rules run in the background (lib/guidance/advise.ts,
   * too large for the content script): one request per change, the latest answer wins. If the
   * background cannot be reached, the page gets no findings rather than stale ones, and says so
   * in the console; the next change asks again.
   */
  const emit = () => {
    const now = Date.now();
    const mine = ++adviceGeneration;
    if (!snapshot) {
      all = [];
      advising = false;
      push(now);
      return;
    }
    const reading = health && now - Date.parse(health.readAt) <= ACCOUNT_HEALTH_MAX_AGE_MS ? health : undefined;
    const input = {
      snapshot,
      ...(classified ? { classified } : {}),
      ...(watch ? { watch } : {}),
      ...(reading ? { accountHealth: reading } : {}),
      settings: { replyDueHours: settings.replyDueHours },
      now,
      ...(fees && fees.jumps.length > 0 ? { feeJumps: fees.jumps } : {}),
    };
    advising = true;
    if (pending) push(now); // "reading…" shows at once; the findings follow
    void askWithRetries(() => requestAdvice(input), [] as Finding[], 'get the findings for this page', 200).then((findings) => {
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
      const results = await requestClassification(missing.map((m) => m.input));
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
    if (inbox.responseNeededView) {
      const rows = inbox.cases ?? [];
      const byIndex = new Map(results.map((r) => [r.index, r.classification]));
      const withOrder = items.filter((item) => item.orderId !== undefined);
      const known = await watches.getMany(withOrder.map((item) => item.orderId!));
      const changes = withOrder.flatMap((item) => {
        const classification = byIndex.get(item.index);
        const row = rows[item.index];
        if (!classification || !row) return [];
        const before = known.get(item.orderId!);
        const after = observeInboxCase(before, { orderId: item.orderId!, ...(inbox.marketplace ? { marketplace: inbox.marketplace } : {}) }, classification, now);
        return changed(before, after) ? [{ base: before, next: after }] : [];
      });
      if (changes.length > 0) await remember(changes);
    }
    return items;
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
    watch = orderId ? await watches.get(orderId) : undefined;
    if (mine !== generation) return;
    if (next?.kind === 'message-thread' && next.messages.some((m) => m.sender !== 'seller')) {
      emit();
      try {
        classified = await classifyMessages(next);
      } catch (error) {
        // The background is asleep past reach or the extension was updated: guide on the page alone.
        console.warn('Seller Sidekick: could not classify the messages on this page.', error);
        classified = [];
      }
      if (mine !== generation) return;
    }
    const now = Date.now();
    if (next?.kind === 'message-inbox' && next.cases && next.cases.length > 0) {
      try {
        const items = await triageInbox(next, now);
        if (mine !== generation) return;
        triage = items;
      } catch (error) {
        console.warn('Seller Sidekick: could not sort the cases on this page.', error);
        triage = [];
      }
    }
    if (next?.kind === 'transactions') {
      // The rates and sales are kept, and judged, in the background (lib/fees).
      const answer = await requestTransactions(next).catch((error: unknown) => console.warn('Seller Sidekick: could not check the transactions.', error));
      if (mine !== generation) return;
      fees = answer ?? undefined;
    }
    let remembered: OrderWatch | undefined;
    if (next?.kind === 'order-details') remembered = observeOrder(watch, next, now);
    // Text the seller selected is advised on, never remembered: the order memory feeds the badge,
    // the popup and the order page for 30 days, and a selection is weaker evidence than a thread
    // read from the page. Its sender is only assumed (it may be the seller's own words or a quote),
    // it has no time (its key `buyer:#0` would overwrite the thread's first buyer message), nobody
    // knows whether it was answered, and the order it names may be one the seller typed. So the
    // safer choice: nothing of it is written, not even its intent. The order's record is only read.
    else if (next?.kind === 'message-thread' && next.orderId && !isFromSelection(next)) remembered = observeThread(watch, { ...next, orderId: next.orderId }, classified ?? [], now);
    else if (next?.kind === 'notice' && next.orderId) remembered = observeNotice(watch, { ...next, orderId: next.orderId }, now);
    if (next?.kind === 'order-list' && next.orders.length > 0) {
      // Every row, for the badge: the facts only (ids, deadlines, states), written in one go.
      const known = await watches.getMany(next.orders.map((row) => row.orderId));
      const rows = next.orders.map((row) => observeOrder(known.get(row.orderId), { ...row, marketplace: row.marketplace ?? next.marketplace }, now));
      const fresh = rows.filter((row) => changed(known.get(row.orderId), row));
      if (fresh.length > 0) await remember(fresh.map((row) => ({ base: known.get(row.orderId), next: row })));
    }
    if (remembered) {
      const merged = changed(watch, remembered) ? await remember([{ base: watch, next: remembered }]) : [];
      watch = merged[0] ?? remembered;
    }
    if (next?.kind === 'account-health' && next.cancellationRate) {
      const reading: AccountHealthReading = {
        version: 1,
        cancellationRate: next.cancellationRate,
        readAt: new Date(now).toISOString(),
        ...(next.marketplace ? { marketplace: next.marketplace } : {}),
      };
      if (JSON.stringify(health?.cancellationRate) !== JSON.stringify(reading.cancellationRate) || now - Date.parse(health?.readAt ?? '1970-01-01T00:00:00Z') > 3_600_000) {
        health = reading;
        await healthItem.setValue(reading);
      }
    }
    if (mine !== generation) return;
    pending = false;
    emit();
  }

  // Memory written by another tab (a thread read there) reaches this order page at once.
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    const orderId = snapshot && 'orderId' in snapshot ? snapshot.orderId : undefined;
    if (area !== 'local' || !orderId || !(watchKey(orderId) in changes)) return;
    void watches.get(orderId).then((fresh) => {
      if (JSON.stringify(fresh) === JSON.stringify(watch)) return;
      watch = fresh;
      emit();
    });
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

  const unwatch = [
    settingsItem.watch((next) => {
      settings = next;
      emit();
    }),
    dismissalItem.watch((next) => {
      dismissed = next;
      emit();
    }),
    healthItem.watch((next) => {
      health = next;
      emit();
    }),
    // The seller's corrections changed (here, in another tab, or on the options page): what was
    // classified before may read otherwise now, so the page is classified again.
    // (A moment later: the background follows the same change with its own watch.)
    layerItem.watch(() => {
      cache.clear();
      ctx.setTimeout(() => {
        if (snapshot?.kind === 'message-thread') void ready.then(() => process(snapshot));
      }, LAYER_SETTLE_MS);
    }),
  ];
  ctx.onInvalidated(() => unwatch.forEach((stop) => stop()));
  ctx.setInterval(emit, TICK_MS);

  const ready = Promise.all([settingsItem.getValue(), dismissalItem.getValue(), healthItem.getValue()]).then(([s, d, h]) => {
    settings = s;
    dismissed = d;
    health = h;
  });

  return {
    /** A new snapshot of the page (or undefined on pages we do not read). */
    update(next: PageSnapshot | undefined) {
      void ready.then(() => process(next));
    },
    async dismiss(finding: Finding, hide: boolean) {
      dismissed = withDismissal(dismissed, finding.subject, finding.id, hide, new Date().toISOString());
      emit();
      await dismissalItem.setValue(dismissed);
    },
    current: () => all,
    /** What the classifier reads for message `index` of the page now (for a correction). */
    inputOf: (index: number): ClassifyInput | undefined => (snapshot?.kind === 'message-thread' ? classifyInputOf(snapshot, index) : undefined),
  };
}
