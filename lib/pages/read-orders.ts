/**
 * Order details and order list readers (docs/seller-central-pages.md §2–§3). Keyed on
 * data-test-ids and ids; label text only where nothing else is known, and then in English and Japanese
 * (the words: lib/pages/wording/orders.ts).
 */
import { sellerCentralHost, type MarketplaceId } from '../hosts';
import { readDateWindow } from './dates';
import { pathTo, queryAll, queryFirst, textOf, type ReadRoot } from './dom';
import { ASIN_IN_TEXT, MissingList, ORDER_ID_IN_TEXT, firstMatch, fulfilmentFromText, elementTexts, labelledLine, marketplaceFromPage, statusFromText, toCount, zoneOf } from './read-common';
import { readStatusText, withoutRequestWording } from './cancel-wording';
import { alertElements, cancelOnPage, joinedText, lightElement, readAlerts, spacedText, type AlertReading } from './read-cancel';
import { SELECTORS } from './selectors';
import { CANCEL_BANNER, NO_ORDERS, ORDER_ROW_LABELS, PAGE_CONTROL_WORDING } from './wording';
import type { OrderDetailsSnapshot, OrderItem, OrderListSnapshot, OrderRow, OrderStatus, PageControl, Unrecognized } from './snapshot';

export function marketplaceOf(root: ReadRoot, url: URL): MarketplaceId | undefined {
  return sellerCentralHost(url)?.marketplace ?? marketplaceFromPage(root);
}

function readWindow(element: Element | undefined, field: string, zone: string, missing: MissingList) {
  if (!element) return missing.add(field, 'not on the page');
  const text = textOf(element);
  const reading = readDateWindow(text, zone);
  return reading.ok ? reading.window : missing.add(field, `unreadable date: ${reading.reason}`, 'unreadable');
}

/** The overall status from item statuses: any unshipped item keeps the order unshipped. */
export function orderStatusFrom(statuses: readonly (OrderStatus | undefined)[]): OrderStatus | undefined {
  const known = statuses.filter((s): s is OrderStatus => s !== undefined);
  if (known.length === 0) return undefined;
  if (known.every((s) => s === 'canceled')) return 'canceled';
  const live = known.filter((s) => s !== 'canceled');
  if (live.every((s) => s === 'shipped')) return 'shipped';
  if (live.some((s) => s === 'shipped' || s === 'partially-shipped')) return 'partially-shipped';
  if (live.every((s) => s === 'pending')) return 'pending';
  if (live.some((s) => s === 'unshipped')) return 'unshipped';
  return 'unknown';
}

/** The order page's own controls, found by label (no data-test-id is known for them) and by link. */
function readControls(scope: ReadRoot): PageControl[] {
  const controls: PageControl[] = [];
  const seen = new Set<Element>();
  for (const element of queryAll(scope, SELECTORS.labelledControls.css)) {
    const label = textOf(element) || element.getAttribute('label') || element.getAttribute('value') || '';
    const kind = firstMatch(PAGE_CONTROL_WORDING, label.trim());
    if (kind) {
      seen.add(element);
      controls.push({ kind, label: label.slice(0, 200), path: pathTo(element) });
    }
  }
  for (const link of queryAll(scope, SELECTORS.confirmShipmentLink.css)) {
    if (!seen.has(link)) controls.push({ kind: 'confirm-shipment', label: textOf(link).slice(0, 200), path: pathTo(link) });
  }
  const contact = queryFirst(scope, ['[data-test-id="buyer-name-with-link"]']);
  if (contact) controls.push({ kind: 'contact-buyer', label: textOf(contact).slice(0, 200), path: pathTo(contact) });
  return controls;
}

/**
 * A list row's controls: the confirm-shipment link and the buyer link, located by the row's
 * position and their own selector (cheap for 500 rows; the order page finds the rest).
 */
function readRowControls(row: Element, rowPath: string): PageControl[] {
  const controls: PageControl[] = [];
  const confirm = queryFirst(row, SELECTORS.confirmShipmentLink.css);
  if (confirm) controls.push({ kind: 'confirm-shipment', label: textOf(confirm).slice(0, 200), path: `${rowPath} ${SELECTORS.confirmShipmentLink.css[0]}` });
  const contact = queryFirst(row, ['[data-test-id="buyer-name-with-link"]']);
  if (contact) controls.push({ kind: 'contact-buyer', label: textOf(contact).slice(0, 200), path: `${rowPath} [data-test-id="buyer-name-with-link"]` });
  return controls;
}

