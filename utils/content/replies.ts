/**
 * Puts the reply the seller chose (filled by lib/templates/compose.ts) into the page's reply box,
 * or copies it where there is none. Decisions are in lib/templates and lib/reply-box; this file
 * does the DOM work.
 */
import type { MessageKey } from '@/lib/i18n';
import type { PageSnapshot } from '@/lib/pages/snapshot';
import { findInDocument, insertText } from '@/lib/reply-box';

/** Inserts into the page's reply box, else copies; says what happened as a message key. */
export async function deliver(text: string, snapshot: PageSnapshot | undefined): Promise<{ key: MessageKey; detail?: string }> {
  const path = snapshot?.kind === 'message-thread' ? snapshot.replyBox?.path : undefined;
  const box = path ? findInDocument(document, path) : undefined;
  if (box) {
    const result = insertText(box, text);
    if (result.ok) return { key: 'composerInserted' };
    return { key: 'composerFailed', detail: result.reason };
  }
  try {
    await navigator.clipboard.writeText(text);
    return { key: 'composerCopied' };
  } catch (error) {
    return { key: 'composerFailed', detail: error instanceof Error ? error.message : String(error) };
  }
}
