import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView } from '@/components/PopupView';
import type { UrgentSummary } from '@/lib/settings';
import { urgentSummaryItem } from '@/lib/storage';
import { translate as t } from '@/utils/translate';

function Popup() {
  const [summary, setSummary] = useState<UrgentSummary | undefined>(undefined);
  useEffect(() => {
    const item = urgentSummaryItem();
    void item.getValue().then(setSummary);
    return item.watch(setSummary);
  }, []);
  return <PopupView summary={summary} onOpenOptions={() => void browser.runtime.openOptionsPage()} t={t} />;
}

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('extName');
const app = document.getElementById('app');
if (app) render(<Popup />, app);
