import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OptionsView } from '@/components/OptionsView';
import { BUNDLED_TRANSLATORS } from '@/utils/page-translators';
import type { SidebarSettings, UserSettings } from '@/lib/settings';
import { TemplateEditor } from '@/components/TemplateEditor';
import { clearOrderData, sidebarSettingsItem, templateStore, userSettingsItem } from '@/lib/storage';
import { EMPTY_COLLECTION, exportCollection, type TemplateCollection } from '@/lib/templates/user-templates';
import { translate, uiLocale } from '@/utils/translate';


function Options() {
  const [sidebar, setSidebar] = useState<SidebarSettings | undefined>(undefined);
  const [settings, setSettings] = useState<UserSettings | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const [templates, setTemplates] = useState<TemplateCollection | undefined>(undefined);
  useEffect(() => {
    void templateStore()
      .load()
      .then(({ collection }) => setTemplates(collection));
  }, []);
  useEffect(() => {
    const item = sidebarSettingsItem();
    const user = userSettingsItem();
    void item.getValue().then(setSidebar);
    void user.getValue().then(setSettings);
    const stops = [item.watch(setSidebar), user.watch(setSettings)];
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
        <TemplateEditor
          collection={templates}
          values={{ storeName: settings?.storeName ?? '', sellerName: settings?.sellerName ?? '' }}
          now={() => new Date().toISOString()}
          t={t}
          onSave={async (next) => {
            const result = await templateStore().save(next);
            setTemplates((await templateStore().local.getValue()) ?? next);
            return result.synced ? t('editorSaved') : t('editorSavedLocalOnly', [result.reason ?? '']);
          }}
          onExport={() => {
            const url = URL.createObjectURL(new Blob([exportCollection(templates ?? EMPTY_COLLECTION)], { type: 'application/json' }));
            const link = document.createElement('a');
            link.href = url;
            link.download = 'seller-sidekick-templates.json';
            link.click();
            setTimeout(() => URL.revokeObjectURL(url), 10_000);
          }}
        />
      )}
    </OptionsView>
  );
}

const app = document.getElementById('app');
if (app) render(<Options />, app);
