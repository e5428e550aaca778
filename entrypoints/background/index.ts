/**
 * Background: mirrors the urgent-order summary from storage onto the toolbar badge.
 * Listeners are registered synchronously so the MV3 service worker wakes up for them.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { badgeFor } from '@/lib/badge';
import type { UrgentSummary } from '@/lib/settings';
import { urgentSummaryItem } from '@/lib/storage';
import { translate as t } from '@/utils/translate';
import { handleRequest } from './requests';

/** MV3 has `action`; Firefox MV2 has `browserAction` with the same badge calls. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

export async function showSummary(summary: UrgentSummary): Promise<void> {
  const action = toolbarAction();
  const badge = badgeFor(summary, t);
  await Promise.all([
    action.setBadgeText({ text: badge.text }),
    action.setBadgeBackgroundColor({ color: badge.color }),
    action.setTitle({ title: badge.title }),
  ]);
}

export default defineBackground(() => {
  // Only the extension's own pages and content scripts can reach this listener.
  browser.runtime.onMessage.addListener((message: unknown) => Promise.resolve(handleRequest(message)));
  const summaryItem = urgentSummaryItem();
  summaryItem.watch((summary) => void showSummary(summary));
  void summaryItem.getValue().then(showSummary);
});
