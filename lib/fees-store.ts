/**
 * The anomaly watch's two stored items (lib/fees), defined with lib/storage's `defineStoredItem`
 * like every other local value: Zod-checked on every read, an unreadable value backed up to
 * `backup:<key>:<time>` before the empty one is used. Apart from lib/storage so the content script,
 * which never reads them, does not carry their schemas. Written by the background only; cleared
 * with the order data (lib/storage ORDER_DATA_KEYS).
 */
import { EMPTY_FEE_RATES, EMPTY_SALES_WATCH, FeeRates, SalesWatch } from './fees';
import { STORAGE_KEYS } from './settings';
import { defineStoredItem, type StoredItem, type StoredItemOptions } from './storage';

/** Per SKU and marketplace: the fee as a share of the sale, with the order id and when it was seen. */
export const feeRatesItem = (options?: StoredItemOptions): StoredItem<FeeRates> => defineStoredItem(STORAGE_KEYS.feeRates, FeeRates, EMPTY_FEE_RATES, options);

/** Per order: its SKU, fulfilment, first seen shipped, first sale seen on the Transaction view; when a Transaction view was last open. */
export const salesWatchItem = (options?: StoredItemOptions): StoredItem<SalesWatch> => defineStoredItem(STORAGE_KEYS.salesWatch, SalesWatch, EMPTY_SALES_WATCH, options);
