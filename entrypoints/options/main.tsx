import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OptionsView } from '@/components/OptionsView';
import type { SidebarSettings } from '@/lib/settings';
import { sidebarSettingsItem } from '@/lib/storage';
import { translate as t } from '@/utils/translate';

function Options() {
  const [sidebar, setSidebar] = useState<SidebarSettings | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    const item = sidebarSettingsItem();
    void item.getValue().then(setSidebar);
    return item.watch(setSidebar);
  }, []);
  const onSidebarChange = (next: SidebarSettings) => {
    setSidebar(next);
    void sidebarSettingsItem()
      .setValue(next)
      .then(() => setSaved(true));
  };
  return (
    <OptionsView
      sidebar={sidebar}
      onSidebarChange={onSidebarChange}
      saved={saved}
      version={browser.runtime.getManifest().version}
      t={t}
    />
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('optionsHeading');
const app = document.getElementById('app');
if (app) render(<Options />, app);
