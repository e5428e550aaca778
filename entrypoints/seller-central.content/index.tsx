/**
 * The one content script for every Seller Central host: recognises the page from its URL, follows
 * in-page navigation, and mounts the sidebar in a shadow root. No business rules here: those are in lib/.
 */
import './style.css';
import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Sidebar } from '@/components/Sidebar';
import { SELLER_CENTRAL_MATCHES } from '@/lib/hosts';
import { recognisePage, type RecognisedPage } from '@/lib/pages/page-type';
import type { PageSnapshot } from '@/lib/pages/snapshot';
import { DEFAULT_SIDEBAR_SETTINGS, type SidebarSettings } from '@/lib/settings';
import { sidebarSettingsItem } from '@/lib/storage';
import { PANEL_WIDTH_PX, TAB_WIDTH_PX, releaseRightEdge, reserveRightEdge } from './layout';
import { watchPageContent } from './page-reading';
import { browser } from 'wxt/browser';
import { translate as t } from '@/utils/translate';

export default defineContentScript({
  matches: [...SELLER_CENTRAL_MATCHES],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    let page: RecognisedPage | undefined = recognisePage(new URL(location.href));
    if (!page) return;
    const settingsItem = sidebarSettingsItem();
    let settings: SidebarSettings = DEFAULT_SIDEBAR_SETTINGS;
    let root: HTMLElement | undefined;
    let snapshot: PageSnapshot | undefined;
    const locale = browser.i18n.getUILanguage();

    const toggle = () => {
      settings = { ...settings, collapsed: !settings.collapsed };
      update();
      void settingsItem.setValue(settings);
    };

    const update = () => {
      if (!root) return;
      if (!page) {
        render(null, root);
        releaseRightEdge(document);
        return;
      }
      reserveRightEdge(document, settings.collapsed ? TAB_WIDTH_PX : PANEL_WIDTH_PX);
      render(<Sidebar page={page} snapshot={snapshot} collapsed={settings.collapsed} onToggle={toggle} locale={locale} t={t} />, root);
    };

    const ui = await createShadowRootUi(ctx, {
      name: 'seller-sidekick',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      onMount(container) {
        const mountPoint = document.createElement('div');
        container.append(mountPoint);
        root = mountPoint;
        update();
        return mountPoint;
      },
      onRemove(mountPoint) {
        if (mountPoint) render(null, mountPoint);
        releaseRightEdge(document);
        root = undefined;
      },
    });

    settings = await settingsItem.getValue();
    ui.mount();

    const reading = watchPageContent(ctx, (next) => {
      snapshot = next;
      update();
    });

    // Seller Central is a single-page app: follow its navigation without polling of our own.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      page = recognisePage(newUrl);
      snapshot = undefined;
      update();
      reading.refresh();
    });
    const unwatch = settingsItem.watch((next) => {
      settings = next;
      update();
    });
    ctx.onInvalidated(unwatch);
  },
});
