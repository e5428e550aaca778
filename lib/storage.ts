/**
 * The one module that touches `browser.storage` (with lib/messaging, the only impure part of lib/).
 *
 * Every value read is checked with its Zod schema. A value that fails is never silently dropped:
 * it is copied, with the reason, to a backup key (`backup:<key>:<time>`) before the default is
 * used, so the seller's data can still be recovered by hand or by a later migration.
 */
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { DEFAULT_SIDEBAR_SETTINGS, EMPTY_URGENT_SUMMARY, STORAGE_KEYS, SidebarSettings, UrgentSummary } from './settings';

export const BACKUP_PREFIX = 'backup:';

export interface StoredItem<T> {
  readonly key: string;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Calls back with every valid new value (from any tab or context); returns the unsubscribe. */
  watch(callback: (value: T) => void): () => void;
}

export interface StoredItemOptions {
  /** Told when a corrupt value was backed up; defaults to a console warning. */
  readonly onCorrupt?: (key: string, backupKey: string, reason: string) => void;
  /** The clock, for the backup key; injectable for tests. */
  readonly now?: () => number;
}

type Schema<T> = z.ZodMiniType<T>;

export function defineStoredItem<T>(
  key: string,
  schema: Schema<T>,
  fallback: T,
  options: StoredItemOptions = {},
): StoredItem<T> {
  const area = browser.storage.local;
  const now = options.now ?? Date.now;
  const onCorrupt =
    options.onCorrupt ??
    ((k: string, backupKey: string, reason: string) =>
      console.warn(`Seller Sidekick: stored "${k}" was unreadable (${reason}); kept a copy in "${backupKey}".`));

  async function backUp(raw: unknown, reason: string): Promise<void> {
    const backupKey = `${BACKUP_PREFIX}${key}:${now()}`;
    await area.set({ [backupKey]: { key, reason, value: raw } });
    await area.set({ [key]: fallback });
    onCorrupt(key, backupKey, reason);
  }

  return {
    key,
    async getValue() {
      const stored = await area.get(key);
      if (!(key in stored) || stored[key] === undefined) return fallback;
      const parsed = schema.safeParse(stored[key]);
      if (parsed.success) return parsed.data;
      await backUp(stored[key], z.prettifyError(parsed.error));
      return fallback;
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

export const sidebarSettingsItem = (options?: StoredItemOptions): StoredItem<SidebarSettings> =>
  defineStoredItem(STORAGE_KEYS.sidebar, SidebarSettings, DEFAULT_SIDEBAR_SETTINGS, options);

export const urgentSummaryItem = (options?: StoredItemOptions): StoredItem<UrgentSummary> =>
  defineStoredItem(STORAGE_KEYS.urgentSummary, UrgentSummary, EMPTY_URGENT_SUMMARY, options);
