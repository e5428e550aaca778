/**
 * The one module that touches `browser.storage` (with lib/messaging, the only impure part of lib/).
 *
 * Every value read is checked with its Zod schema. A value that fails is never silently dropped:
 * it is copied, with the reason, to a backup key (`backup:<key>:<time>`) before the default is
 * used, so the seller's data can still be recovered by hand or by a later migration.
 */
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import {
  AccountHealthReading,
  DEFAULT_SIDEBAR_SETTINGS,
  DEFAULT_USER_SETTINGS,
  Dismissed,
  EMPTY_DISMISSED,
  EMPTY_URGENT_SUMMARY,
  STORAGE_KEYS,
  SidebarSettings,
  UrgentSummary,
  UserSettings,
} from './settings';
import { CorrectionLayerSchema, emptyLayer, type CorrectionLayer } from './classify/corrections';
import { EMPTY_HANDLED, Handled } from './urgency';
import { EMPTY_COLLECTION, SYNC_PREFIX, TemplateCollection, fromSyncItems, newer, salvageTemplates, toSyncItems, wellFormedCollection, withRestored } from './templates/user-templates';
import { OrderWatch, WATCH_PREFIX, WatchChange, isExpired, mergeWatch, migrateWatch, watchKey } from './watch';

export const BACKUP_PREFIX = 'backup:';

export interface StoredItem<T> {
  readonly key: string;
  /** The value, or the fallback when there is none or it is unreadable. Never rejects. */
  getValue(): Promise<T>;
  /** The value and, if it could not be used, what went wrong (also told to `onProblem`). Never rejects. */
  read(): Promise<ReadResult<T>>;
  setValue(value: T): Promise<void>;
  /** Calls back with every valid new value (from any tab or context); returns the unsubscribe. */
  watch(callback: (value: T) => void): () => void;
}

/**
 * Why a stored value could not be used. In every case the reader gets the fallback (or, for an
 * order record, nothing) and goes on.
 * - `corrupt`: it failed its schema; it was copied to `backupKey` and replaced.
 * - `backup-failed`: it failed its schema and no backup could be written (storage full, say); it
 *   is left where it is, as the only copy, and the next read tries again.
 * - `read-failed`: storage could not be read at all.
 */
export type StorageProblem =
  | { readonly kind: 'corrupt'; readonly key: string; readonly backupKey: string; readonly reason: string }
  | { readonly kind: 'backup-failed'; readonly key: string; readonly reason: string; readonly error: string }
  | { readonly kind: 'read-failed'; readonly key: string; readonly error: string };

export interface ReadResult<T> {
  readonly value: T;
  readonly problem?: StorageProblem;
}

export interface StoredItemOptions {
  /** Told when a corrupt value was backed up (kept for callers that only care about that). */
  readonly onCorrupt?: (key: string, backupKey: string, reason: string) => void;
  /** Told of every problem; defaults to a console warning. */
  readonly onProblem?: (problem: StorageProblem) => void;
  /** The clock, for the backup key; injectable for tests. */
  readonly now?: () => number;
}

type Schema<T> = z.ZodMiniType<T>;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function describeProblem(problem: StorageProblem): string {
  switch (problem.kind) {
    case 'corrupt':
      return `stored "${problem.key}" was unreadable (${problem.reason}); kept a copy in "${problem.backupKey}".`;
    case 'backup-failed':
      return `stored "${problem.key}" is unreadable (${problem.reason}) and could not be backed up (${problem.error}); it is left in place and the default is used.`;
    case 'read-failed':
      return `could not read "${problem.key}" (${problem.error}); the default is used.`;
  }
}

function report(problem: StorageProblem, options: StoredItemOptions): void {
  if (problem.kind === 'corrupt') options.onCorrupt?.(problem.key, problem.backupKey, problem.reason);
  if (options.onProblem) options.onProblem(problem);
  else if (!(problem.kind === 'corrupt' && options.onCorrupt)) console.warn(`Seller Sidekick: ${describeProblem(problem)}`);
}

/**
 * Copies an unreadable value, with the reason, to `backup:<key>:<time>` in storage.local and
 * reports it. Never rejects: a backup that cannot be written is reported as `backup-failed`, and
 * the caller must then leave the original where it is (it is the only copy).
 */
