/**
 * Answers the content script's requests (lib/messaging.ts). The classifier and its model live
 * here, so the content script stays small; both UI languages are here for the seller's override.
 */
import * as z from 'zod/mini';
import { classify } from '@/lib/classify/classify';
import { advise } from '@/lib/guidance/advise';
import { translatorFor } from '@/lib/i18n';
import { summarise } from '@/components/read-summary';
import { translate } from '@/utils/translate';
import { SidekickRequest, type ResolvedTemplate } from '@/lib/messaging';
import { shapeTree } from '@/lib/pages/skeleton';
import { templateStore, watchStore } from '@/lib/storage';
import { TEMPLATE_IDS, type TemplateId } from '@/lib/templates/ids';
import { applyCorrection, correctionLayer, undoCorrection } from './corrections';
import { checkTransactions, noteOrders } from './fees';
import { effectiveTemplate, type TemplateCollection } from '@/lib/templates/user-templates';
import { UI_MESSAGES } from '@/utils/ui-messages';

/** A built-in template with the seller's edits, or one of the seller's own; null if unknown. */
export function resolveTemplate(id: string, collection: TemplateCollection): ResolvedTemplate | null {
  if ((TEMPLATE_IDS as readonly string[]).includes(id)) {
    const template = effectiveTemplate(id as TemplateId, collection);
    return template ? { audience: template.audience, body: { ...template.body } } : null;
  }
  const own = collection.templates.find((u) => u.id === id && !u.replaces);
  return own ? { audience: own.audience, body: own.body, ownName: own.name } : null;
}

/** The answer to a request (some after a promise), or an `{ error }` that says what was wrong with it. Never throws. */
export function handleRequest(raw: unknown): unknown {
  const request = SidekickRequest.safeParse(raw);
  if (!request.success) return { error: `Not a request Seller Sidekick understands: ${z.prettifyError(request.error)}` };
  switch (request.data.type) {
    case 'classify': {
      // Every classification adds the seller's corrections to the model's scores.
      const items = request.data.items;
      return correctionLayer().then((corrections) => ({ classifications: items.map((item) => classify(item, { corrections })) }));
    }
    case 'warm':
      // The warm-up itself runs on the background's start (index.ts); the request only woke it.
      return { warm: true };
    case 'advise': {
      const { classified, watch, accountHealth, ...rest } = request.data.input;
      return { findings: advise({ ...rest, ...(classified ? { classified } : {}), watch, accountHealth }) };
    }
    case 'correct':
      return applyCorrection(request.data.input, request.data.intent);
    case 'undo-correction':
      return undoCorrection(request.data.previous, request.data.after);
    case 'template': {
      const id = request.data.id;
      return templateStore()
        .local.getValue()
        .then((collection) => ({ template: resolveTemplate(id, collection) }));
    }
    case 'summary': {
      const { snapshot, locale, language } = request.data;
      const t = language === 'auto' ? translate : translatorFor(UI_MESSAGES[language]);
      return { summary: summarise(snapshot, locale, t) };
    }
    case 'template-choices':
      return templateStore()
        .local.getValue()
        .then((collection) => ({ choices: collection.templates.filter((own) => !own.replaces).map((own) => ({ id: own.id, name: own.name })) }));
    case 'remember':
      // Every tab's order records are written here, one write at a time (watchStore serialises them).
      return watchStore()
        .update(request.data.changes)
        .then(
          async (watches) => {
            // The sales watch follows the orders (SKU, fulfilment, first seen shipped); its failure loses no order record.
            await noteOrders(watches).catch((error: unknown) => console.warn('Seller Sidekick: could not note the orders for the sales watch.', error));
            return { watches };
          },
          (error: unknown) => ({ error: `Could not remember the orders: ${error instanceof Error ? error.message : String(error)}` }),
        );
    case 'transactions':
      return checkTransactions(request.data.snapshot).catch((error: unknown) => ({
        error: `Could not check the transactions: ${error instanceof Error ? error.message : String(error)}`,
      }));
    case 'outline':
      // The page's text arrives here only to be shaped; the skeleton goes back, nothing is kept.
      return { outline: JSON.stringify(shapeTree(request.data.tree, request.data.url)) };
    case 'ui-messages': {
      const messages = Object.fromEntries(Object.entries(UI_MESSAGES[request.data.language]).map(([key, entry]) => [key, { message: entry.message }]));
      return { messages };
    }
  }
}