/**
 * Column index by heading data-test-id, from the items table's header (JP capture). The real
 * table has a hidden gift-options heading with no cell under it in the row, so hidden headings
 * are skipped when the row is shorter than the header.
 */
function itemColumns(table: Element, row: Element): Map<string, number> {
  let headings = [...table.querySelectorAll('thead th')];
  if (row.children.length < headings.length) headings = headings.filter((th) => !th.classList.contains('hidden-table-cell'));
  const columns = new Map<string, number>();
  headings.forEach((th, index) => {
    const id = th.getAttribute('data-test-id');
    if (id) columns.set(id, index);
  });
  return columns;
}

/** The items, and each one's status cell text (where the item-status marker would be). */
function readItems(root: ReadRoot, missing: MissingList): { items: OrderItem[]; statusTexts: string[]; cells: Element[] } {
  const items: OrderItem[] = [];
  const statusTexts: string[] = [];
  const cells: Element[] = [];
  for (const cell of queryAll(root, SELECTORS.itemStatusCells.css)) {
    const row = cell.closest('tr');
    const table = cell.closest('table.a-keyvalue') ?? row?.closest('table');
    if (!row || !table) continue;
    const columns = itemColumns(table, row);
    const lines = elementTexts(row);
    const quantityIndex = columns.get('item-quantity-heading');
    const quantityCell = quantityIndex === undefined ? undefined : row.children[quantityIndex];
    const quantity = toCount(textOf(quantityCell).match(/^\d+$/)?.[0]);
    const asin = /^[A-Z0-9]{10}\b/.exec(labelledLine(lines, ['ASIN']) ?? '')?.[0];
    const sku = labelledLine(lines, ['SKU']);
    const title = textOf(queryFirst(row, SELECTORS.productName.css));
    // Spaced ("Unshipped" + "Buyer Requested Cancel" in two spans) and as run together ("<b>cancel</b>ed").
    const spaced = spacedText(cell);
    const statusText = readStatusText(spaced) ? spaced : joinedText(cell);
    // "キャンセルリクエスト" next to the status is the request's marker, not the word "cancelled".
    const status = statusFromText(withoutRequestWording(statusText));
    const item: OrderItem = {
      ...(asin ? { asin } : {}),
      ...(sku ? { sku: sku.slice(0, 200) } : {}),
      ...(title ? { title: title.slice(0, 2000) } : {}),
      ...(quantity !== undefined ? { quantity } : {}),
      ...(status ? { status } : {}),
    };
    if (!item.asin) missing.add(`items[${items.length}].asin`, 'no "ASIN:" in the item row');
    if (item.quantity === undefined) missing.add(`items[${items.length}].quantity`, 'no quantity column');
    items.push(item);
    statusTexts.push(statusText);
    cells.push(cell);
  }
  return { items, statusTexts, cells };
}

/** The order app's root on the order page (A: JP capture); the whole page when it is not there. */
function orderPlace(root: ReadRoot): Element | undefined {
  return queryFirst(root, ['#MYO-app']);
}

/** The request as the order page shows it: banners in the order app (or naming the order), Amazon's sentence anywhere, item-status markers. */
function readCancelOnOrderPage(root: ReadRoot, orderId: string, items: readonly OrderItem[], statusTexts: readonly string[], cells: readonly Element[], missing: MissingList) {
  const place = orderPlace(root);
  // An alert inside an item's status cell is that item's marker, read with the cell.
  const alerts = readAlerts(alertElements(root).filter((alert) => !cells.some((cell) => cell.contains(lightElement(alert)))));
  const inPlace: AlertReading[] = [];
  const elsewhere: AlertReading[] = [];
  for (const alert of alerts) (!place || place.contains(lightElement(alert.element)) ? inPlace : elsewhere).push(alert);
  const found = cancelOnPage(orderId, inPlace, elsewhere, items, statusTexts);
  if (found.doubt) missing.add('buyerRequestedCancel', found.doubt, 'unreadable');
  else if (!found.value) {
    missing.add('buyerRequestedCancel', "no banner or item-status marker in Amazon's words on the page; read from the orders API when the page loads it", 'elsewhere');
  }
  return found.value;
}

