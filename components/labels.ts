/** Message keys for the values guidance hands over: severities, sources, templates, deadlines. */
import type { Intent, Language } from '@/lib/classify/types';
import type { Deadline, Severity, SourceId } from '@/lib/guidance/types';
import type { MessageKey } from '@/lib/i18n';
import type { TemplateId } from '@/lib/templates/ids';

export const SEVERITY_LABEL: Readonly<Record<Severity, MessageKey>> = {
  critical: 'severityCritical',
  warning: 'severityWarning',
  info: 'severityInfo',
};

export const SOURCE_LABEL: Readonly<Record<SourceId, MessageKey>> = {
  'case-1': 'sourceCase1',
  'case-2': 'sourceCase2',
  'case-3': 'sourceCase3',
  'case-4': 'sourceCase4',
  'case-5': 'sourceCase5',
  'case-6': 'sourceCase6',
  'amazon-cancellation-rate': 'sourceAmazonCancellationRate',
  'amazon-cancellation-requests': 'sourceAmazonCancellationRequests',
  'amazon-late-shipment': 'sourceAmazonLateShipment',
  'amazon-auto-cancel': 'sourceAmazonAutoCancel',
  'amazon-response-time': 'sourceAmazonResponseTime',
  'amazon-a-to-z': 'sourceAmazonAtoZ',
  'amazon-ship-to-address': 'sourceAmazonShipToAddress',
};

export const TEMPLATE_LABEL: Readonly<Record<TemplateId, MessageKey>> = {
  'cancel-how-to-request': 'templateCancelHowToRequest',
  'cancel-confirmed': 'templateCancelConfirmed',
  'cancel-shipped-refuse-delivery': 'templateCancelShippedRefuseDelivery',
  'cancel-request-not-received': 'templateCancelRequestNotReceived',
  'fba-contact-amazon': 'templateFbaContactAmazon',
  'tracking-info': 'templateTrackingInfo',
  'complaint-acknowledge': 'templateComplaintAcknowledge',
  'replacement-offer': 'templateReplacementOffer',
  'refund-offer': 'templateRefundOffer',
  'address-change-refused': 'templateAddressChangeRefused',
  'address-change-escalation': 'templateAddressChangeEscalation',
  'bounce-enclosed-letter': 'templateBounceEnclosedLetter',
  'seller-support-contact-buyer': 'templateSellerSupportContactBuyer',
  'listing-removed-apology': 'templateListingRemovedApology',
  'listing-removed-plan-of-action': 'templateListingRemovedPlanOfAction',
  'invoice-reply': 'templateInvoiceReply',
  'product-question-ack': 'templateProductQuestionAck',
  'fee-category-check': 'templateFeeCategoryCheck',
};

export const DEADLINE_LABEL: Readonly<Record<Deadline['kind'], MessageKey>> = {
  'ship-by': 'deadlineShipBy',
  reply: 'deadlineReply',
  claim: 'deadlineClaim',
  'auto-cancel': 'deadlineAutoCancel',
};

export const LANGUAGE_NAME: Readonly<Record<Language, MessageKey>> = {
  ja: 'languageJa',
  en: 'languageEn',
  de: 'languageDe',
  fr: 'languageFr',
  it: 'languageIt',
  es: 'languageEs',
};

/** What a message is about, by intent (the sidebar's "What the messages are about", the correction control). */
export const INTENT_LABEL: Readonly<Record<Intent, MessageKey>> = {
  'cancel-request': 'intentNameCancelRequest',
  'cancel-inquiry': 'intentNameCancelInquiry',
  'cancel-not-honored': 'intentNameCancelNotHonored',
  'where-is-order': 'intentNameWhereIsOrder',
  'address-change': 'intentNameAddressChange',
  'return-refund': 'intentNameReturnRefund',
  defective: 'intentNameDefective',
  counterfeit: 'intentNameCounterfeit',
  'condition-mismatch': 'intentNameConditionMismatch',
  'wrong-item': 'intentNameWrongItem',
  'invoice-request': 'intentNameInvoiceRequest',
  'product-question': 'intentNameProductQuestion',
  'delivery-failure': 'intentNameDeliveryFailure',
  'listing-removed': 'intentNameListingRemoved',
  'a-to-z-claim': 'intentNameAToZClaim',
  other: 'intentNameOther',
};
