/**
 * The template editor (options page): every built-in template and the seller's own, per language;
 * preview with sample values and Amazon's messaging rules; edit, add, duplicate, delete, reset a
 * built-in one; import (merge or replace) and export as JSON. Renders props, raises callbacks.
 */
import { useState } from 'preact/hooks';
import { LANGUAGES, type Language } from '@/lib/classify/types';
import type { Translate } from '@/lib/i18n';
import { CATALOGUE, VARIABLES } from '@/lib/templates/catalogue';
import { fill, variablesOf, type Values } from '@/lib/templates/fill';
import { checkReply } from '@/lib/templates/guard';
import type { TemplateId } from '@/lib/templates/ids';
import { combine, parseImport, type TemplateCollection, type UserTemplate } from '@/lib/templates/user-templates';
import type { StorageProblem, TemplateBackup } from '@/lib/storage';
import { LANGUAGE_NAME, TEMPLATE_LABEL } from './labels';

export const SAMPLE_VALUES: Values = {
  buyerName: 'Jane Miller',
  orderId: '114-3941689-8772232',
  productTitle: 'Tsubaki zori sandals',
  asin: 'B00OK1O542',
  storeName: 'Kumo Craft Store',
  sellerName: 'Aiko',
  trackingNumber: '1Z999AA10123456784',
  carrier: 'UPS',
  shipBy: 'November 23, 2026',
};

export interface TemplateEditorProps {
  readonly collection: TemplateCollection;
  /** Saves the whole collection; resolves with the status line to show. */
  readonly onSave: (next: TemplateCollection) => Promise<string>;
  /** Offers a file to download (the export). */
  readonly onExport: () => void;
  /** The seller's store and name fill the preview where set. */
  readonly values?: Values;
  readonly now: () => string;
  readonly t: Translate;
}

type Selected = { readonly kind: 'built-in'; readonly id: TemplateId } | { readonly kind: 'mine'; readonly id: string };

function draftFor(selected: Selected, collection: TemplateCollection, t: Translate, now: string): UserTemplate {
  if (selected.kind === 'mine') return collection.templates.find((u) => u.id === selected.id)!;
  const edited = collection.templates.find((u) => u.replaces === selected.id);
  if (edited) return edited;
  const builtIn = CATALOGUE.find((c) => c.id === selected.id)!;
  return { id: `edit-${selected.id}`, name: t(TEMPLATE_LABEL[selected.id]), replaces: selected.id, audience: builtIn.audience, body: { ...builtIn.body }, updatedAt: now };
}

function freeId(collection: TemplateCollection, base: string): string {
  let n = 1;
  while (collection.templates.some((u) => u.id === `${base}-${n}`)) n++;
  return `${base}-${n}`;
}

