/**
 * The built-in reply templates, in the six languages of the first release. Each traces to a case
 * of docs/domain.md or to Amazon's seller help (`TEMPLATE_SOURCES`), and keeps to Amazon's
 * Buyer-Seller Messaging rules: no links, no e-mail addresses or phone numbers, nothing about
 * reviews or feedback, no contact outside Amazon (the seed's FBA text gives a URL and phone
 * numbers; ours points to "Your Orders" on Amazon instead). Variables are written {name} and
 * filled by lib/templates/fill.ts; a variable the page cannot supply is shown before insertion,
 * never inserted raw.
 */
import type { Language } from '../classify/types';
import type { TemplateId } from './ids';

export const VARIABLES = ['buyerName', 'orderId', 'productTitle', 'asin', 'storeName', 'sellerName', 'trackingNumber', 'carrier', 'shipBy'] as const;
export type Variable = (typeof VARIABLES)[number];

export interface BuiltInTemplate {
  readonly id: TemplateId;
  /** Who reads it: the buyer (Buyer-Seller Messaging) or Amazon (Seller Support, an appeal). */
  readonly audience: 'buyer' | 'amazon';
  readonly body: Readonly<Record<Language, string>>;
}

export const CATALOGUE: readonly BuiltInTemplate[] = [
  {
    id: 'cancel-how-to-request',
    audience: 'buyer',
    body: {
      ja: `{buyerName} 様

この度は {storeName} をご利用いただき、誠にありがとうございます。
ご注文（注文番号：{orderId}）のキャンセルをご希望とのこと、承知いたしました。

お手数ですが、Amazon の「注文履歴」から該当のご注文を選び、「商品をキャンセル」よりキャンセルのリクエストをお送りください。リクエストを確認次第、速やかにキャンセルの手続きをいたします。

どうぞよろしくお願いいたします。
{storeName} {sellerName}`,
      en: `Dear {buyerName},

Thank you for your order from {storeName}. We understand you would like to cancel order {orderId}.

Please go to Your Orders on Amazon, select this order and choose "Request cancellation". As soon as we receive the request, we will cancel the order for you.

Kind regards,
{sellerName}
{storeName}`,
      de: `Guten Tag {buyerName},

vielen Dank für Ihre Bestellung bei {storeName}. Sie möchten die Bestellung {orderId} stornieren.

Bitte öffnen Sie auf Amazon „Meine Bestellungen“, wählen Sie diese Bestellung und klicken Sie auf „Stornierung anfragen“. Sobald Ihre Anfrage bei uns eingeht, stornieren wir die Bestellung umgehend.

Mit freundlichen Grüßen
{sellerName}
{storeName}`,
      fr: `Bonjour {buyerName},

Merci pour votre commande auprès de {storeName}. Vous souhaitez annuler la commande {orderId}.

Rendez-vous dans « Vos commandes » sur Amazon, sélectionnez cette commande puis « Demander l'annulation ». Dès réception de votre demande, nous annulerons la commande.

Cordialement,
{sellerName}
{storeName}`,
      it: `Gentile {buyerName},

grazie per il Suo ordine presso {storeName}. Desidera annullare l'ordine {orderId}.

La preghiamo di aprire «I miei ordini» su Amazon, selezionare questo ordine e scegliere «Richiedi annullamento». Appena riceveremo la richiesta, annulleremo l'ordine.

Cordiali saluti,
{sellerName}
{storeName}`,
      es: `Estimado/a {buyerName}:

Gracias por su pedido en {storeName}. Entendemos que desea cancelar el pedido {orderId}.

Por favor, vaya a «Mis pedidos» en Amazon, seleccione este pedido y elija «Solicitar la cancelación». En cuanto recibamos la solicitud, cancelaremos el pedido.

Atentamente,
{sellerName}
{storeName}`,
    },
  },
  {
    id: 'cancel-confirmed',
    audience: 'buyer',
    body: {
      ja: `{buyerName} 様

{storeName} でございます。
ご注文（注文番号：{orderId}）のキャンセルリクエストを承り、キャンセルの手続きが完了いたしました。ご請求は発生いたしません。

またのご利用を心よりお待ちしております。
{storeName} {sellerName}`,
      en: `Dear {buyerName},

We have received your cancellation request for order {orderId} and the order has now been cancelled. You will not be charged.

Kind regards,
{sellerName}
{storeName}`,
      de: `Guten Tag {buyerName},

wir haben Ihre Stornierungsanfrage für die Bestellung {orderId} erhalten und die Bestellung storniert. Es wird Ihnen nichts berechnet.

Mit freundlichen Grüßen
{sellerName}
{storeName}`,
      fr: `Bonjour {buyerName},

Nous avons bien reçu votre demande d'annulation pour la commande {orderId} : la commande est annulée et ne vous sera pas facturée.

Cordialement,
{sellerName}
{storeName}`,
      it: `Gentile {buyerName},

abbiamo ricevuto la Sua richiesta di annullamento per l'ordine {orderId}: l'ordine è stato annullato e non Le verrà addebitato nulla.

Cordiali saluti,
{sellerName}
{storeName}`,
      es: `Estimado/a {buyerName}:

Hemos recibido su solicitud de cancelación del pedido {orderId} y el pedido ya está cancelado. No se le realizará ningún cargo.

Atentamente,
{sellerName}
{storeName}`,
    },
  },
  {
    id: 'cancel-shipped-refuse-delivery',
    audience: 'buyer',
    body: {
      ja: `{buyerName} 様

{storeName} でございます。
ご注文（注文番号：{orderId}）のキャンセルリクエストをいただきましたが、誠に申し訳ございません、すでに発送が完了しておりキャンセルができない状態でございます。

お手数ですが、お届けの際に受け取りを拒否していただくか、お受け取り後に Amazon の「注文履歴」から返品のお手続きをお願いいたします。商品が当店に戻り次第、全額を返金いたします。

ご迷惑をおかけし申し訳ございません。
{storeName} {sellerName}`,
      en: `Dear {buyerName},

Thank you for your cancellation request for order {orderId}. We are sorry, but the order had already been shipped, so it can no longer be cancelled.

You can refuse the parcel on delivery, or return it through Your Orders on Amazon after it arrives. We will refund you in full as soon as it comes back to us.

We apologise for the inconvenience.
{sellerName}
{storeName}`,
      de: `Guten Tag {buyerName},

vielen Dank für Ihre Stornierungsanfrage zur Bestellung {orderId}. Leider war die Bestellung bereits versandt und kann nicht mehr storniert werden.

Sie können die Annahme des Pakets verweigern oder es nach Erhalt über „Meine Bestellungen“ auf Amazon zurücksenden. Sobald es bei uns eingeht, erstatten wir den vollen Betrag.

Wir entschuldigen uns für die Unannehmlichkeiten.
{sellerName}
{storeName}`,
      fr: `Bonjour {buyerName},

Merci pour votre demande d'annulation de la commande {orderId}. Nous sommes désolés : la commande était déjà expédiée et ne peut plus être annulée.

Vous pouvez refuser le colis à la livraison, ou le retourner depuis « Vos commandes » sur Amazon après réception. Nous vous rembourserons intégralement dès son retour.

Avec nos excuses pour ce désagrément,
{sellerName}
{storeName}`,
      it: `Gentile {buyerName},

grazie per la richiesta di annullamento dell'ordine {orderId}. Purtroppo l'ordine era già stato spedito e non può più essere annullato.

Può rifiutare il pacco alla consegna oppure restituirlo da «I miei ordini» su Amazon dopo averlo ricevuto. La rimborseremo per intero appena ci tornerà.

Ci scusiamo per l'inconveniente.
{sellerName}
{storeName}`,
      es: `Estimado/a {buyerName}:

Gracias por su solicitud de cancelación del pedido {orderId}. Lo sentimos, pero el pedido ya se había enviado y no puede cancelarse.

Puede rechazar el paquete en la entrega o devolverlo desde «Mis pedidos» en Amazon cuando lo reciba. Le reembolsaremos el importe íntegro en cuanto nos llegue.

Disculpe las molestias.
{sellerName}
{storeName}`,
    },
  },
  {
    id: 'cancel-request-not-received',
    audience: 'buyer',
    body: {
      ja: `{buyerName} 様

{storeName} でございます。
ご注文（注文番号：{orderId}）につきまして、キャンセルのリクエストが当店に届いておらず、そのまま発送してしまいました。ご不快な思いをおかけし、誠に申し訳ございません。

リクエストを無視したものではございません。現在 Amazon に調査を依頼しております。
商品は着払いにてご返送いただければ、到着次第、全額を返金いたします。
お手数をおかけいたしますが、今しばらくお時間をいただけますと幸いです。

{storeName} {sellerName}`,
      en: `Dear {buyerName},

We are very sorry: your cancellation request for order {orderId} never reached us, so the order was shipped. We did not ignore your request, and we have asked Amazon to look into what happened.

Please send the item back with the return postage charged to us; we will refund you in full as soon as it arrives. Thank you for bearing with us.

Kind regards,
{sellerName}
{storeName}`,
      de: `Guten Tag {buyerName},

es tut uns sehr leid: Ihre Stornierungsanfrage zur Bestellung {orderId} hat uns nie erreicht, daher wurde die Bestellung versandt. Wir haben Ihre Anfrage nicht übergangen und Amazon gebeten, den Vorfall zu prüfen.

Bitte senden Sie den Artikel auf unsere Kosten zurück; nach Eingang erstatten wir den vollen Betrag. Vielen Dank für Ihre Geduld.

Mit freundlichen Grüßen
{sellerName}
{storeName}`,
      fr: `Bonjour {buyerName},

Nous sommes sincèrement désolés : votre demande d'annulation de la commande {orderId} ne nous est jamais parvenue, et la commande a été expédiée. Nous n'avons pas ignoré votre demande et avons demandé à Amazon d'examiner ce qui s'est passé.

Merci de nous renvoyer l'article, frais de retour à notre charge ; nous vous rembourserons intégralement dès réception. Merci de votre patience.

Cordialement,
{sellerName}
{storeName}`,
      it: `Gentile {buyerName},

ci scusiamo molto: la Sua richiesta di annullamento dell'ordine {orderId} non ci è mai arrivata e l'ordine è stato spedito. Non abbiamo ignorato la richiesta e abbiamo chiesto ad Amazon di verificare l'accaduto.

La preghiamo di restituirci l'articolo con spese di reso a nostro carico; La rimborseremo per intero appena lo riceveremo. Grazie per la pazienza.

Cordiali saluti,
{sellerName}
{storeName}`,
      es: `Estimado/a {buyerName}:

Lo sentimos mucho: su solicitud de cancelación del pedido {orderId} nunca nos llegó y el pedido se envió. No ignoramos su solicitud y hemos pedido a Amazon que investigue lo ocurrido.

Por favor, devuélvanos el artículo con los gastos de devolución a nuestro cargo; le reembolsaremos el importe íntegro en cuanto llegue. Gracias por su paciencia.

Atentamente,
{sellerName}
{storeName}`,
    },
  },
  {
    id: 'fba-contact-amazon',
    audience: 'buyer',
    body: {
      ja: `{buyerName} 様

{storeName} の {sellerName} でございます。
この度はご購入いただきありがとうございます。ご不便をおかけし申し訳ございません。

ご注文（注文番号：{orderId}）は Amazon の倉庫から Amazon が発送しており、配送・返品・交換は Amazon カスタマーサービスが対応いたします。
お手数ですが、Amazon の「注文履歴」から該当のご注文を選び、「問題がある場合」よりお問い合わせください。

ご理解のほど、よろしくお願いいたします。
{storeName} {sellerName}`,
      en: `Dear {buyerName},

My name is {sellerName}, and I look after the {storeName} store. Thank you for your purchase, and we are sorry for the inconvenience.

Order {orderId} was packed and shipped by Amazon, so Amazon customer service handles its delivery, returns and replacements. Please go to Your Orders on Amazon, select this order and choose "Get help with order".

If you have any other question, please do not hesitate to ask us.
Kind regards,
{sellerName}
{storeName}`,
      de: `Guten Tag {buyerName},

mein Name ist {sellerName} vom Shop {storeName}. Vielen Dank für Ihren Einkauf, und entschuldigen Sie die Unannehmlichkeiten.

Die Bestellung {orderId} wurde von Amazon verpackt und versandt; für Lieferung, Rücksendung und Ersatz ist daher der Amazon-Kundenservice zuständig. Bitte öffnen Sie auf Amazon „Meine Bestellungen“, wählen Sie diese Bestellung und klicken Sie auf „Hilfe zur Bestellung“.

Bei weiteren Fragen sind wir gern für Sie da.
Mit freundlichen Grüßen
{sellerName}
{storeName}`,
      fr: `Bonjour {buyerName},

Je suis {sellerName}, de la boutique {storeName}. Merci pour votre achat, et toutes nos excuses pour ce désagrément.

La commande {orderId} a été préparée et expédiée par Amazon : c'est donc le service client Amazon qui gère la livraison, les retours et les remplacements. Rendez-vous dans « Vos commandes » sur Amazon, sélectionnez cette commande puis « Obtenir de l'aide ».

N'hésitez pas à nous écrire pour toute autre question.
Cordialement,
{sellerName}
{storeName}`,
      it: `Gentile {buyerName},

sono {sellerName} del negozio {storeName}. Grazie per l'acquisto e ci scusiamo per l'inconveniente.

L'ordine {orderId} è stato preparato e spedito da Amazon, quindi consegna, resi e sostituzioni sono gestiti dal Servizio Clienti Amazon. La preghiamo di aprire «I miei ordini» su Amazon, selezionare questo ordine e scegliere «Assistenza per l'ordine».

Per qualsiasi altra domanda siamo a Sua disposizione.
Cordiali saluti,
{sellerName}
{storeName}`,
      es: `Estimado/a {buyerName}:

Soy {sellerName}, de la tienda {storeName}. Gracias por su compra y disculpe las molestias.

El pedido {orderId} lo preparó y envió Amazon, por lo que la entrega, las devoluciones y los reemplazos los gestiona el Servicio de Atención al Cliente de Amazon. Vaya a «Mis pedidos» en Amazon, seleccione este pedido y elija «Obtener ayuda con el pedido».

Si tiene cualquier otra pregunta, no dude en escribirnos.
Atentamente,
{sellerName}
{storeName}`,
    },
  },
  {
    id: 'tracking-info',
    audience: 'buyer',
    body: {
      ja: `{buyerName} 様

{storeName} でございます。お問い合わせいただきありがとうございます。
ご注文（注文番号：{orderId}）は {carrier} にて発送済みで、追跡番号は {trackingNumber} です。
配送状況は Amazon の「注文履歴」の「配送状況を確認」からもご確認いただけます。

到着まで今しばらくお待ちくださいませ。
{storeName} {sellerName}`,
      en: `Dear {buyerName},

Thank you for your message. Order {orderId} has been shipped with {carrier}; the tracking number is {trackingNumber}. You can also follow it under "Track package" in Your Orders on Amazon.

Kind regards,
{sellerName}
{storeName}`,
      de: `Guten Tag {buyerName},

vielen Dank für Ihre Nachricht. Die Bestellung {orderId} wurde mit {carrier} versandt; die Sendungsnummer lautet {trackingNumber}. Sie können die Sendung auch unter „Lieferung verfolgen“ in „Meine Bestellungen“ auf Amazon verfolgen.

Mit freundlichen Grüßen
{sellerName}
{storeName}`,
      fr: `Bonjour {buyerName},

Merci pour votre message. La commande {orderId} a été expédiée avec {carrier} ; le numéro de suivi est {trackingNumber}. Vous pouvez aussi la suivre via « Suivre votre colis » dans « Vos commandes » sur Amazon.

Cordialement,
{sellerName}
{storeName}`,
      it: `Gentile {buyerName},

grazie per il messaggio. L'ordine {orderId} è stato spedito con {carrier}; il numero di tracciamento è {trackingNumber}. Può seguirlo anche da «Traccia il pacco» in «I miei ordini» su Amazon.

Cordiali saluti,
{sellerName}
{storeName}`,
      es: `Estimado/a {buyerName}:

Gracias por su mensaje. El pedido {orderId} se ha enviado con {carrier}; el número de seguimiento es {trackingNumber}. También puede seguirlo en «Rastrear paquete» dentro de «Mis pedidos» en Amazon.

Atentamente,
{sellerName}
{storeName}`,
    },
  },
  {
    id: 'complaint-acknowledge',
    audience: 'buyer',
    body: {
      ja: `{buyerName} 様

{storeName} の {sellerName} でございます。
この度はご購入いただいた「{productTitle}」（注文番号：{orderId}）につきまして、ご迷惑をおかけし誠に申し訳ございません。
ただいま仕入先に確認しております。確認でき次第、できるだけ早くご連絡いたします。

今しばらくお待ちいただけますようお願いいたします。
{storeName} {sellerName}`,
      en: `Dear {buyerName},

My name is {sellerName}, from {storeName}. Thank you for letting us know, and we are sorry for the trouble with "{productTitle}" (order {orderId}).

We are checking with our supplier now and will contact you again as soon as possible.

Thank you for your patience.
{sellerName}
{storeName}`,
      de: `Guten Tag {buyerName},

mein Name ist {sellerName} von {storeName}. Vielen Dank für Ihren Hinweis, und es tut uns leid, dass es mit „{productTitle}“ (Bestellung {orderId}) Probleme gibt.

Wir klären das gerade mit unserem Lieferanten und melden uns so bald wie möglich wieder bei Ihnen.

Vielen Dank für Ihre Geduld.
{sellerName}
{storeName}`,
      fr: `Bonjour {buyerName},

Je suis {sellerName}, de {storeName}. Merci de nous avoir prévenus, et nous sommes désolés pour ce problème avec « {productTitle} » (commande {orderId}).

Nous vérifions dès maintenant auprès de notre fournisseur et revenons vers vous au plus vite.

Merci de votre patience.
{sellerName}
{storeName}`,
      it: `Gentile {buyerName},

sono {sellerName} di {storeName}. Grazie per la segnalazione e ci dispiace per il problema con «{productTitle}» (ordine {orderId}).

Stiamo verificando con il nostro fornitore e La ricontatteremo il prima possibile.

Grazie per la pazienza.
{sellerName}
{storeName}`,
      es: `Estimado/a {buyerName}:

Soy {sellerName}, de {storeName}. Gracias por avisarnos y lamentamos el problema con «{productTitle}» (pedido {orderId}).

Lo estamos comprobando con nuestro proveedor y nos pondremos en contacto con usted lo antes posible.

Gracias por su paciencia.
{sellerName}
{storeName}`,
    },
  },
  {
    id: 'replacement-offer',
    audience: 'buyer',
    body: {
      ja: `{buyerName} 様

{storeName} の {sellerName} でございます。
「{productTitle}」（注文番号：{orderId}）につきまして、ご迷惑をおかけし誠に申し訳ございません。
代わりの商品を無償でお送りいたします。数日中にお届けの予定です。お手元の商品のご返送は不要です。

ご理解とご協力に感謝いたします。
{storeName} {sellerName}`,
      en: `Dear {buyerName},

We are sorry for the trouble with "{productTitle}" (order {orderId}). We would like to send you a replacement free of charge; it should arrive within a few days. You do not need to return the one you received.

Thank you for your patience and understanding.
{sellerName}
{storeName}`,
      de: `Guten Tag {buyerName},

es tut uns leid, dass es mit „{productTitle}“ (Bestellung {orderId}) Probleme gab. Wir senden Ihnen kostenlos einen Ersatzartikel, der in wenigen Tagen bei Ihnen sein sollte. Den erhaltenen Artikel müssen Sie nicht zurücksenden.

Vielen Dank für Ihre Geduld und Ihr Verständnis.
{sellerName}
{storeName}`,
      fr: `Bonjour {buyerName},

Nous sommes désolés pour le problème avec « {productTitle} » (commande {orderId}). Nous vous envoyons gratuitement un article de remplacement, qui devrait arriver d'ici quelques jours. Inutile de nous renvoyer celui que vous avez reçu.

Merci de votre patience et de votre compréhension.
{sellerName}
{storeName}`,
      it: `Gentile {buyerName},

ci dispiace per il problema con «{productTitle}» (ordine {orderId}). Le invieremo gratuitamente un articolo sostitutivo, che dovrebbe arrivare entro pochi giorni. Non è necessario restituire quello ricevuto.

Grazie per la pazienza e la comprensione.
{sellerName}
{storeName}`,
      es: `Estimado/a {buyerName}:

Lamentamos el problema con «{productTitle}» (pedido {orderId}). Le enviaremos un artículo de reemplazo sin coste, que debería llegar en unos días. No es necesario que devuelva el que recibió.

Gracias por su paciencia y comprensión.
{sellerName}
{storeName}`,
    },
  },
  {
    id: 'refund-offer',
    audience: 'buyer',
    body: {
      ja: `{buyerName} 様

{storeName} の {sellerName} でございます。
「{productTitle}」（注文番号：{orderId}）につきまして、ご期待に沿えず誠に申し訳ございません。
全額を返金させていただきます。お手元の商品のご返送は不要です。

ご理解とご協力に感謝いたします。
{storeName} {sellerName}`,
      en: `Dear {buyerName},

We are sorry that "{productTitle}" (order {orderId}) did not meet your expectations. We will issue you a full refund; you do not need to return the item.

Thank you for your patience and understanding.
{sellerName}
{storeName}`,
      de: `Guten Tag {buyerName},

es tut uns leid, dass „{productTitle}“ (Bestellung {orderId}) nicht Ihren Erwartungen entspricht. Wir erstatten Ihnen den vollen Betrag; den Artikel müssen Sie nicht zurücksenden.

Vielen Dank für Ihre Geduld und Ihr Verständnis.
{sellerName}
{storeName}`,
      fr: `Bonjour {buyerName},

Nous sommes désolés que « {productTitle} » (commande {orderId}) ne vous donne pas satisfaction. Nous allons vous rembourser intégralement ; inutile de nous renvoyer l'article.

Merci de votre patience et de votre compréhension.
{sellerName}
{storeName}`,
      it: `Gentile {buyerName},

ci dispiace che «{productTitle}» (ordine {orderId}) non abbia soddisfatto le Sue aspettative. Le rimborseremo l'intero importo; non è necessario restituire l'articolo.

Grazie per la pazienza e la comprensione.
{sellerName}
{storeName}`,
      es: `Estimado/a {buyerName}:

Lamentamos que «{productTitle}» (pedido {orderId}) no haya cumplido sus expectativas. Le reembolsaremos el importe íntegro; no es necesario que devuelva el artículo.

Gracias por su paciencia y comprensión.
{sellerName}
{storeName}`,
    },
  },
  {
    id: 'address-change-refused',
    audience: 'buyer',
    body: {
      ja: `{buyerName} 様

{storeName} でございます。お問い合わせいただきありがとうございます。
Amazon の規約により、ご注文後に配送先を変更することはできません。
お手数ですが、ご注文（注文番号：{orderId}）をキャンセルのうえ、新しいお届け先で改めてご注文ください。

よろしくお願いいたします。
{storeName} {sellerName}`,
      en: `Dear {buyerName},

Thank you for your message. Under Amazon's rules we cannot change any shipping information after an order is placed. Please cancel order {orderId} and order again with the new address.

Kind regards,
{sellerName}
{storeName}`,
      de: `Guten Tag {buyerName},

vielen Dank für Ihre Nachricht. Nach den Regeln von Amazon können wir die Versanddaten nach der Bestellung nicht ändern. Bitte stornieren Sie die Bestellung {orderId} und bestellen Sie mit der neuen Adresse erneut.

Mit freundlichen Grüßen
{sellerName}
{storeName}`,
      fr: `Bonjour {buyerName},

Merci pour votre message. Selon les règles d'Amazon, nous ne pouvons modifier aucune information de livraison après la commande. Merci d'annuler la commande {orderId} et de commander à nouveau avec la nouvelle adresse.

Cordialement,
{sellerName}
{storeName}`,
      it: `Gentile {buyerName},

grazie per il messaggio. Secondo le regole di Amazon non possiamo modificare i dati di spedizione dopo l'ordine. La preghiamo di annullare l'ordine {orderId} e di ordinare di nuovo con il nuovo indirizzo.

Cordiali saluti,
{sellerName}
{storeName}`,
      es: `Estimado/a {buyerName}:

Gracias por su mensaje. Según las normas de Amazon, no podemos cambiar los datos de envío una vez realizado el pedido. Por favor, cancele el pedido {orderId} y vuelva a pedirlo con la nueva dirección.

Atentamente,
{sellerName}
{storeName}`,
    },
  },
  {
    id: 'address-change-escalation',
    audience: 'buyer',
    body: {
      ja: `{buyerName} 様

{storeName} でございます。
配送先の変更につきましては、先にお伝えしたとおり当店では対応いたしかねます。
本件は Amazon カスタマーサポートに連絡し、ご依頼内容の確認を依頼いたします。

何卒ご了承ください。
{storeName} {sellerName}`,
      en: `Dear {buyerName},

As we wrote before, we cannot change the delivery address of order {orderId}. We will contact Amazon customer support and ask them to look into your request.

Kind regards,
{sellerName}
{storeName}`,
      de: `Guten Tag {buyerName},

wie bereits mitgeteilt, können wir die Lieferadresse der Bestellung {orderId} nicht ändern. Wir wenden uns an den Amazon-Kundenservice und bitten ihn, Ihr Anliegen zu prüfen.

Mit freundlichen Grüßen
{sellerName}
{storeName}`,
      fr: `Bonjour {buyerName},

Comme indiqué précédemment, nous ne pouvons pas modifier l'adresse de livraison de la commande {orderId}. Nous allons contacter le service client Amazon pour lui demander d'examiner votre demande.

Cordialement,
{sellerName}
{storeName}`,
      it: `Gentile {buyerName},

come già comunicato, non possiamo modificare l'indirizzo di consegna dell'ordine {orderId}. Contatteremo il Servizio Clienti Amazon chiedendo di esaminare la Sua richiesta.

Cordiali saluti,
{sellerName}
{storeName}`,
      es: `Estimado/a {buyerName}:

Como le indicamos, no podemos cambiar la dirección de entrega del pedido {orderId}. Nos pondremos en contacto con el Servicio de Atención al Cliente de Amazon para que revise su solicitud.

Atentamente,
{sellerName}
{storeName}`,
    },
  },
  {
    id: 'bounce-enclosed-letter',
    audience: 'buyer',
    body: {
      ja: `{buyerName} 様

この度は {storeName} をご利用いただき、誠にありがとうございます。
ご注文（注文番号：{orderId}）につきまして、確認したいことがあり Amazon 経由でご連絡いたしましたが、メッセージをお届けできませんでした。
出荷期限が迫っておりましたため、ご注文の内容のとおり発送いたしました。ご不明な点がございましたら、Amazon の「注文履歴」から当店へお問い合わせください。

ご不便をおかけし申し訳ございません。
{storeName} {sellerName}`,
      en: `Dear {buyerName},

Thank you for your order from {storeName}. We tried to reach you through Amazon about order {orderId}, but our message could not be delivered. As the ship-by date was near, we have shipped the order as placed. If anything is not right, please contact us from Your Orders on Amazon.

We apologise for any inconvenience.
{sellerName}
{storeName}`,
      de: `Guten Tag {buyerName},

vielen Dank für Ihre Bestellung bei {storeName}. Wir wollten Sie über Amazon zur Bestellung {orderId} kontaktieren, doch unsere Nachricht konnte nicht zugestellt werden. Da das Versanddatum nahte, haben wir die Bestellung wie aufgegeben versandt. Sollte etwas nicht stimmen, kontaktieren Sie uns bitte über „Meine Bestellungen“ auf Amazon.

Wir entschuldigen uns für etwaige Unannehmlichkeiten.
{sellerName}
{storeName}`,
      fr: `Bonjour {buyerName},

Merci pour votre commande auprès de {storeName}. Nous avons tenté de vous joindre via Amazon au sujet de la commande {orderId}, mais notre message n'a pas pu être remis. La date d'expédition approchant, nous avons expédié la commande telle qu'elle a été passée. En cas de problème, contactez-nous depuis « Vos commandes » sur Amazon.

Avec nos excuses pour la gêne occasionnée,
{sellerName}
{storeName}`,
      it: `Gentile {buyerName},

grazie per il Suo ordine presso {storeName}. Abbiamo provato a contattarLa tramite Amazon riguardo all'ordine {orderId}, ma il messaggio non è stato recapitato. Essendo vicina la data di spedizione, abbiamo spedito l'ordine così come effettuato. Per qualsiasi problema ci contatti da «I miei ordini» su Amazon.

Ci scusiamo per l'eventuale disagio.
{sellerName}
{storeName}`,
      es: `Estimado/a {buyerName}:

Gracias por su pedido en {storeName}. Intentamos contactar con usted a través de Amazon sobre el pedido {orderId}, pero nuestro mensaje no pudo entregarse. Como se acercaba la fecha de envío, hemos enviado el pedido tal como se realizó. Si algo no es correcto, contáctenos desde «Mis pedidos» en Amazon.

Disculpe las molestias.
{sellerName}
{storeName}`,
    },
  },
  {
    id: 'seller-support-contact-buyer',
    audience: 'amazon',
    body: {
      ja: `テクニカルサポート ご担当者様

{storeName} の {sellerName} です。
注文番号 {orderId} の購入者様に、出荷前に確認が必要な事項があり、購入者とのメッセージでご連絡しましたが、メッセージが送信できませんでした。
出荷予定日（{shipBy}）までに確認が取れないと出荷ができないため、購入者様から当店へご連絡いただけるよう、Amazon からお伝えいただけますでしょうか。

よろしくお願いいたします。`,
      en: `Hello Seller Support,

This is {sellerName} from {storeName}. Before shipping order {orderId} we need to confirm something with the buyer, but our Buyer-Seller message could not be delivered. We cannot ship without the answer, and the ship-by date is {shipBy}.

Could Amazon please ask the buyer to contact us through Buyer-Seller Messaging?

Thank you,
{sellerName}`,
      de: `Hallo Seller Support,

hier ist {sellerName} von {storeName}. Vor dem Versand der Bestellung {orderId} müssen wir etwas mit dem Käufer klären, doch unsere Käufer-Verkäufer-Nachricht konnte nicht zugestellt werden. Ohne Antwort können wir nicht versenden; das Versanddatum ist der {shipBy}.

Könnte Amazon den Käufer bitten, uns über die Käufer-Verkäufer-Kommunikation zu kontaktieren?

Vielen Dank
{sellerName}`,
      fr: `Bonjour le Support vendeur,

Ici {sellerName}, de {storeName}. Avant d'expédier la commande {orderId}, nous devons vérifier un point avec l'acheteur, mais notre message n'a pas pu lui être remis. Sans réponse, nous ne pouvons pas expédier ; la date d'expédition est le {shipBy}.

Amazon pourrait-il demander à l'acheteur de nous contacter via la messagerie acheteur-vendeur ?

Merci,
{sellerName}`,
      it: `Buongiorno Supporto venditori,

sono {sellerName} di {storeName}. Prima di spedire l'ordine {orderId} dobbiamo verificare un dettaglio con l'acquirente, ma il nostro messaggio non è stato recapitato. Senza risposta non possiamo spedire; la data di spedizione è il {shipBy}.

Amazon potrebbe chiedere all'acquirente di contattarci tramite la messaggistica acquirente-venditore?

Grazie,
{sellerName}`,
      es: `Hola, Soporte para vendedores:

Soy {sellerName}, de {storeName}. Antes de enviar el pedido {orderId} necesitamos confirmar algo con el comprador, pero nuestro mensaje no pudo entregarse. Sin respuesta no podemos enviarlo; la fecha de envío es el {shipBy}.

¿Podría Amazon pedir al comprador que se ponga en contacto con nosotros mediante la mensajería entre compradores y vendedores?

Gracias,
{sellerName}`,
    },
  },
  {
    id: 'listing-removed-apology',
    audience: 'amazon',
    body: {
      ja: `Amazon ご担当者様

{storeName} の {sellerName} です。
ASIN {asin}（{productTitle}）の出品につきまして、お客様にご迷惑をおかけし、誠に申し訳ございませんでした。
当該商品の出品は今後行わないことといたします。

今後とも、お客様に安心してご購入いただけるよう努めてまいります。`,
      en: `Dear Amazon team,

This is {sellerName} from {storeName}. We sincerely apologise for the customer's experience with our listing of ASIN {asin} ({productTitle}).

We will not sell this item again, and we will keep working so that customers can buy from us with confidence.

Kind regards,
{sellerName}`,
      de: `Sehr geehrtes Amazon-Team,

hier ist {sellerName} von {storeName}. Wir entschuldigen uns aufrichtig für die Erfahrung des Kunden mit unserem Angebot für ASIN {asin} ({productTitle}).

Wir werden diesen Artikel nicht mehr anbieten und weiterhin dafür sorgen, dass Kunden bei uns mit Vertrauen einkaufen können.

Mit freundlichen Grüßen
{sellerName}`,
      fr: `Chère équipe Amazon,

Ici {sellerName}, de {storeName}. Nous présentons nos sincères excuses pour l'expérience du client avec notre offre pour l'ASIN {asin} ({productTitle}).

Nous ne vendrons plus cet article et continuerons de veiller à ce que les clients puissent acheter chez nous en toute confiance.

Cordialement,
{sellerName}`,
      it: `Gentile team Amazon,

sono {sellerName} di {storeName}. Ci scusiamo sinceramente per l'esperienza del cliente con la nostra offerta per l'ASIN {asin} ({productTitle}).

Non venderemo più questo articolo e continueremo a impegnarci perché i clienti possano acquistare da noi con fiducia.

Cordiali saluti,
{sellerName}`,
      es: `Estimado equipo de Amazon:

Soy {sellerName}, de {storeName}. Pedimos disculpas sinceramente por la experiencia del cliente con nuestra oferta del ASIN {asin} ({productTitle}).

No volveremos a vender este artículo y seguiremos trabajando para que los clientes puedan comprarnos con confianza.

Atentamente,
{sellerName}`,
    },
  },
  {
    id: 'listing-removed-plan-of-action',
    audience: 'amazon',
    body: {
      ja: `Amazon ご担当者様

{storeName} の {sellerName} です。ASIN {asin}（{productTitle}）の出品停止につきまして、原因と再発防止策をご報告いたします。

1. 原因：
2. 実施した対応：
3. 再発防止策：
4. 添付書類（直近6か月の請求書、仕入先の連絡先など。pdf・jpg・png・gif）：

ご確認のほど、よろしくお願いいたします。`,
      en: `Dear Amazon team,

This is {sellerName} from {storeName}. About the removal of our listing for ASIN {asin} ({productTitle}), here are the cause and the steps we have taken.

1. Root cause:
2. What we have done:
3. How we will prevent it:
4. Documents attached (invoices from the last 6 months, supplier contacts; pdf, jpg, png or gif):

Thank you for your review.
{sellerName}`,
      de: `Sehr geehrtes Amazon-Team,

hier ist {sellerName} von {storeName}. Zur Entfernung unseres Angebots für ASIN {asin} ({productTitle}) nennen wir Ihnen die Ursache und unsere Maßnahmen.

1. Ursache:
2. Bereits ergriffene Maßnahmen:
3. Vorbeugung:
4. Anlagen (Rechnungen der letzten 6 Monate, Kontakte der Lieferanten; pdf, jpg, png oder gif):

Vielen Dank für Ihre Prüfung.
{sellerName}`,
      fr: `Chère équipe Amazon,

Ici {sellerName}, de {storeName}. Concernant le retrait de notre offre pour l'ASIN {asin} ({productTitle}), voici la cause et les mesures prises.

1. Cause :
2. Actions menées :
3. Prévention :
4. Documents joints (factures des 6 derniers mois, coordonnées des fournisseurs ; pdf, jpg, png ou gif) :

Merci pour votre examen.
{sellerName}`,
      it: `Gentile team Amazon,

sono {sellerName} di {storeName}. In merito alla rimozione della nostra offerta per l'ASIN {asin} ({productTitle}), ecco la causa e le misure adottate.

1. Causa:
2. Azioni intraprese:
3. Prevenzione:
4. Documenti allegati (fatture degli ultimi 6 mesi, contatti dei fornitori; pdf, jpg, png o gif):

Grazie per la revisione.
{sellerName}`,
      es: `Estimado equipo de Amazon:

Soy {sellerName}, de {storeName}. Sobre la retirada de nuestra oferta del ASIN {asin} ({productTitle}), exponemos la causa y las medidas adoptadas.

1. Causa:
2. Medidas tomadas:
3. Prevención:
4. Documentos adjuntos (facturas de los últimos 6 meses, contactos de proveedores; pdf, jpg, png o gif):

Gracias por su revisión.
{sellerName}`,
    },
  },
  {
    id: 'invoice-reply',
    audience: 'buyer',
    body: {
      ja: `{buyerName} 様

{storeName} でございます。お問い合わせいただきありがとうございます。
ご注文（注文番号：{orderId}）の領収書は、Amazon の「注文履歴」から該当のご注文の「領収書等」よりご確認・印刷いただけます。
宛名など別途ご希望がございましたら、このメッセージにご返信ください。

よろしくお願いいたします。
{storeName} {sellerName}`,
      en: `Dear {buyerName},

Thank you for your message. The invoice for order {orderId} is available in Your Orders on Amazon: select the order and choose "Invoice". If you need anything added to it, please reply to this message.

Kind regards,
{sellerName}
{storeName}`,
      de: `Guten Tag {buyerName},

vielen Dank für Ihre Nachricht. Die Rechnung zur Bestellung {orderId} finden Sie in „Meine Bestellungen“ auf Amazon unter „Rechnung“. Wenn Sie eine Ergänzung benötigen, antworten Sie bitte auf diese Nachricht.

Mit freundlichen Grüßen
{sellerName}
{storeName}`,
      fr: `Bonjour {buyerName},

Merci pour votre message. La facture de la commande {orderId} est disponible dans « Vos commandes » sur Amazon, rubrique « Facture ». Si vous avez besoin d'un complément, répondez simplement à ce message.

Cordialement,
{sellerName}
{storeName}`,
      it: `Gentile {buyerName},

grazie per il messaggio. La fattura dell'ordine {orderId} è disponibile in «I miei ordini» su Amazon, alla voce «Fattura». Se Le serve un'integrazione, risponda pure a questo messaggio.

Cordiali saluti,
{sellerName}
{storeName}`,
      es: `Estimado/a {buyerName}:

Gracias por su mensaje. La factura del pedido {orderId} está disponible en «Mis pedidos» en Amazon, en «Factura». Si necesita algún dato adicional, responda a este mensaje.

Atentamente,
{sellerName}
{storeName}`,
    },
  },
  {
    id: 'product-question-ack',
    audience: 'buyer',
    body: {
      ja: `{buyerName} 様

{storeName} でございます。「{productTitle}」についてお問い合わせいただき、ありがとうございます。
ただいま確認しております。確認でき次第、改めてご連絡いたします。

今しばらくお待ちくださいませ。
{storeName} {sellerName}`,
      en: `Dear {buyerName},

Thank you for your question about "{productTitle}". We are checking and will get back to you shortly.

Kind regards,
{sellerName}
{storeName}`,
      de: `Guten Tag {buyerName},

vielen Dank für Ihre Frage zu „{productTitle}“. Wir prüfen das und melden uns in Kürze bei Ihnen.

Mit freundlichen Grüßen
{sellerName}
{storeName}`,
      fr: `Bonjour {buyerName},

Merci pour votre question au sujet de « {productTitle} ». Nous vérifions et revenons vers vous très vite.

Cordialement,
{sellerName}
{storeName}`,
      it: `Gentile {buyerName},

grazie per la domanda su «{productTitle}». Stiamo verificando e Le risponderemo a breve.

Cordiali saluti,
{sellerName}
{storeName}`,
      es: `Estimado/a {buyerName}:

Gracias por su pregunta sobre «{productTitle}». Lo estamos comprobando y le responderemos en breve.

Atentamente,
{sellerName}
{storeName}`,
    },
  },
  {
    id: 'fee-category-check',
    audience: 'amazon',
    body: {
      ja: `テクニカルサポート ご担当者様

{storeName} の {sellerName} です。
以下の商品の販売手数料の料率が、これまでの注文と比べて上がっています。商品のカテゴリーが変更された可能性がありますので、カテゴリーと手数料の確認をお願いできますでしょうか。
誤りであれば、カテゴリーの修正と、差額の返金をお願いいたします。

SKU：
これまでの料率：
今回の料率と注文番号：

よろしくお願いいたします。`,
      en: `Hello Seller Support,

This is {sellerName} from {storeName}. The referral fee charged for the product below is higher than on its earlier orders. Its category may have been changed. Could you please check the product's category and the fee charged?

If they are wrong, please correct the category and refund the difference.

SKU:
Usual rate:
Rate charged, and order ID:

Thank you,
{sellerName}`,
      de: `Hallo Seller Support,

hier ist {sellerName} von {storeName}. Die Verkaufsgebühr für den unten genannten Artikel ist höher als bei seinen früheren Bestellungen. Möglicherweise wurde seine Kategorie geändert. Könnten Sie bitte die Kategorie des Artikels und die berechnete Gebühr prüfen?

Falls sie falsch sind, bitten wir, die Kategorie zu korrigieren und die Differenz zu erstatten.

SKU:
Üblicher Satz:
Berechneter Satz und Bestellnummer:

Vielen Dank
{sellerName}`,
      fr: `Bonjour le Support vendeur,

Ici {sellerName}, de {storeName}. Les frais de vente facturés pour le produit ci-dessous sont plus élevés que sur ses commandes précédentes. Sa catégorie a peut-être été modifiée. Pourriez-vous vérifier la catégorie du produit et les frais facturés ?

S'ils sont erronés, merci de corriger la catégorie et de rembourser la différence.

SKU :
Taux habituel :
Taux facturé et numéro de commande :

Merci,
{sellerName}`,
      it: `Buongiorno Supporto venditori,

sono {sellerName} di {storeName}. La commissione per segnalazione addebitata per il prodotto qui sotto è più alta che nei suoi ordini precedenti. La sua categoria potrebbe essere stata modificata. Potreste verificare la categoria del prodotto e la commissione addebitata?

Se sono errate, vi chiediamo di correggere la categoria e di rimborsare la differenza.

SKU:
Percentuale abituale:
Percentuale addebitata e numero d'ordine:

Grazie,
{sellerName}`,
      es: `Hola, Soporte para vendedores:

Soy {sellerName}, de {storeName}. La tarifa por referencia cobrada por el producto indicado abajo es más alta que en sus pedidos anteriores. Es posible que se haya cambiado su categoría. ¿Podrían comprobar la categoría del producto y la tarifa cobrada?

Si son incorrectas, les pedimos que corrijan la categoría y reembolsen la diferencia.

SKU:
Tarifa habitual:
Tarifa cobrada y número de pedido:

Gracias,
{sellerName}`,
    },
  },
];

export function builtInTemplate(id: TemplateId): BuiltInTemplate | undefined {
  return CATALOGUE.find((t) => t.id === id);
}
