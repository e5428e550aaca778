import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CorrectionsSection } from '@/components/CorrectionsSection';
import { OptionsView } from '@/components/OptionsView';
import { emptyLayer, exportLayer, type CorrectionLayer } from '@/lib/classify/corrections';
import { BUNDLED_TRANSLATORS } from '@/utils/page-translators';
import type { SidebarSettings, UserSettings } from '@/lib/settings';
import { TemplateEditor, TemplateRecovery } from '@/components/TemplateEditor';
import { clearOrderData, correctionsItem, sidebarSettingsItem, templateStore, userSettingsItem, type TemplateBackup, type TemplateLoad } from '@/lib/storage';
import { EMPTY_COLLECTION, exportCollection, type TemplateCollection } from '@/lib/templates/user-templates';
import { translate, uiLocale } from '@/utils/translate';

/** The options page (entrypoints/options renders it): settings, the template editor with its backups, the data section. */
export function Options() {
  const [sidebar, setSidebar] = useState<SidebarSettings | undefined>(undefined);
  const [settings, setSettings] = useState<UserSettings | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const [templates, setTemplates] = useState<TemplateCollection | undefined>(undefined);
  /** What loading the templates reported (a copy set aside, a sync copy refused). */
  const [loadProblems, setLoadProblems] = useState<Omit<TemplateLoad, 'collection'>>({});
  const [backups, setBackups] = useState<readonly TemplateBackup[]>([]);
  /** Bumped when the templates change under the editor (a restore): it starts again from them. */
  const [revision, setRevision] = useState(0);
  /** The seller's corrections of the classifier (count, export, import, reset). */
  const [corrections, setCorrections] = useState<CorrectionLayer | undefined>(undefined);
  const refreshBackups = useCallback(() => templateStore().backups().then(setBackups), []);
  useEffect(() => {
    void templateStore()
      .load()
      .then(({ collection, ...problems }) => {
        setTemplates(collection);
        setLoadProblems(problems);
        return refreshBackups();
      });
  }, [refreshBackups]);
  useEffect(() => {
    const item = sidebarSettingsItem();
    const user = userSettingsItem();
    void item.getValue().then(setSidebar);
    void user.getValue().then(setSettings);
    const layer = correctionsItem();
    void layer.getValue().then(setCorrections);
    const stops = [item.watch(setSidebar), user.watch(setSettings), layer.watch(setCorrections)];
    return () => stops.forEach((stop) => stop());
  }, []);
  const language = settings?.uiLanguage ?? 'auto';
  const t = language === 'auto' ? translate : BUNDLED_TRANSLATORS[language];
  useEffect(() => {
    document.documentElement.lang = uiLocale(language);
    document.title = t('optionsHeading');
  }, [language, t]);
  const onSidebarChange = (next: SidebarSettings) => {
    setSidebar(next);
    void sidebarSettingsItem()
      .setValue(next)
      .then(() => setSaved(true));
  };
  const onChange = (next: UserSettings) => {
    setSettings(next);
    void userSettingsItem()
      .setValue(next)
      .then(() => setSaved(true));
  };
  const download = (text: string, name: string) => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const timeFormat = new Intl.DateTimeFormat(uiLocale(language), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <OptionsView
      sidebar={sidebar}
      onSidebarChange={onSidebarChange}
      settings={settings}
      onChange={onChange}
      problem={problem}
      onProblem={setProblem}
      onClearData={clearOrderData}
      saved={saved}
      version={browser.runtime.getManifest().version}
      t={t}
    >
      {templates && (
        <TemplateRecovery
          backups={backups}
          localProblem={loadProblems.localProblem}
          syncProblem={loadProblems.syncProblem}
          savedAt={templates.savedAt}
          formatTime={(at) => timeFormat.format(at)}
          t={t}
          onRestore={async (backupKey) => {
            const { restored, collection, saved: result } = await templateStore().restore(backupKey);
            setTemplates(collection);
            setLoadProblems({});
            setRevision((n) => n + 1);
            await refreshBackups();
            return result.synced ? t('recoveryRestored', [String(restored)]) : t('recoveryRestoredLocalOnly', [String(restored), result.reason ?? '']);
          }}
          onDelete={async (backupKey) => {
            await templateStore().deleteBackup(backupKey);
            await refreshBackups();
          }}
        />
      )}
      {templates && (
        <TemplateEditor
          key={revision}
          collection={templates}
          values={{ storeName: settings?.storeName ?? '', sellerName: settings?.sellerName ?? '' }}
          now={() => new Date().toISOString()}
          t={t}
          onSave={async (next) => {
            try {
              const result = await templateStore().save(next);
              setTemplates((await templateStore().local.getValue()) ?? next);
              return result.synced ? t('editorSaved') : t('editorSavedLocalOnly', [result.reason ?? '']);
            } catch (error) {
              return t('editorSaveFailed', [error instanceof Error ? error.message : String(error)]);
            }
          }}
          onExport={() => download(exportCollection(templates ?? EMPTY_COLLECTION), 'seller-sidekick-templates.json')}
        />
      )}
      <CorrectionsSection
        layer={corrections}
        t={t}
        onExport={(layer) => download(exportLayer(layer), 'seller-sidekick-corrections.json')}
        onImport={async (layer) => {
          await correctionsItem().setValue(layer);
          setCorrections(layer);
        }}
        onReset={async () => {
          const empty = emptyLayer();
          await correctionsItem().setValue(empty);
          setCorrections(empty);
        }}
      />
    </OptionsView>
  );
}