export function TemplateEditor({ collection, onSave, onExport, values = {}, now, t }: TemplateEditorProps) {
  const [selected, setSelected] = useState<Selected>({ kind: 'built-in', id: CATALOGUE[0]!.id });
  const [language, setLanguage] = useState<Language>('ja');
  const [draft, setDraft] = useState<UserTemplate>(() => draftFor(selected, collection, t, now()));
  const [status, setStatus] = useState<string>('');
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');

  const select = (next: Selected) => {
    setSelected(next);
    setDraft(draftFor(next, collection, t, now()));
    setStatus('');
  };
  const save = async (next: TemplateCollection, message?: string) => {
    const line = await onSave(next);
    setStatus(message ?? line);
  };
  const body = draft.body[language] ?? '';
  const sample = { ...SAMPLE_VALUES, ...Object.fromEntries(Object.entries(values).filter(([, v]) => v)) };
  const filled = fill(body, sample, language);
  const unknown = [...new Set(variablesOf(body).filter((name) => !(VARIABLES as readonly string[]).includes(name)))];
  const problems = checkReply(filled.text);
  const edited = selected.kind === 'built-in' && collection.templates.some((u) => u.replaces === selected.id);

  return (
    <section class="sidekick-section sidekick-editor" aria-labelledby="options-templates" data-testid="template-editor">
      <h2 id="options-templates" class="sidekick-section-heading">
        {t('editorHeading')}
      </h2>
      <div class="sidekick-editor-grid">
        <ul class="sidekick-editor-list" aria-label={t('editorHeading')}>
          {CATALOGUE.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                aria-current={selected.kind === 'built-in' && selected.id === c.id ? 'true' : undefined}
                data-template-id={c.id}
                onClick={() => select({ kind: 'built-in', id: c.id })}
              >
                {t(TEMPLATE_LABEL[c.id])} <small>{t(collection.templates.some((u) => u.replaces === c.id) ? 'editorEdited' : 'editorBuiltIn')}</small>
              </button>
            </li>
          ))}
          {collection.templates
            .filter((u) => !u.replaces)
            .map((u) => (
              <li key={u.id}>
                <button
                  type="button"
                  aria-current={selected.kind === 'mine' && selected.id === u.id ? 'true' : undefined}
                  data-user-template-id={u.id}
                  onClick={() => select({ kind: 'mine', id: u.id })}
                >
                  {u.name} <small>{t('editorMine')}</small>
                </button>
              </li>
            ))}
        </ul>
        <div class="sidekick-editor-detail">
          <label>
            {t('editorName')}
            <input type="text" maxLength={100} value={draft.name} disabled={selected.kind === 'built-in'} onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
          </label>
          <div class="sidekick-languages" role="group" aria-label={t('composerLanguage')}>
            {LANGUAGES.map((code) => (
              <button key={code} type="button" class="sidekick-chip" aria-pressed={code === language} onClick={() => setLanguage(code)}>
                {t(LANGUAGE_NAME[code])}
              </button>
            ))}
          </div>
          <label>
            {t('editorBody', [t(LANGUAGE_NAME[language])])}
            <textarea rows={10} maxLength={5_000} lang={language} value={body} onInput={(e) => setDraft({ ...draft, body: { ...draft.body, [language]: e.currentTarget.value } })} />
          </label>
          <p class="sidekick-quiet">{t('editorVariables')}</p>
          <h3>{t('editorPreview')}</h3>
          <pre class="sidekick-reply-preview" data-testid="editor-preview" lang={language}>
            {filled.text}
          </pre>
          {(unknown.length > 0 || problems.length > 0) && (
            <ul class="sidekick-guard" role="alert">
              {unknown.map((name) => (
                <li key={name}>{t('editorUnknownVariable', [name])}</li>
              ))}
              {problems.map((p) => (
                <li key={`${p.rule}-${p.start}`} data-guard-rule={p.rule}>
                  {p.rule} <q>{p.text}</q>
                </li>
              ))}
            </ul>
          )}
          <div class="sidekick-editor-actions">
            <button
              type="button"
              class="sidekick-primary"
              onClick={() => {
                const saved = { ...draft, updatedAt: now() };
                const others = collection.templates.filter((u) => u.id !== saved.id);
                void save({ ...collection, templates: [...others, saved] });
              }}
            >
              {t('editorSave')}
            </button>
            <button
              type="button"
              class="sidekick-secondary"
              onClick={() => {
                const copy: UserTemplate = { ...draft, id: freeId(collection, 'mine'), name: t('editorCopyOf', [draft.name]), updatedAt: now() };
                delete (copy as { replaces?: TemplateId }).replaces;
                void save({ ...collection, templates: [...collection.templates, copy] }).then(() => {
                  setSelected({ kind: 'mine', id: copy.id });
                  setDraft(copy);
                });
              }}
            >
              {t('editorDuplicate')}
            </button>
            {selected.kind === 'mine' && (
              <button
                type="button"
                class="sidekick-secondary"
                onClick={() => {
                  void save({ ...collection, templates: collection.templates.filter((u) => u.id !== selected.id) }).then(() => select({ kind: 'built-in', id: CATALOGUE[0]!.id }));
                }}
              >
                {t('editorDelete')}
              </button>
            )}
            {edited && (
              <button
                type="button"
                class="sidekick-secondary"
                onClick={() => {
                  const next = { ...collection, templates: collection.templates.filter((u) => u.replaces !== selected.id) };
                  void save(next).then(() => setDraft(draftFor(selected, next, t, now())));
                }}
              >
                {t('editorReset')}
              </button>
            )}
            <button
              type="button"
              class="sidekick-secondary"
              onClick={() => {
                const fresh: UserTemplate = { id: freeId(collection, 'mine'), name: t('editorNewName'), audience: 'buyer', body: {}, updatedAt: now() };
                void save({ ...collection, templates: [...collection.templates, fresh] }).then(() => {
                  setSelected({ kind: 'mine', id: fresh.id });
                  setDraft(fresh);
                });
              }}
            >
              {t('editorAdd')}
            </button>
          </div>
        </div>
      </div>
      <div class="sidekick-editor-files">
        <label>
          {t('editorImport')}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (!file) return;
              void file.text().then((text) => {
                const read = parseImport(text);
                if (!read.ok) {
                  setStatus(t('editorImportFailed', [read.message]));
                  return;
                }
                void save(combine(collection, read.collection, mode), t('editorImported', [String(read.collection.templates.length)]));
              });
            }}
          />
        </label>
        <label>
          <input type="radio" name="import-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> {t('editorImportMerge')}
        </label>
        <label>
          <input type="radio" name="import-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> {t('editorImportReplace')}
        </label>
        <button type="button" class="sidekick-secondary" onClick={onExport}>
          {t('editorExport')}
        </button>
      </div>
      <p class="sidekick-status" role="status" data-testid="editor-status">
        {status}
      </p>
    </section>
  );
}