async function backUpValue(key: string, raw: unknown, reason: string, options: StoredItemOptions): Promise<StorageProblem> {
  const backupKey = `${BACKUP_PREFIX}${key}:${(options.now ?? Date.now)()}`;
  let problem: StorageProblem;
  try {
    await browser.storage.local.set({ [backupKey]: { key, reason, value: raw } });
    problem = { kind: 'corrupt', key, backupKey, reason };
  } catch (error) {
    problem = { kind: 'backup-failed', key, reason, error: message(error) };
  }
  report(problem, options);
  return problem;
}

/** Runs a write that tidies up after a read; a failure is only worth a warning (nothing is lost). */
async function tidy(what: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    console.warn(`Seller Sidekick: could not ${what} (${message(error)}); it is tried again next time.`);
  }
}

export function defineStoredItem<T>(key: string, schema: Schema<T>, fallback: T, options: StoredItemOptions = {}): StoredItem<T> {
  const area = browser.storage.local;

  async function read(): Promise<ReadResult<T>> {
    let stored: Record<string, unknown>;
    try {
      stored = await area.get(key);
    } catch (error) {
      const problem: StorageProblem = { kind: 'read-failed', key, error: message(error) };
      report(problem, options);
      return { value: fallback, problem };
    }
    if (!(key in stored) || stored[key] === undefined) return { value: fallback };
    const parsed = schema.safeParse(stored[key]);
    if (parsed.success) return { value: parsed.data };
    const problem = await backUpValue(key, stored[key], z.prettifyError(parsed.error), options);
    // Replaced only once a copy exists; otherwise the unreadable value stays, as the only copy.
    if (problem.kind === 'corrupt') await tidy(`replace "${key}" after backing it up`, () => area.set({ [key]: fallback }));
    return { value: fallback, problem };
  }

  return {
    key,
    read,
    async getValue() {
      return (await read()).value;
    },
    async setValue(value) {
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new Error(`Refusing to store an invalid "${key}": ${z.prettifyError(parsed.error)}`);
      await area.set({ [key]: parsed.data });
    },
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
        if (areaName !== 'local' || !(key in changes)) return;
        const next = changes[key]?.newValue;
        // Removal: browsers leave newValue out; some report null.
        if (next === undefined || next === null) {
          callback(fallback);
          return;
        }
        const parsed = schema.safeParse(next);
        if (parsed.success) callback(parsed.data);
        // An invalid new value is backed up by the next getValue(); watchers keep the last good one.
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

// The items themselves. Defined lazily so that importing this module touches no browser API.

export const sidebarSettingsItem = (options?: StoredItemOptions): StoredItem<SidebarSettings> => defineStoredItem(STORAGE_KEYS.sidebar, SidebarSettings, DEFAULT_SIDEBAR_SETTINGS, options);

export const urgentSummaryItem = (options?: StoredItemOptions): StoredItem<UrgentSummary> => defineStoredItem(STORAGE_KEYS.urgentSummary, UrgentSummary, EMPTY_URGENT_SUMMARY, options);

export const userSettingsItem = (options?: StoredItemOptions): StoredItem<UserSettings> => defineStoredItem(STORAGE_KEYS.settings, UserSettings, DEFAULT_USER_SETTINGS, options);

export const dismissedItem = (options?: StoredItemOptions): StoredItem<Dismissed> => defineStoredItem(STORAGE_KEYS.dismissed, Dismissed, EMPTY_DISMISSED, options);

export const accountHealthItem = (options?: StoredItemOptions): StoredItem<AccountHealthReading | null> =>
  defineStoredItem(STORAGE_KEYS.accountHealth, z.nullable(AccountHealthReading), null, options);

export const handledItem = (options?: StoredItemOptions): StoredItem<Handled> => defineStoredItem(STORAGE_KEYS.handled, Handled, EMPTY_HANDLED, options);

const EMPTY_LAYER = emptyLayer();
/**
 * The seller's corrections of the classifier (lib/classify/corrections.ts): feature ids and
 * numbers, never a message. Written by the background (a correction, its undo) and the options
 * page (import, reset); an unreadable layer is backed up and the empty one used.
 */
export const correctionsItem = (options?: StoredItemOptions): StoredItem<CorrectionLayer> => defineStoredItem(STORAGE_KEYS.corrections, CorrectionLayerSchema, EMPTY_LAYER, options);

/** Keys of what the extension knows about orders (not the seller's preferences or templates). */
export const ORDER_DATA_KEYS: readonly string[] = [
  STORAGE_KEYS.urgentSummary,
  STORAGE_KEYS.dismissed,
  STORAGE_KEYS.accountHealth,
  STORAGE_KEYS.handled,
  STORAGE_KEYS.feeRates,
  STORAGE_KEYS.salesWatch,
];

const isOrderDataKey = (key: string) => key.startsWith(WATCH_PREFIX) || ORDER_DATA_KEYS.includes(key);

/** The key a backup was made of: `backup:<key>:<time>` gives `<key>` (which may hold colons). */
export function backedUpKey(backupKey: string): string | undefined {
  if (!backupKey.startsWith(BACKUP_PREFIX)) return undefined;
  const rest = backupKey.slice(BACKUP_PREFIX.length);
  const colon = rest.lastIndexOf(':');
  return colon > 0 ? rest.slice(0, colon) : undefined;
}

/**
 * Options' "Clear all order data": every order record and the state about orders (dismissals,
 * done marks, the badge count, the account-health reading), with the backups of those. The
 * seller's own settings and templates stay, and so do their backups (they may be all that is
 * left of a damaged value). Resolves with how many items went.
 */
export async function clearOrderData(): Promise<number> {
  const area = browser.storage.local;
  const keys = Object.keys(await area.get(null)).filter((key) => {
    const of = backedUpKey(key);
    return of !== undefined ? isOrderDataKey(of) : isOrderDataKey(key);
  });
  if (keys.length > 0) await area.remove(keys);
  return keys.length;
}

/**
 * Order-record writes made in this context, one at a time: each reads what is stored, merges and
 * writes before the next begins. Every tab sends its writes to the background (lib/messaging
 * `requestRemember`), so there they are all in one line and none can overwrite another.
 */
let watchWrites: Promise<unknown> = Promise.resolve();
function serially<T>(work: () => Promise<T>): Promise<T> {
  const run = watchWrites.then(work, work);
  watchWrites = run.catch(() => undefined);
  return run;
}

/**
 * Order watch records, one storage key per order (`watch:<orderId>`). Written only by `update`,
 * which merges each observation into what is stored (lib/watch `mergeWatch`), so that two tabs
 * writing about the same order at the same time both keep what they saw. A record that does not
 * validate is backed up (never dropped silently) and treated as absent.
 */
export const watchStore = (options: StoredItemOptions = {}) => {
  const area = browser.storage.local;
  const now = options.now ?? Date.now;
  /**
   * Backs up an unreadable record and removes it, unless it changed in the meantime (a fresh
   * record written by another context is not removed). Without a backup, it stays.
   */
  async function backUp(key: string, raw: unknown, reason: string) {
    const problem = await backUpValue(key, raw, reason, options);
    if (problem.kind !== 'corrupt') return;
    await tidy(`remove "${key}" after backing it up`, async () => {
      const again = await area.get(key);
      if (JSON.stringify(again[key]) === JSON.stringify(raw)) await area.remove(key);
    });
  }
  /** `area.get`, or nothing (reported) when storage cannot be read. */
  async function getRaw(keys: string | string[] | null, what: string): Promise<Record<string, unknown>> {
    try {
      return await area.get(keys);
    } catch (error) {
      report({ kind: 'read-failed', key: what, error: message(error) }, options);
      return {};
    }
  }
  async function readAll(at: number, prune: boolean): Promise<OrderWatch[]> {
    const everything = await getRaw(null, `${WATCH_PREFIX}*`);
    const watches: OrderWatch[] = [];
    const expired: string[] = [];
    for (const [key, raw] of Object.entries(everything)) {
      if (!key.startsWith(WATCH_PREFIX)) continue;
      const read = migrateWatch(raw);
      if (!read.ok) await backUp(key, raw, read.reason);
      else if (isExpired(read.watch, at)) expired.push(key);
      else watches.push(read.watch);
    }
    if (prune && expired.length > 0) await tidy('remove expired order records', () => area.remove(expired));
    return watches;
  }
  return {
    async get(orderId: string): Promise<OrderWatch | undefined> {
      const key = watchKey(orderId);
      const stored = await getRaw(key, key);
      if (stored[key] === undefined) return undefined;
      const read = migrateWatch(stored[key]);
      if (read.ok) return read.watch;
      await backUp(key, stored[key], read.reason);
      return undefined;
    },
    /**
     * Writes observations, each merged into the record stored now, in one write; resolves with
     * the merged records. Rejects on an invalid record or when storage cannot be read (writing
     * blind could overwrite what is there). An order whose stored record is unreadable and could
     * not be backed up is left alone (reported), so nothing is overwritten without a copy.
     */
    async update(changes: readonly WatchChange[]): Promise<OrderWatch[]> {
      for (const change of changes) {
        const parsed = WatchChange.safeParse(change);
        if (!parsed.success) throw new Error(`Refusing to store an invalid order watch: ${z.prettifyError(parsed.error)}`);
      }
      if (changes.length === 0) return [];
      return serially(() => mergeIntoStored(area, changes, options));
    },
    /** Records of these orders, valid ones only (corrupt ones are backed up). */
    async getMany(orderIds: readonly string[]): Promise<Map<string, OrderWatch>> {
      const keys = orderIds.map(watchKey);
      const stored = keys.length > 0 ? await getRaw(keys, `${WATCH_PREFIX}*`) : {};
      const found = new Map<string, OrderWatch>();
      for (const [key, raw] of Object.entries(stored)) {
        const read = migrateWatch(raw);
        if (read.ok) found.set(read.watch.orderId, read.watch);
        else await backUp(key, raw, read.reason);
      }
      return found;
    },
    /**
     * Every valid, unexpired record (corrupt ones are backed up). With `prune` (the background),
     * expired ones are also removed, in line with the writes so that none is removed just as a
     * tab writes it afresh.
     */
    async all(at: number = now(), { prune = false }: { prune?: boolean } = {}): Promise<OrderWatch[]> {
      return prune ? serially(() => readAll(at, true)) : readAll(at, false);
    },
  };
};

/**
 * watchStore's update, in line with the other writes: each change merged into the record stored
 * now, all written in one go; resolves with the merged records. An order whose stored record is
 * unreadable and could not be backed up is left alone.
 */
async function mergeIntoStored(area: typeof browser.storage.local, changes: readonly WatchChange[], options: StoredItemOptions): Promise<OrderWatch[]> {
  const keys = [...new Set(changes.map((change) => watchKey(change.next.orderId)))];
  const stored = await area.get(keys);
  const merged = new Map<string, OrderWatch | undefined>();
  const untouchable = new Set<string>();
  for (const key of keys) {
    const raw = stored[key];
    if (raw === undefined) continue;
    const read = migrateWatch(raw);
    if (read.ok) merged.set(key, read.watch);
    else if ((await backUpValue(key, raw, read.reason, options)).kind !== 'corrupt') untouchable.add(key);
  }
  for (const { base, next } of changes) {
    const key = watchKey(next.orderId);
    if (!untouchable.has(key)) merged.set(key, mergeWatch(merged.get(key), base, next));
  }
  const items: Record<string, OrderWatch> = {};
  for (const [key, watch] of merged) if (watch && !untouchable.has(key)) items[key] = OrderWatch.parse(watch);
  if (Object.keys(items).length > 0) await area.set(items);
  return Object.values(items);
}

/** Where a damaged sync copy of the templates is backed up (`backup:sync-templates:<time>`). */
export const SYNC_BACKUP_KEY = 'sync-templates';

/** A backup of the templates, as the options page shows it. */
export interface TemplateBackup {
  readonly backupKey: string;
  /** This browser's copy (`templates`), or the sync copy. */
  readonly source: 'local' | 'sync';
  /** When it was made (epoch ms, from its key). */
  readonly at: number;
  /** Why the value was set aside. */
  readonly reason: string;
  /** The templates in it that can be brought back. */
  readonly restorable: TemplateCollection;
  /** Entries in it that cannot. */
  readonly unreadable: number;
}

const BackupRecord = z.lazy(() => z.object({ key: z.string(), reason: z.string(), value: z.unknown() }));

export type SaveResult = { readonly synced: boolean; readonly reason?: string };

export interface TemplateLoad {
  readonly collection: TemplateCollection;
  readonly localProblem?: StorageProblem;
  readonly syncProblem?: string;
}

/**
 * The seller's templates: a local copy in `storage.local` (always written first) and the same in
 * `storage.sync`, split into items within its quotas, so they follow the seller to other browsers.
 * A corrupt or unreadable sync value never replaces the local copy: it is backed up and reported.
 * When sync cannot take the collection (quota), the local copy still holds it.
 */
/** The key of the seller's templates in storage.local (watched by the content script to refresh its picker). */
export const TEMPLATES_KEY = 'templates';

export const templateStore = (options: StoredItemOptions = {}) => {
  const local = defineStoredItem(TEMPLATES_KEY, TemplateCollection, EMPTY_COLLECTION, options);
  const now = options.now ?? Date.now;
  return {
    local,
    /**
     * The collection to edit and use. Never rejects: `localProblem` says why this browser's copy
     * could not be used (it was backed up, or could not be), `syncProblem` why the sync copy was not.
     */
    async load(): Promise<TemplateLoad> {
      const { value: mine, problem: localProblem } = await local.read();
      const withLocal = localProblem ? { localProblem } : {};
      let items: Record<string, unknown>;
      try {
        items = await browser.storage.sync.get(null);
      } catch (error) {
        return { collection: mine, ...withLocal, syncProblem: message(error) };
      }
      const read = fromSyncItems(items, mine);
      if (read.ok === 'absent') return { collection: mine, ...withLocal };
      if (read.ok === false) {
        const raw = Object.fromEntries(Object.entries(items).filter(([key]) => key.startsWith(SYNC_PREFIX)));
        const backup = await backUpValue(SYNC_BACKUP_KEY, raw, read.reason, options);
        const syncProblem = backup.kind === 'backup-failed' ? `${read.reason} (and no backup of it could be written: ${backup.error})` : read.reason;
        return { collection: mine, ...withLocal, syncProblem };
      }
      const chosen = newer(mine, read.collection);
      if (chosen !== mine) await tidy('keep the synced templates in this browser', () => local.setValue(chosen));
      return { collection: chosen, ...withLocal };
    },
    async save(collection: TemplateCollection): Promise<SaveResult> {
      // Lone surrogates become U+FFFD here, as a browser's storage would make them: both copies agree.
      const stamped: TemplateCollection = { ...wellFormedCollection(collection), savedAt: new Date(now()).toISOString() };
      await local.setValue(stamped);
      const split = toSyncItems(stamped);
      if (!split.ok) return { synced: false, reason: split.reason };
      try {
        const before = Object.keys(await browser.storage.sync.get(null)).filter((key) => key.startsWith(SYNC_PREFIX));
        await browser.storage.sync.set(split.items);
        const stale = before.filter((key) => !(key in split.items));
        if (stale.length > 0) await browser.storage.sync.remove(stale);
        return { synced: true };
      } catch (error) {
        return { synced: false, reason: message(error) };
      }
    },
    /** The backups of the templates (this browser's copy and the sync copy), newest first. */
    backups(): Promise<TemplateBackup[]> {
      return templateBackups(options);
    },
    /**
     * Brings back what a backup holds: every template readable on its own, joined to the current
     * ones (which win where they meet), saved like an edit. The backup itself stays.
     */
    async restore(backupKey: string): Promise<{ readonly restored: number; readonly collection: TemplateCollection; readonly saved: SaveResult }> {
      const backup = (await this.backups()).find((b) => b.backupKey === backupKey);
      if (!backup) throw new Error(`No template backup "${backupKey}".`);
      const { value: current } = await local.read();
      const next = withRestored(current, backup.restorable);
      const saved = await this.save(next);
      return { restored: backup.restorable.templates.length, collection: (await local.read()).value, saved };
    },
    /** Deletes one template backup (the seller asked to, after seeing what it holds). */
    async deleteBackup(backupKey: string): Promise<void> {
      const of = backedUpKey(backupKey);
      if (of !== 'templates' && of !== SYNC_BACKUP_KEY) throw new Error(`Not a template backup: "${backupKey}".`);
      await browser.storage.local.remove(backupKey);
    },
  };
};

/** templateStore's backups: every backup of the templates (this browser's copy and the sync copy), newest first. */
async function templateBackups(options: StoredItemOptions): Promise<TemplateBackup[]> {
  let everything: Record<string, unknown>;
  try {
    everything = await browser.storage.local.get(null);
  } catch (error) {
    report({ kind: 'read-failed', key: `${BACKUP_PREFIX}templates`, error: message(error) }, options);
    return [];
  }
  const found: TemplateBackup[] = [];
  for (const [backupKey, raw] of Object.entries(everything)) {
    const of = backedUpKey(backupKey);
    if (of !== 'templates' && of !== SYNC_BACKUP_KEY) continue;
    const record = BackupRecord.safeParse(raw);
    const at = Number(backupKey.slice(backupKey.lastIndexOf(':') + 1));
    const salvage = salvageTemplates(record.success ? record.data.value : undefined);
    found.push({
      backupKey,
      source: of === 'templates' ? 'local' : 'sync',
      at: Number.isFinite(at) ? at : 0,
      reason: record.success ? record.data.reason : 'the backup itself is unreadable',
      restorable: salvage.collection,
      unreadable: salvage.unreadable,
    });
  }
  return found.sort((a, b) => b.at - a.at);
}