export function readOrderDetails(root: ReadRoot, url: URL): OrderDetailsSnapshot | Unrecognized {
  const orderIdElement = queryFirst(root, SELECTORS.orderId.css);
  if (!orderIdElement) {
    return {
      kind: 'unrecognized',
      reason: queryFirst(root, SELECTORS.orderDetailsLabel.css)
        ? 'order details page without an order id (it may still be loading)'
        : 'no order details on this page (no order-id-value; the page may still be loading)',
    };
  }
  const orderId = ORDER_ID_IN_TEXT.exec(textOf(orderIdElement))?.[1];
  if (!orderId) return { kind: 'unrecognized', reason: `the order id "${textOf(orderIdElement).slice(0, 40)}" is not an order id` };
  const urlOrderId = /\/orders-v3\/order\/(\d{3}-\d{7}-\d{7})/.exec(url.pathname)?.[1];
  if (urlOrderId && urlOrderId !== orderId) {
    return { kind: 'unrecognized', reason: `the page shows order ${orderId} but the address names ${urlOrderId} (still loading?)` };
  }

  const missing = new MissingList();
  const marketplace = marketplaceOf(root, url) ?? missing.add('marketplace', 'neither the host nor the page names it');
  const zone = zoneOf(marketplace);
  const purchase = readWindow(queryFirst(root, SELECTORS.purchaseDate.css), 'purchaseDate', zone, missing);
  const shipBy = readWindow(queryFirst(root, SELECTORS.shipBy.css), 'shipBy', zone, missing);
  const deliverBy = readWindow(queryFirst(root, SELECTORS.deliverBy.css), 'deliverBy', zone, missing);
  const fulfilmentText = textOf(queryFirst(root, SELECTORS.fulfilmentChannel.css));
  const fulfilment =
    fulfilmentFromText(fulfilmentText) ??
    missing.add('fulfilment', fulfilmentText ? `unknown channel "${fulfilmentText.slice(0, 40)}"` : 'not on the page', fulfilmentText ? 'unreadable' : 'not-found');
  const { items, statusTexts, cells } = readItems(root, missing);
  if (items.length === 0) missing.add('items', 'no item rows (item-status-cell) on the page');
  const status = orderStatusFrom(items.map((i) => i.status)) ?? missing.add('status', 'no item status on the page');
  const trackingId = textOf(queryFirst(root, SELECTORS.trackingId.css));
  const addressElement = queryFirst(root, SELECTORS.buyerAddress.css);
  const addressLines = addressElement
    ? [...addressElement.querySelectorAll('span')]
        .map((span) => textOf(span).slice(0, 500))
        .filter((line) => line !== '')
        .slice(0, 12)
    : [];
  const buyerName = textOf(queryFirst(root, SELECTORS.buyerName.css)) || addressLines[0];
  const buyerRequestedCancel = readCancelOnOrderPage(root, orderId, items, statusTexts, cells, missing);

  return {
    kind: 'order-details',
    orderId,
    ...(marketplace ? { marketplace } : {}),
    ...(purchase ? { purchaseDate: purchase.earliest } : {}),
    ...(shipBy ? { shipBy } : {}),
    ...(deliverBy ? { deliverBy } : {}),
    ...(fulfilment ? { fulfilment } : {}),
    ...(status ? { status } : {}),
    ...(buyerRequestedCancel ? { buyerRequestedCancel } : {}),
    items,
    ...(trackingId ? { tracking: { id: trackingId.slice(0, 200) } } : {}),
    ...(buyerName || addressLines.length ? { buyer: { ...(buyerName ? { name: buyerName.slice(0, 200) } : {}), addressLines } } : {}),
    controls: readControls(root),
    missing: missing.items,
    sources: ['dom'],
  };
}

