/**
 * Options: the seller's corrections of the classifier — how many, export as JSON, import a file
 * (checked; a bad file is refused with the reason and nothing changes), reset (after a confirm).
 * Renders props and raises callbacks only.
 */
import { useState } from 'preact/hooks';
import { MAX_IMPORT_CHARS, MAX_LAYER_FEATURES, parseLayerImport, type CorrectionLayer, type LayerImport } from '@/lib/classify/corrections';
import type { MessageKey, Translate } from '@/lib/i18n';

export interface CorrectionsSectionProps {
  /** Undefined while loading. */
  readonly layer: CorrectionLayer | undefined;
  /** Offers the layer as a file to download. */
  readonly onExport: (layer: CorrectionLayer) => void;
  /** Stores an imported layer (already checked); rejects if it could not be stored. */
  readonly onImport: (layer: CorrectionLayer) => Promise<void>;
  /** Stores the empty layer. */
  readonly onReset: () => Promise<void>;
  readonly confirm?: (question: string) => boolean;
  readonly t: Translate;
}

const IMPORT_PROBLEM: Readonly<Record<Exclude<LayerImport, { ok: true }>['problem'], MessageKey>> = {
  'too-large': 'optionsCorrectionsImportTooLarge',
  'not-json': 'optionsCorrectionsImportNotJson',
  version: 'optionsCorrectionsImportVersion',
  'too-many-features': 'optionsCorrectionsImportTooMany',
  invalid: 'optionsCorrectionsImportInvalid',
};

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function CorrectionsSection({ layer, onExport, onImport, onReset, confirm, t }: CorrectionsSectionProps) {
  const [note, setNote] = useState<{ text: string; problem: boolean } | undefined>();
  const disabled = layer === undefined;
  const features = layer ? Object.keys(layer.weights).length : 0;
  const importText = (text: string) => {
    const read = parseLayerImport(text);
    if (!read.ok) {
      setNote({ text: t(IMPORT_PROBLEM[read.problem], [read.detail]), problem: true });
      return;
    }
    onImport(read.layer).then(
      () => setNote({ text: t('optionsCorrectionsImported', [String(read.layer.corrections)]), problem: false }),
      (error: unknown) => setNote({ text: t('optionsCorrectionsImportFailed', [message(error)]), problem: true }),
    );
  };
  return (
    <section class="sidekick-section" aria-labelledby="options-corrections" data-testid="options-corrections">
      <h2 id="options-corrections" class="sidekick-section-heading">
        {t('optionsCorrectionsHeading')}
      </h2>
      <p>{t('optionsCorrectionsText')}</p>
      <p data-testid="corrections-count">{t('optionsCorrectionsCount', [String(layer?.corrections ?? 0), String(features), String(MAX_LAYER_FEATURES)])}</p>
      <div class="sidekick-editor-files">
        <button type="button" class="sidekick-secondary" disabled={disabled} onClick={() => layer && onExport(layer)}>
          {t('optionsCorrectionsExport')}
        </button>
        <label>
          {t('optionsCorrectionsImport')}{' '}
          <input
            type="file"
            accept="application/json,.json"
            disabled={disabled}
            data-testid="corrections-import"
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              if (!file) return;
              // Far too large to be a layer (a character takes at most 4 bytes): refused unread.
              if (file.size > MAX_IMPORT_CHARS * 4) {
                input.value = '';
                setNote({ text: t('optionsCorrectionsImportTooLarge', [`${file.size} bytes`]), problem: true });
                return;
              }
              file.text().then(
                (text) => {
                  input.value = '';
                  importText(text);
                },
                (error: unknown) => setNote({ text: t('optionsCorrectionsImportNotJson', [message(error)]), problem: true }),
              );
            }}
          />
        </label>
        <button
          type="button"
          class="sidekick-danger"
          disabled={disabled}
          onClick={() => {
            if (!(confirm ?? globalThis.confirm)(t('optionsCorrectionsResetConfirm'))) return;
            onReset().then(
              () => setNote({ text: t('optionsCorrectionsResetDone'), problem: false }),
              (error: unknown) => setNote({ text: message(error), problem: true }),
            );
          }}
        >
          {t('optionsCorrectionsReset')}
        </button>
      </div>
      {note?.problem ? (
        <p class="sidekick-problem" role="alert" data-testid="corrections-note">
          {note.text}
        </p>
      ) : (
        <p class="sidekick-status" role="status" data-testid="corrections-note">
          {note?.text ?? ''}
        </p>
      )}
    </section>
  );
}
