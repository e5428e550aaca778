/**
 * The content script's document_start half of the private link with the main-world page reader
 * (design and threat model in utils/orders-api/channel.ts). It must run before any
 * page script, which the sidebar's content script (document_idle) does not; it leaves the link on
 * the content scripts' own global, which the page cannot see, for page-reading.ts to use.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { SELLER_CENTRAL_MATCHES } from '@/lib/hosts';
import { PAGE_LINK_GLOBAL, PAGE_READER_BROWSERS } from '@/lib/pages/observed-source';
import { openLink, type Link } from '@/utils/orders-api/channel';

export default defineContentScript({
  matches: [...SELLER_CENTRAL_MATCHES],
  runAt: 'document_start',
  include: [...PAGE_READER_BROWSERS],
  main() {
    openLink(window, 'listener', (link: Link) => {
      (globalThis as Record<string, unknown>)[PAGE_LINK_GLOBAL] = link;
    });
  },
});
