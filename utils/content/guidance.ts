/**
 * Wires the page pipeline (lib/pipeline/page.ts) to the browser: its ports are the order memory in
 * storage, the background's classifier and rules, and the clock; stored settings, dismissals, the
 * account-health reading, the corrections and other tabs' writes reach it as events. No decision
 * here: every rule is in lib/.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import type { Finding } from '@/lib/guidance/types';
import { askWithRetries, requestAdvice, requestClassification, requestRemember, requestTransactions } from '@/lib/messaging';
import { createPagePipeline, type GuidanceState, type PipelinePorts } from '@/lib/pipeline/page';
import { accountHealthItem, correctionsItem, dismissedItem, userSettingsItem, watchStore } from '@/lib/storage';
import { watchKey } from '@/lib/watch';

export type { GuidanceState, MessageReading } from '@/lib/pipeline/page';

/** Countdowns and "unanswered for 12 hours" move with the clock. */
const TICK_MS = 60_000;
/** After the corrections changed, the page is classified again this much later (the background follows the same change first). */
const LAYER_SETTLE_MS = 150;

export function createGuidance(ctx: ContentScriptContext, onChange: (state: GuidanceState) => void) {
  const watches = watchStore();
  const settingsItem = userSettingsItem();
  const dismissalItem = dismissedItem();
  const healthItem = accountHealthItem();
  const layerItem = correctionsItem();

  const ports: PipelinePorts = {
    now: () => Date.now(),
    getWatch: (orderId) => watches.get(orderId),
    getWatches: (orderIds) => watches.getMany([...orderIds]),
    // Order records are written by the background, merged into what is stored (other tabs write
    // too); if it cannot be reached (the extension was just updated), merged here.
    remember: (changes) => requestRemember(changes).catch(() => watches.update(changes)),
    classify: (inputs) => requestClassification([...inputs]),
    advise: (input) => askWithRetries(() => requestAdvice(input), [] as Finding[], 'get the findings for this page', 200),
    checkTransactions: (snapshot) => requestTransactions(snapshot),
    saveAccountHealth: (reading) => healthItem.setValue(reading),
    warn: (what, error) => console.warn(`Seller Sidekick: ${what}`, error),
  };
  const pipeline = createPagePipeline(ports, onChange);
  pipeline.start(Promise.all([settingsItem.getValue(), dismissalItem.getValue(), healthItem.getValue()]).then(([settings, dismissed, health]) => ({ settings, dismissed, health })));

  // Memory written by another tab (a thread read there) reaches this order page at once.
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    const orderId = pipeline.orderId();
    if (area !== 'local' || !orderId || !(watchKey(orderId) in changes)) return;
    void watches.get(orderId).then((fresh) => pipeline.orderChanged(fresh));
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

  const unwatch = [
    settingsItem.watch((next) => pipeline.setSettings(next)),
    dismissalItem.watch((next) => pipeline.setDismissed(next)),
    healthItem.watch((next) => pipeline.setHealth(next)),
    // The seller's corrections changed (here, in another tab, or on the options page): what was
    // classified before may read otherwise now, so the page is classified again.
    layerItem.watch(() => {
      pipeline.forgetClassifications();
      ctx.setTimeout(() => pipeline.reclassify(), LAYER_SETTLE_MS);
    }),
  ];
  ctx.onInvalidated(() => unwatch.forEach((stop) => stop()));
  ctx.setInterval(() => pipeline.tick(), TICK_MS);

  return {
    update: pipeline.update,
    async dismiss(finding: Finding, hide: boolean) {
      await dismissalItem.setValue(pipeline.dismiss(finding, hide));
    },
    current: pipeline.current,
    inputOf: pipeline.inputOf,
  };
}
