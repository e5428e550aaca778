/**
 * The seller's corrections in the background, where the classifier lives: the layer every
 * classification adds to the model's scores (kept in memory, refreshed by a watch on its storage
 * item so an import or a reset on the options page counts at once), and the two writes the
 * sidebar asks for, a correction and its undo, one at a time. Only the layer is stored (feature
 * ids and numbers); the message a correction is about is read here and forgotten.
 */
import { teach } from '@/lib/classify/classify';
import type { CorrectionLayer } from '@/lib/classify/corrections';
import type { ClassifyInput, Intent } from '@/lib/classify/types';
import type { CorrectResponse } from '@/lib/messaging';
import { correctionsItem } from '@/lib/storage';

let current: Promise<CorrectionLayer> | undefined;
let writes: Promise<unknown> = Promise.resolve();

/** The layer to classify with (read once, then kept current by `watchCorrections` and the writes here). */
export function correctionLayer(): Promise<CorrectionLayer> {
  return (current ??= correctionsItem().getValue());
}

/** Follows the stored layer (import, reset, another context's write); returns the unsubscribe. */
export function watchCorrections(): () => void {
  return correctionsItem().watch((layer) => {
    current = Promise.resolve(layer);
  });
}

/** Forgets the layer in memory (the next classification reads it again): for tests. */
export function forgetCorrections(): void {
  current = undefined;
}

function serially<T>(work: () => Promise<T>): Promise<T> {
  const run = writes.then(work, work);
  writes = run.catch(() => undefined);
  return run;
}

const failure = (error: unknown): CorrectResponse => ({ ok: false, reason: 'not-stored', detail: (error instanceof Error ? error.message : String(error)).slice(0, 1_000) });

/** Learns "this message is really `intent`" into the stored layer. Never rejects. */
export function applyCorrection(input: ClassifyInput, intent: Intent): Promise<CorrectResponse> {
  return serially(async (): Promise<CorrectResponse> => {
    const item = correctionsItem();
    const before = await item.getValue();
    const outcome = teach(before, input, intent);
    if (!outcome.ok) return { ok: false, reason: outcome.reason };
    try {
      await item.setValue(outcome.layer);
    } catch (error) {
      return failure(error);
    }
    current = Promise.resolve(outcome.layer);
    return { ok: true, corrections: outcome.layer.corrections, previous: before };
  }).catch(failure);
}

/**
 * Puts back the layer from before a correction, if the layer is still the one that correction
 * made (`after` corrections): an import, a reset or another correction since is not undone.
 */
export function undoCorrection(previous: CorrectionLayer, after: number): Promise<CorrectResponse> {
  return serially(async (): Promise<CorrectResponse> => {
    const item = correctionsItem();
    const now = await item.getValue();
    if (now.corrections !== after) return { ok: false, reason: 'changed-since' };
    try {
      await item.setValue(previous);
    } catch (error) {
      return failure(error);
    }
    current = Promise.resolve(previous);
    return { ok: true, corrections: previous.corrections, previous: now };
  }).catch(failure);
}
