/**
 * Page wording as data: the words and patterns by which the readers recognise Seller Central's
 * pages in English, Japanese and the European languages, one file per concern, each entry by an
 * id (the table's name and the entry's key). Each entry's languages, evidence and examples are in
 * ./evidence.ts and its `*.evidence.ts` siblings, which only tests import (test/wording.test.ts).
 * Amazon's words for a buyer's cancellation request are in ../cancel-wording.ts; the messaging
 * reader's sender words, relay markers and subjects in ../message-words.ts.
 */
export * from './orders';
export * from './transactions';
export * from './account-health';
export * from './notices';
export * from './messages';
export * from './dates';
export * from './guidance';
