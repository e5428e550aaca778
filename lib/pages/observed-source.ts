/**
 * Names shared by the main-world page reader (entrypoints/orders-api.content) and the content
 * script. Constants only, so the page reader's bundle stays tiny. The design of the private link
 * between the two, and why, is in utils/orders-api/channel.ts.
 */

/** Event types of the link's handshake: each side announces itself, the other confirms on the announced node. */
export const LINK_EVENTS = {
  readerHello: 'seller-sidekick:reader-hello',
  listenerHello: 'seller-sidekick:listener-hello',
  readerAck: 'seller-sidekick:reader-ack',
  listenerAck: 'seller-sidekick:listener-ack',
  /** Reader → content script, on the private node: one response the page received (detail: pathname, newline, body text). */
  ordersApi: 'seller-sidekick:orders-api',
  /** Content script → reader, on the private node: hand over again what the page loaded before we listened. */
  replay: 'seller-sidekick:orders-api-replay',
} as const;

/**
 * What every message of ours used to carry on `window` (and what a forger copies from the shipped
 * code): a window message whose `source` starts with this claims to be ours, and is counted as ignored.
 */
export const OUR_SOURCE_PREFIX = 'seller-sidekick';

/** The largest response body handed over (characters); the order app's responses are far smaller. */
export const MAX_OBSERVED_TEXT = 4_000_000;

/** Where the content script finds the link its document_start half made (a property of the content scripts' own global). */
export const PAGE_LINK_GLOBAL = '__sellerSidekickPageLink';

/**
 * The builds that ship the main-world page reader and the content script's document_start half of
 * its link: always together (both builds are MV3; an MV2 build could have no main-world script).
 */
export const PAGE_READER_BROWSERS = ['chrome', 'firefox'] as const;

/** What the content script did not take from the page, shown under "What I read". */
export interface PageMessageCounts {
  /** Messages that claimed to come from our page reader but did not come over its private link. */
  readonly ignored: number;
  /** Responses that did come over the link but were not order data we can read. */
  readonly unreadable: number;
}