function readRow(row: Element, zone: string, index: number): OrderRow | undefined {
  const missing = new MissingList();
  const link = queryFirst(row, SELECTORS.rowOrderLink.css);
  const orderId = ORDER_ID_IN_TEXT.exec(textOf(link))?.[1] ?? ORDER_ID_IN_TEXT.exec(link?.getAttribute('href') ?? '')?.[1];
  if (!orderId) return undefined;
  const cells = [...row.children];
  const lines = elementTexts(row);
  const dateCell = cells[1];
  const purchaseText = dateCell
    ? [...dateCell.children]
        .slice(1)
        .map((c) => textOf(c))
        .join(' ')
    : '';
  const purchase = purchaseText ? readDateWindow(purchaseText, zone) : undefined;
  if (!purchase?.ok) missing.add('purchaseDate', purchase ? purchase.reason : 'no date cell', purchase ? 'unreadable' : 'not-found');

  const shipByText = labelledLine(lines, ORDER_ROW_LABELS.shipBy);
  const shipBy = shipByText ? readDateWindow(shipByText, zone) : undefined;
  if (!shipBy?.ok) missing.add('shipBy', shipBy ? shipBy.reason : 'no "Ship by date" in the row', shipBy ? 'unreadable' : 'not-found');
  const deliverByText = labelledLine(lines, ORDER_ROW_LABELS.deliverBy);
  const deliverBy = deliverByText ? readDateWindow(deliverByText, zone) : undefined;

  const fulfilmentText = labelledLine(lines, ORDER_ROW_LABELS.fulfilment);
  const fulfilment = fulfilmentText ? fulfilmentFromText(fulfilmentText) : undefined;
  if (!fulfilment) missing.add('fulfilment', 'no fulfilment method in the row');
  const status = statusFromText(withoutRequestWording(textOf(queryFirst(row, SELECTORS.rowStatus.css))));
  if (!status) missing.add('status', 'no status in the row');
  const asin = /^[A-Z0-9]{10}\b/.exec(labelledLine(lines, ['ASIN']) ?? '')?.[0] ?? ASIN_IN_TEXT.exec(textOf(row))?.[1];
  const quantity = toCount(/^\d+$/.exec(labelledLine(lines, ORDER_ROW_LABELS.quantity) ?? '')?.[0]);
  const sku = labelledLine(lines, ['SKU']);
  const title = textOf(queryFirst(row, SELECTORS.productName.css));
  const buyerName = textOf(queryFirst(row, ['[data-test-id="buyer-name-with-link"]']));

  return {
    orderId,
    ...(purchase?.ok ? { purchaseDate: purchase.window.earliest } : {}),
    ...(shipBy?.ok ? { shipBy: shipBy.window } : {}),
    ...(deliverBy?.ok ? { deliverBy: deliverBy.window } : {}),
    ...(fulfilment ? { fulfilment } : {}),
    ...(status ? { status } : {}),
    items: [
      {
        ...(asin ? { asin } : {}),
        ...(sku ? { sku: sku.slice(0, 200) } : {}),
        ...(title ? { title: title.slice(0, 2000) } : {}),
        ...(quantity !== undefined ? { quantity } : {}),
      },
    ],
    ...(buyerName ? { buyer: { name: buyerName.slice(0, 200), addressLines: [] } } : {}),
    controls: readRowControls(row, `#orders-table > tbody > tr:nth-of-type(${index + 1})`),
    missing: missing.items,
  };
}

/**
 * What the list's rows read as, kept between reads of the same page so a re-read reads only the
 * rows that changed. A row is read from its own subtree (with the marketplace's zone and its
 * place in the table), so its reading holds until something inside it changes: whoever watches
 * the page calls forgetChanged(cache, node) for every node a mutation touched. Nothing but
 * element references and the readings is kept; the cache dies with the page.
 */
export interface RowCache {
  readonly rows: WeakMap<Element, { readonly zone: string; readonly index: number; readonly order: OrderRow | undefined }>;
  /**
   * The page's alerts (alertElements), found in a step of its own by whoever reads a long list a
   * step at a time, for the next readOrderList only (which clears it).
   */
  alerts?: readonly Element[] | undefined;
}

export function createRowCache(): RowCache {
  return { rows: new WeakMap() };
}

/** Forgets the reading of every row that holds `node` (walks up to the document: linear in depth). */
export function forgetChanged(cache: RowCache, node: Node | null): void {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current.nodeType === 1) cache.rows.delete(current as Element);
  }
}

