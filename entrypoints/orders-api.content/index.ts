/**
 * Main-world companion of the Seller Central content script (Chrome): sees the order app's own
 * JSON as the page receives it. Firefox's MV2 build has no main-world content scripts, so there
 * the DOM is the only source.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { SELLER_CENTRAL_MATCHES } from '@/lib/hosts';
import { observeOrdersApi } from './observe';

export default defineContentScript({
  matches: [...SELLER_CENTRAL_MATCHES],
  world: 'MAIN',
  runAt: 'document_start',
  include: ['chrome'],
  main() {
    observeOrdersApi(window);
  },
});
