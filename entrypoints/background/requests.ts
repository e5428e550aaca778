/**
 * Answers the content script's requests (lib/messaging.ts). The classifier and its model live
 * here, so the content script stays small; both UI languages are here for the seller's override.
 */
import * as z from 'zod/mini';
import { classify } from '@/lib/classify/classify';
import { SidekickRequest } from '@/lib/messaging';
import en from '@/public/_locales/en/messages.json';
import ja from '@/public/_locales/ja/messages.json';

const UI_MESSAGES = { en, ja } as const;

/** The answer to a request, or an `{ error }` that says what was wrong with it. Never throws. */
export function handleRequest(raw: unknown): unknown {
  const request = SidekickRequest.safeParse(raw);
  if (!request.success) return { error: `Not a request Seller Sidekick understands: ${z.prettifyError(request.error)}` };
  switch (request.data.type) {
    case 'classify':
      return { classifications: request.data.items.map((item) => classify(item)) };
    case 'ui-messages': {
      const messages = Object.fromEntries(Object.entries(UI_MESSAGES[request.data.language]).map(([key, entry]) => [key, { message: entry.message }]));
      return { messages };
    }
  }
}
