import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView } from '@/components/PopupView';
import { BUNDLED_TRANSLATORS } from '@/utils/page-translators';
import { DEFAULT_USER_SETTINGS, STORAGE_KEYS, type UserSettings } from '@/lib/settings';
import { handledItem, userSettingsItem, watchStore } from '@/lib/storage';
import { markDone, snooze, urgentOrders, type UrgentOrder } from '@/lib/urgency';
import { WATCH_PREFIX } from '@/lib/watch';
import { DEFAULT_UNRECORDED_SALE_DAYS, unrecordedSales, type UnrecordedSale } from '@/lib/fees';
import { salesWatchItem } from '@/lib/fees-store';
import { translate, uiLocale } from '@/utils/translate';

/** The popup (entrypoints/popup renders it): the orders that need action now, from the order memory through the rules. */
export function Popup() {
  const [orders, setOrders] = useState<UrgentOrder[] | undefined>(undefined);
  const [unrecorded, setUnrecorded] = useState<UnrecordedSale[]>([]);
  const [settings, setSettings] = useState<UserSettings>(DEFAULT_USER_SETTINGS);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const load = async () => {
      const at = Date.now();
      const [watches, handled, user, sales] = await Promise.all([watchStore().all(at), handledItem().getValue(), userSettingsItem().getValue(), salesWatchItem().getValue()]);
      setUnrecorded(unrecordedSales(sales, user.unrecordedSaleDays ?? DEFAULT_UNRECORDED_SALE_DAYS, at));
      setSettings(user);
      setNow(at);
      setOrders(urgentOrders(watches, handled, user, at));
    };
    void load();
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && Object.keys(changes).some((k) => k.startsWith(WATCH_PREFIX) || k === STORAGE_KEYS.handled || k === STORAGE_KEYS.settings || k === STORAGE_KEYS.salesWatch)) void load();
    };
    browser.storage.onChanged.addListener(onChange);
    const tick = setInterval(() => void load(), 60_000);
    return () => {
      browser.storage.onChanged.removeListener(onChange);
      clearInterval(tick);
    };
  }, []);
  const t = settings.uiLanguage === 'auto' ? translate : BUNDLED_TRANSLATORS[settings.uiLanguage];
  useEffect(() => {
    document.documentElement.lang = uiLocale(settings.uiLanguage);
    document.title = t('extName');
  }, [settings.uiLanguage, t]);
  const item = handledItem();
  return (
    <PopupView
      orders={orders}
      now={now}
      onDone={(order) => void item.getValue().then((h) => item.setValue(markDone(h, order, Date.now())))}
      onSnooze={(order) => void item.getValue().then((h) => item.setValue(snooze(h, order.orderId, Date.now())))}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      t={t}
      locale={uiLocale(settings.uiLanguage)}
      unrecorded={unrecorded}
    />
  );
}
