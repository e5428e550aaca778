/** On an inbox: what each listed case is about, most urgent first (lib/guidance/triage.ts). */
import type { TriageItem, TriageKind } from '@/lib/guidance/triage';
import type { MessageKey, Translate } from '@/lib/i18n';

export const TRIAGE_LABEL: Readonly<Record<TriageKind, MessageKey>> = {
  counterfeit: 'triageCounterfeit',
  complaint: 'triageComplaint',
  'cancel-not-honored': 'triageCancelNotHonored',
  'address-change': 'triageAddressChange',
  'a-to-z-claim': 'triageAtoZ',
  cancellation: 'triageCancellation',
  'delivery-failure': 'triageDeliveryFailure',
  'listing-removed': 'triageListingRemoved',
  'where-is-order': 'triageWhereIsOrder',
  'return-refund': 'triageReturnRefund',
  'invoice-request': 'triageInvoice',
  'product-question': 'triageQuestion',
  other: 'triageOther',
  unsure: 'triageUnsure',
};

const RANK_CLASS = ['sidekick-critical', 'sidekick-warning', 'sidekick-info', 'sidekick-muted'] as const;

export interface TriageProps {
  readonly items: readonly TriageItem[];
  readonly t: Translate;
}

export function Triage({ items, t }: TriageProps) {
  if (items.length === 0) return null;
  const now = items.filter((item) => item.rank === 0).length;
  return (
    <section class="sidekick-section" aria-labelledby="sidekick-triage-heading" data-testid="triage">
      <h2 id="sidekick-triage-heading" class="sidekick-section-heading">
        {t('triageHeading')}
      </h2>
      {now > 0 && <p class="sidekick-quiet">{t('triageAnswerNow', [String(now)])}</p>}
      <ol class="sidekick-triage">
        {items.map((item) => (
          <li key={item.index} class={`sidekick-triage-item ${RANK_CLASS[item.rank] ?? 'sidekick-muted'}`} data-kind={item.kind} data-rank={item.rank} data-order-id={item.orderId}>
            <span class="sidekick-triage-chip">{t(TRIAGE_LABEL[item.kind])}</span>{' '}
            <span dir="ltr">{item.orderId ?? (item.caseId ? t('triageCase', [item.caseId.slice(0, 8)]) : t('triageNoOrder'))}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
