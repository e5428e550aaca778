import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OptionsView } from '@/components/OptionsView';
import { translatorFor, type Translate } from '@/lib/i18n';
import type { SidebarSettings, UserSettings } from '@/lib/settings';
import { clearOrderData, sidebarSettingsItem, userSettingsItem } from '@/lib/storage';
import en from '@/public/_locales/en/messages.json';
import ja from '@/public/_locales/ja/messages.json';
import { translate, uiLocale } from '@/utils/translate';

const OVERRIDE: Readonly<Record<'en' | 'ja', Translate>> = { en: translatorFor(en), ja: translatorFor(ja) };

function Options() {
  const [sidebar, setSidebar] = useState<SidebarSettings | undefined>(undefined);
  const [settings, setSettings] = useState<UserSettings | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    const item = sidebarSettingsItem();
    const user = userSettingsItem();
    void item.getValue().then(setSidebar);
    void user.getValue().then(setSettings);
    const stops = [item.watch(setSidebar), user.watch(setSettings)];
    return () => stops.forEach((stop) => stop());
  }, []);
  const language = settings?.uiLanguage ?? 'auto';
  const t = language === 'auto' ? translate : OVERRIDE[language];
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
    />
  );
}

const app = document.getElementById('app');
if (app) render(<Options />, app);
