/**
 * The sidebar's "this is really X": sends the message (as the classifier reads it) to the
 * background, which learns it into the corrections layer and stores only that; keeps the layer
 * from before for one undo. The page is classified again when the stored layer changes (the
 * guidance watches it), so the finding follows at once.
 */
import type { MessageReadingsProps, CorrectionStatus } from '@/components/MessageReadings';
import type { CorrectionLayer } from '@/lib/classify/corrections';
import { MAX_LAYER_FEATURES } from '@/lib/classify/corrections';
import type { ClassifyInput, Intent } from '@/lib/classify/types';
import type { Translate } from '@/lib/i18n';
import { requestCorrection, requestUndoCorrection } from '@/lib/messaging';
import type { GuidanceState } from './guidance';

export function createCorrections(inputOf: (index: number) => ClassifyInput | undefined, onChange: () => void) {
  let status: CorrectionStatus | undefined;
  /** The layer before the last correction, and the corrections it left, for its undo. */
  let undo: { previous: CorrectionLayer; after: number } | undefined;
  const set = (next: CorrectionStatus | undefined) => {
    status = next;
    onChange();
  };
  const failed = (index: number) => (error: unknown) => set({ index, kind: 'refused', reason: 'not-stored', detail: error instanceof Error ? error.message : String(error) });

  const correct = (index: number, intent: Intent) => {
    const input = inputOf(index);
    if (!input) return;
    undo = undefined;
    set({ index, kind: 'working' });
    requestCorrection(input, intent).then((answer) => {
      if (!answer.ok) return set({ index, kind: 'refused', reason: answer.reason, detail: answer.detail });
      undo = { previous: answer.previous, after: answer.corrections };
      set({ index, kind: 'corrected', intent, canUndo: true });
    }, failed(index));
  };

  const undoLast = () => {
    const last = undo;
    const at = status?.index;
    if (!last || at === undefined) return;
    undo = undefined;
    requestUndoCorrection(last.previous, last.after).then((answer) => {
      if (!answer.ok) return set({ index: at, kind: 'refused', reason: answer.reason, detail: answer.detail });
      set({ index: at, kind: 'undone' });
    }, failed(at));
  };

  return {
    /** The sidebar's props for a thread page (none elsewhere). */
    props(guidance: GuidanceState, t: Translate): MessageReadingsProps | undefined {
      if (!guidance.readings || guidance.readings.length === 0) return undefined;
      return { readings: guidance.readings, onCorrect: correct, onUndo: undoLast, status, maxFeatures: MAX_LAYER_FEATURES, t };
    },
    /** Another page: the last correction's status and undo stay with the page it was made on. */
    reset() {
      status = undefined;
      undo = undefined;
    },
  };
}
