/**
 * Page wording as data: the words and patterns by which the readers recognise Seller Central's
 * pages in English, Japanese and the European languages, one file per concern, each entry with its
 * languages, its evidence and the texts it must (and must not) match (test/wording.test.ts).
 * Amazon's words for a buyer's cancellation request are in ../cancel-wording.ts; the messaging
 * reader's sender words, relay markers and subjects in ../message-words.ts.
 */
export * from './entry';
export * from './orders';
export * from './transactions';
export * from './account-health';
export * from './notices';
export * from './messages';
export * from './dates';
export * from './guidance';
