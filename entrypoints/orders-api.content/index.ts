/**
 * Main-world companion of the Seller Central content script: sees the order app's own JSON as the
 * page receives it, and hands it over only through the private link made at document_start with
 * the content script's document_start half (entrypoints/orders-api-link.content; design and threat
 * model in ./channel.ts). Both builds are MV3 and ship it (Firefox runs main-world scripts since 128).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { SELLER_CENTRAL_MATCHES } from '@/lib/hosts';
import { LINK_EVENTS, PAGE_READER_BROWSERS } from '@/lib/pages/observed-source';
import { openLink } from '@/utils/orders-api/channel';
import { observeOrdersApi } from '@/utils/orders-api/observe';

export default defineContentScript({
  matches: [...SELLER_CENTRAL_MATCHES],
  world: 'MAIN',
  runAt: 'document_start',
  include: [...PAGE_READER_BROWSERS],
  main() {
    // Watch from the start (the order app loads early); hand over only once linked.
    const observer = observeOrdersApi(window);
    openLink(
      window,
      'reader',
      (link) => {
        observer.connect((detail) => link.send(LINK_EVENTS.ordersApi, detail));
        link.on(LINK_EVENTS.replay, () => observer.replay());
      },
      () => observer.stop(),
    );
  },
});