/** How many template names a backup lists before "…". */
const MAX_NAMES_SHOWN = 12;

export interface TemplateRecoveryProps {
  /** The templates' backups, newest first. */
  readonly backups: readonly TemplateBackup[];
  /** What went wrong reading this browser's copy just now, if anything. */
  readonly localProblem?: StorageProblem | undefined;
  /** Why the sync copy was not used, if it was not. */
  readonly syncProblem?: string | undefined;
  /** When the current templates were last saved: a backup made after that has not been dealt with. */
  readonly savedAt?: string | undefined;
  /** Brings a backup back; resolves with the status line to show. */
  readonly onRestore: (backupKey: string) => Promise<string>;
  readonly onDelete: (backupKey: string) => Promise<void>;
  readonly confirm?: (question: string) => boolean;
  /** A backup's time (epoch ms) for the seller. */
  readonly formatTime: (at: number) => string;
  readonly t: Translate;
}

/**
 * Templates that could not be read: says so (never only in the console), lists each backup with
 * what it holds and when it was made, and restores or deletes one on request. Renders nothing
 * when there is nothing to say.
 */
export function TemplateRecovery({ backups, localProblem, syncProblem, savedAt, onRestore, onDelete, confirm, formatTime, t }: TemplateRecoveryProps) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const lastSaved = savedAt ? Date.parse(savedAt) : Number.NEGATIVE_INFINITY;
  const setAside = localProblem?.kind === 'corrupt' || backups.some((b) => b.source === 'local' && b.at > lastSaved);
  if (backups.length === 0 && !localProblem && syncProblem === undefined) return null;

  const act = async (work: () => Promise<string>, failed: 'recoveryRestoreFailed' | 'recoveryDeleteFailed') => {
    setBusy(true);
    try {
      setStatus(await work());
    } catch (error) {
      setStatus(t(failed, [error instanceof Error ? error.message : String(error)]));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="sidekick-section sidekick-recovery" aria-labelledby="options-recovery" data-testid="template-recovery">
      <h2 id="options-recovery" class="sidekick-section-heading">
        {t('recoveryHeading')}
      </h2>
      {setAside && (
        <p class="sidekick-problem" role="alert" data-testid="recovery-set-aside">
          {t('recoveryLocalCorrupt')}
        </p>
      )}
      {localProblem?.kind === 'backup-failed' && (
        <p class="sidekick-problem" role="alert">
          {t('recoveryLocalBackupFailed', [localProblem.reason, localProblem.error])}
        </p>
      )}
      {localProblem?.kind === 'read-failed' && (
        <p class="sidekick-problem" role="alert">
          {t('recoveryReadFailed', [localProblem.error])}
        </p>
      )}
      {syncProblem !== undefined && (
        <p class="sidekick-problem" role="alert" data-testid="recovery-sync">
          {t('recoverySyncProblem', [syncProblem])}
        </p>
      )}
      {backups.length > 0 && (
        <ul class="sidekick-recovery-list">
          {backups.map((backup) => {
            const names = backup.restorable.templates.map((u) => u.name);
            const shown = names.length > MAX_NAMES_SHOWN ? [...names.slice(0, MAX_NAMES_SHOWN), '…'] : names;
            return (
              <li key={backup.backupKey} data-backup-key={backup.backupKey}>
                <strong>{t(backup.source === 'local' ? 'recoveryFromLocal' : 'recoveryFromSync', [formatTime(backup.at)])}</strong>
                <p>{names.length > 0 ? t('recoveryKept', [String(names.length), shown.join(', ')]) : t('recoveryNothingKept')}</p>
                {backup.unreadable > 0 && <p>{t('recoveryUnreadable', [String(backup.unreadable)])}</p>}
                <details>
                  <summary>{t('recoveryReason')}</summary>
                  <pre class="sidekick-recovery-reason">{backup.reason}</pre>
                </details>
                <div class="sidekick-editor-actions">
                  <button type="button" class="sidekick-primary" disabled={busy || names.length === 0} onClick={() => void act(() => onRestore(backup.backupKey), 'recoveryRestoreFailed')}>
                    {t('recoveryRestore')}
                  </button>
                  <button
                    type="button"
                    class="sidekick-secondary"
                    disabled={busy}
                    onClick={() => {
                      if (!(confirm ?? globalThis.confirm)(t('recoveryDeleteConfirm'))) return;
                      void act(async () => {
                        await onDelete(backup.backupKey);
                        return '';
                      }, 'recoveryDeleteFailed');
                    }}
                  >
                    {t('recoveryDelete')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <p class="sidekick-status" role="status" data-testid="recovery-status">
        {status}
      </p>
    </section>
  );
}
