/** The toolbar popup: the orders that need action now, most urgent first, with what and by when. */
import { MARKETPLACE_LABEL, type MessageKey, type Translate } from '@/lib/i18n';
import type { Intent } from '@/lib/classify/types';
import { orderUrl, transactionsUrl, type UrgencyReason, type UrgentOrder } from '@/lib/urgency';
import type { UnrecordedSale } from '@/lib/fees';
import { duration } from './Findings';
import { Logo } from './Logo';

export interface PopupViewProps {
  /** Undefined while loading. */
  readonly orders: readonly UrgentOrder[] | undefined;
  readonly now: number;
  readonly onDone: (order: UrgentOrder) => void;
  readonly onSnooze: (order: UrgentOrder) => void;
  readonly onOpenOptions: () => void;
  readonly t: Translate;
  /** The UI language, for dates (the browser's when not given). */
  readonly locale?: string | undefined;
  /** Orders seen shipped with no sale on the Transaction views opened since (info: never on the badge). */
  readonly unrecorded?: readonly UnrecordedSale[] | undefined;
}

const HIGH_RISK_LABEL: Partial<Record<Intent, MessageKey>> = {
  defective: 'intentComplaint',
  counterfeit: 'intentComplaint',
  'condition-mismatch': 'intentComplaint',
  'wrong-item': 'intentComplaint',
  'cancel-not-honored': 'intentCancelNotHonored',
  'address-change': 'intentAddressChange',
  'a-to-z-claim': 'intentAtoZ',
};

/** A calendar day in the marketplace's zone, in the UI language. */
function dateIn(at: string, timeZone: string, locale: string | undefined): string {
  return new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' }).format(new Date(at));
}

export function reasonText(reason: UrgencyReason, now: number, t: Translate, locale?: string): string {
  switch (reason.kind) {
    case 'auto-cancel': {
      const day = dateIn(reason.cancelAt, reason.timeZone, locale);
      if (reason.overdue) return t(reason.estimated ? 'urgencyAutoCancelPassedEstimate' : 'urgencyAutoCancelPassed', [day]);
      return t(reason.estimated ? 'urgencyAutoCancelEstimate' : 'urgencyAutoCancel', [day]);
    }
    case 'ship-by':
      return t(reason.overdue ? 'urgencyShipByOverdue' : 'urgencyShipByToday');
    case 'cancel-request':
      return t('urgencyCancelRequest');
    case 'reply': {
      const label = HIGH_RISK_LABEL[reason.intent];
      if (reason.highRisk && label) return t('urgencyReplyHighRisk', [t(label)]);
      return t('urgencyReplyWaiting', [duration(t, reason.since ? now - Date.parse(reason.since) : 0)]);
    }
    case 'notice':
      return t(reason.notice === 'a-to-z-claim' ? 'urgencyNoticeAtoZ' : 'urgencyNoticeBounced');
  }
}

function OrderItem({
  order,
  now,
  onDone,
  onSnooze,
  t,
  locale,
}: {
  readonly order: UrgentOrder;
  readonly now: number;
  readonly onDone: () => void;
  readonly onSnooze: () => void;
  readonly t: Translate;
  readonly locale?: string | undefined;
}) {
  const left = order.deadline ? Date.parse(order.deadline) - now : undefined;
  return (
    <li class={order.overdue ? 'sidekick-urgent sidekick-overdue-item' : 'sidekick-urgent'} data-order-id={order.orderId} data-overdue={order.overdue ? 'true' : 'false'}>
      <div class="sidekick-urgent-head">
        <a href={orderUrl(order.orderId, order.marketplace)} target="_blank" rel="noreferrer" aria-label={t('popupOpenOrder', [order.orderId])} dir="ltr">
          {order.orderId}
        </a>
        {order.marketplace && <span class="sidekick-quiet">{t(MARKETPLACE_LABEL[order.marketplace])}</span>}
      </div>
      <ul class="sidekick-reasons">
        {order.reasons.map((reason) => (
          <li key={reason.key} data-reason={reason.kind} {...(reason.kind === 'auto-cancel' ? { 'data-estimated': String(reason.estimated) } : {})}>
            {reasonText(reason, now, t, locale)}
          </li>
        ))}
      </ul>
      {left !== undefined && (
        <p class={left < 0 ? 'sidekick-countdown sidekick-late' : 'sidekick-countdown'} data-testid="time-left">
          {t(left < 0 ? 'deadlineLate' : 'deadlineLeft', [duration(t, left)])}
        </p>
      )}
      <div class="sidekick-urgent-actions">
        <button type="button" class="sidekick-secondary" aria-label={t('popupDoneLabel', [order.orderId])} onClick={onDone}>
          {t('popupDone')}
        </button>
        <button type="button" class="sidekick-secondary" aria-label={t('popupSnoozeLabel', [order.orderId])} onClick={onSnooze}>
          {t('popupSnooze')}
        </button>
      </div>
    </li>
  );
}

export function PopupView({ orders, now, onDone, onSnooze, onOpenOptions, t, locale, unrecorded }: PopupViewProps) {
  const overdue = orders?.some((o) => o.overdue) ?? false;
  return (
    <main class="sidekick-popup" data-testid="sidekick-popup">
      <header class="sidekick-header">
        <Logo size={22} />
        <h1 class="sidekick-title">{t('popupHeading')}</h1>
      </header>
      {orders !== undefined && (
        <section class="sidekick-section" aria-live="polite">
          {orders.length === 0 ? (
            <p class="sidekick-all-well" data-testid="all-well">
              {t('popupAllWell')}
            </p>
          ) : (
            <>
              <p class="sidekick-count" data-testid="urgent-count">
                {t('popupUrgentCount', [String(orders.length)])}
              </p>
              {overdue && <p class="sidekick-overdue">{t('popupOverdue')}</p>}
              <ul class="sidekick-urgent-list" aria-label={t('popupListLabel')}>
                {orders.map((order) => (
                  <OrderItem key={order.orderId} order={order} now={now} onDone={() => onDone(order)} onSnooze={() => onSnooze(order)} t={t} locale={locale} />
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {unrecorded && unrecorded.length > 0 && (
        <section class="sidekick-section sidekick-info" data-testid="unrecorded-sales">
          <h2 class="sidekick-count">{t('popupUnrecordedHeading')}</h2>
          <ul class="sidekick-urgent-list">
            {unrecorded.map((sale) => (
              <li key={sale.orderId} data-order-id={sale.orderId}>
                <a href={orderUrl(sale.orderId, sale.marketplace)} target="_blank" rel="noopener noreferrer">
                  {sale.orderId}
                </a>
                <p>{t('popupUnrecordedItem', [String(sale.days)])}</p>
                <a href={transactionsUrl(sale.orderId, sale.marketplace)} target="_blank" rel="noopener noreferrer">
                  {t('popupUnrecordedSearch')}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <footer class="sidekick-footer">
        <p class="sidekick-quiet">{t('popupHowCounted')}</p>
        <button type="button" class="sidekick-link" onClick={onOpenOptions}>
          {t('popupOpenOptions')}
        </button>
      </footer>
    </main>
  );
}
