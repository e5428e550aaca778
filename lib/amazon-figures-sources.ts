/**
 * The Amazon source of each figure in lib/amazon-figures.ts (docs/guidance.md "Amazon's figures").
 * Grade A: Amazon's own page or staff post; B: several sellers' reports of Amazon's post; C: assumed.
 * Not imported by the extension's scripts; test/amazon-figures.test.ts checks it covers every figure.
 */
import type { MarketplaceId } from './hosts';

export interface FigureSource {
  readonly cite: string;
  readonly grade: 'A' | 'B' | 'C';
}

const G201722390_US: FigureSource = {
  cite: 'Amazon seller help G201722390 "Order cancellations" (sellercentral.amazon.com/help/hub/reference/G201722390): "For the first 30 minutes after the order is placed, buyers can cancel their own order"; "Amazon will automatically cancel orders if seven days have passed since the expected shipping availability date"',
  grade: 'A',
};

export const FIGURE_SOURCES = {
  PRE_FULFILMENT_CANCEL_RATE: [
    {
      cite: 'Amazon seller forum, "Let\'s talk Pre-fulfillment Cancel Rate" (Amazon staff post, sellercentral.amazon.co.jp/seller-forums/discussions/t/7ff2b981-1e19-43c4-af51-a5c28a34a5b7): "all seller-cancelled orders as a percentage of total orders during a given 7-day time period … under 2.5%"',
      grade: 'A',
    },
    { cite: 'Amazon seller help 200285210 "Cancellation Rate" (en_CA, en_IT; ja_JP: キャンセル率 2.5%未満, 7日間)', grade: 'A' },
  ],
  ON_TIME_DELIVERY_RATE: [
    { cite: 'Amazon seller forum, "On-Time Delivery Rate FAQ" (US, 2024): "Effective September 25, 2024 … a minimum of 90% OTDR … units … time window of 14-days … 7-day delay"', grade: 'A' },
    { cite: 'Amazon\'s announcement "New updates to our on-time delivery policy and shipping settings" as quoted by valueaddedresource.net and sellerclass.com (2024)', grade: 'B' },
  ],
  BUYER_CANCEL_WINDOW_MINUTES: {
    US: G201722390_US,
    CA: { cite: 'assumed as US (help G201722390 not checked for amazon.ca)', grade: 'C' },
    MX: { cite: 'assumed as US (help G201722390 not checked for amazon.com.mx)', grade: 'C' },
    UK: { cite: 'assumed as US and DE (help 201722390 not checked for amazon.co.uk)', grade: 'C' },
    DE: { cite: 'Amazon seller help 201722390, de_DE: "Nach 30 Minuten kann der Käufer die Bestellung nicht mehr direkt stornieren"', grade: 'A' },
    FR: { cite: 'assumed as DE (help 201722390 not checked for amazon.fr)', grade: 'C' },
    IT: { cite: 'assumed as DE (help 201722390 not checked for amazon.it)', grade: 'C' },
    ES: { cite: 'assumed as DE (help 201722390 not checked for amazon.es)', grade: 'C' },
    JP: {
      cite: 'Amazon seller help 201722390, ja_JP (sellercentral.amazon.co.jp): 「注文後 5分以内であれば…購入者自身で注文をキャンセルすることができます」; help RXAS2XTAYEF77BG (seller-fulfilled orders)',
      grade: 'A',
    },
  } satisfies Record<MarketplaceId, FigureSource>,
  AUTO_CANCEL: [
    {
      cite: 'Amazon seller forum "Important update regarding Auto Cancellation timeline" (sellercentral.amazon.com/forums/t/694871, 2020): "within 7 business days after the \'ship by\' date … counted as defects to your Cancellation Rate"',
      grade: 'A',
    },
    G201722390_US,
    { cite: 'The public captures of /orders-api/order (docs/seller-central-pages.md §13): cancellationDate 10 and 11 calendar days after latestShipDate (inferred)', grade: 'C' },
  ],
  REPLY_WINDOW_HOURS: [
    {
      cite: 'Amazon seller help 202152030 (sellercentral.amazon.com/gp/help/external/202152030): "Respond to buyer messages within 24 hours, including weekends and holidays. Auto-responders are not considered a valid response."',
      grade: 'A',
    },
    {
      cite: 'Amazon seller help 200549770 "Contact Response Time" (US): "The Late Response Rate is the percentage of messages you didn\'t respond to within 24 hours … including weekends and holidays"',
      grade: 'A',
    },
  ],
  A_TO_Z_RESPONSE_HOURS: [
    {
      cite: 'assumed: 72 hours to answer Amazon on an A-to-z claim, as sellers report it; older help said 7 days, and since 2020 Amazon no longer requires a response to Amazon when a claim is filed (its US announcement, as quoted on sellerbee.com/forum/52), so the figure is kept as the safe, short side',
      grade: 'C',
    },
  ],
} as const satisfies Record<string, readonly FigureSource[] | Record<MarketplaceId, FigureSource>>;