function cachedRow(cache: RowCache | undefined, row: Element, zone: string, index: number): OrderRow | undefined {
  const known = cache?.rows.get(row);
  if (known && known.zone === zone && known.index === index) return known.order;
  const order = readRow(row, zone, index);
  cache?.rows.set(row, { zone, index, order });
  return order;
}

/**
 * The rows of an order list still to be read into `cache`, for a reader that reads them a slice
 * at a time and gives the page its main thread back in between (the content script); the last
 * read of the list (readOrderList with the same cache) then reads none of them again.
 */
export function pendingRows(root: ReadRoot, url: URL, cache: RowCache): { readonly rows: readonly Element[]; readonly total: number; read(row: Element): void } {
  const zone = zoneOf(marketplaceOf(root, url));
  const rows = queryAll(root, SELECTORS.orderRows.css);
  const indexOf = new Map(rows.map((row, index) => [row, index]));
  return {
    rows: rows.filter((row, index) => {
      const known = cache.rows.get(row);
      return !(known && known.zone === zone && known.index === index);
    }),
    total: rows.length,
    read: (row) => void cachedRow(cache, row, zone, indexOf.get(row) ?? 0),
  };
}

/** `cache`: readings of rows from an earlier read of this page (see RowCache); rows in it are not read again. */
export function readOrderList(root: ReadRoot, url: URL, cache?: RowCache): OrderListSnapshot | Unrecognized {
  const table = queryFirst(root, SELECTORS.ordersTable.css);
  // The whole page's text only when it decides something (on a 500-row list it is a megabyte).
  const saysEmpty = () => NO_ORDERS.test(textOf('body' in root && root.body ? root.body : (root as Element)));
  const empty = !table && saysEmpty();
  if (!table && !empty) return { kind: 'unrecognized', reason: 'no orders table on this page (it may still be loading)' };
  const missing = new MissingList();
  const marketplace = marketplaceOf(root, url) ?? missing.add('marketplace', 'neither the host nor the page names it');
  const zone = zoneOf(marketplace);
  const orders: OrderRow[] = [];
  const rows = queryAll(root, SELECTORS.orderRows.css);
  const alerts = readAlerts(cache?.alerts ?? alertElements(root));
  if (cache) cache.alerts = undefined;
  const alertsIn = (row: Element) => alerts.filter((alert) => row.contains(lightElement(alert.element)));
  // Amazon shows the request "right above the order information" (help G201722390): a row of its
  // own with an alert and no order link belongs to the next order's row.
  let above: AlertReading[] = [];
  rows.forEach((row, index) => {
    const own = alertsIn(row);
    const order = cachedRow(cache, row, zone, index);
    if (!order) {
      if (own.length > 0) above.push(...own);
      else missing.add(`rows[${index}]`, 'no order id in the row');
      return;
    }
    const found = cancelOnPage(order.orderId, [...above, ...own], [], order.items, []);
    above = [];
    if (found.value) orders.push({ ...order, buyerRequestedCancel: found.value });
    else if (found.doubt) orders.push({ ...order, missing: [...order.missing, { field: 'buyerRequestedCancel', reason: found.doubt.slice(0, 300), why: 'unreadable' }] });
    else orders.push(order);
  });
  if (above.length > 0) missing.add('buyerRequestedCancel', `an alert below the last order row belongs to no order: "${above[0]!.text.slice(0, 200)}"`, 'unreadable');
  const totalText = textOf(queryFirst(root, SELECTORS.totalOrders.css));
  const totalOrders = toCount(/(\d[\d,]*)/.exec(totalText)?.[1]);
  if (totalOrders === undefined && !empty && !(table && saysEmpty())) missing.add('totalOrders', 'no "N orders" heading');
  // Page-level: an alert outside the rows about cancellation requests (it names no order: no flag).
  const inRows = new Set(rows.flatMap((row) => alertsIn(row).map((alert) => alert.element)));
  const banner = alerts.find((alert) => !inRows.has(alert.element) && CANCEL_BANNER.test(alert.text));
  return {
    kind: 'order-list',
    ...(marketplace ? { marketplace } : {}),
    ...(totalOrders !== undefined ? { totalOrders } : {}),
    orders,
    ...(banner ? { cancellationBanner: { text: banner.text.slice(0, 2000) } } : {}),
    missing: missing.items,
    sources: ['dom'],
  };
}
