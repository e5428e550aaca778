/**
 * The background's work (entrypoints/background/index.ts only starts it): answers the content script (classification, UI text), works out which orders need
 * action from the order memory (lib/urgency) whenever it changes and on alarms, and shows the
 * result on the toolbar badge. Listeners are registered synchronously so the MV3 service worker
 * wakes up for them.
 */
import { browser } from 'wxt/browser';
import { badgeFor } from '@/lib/badge';
import { STORAGE_KEYS, type UrgentSummary } from '@/lib/settings';
import { handledItem, urgentSummaryItem, userSettingsItem, watchStore } from '@/lib/storage';
import { nextCheck, pruneHandled, urgentOrders } from '@/lib/urgency';
import { WATCH_PREFIX } from '@/lib/watch';
import { warmClassifier } from '@/lib/classify/classify';
import { translate as t } from '@/utils/translate';
import { watchCorrections } from './corrections';
import { handleRequest } from './requests';

export const RECOMPUTE_ALARM = 'recompute-urgency';
const DEBOUNCE_MS = 250;

/** MV3 has `action`; Firefox MV2 has `browserAction` with the same badge calls. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

export async function showSummary(summary: UrgentSummary): Promise<void> {
  const action = toolbarAction();
  const badge = badgeFor(summary, t);
  await Promise.all([action.setBadgeText({ text: badge.text }), action.setBadgeBackgroundColor({ color: badge.color }), action.setTitle({ title: badge.title })]);
}

/** Works out the urgent orders now, stores the summary (the badge follows it) and sets the next alarm. */
export async function recompute(now: number = Date.now()): Promise<UrgentSummary> {
  const handled = handledItem();
  const [watches, done, settings] = await Promise.all([watchStore().all(now, { prune: true }), handled.getValue(), userSettingsItem().getValue()]);
  const orders = urgentOrders(watches, done, settings, now);
  const summary: UrgentSummary = { version: 1, count: orders.length, overdue: orders.some((o) => o.overdue) };
  const item = urgentSummaryItem();
  const before = await item.getValue();
  if (before.count !== summary.count || before.overdue !== summary.overdue) await item.setValue(summary);
  const pruned = pruneHandled(done, watches);
  if (Object.keys(pruned.orders).length !== Object.keys(done.orders).length) await handled.setValue(pruned);
  await browser.alarms.create(RECOMPUTE_ALARM, { when: nextCheck(watches, done, settings, now) });
  return summary;
}

/** Registers the background's listeners (synchronously, so the service worker wakes for them) and shows the badge. */
export function startBackground(): void {
  // Only the extension's own pages and content scripts can reach this listener. The answer goes
  // back through sendResponse (kept open by returning true), which Chrome and Firefox both honour
  // without a polyfill; a request that fails answers with an error the sender's schema refuses.
  browser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
    Promise.resolve()
      .then(() => handleRequest(message))
      .then(sendResponse, (error: unknown) => sendResponse({ error: error instanceof Error ? error.message : String(error) }));
    return true;
  });
  // The seller's corrections count at once, from wherever they were written (a tab, the options page).
  watchCorrections();
  // Every start (a service worker starts often): the classifier's tables compiled and its code run
  // once, after the request that woke it, if any, was taken, so a page's first classification
  // does not pay for them (pages send 'warm' as they start, before they have read anything).
  setTimeout(warmClassifier, 0);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void recompute().catch((error: unknown) => console.warn('Seller Sidekick: could not work out the urgent orders.', error));
    }, DEBOUNCE_MS);
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    const keys = Object.keys(changes);
    if (keys.some((key) => key.startsWith(WATCH_PREFIX) || key === STORAGE_KEYS.handled || key === STORAGE_KEYS.settings)) soon();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RECOMPUTE_ALARM) soon();
  });

  const summaryItem = urgentSummaryItem();
  summaryItem.watch((summary) => void showSummary(summary));
  void summaryItem.getValue().then(showSummary);
  soon();
}
