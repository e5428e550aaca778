/**
 * A small cross-lingual lexicon: everyday words of en, de, fr, it, es and ja, each mapped to a
 * language-independent concept (CANCEL, REFUND, BROKEN…). A concept seen in the buyer's own
 * words is a feature of the model (features.ts, classify.ts), so what it learns from a concept in
 * English messages also counts for the same concept written in another language.
 *
 * Concepts are word-level synonyms (the words a message uses for a thing), not intent phrases:
 * they say what a message talks about, the model decides what it asks. Written from general
 * knowledge of the languages, not from any evaluation messages.
 *
 * Keywords are written as in the rule tables: matched after folding (normalize.ts: lower case,
 * accents folded, ß as ss), Latin keywords as whole words unless they end in `*` (a stem, any
 * ending), Japanese anywhere. The same keyword may stand for two concepts.
 */

import { normalizeText } from './normalize';

export const CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  // Orders and their life.
  CANCEL: [
    'cancel*',
    'annul*',
    'stornier*',
    'storno*',
    'bestellstornier*',
    'auftragsstornier*',
    'abbestell*',
    'rückgängig',
    'résili*',
    'annull*',
    'disdir*',
    'disdett*',
    'anular',
    'anulad*',
    'anulaci*',
    'キャンセル',
    '取り消',
    '取消',
    '解約',
  ],
  ORDER: ['order', 'orders', 'ordered', 'bestell*', 'auftrag', 'commande*', 'commandé', 'ordine', 'ordini', 'ordinat*', 'pedido*', 'orden', '注文', '発注'],
  PURCHASE: ['buy', 'buying', 'bought', 'purchas*', 'kauf*', 'gekauft', 'achet*', 'achat*', 'acquist*', 'comprat*', 'comprare', 'compra', 'compras', 'comprad*', 'compré', '購入', '買っ', '買い'],
  PAY: [
    'pay',
    'paid',
    'payment*',
    'charged',
    'bezahl*',
    'zahlung*',
    'gezahlt',
    'abgebucht',
    'payé',
    'paiement*',
    'débit*',
    'prélev*',
    'pagat*',
    'pagament*',
    'pagare',
    'addebit*',
    'pago',
    'pagad*',
    'pagar',
    'pagué',
    'cobr*',
    '支払',
    '代金',
    '決済',
    '引き落と',
  ],
  PRICE: ['price*', 'cost', 'costs', 'expensive', 'preis*', 'teuer*', 'prix', 'coût*', 'prezz*', 'costo', 'caro', 'precio*', 'coste', '価格', '値段', '料金'],
  REFUND: ['refund*', 'reimburs*', 'erstatt*', 'rückerstatt*', 'rückzahl*', 'gutschrift*', 'rembours*', 'rimbors*', 'reembols*', '返金', '払い戻', '払戻'],
  RETURN: [
    'return',
    'returns',
    'returned',
    'returning',
    'rücksend*',
    'zurücksend*',
    'zurückschick*',
    'zurückgeben',
    'retour*',
    'retourn*',
    'renvoy*',
    'renvoi',
    'reso',
    'resi',
    'restitu*',
    'rispedi*',
    'devol*',
    'devuelv*',
    '返品',
    '返送',
    '返却',
  ],
  EXCHANGE: ['exchang*', 'replac*', 'umtausch*', 'austausch*', 'ersatz*', 'échang*', 'remplac*', 'sostitu*', 'scambi*', 'reemplaz*', 'sustitu*', '交換', '代替'],
  CHANGE: ['chang*', 'modif*', 'updat*', 'änder*', 'geändert', 'korrigier*', 'corrig*', 'cambi*', 'corregg*', 'corregir', '変更', '修正', '訂正'],
  INVOICE: ['invoice*', 'bill', 'billing', 'receipt*', 'rechnung*', 'quittung*', 'beleg', 'factur*', 'reçu', 'fattur*', 'ricevut*', 'recibo*', '領収', '請求書', 'インボイス', '納品書'],
  TAX: ['vat', 'tax', 'taxes', 'mwst', 'ust', 'steuer*', 'tva', 'taxe*', 'iva', 'impuesto*', 'imposta', '税', '消費税'],
  // Delivery.
  SHIP: [
    'ship',
    'shipped',
    'shipping',
    'shipment*',
    'dispatch*',
    'send',
    'sent',
    'versand*',
    'versend*',
    'verschick*',
    'geschickt',
    'gesendet',
    'envoy*',
    'envoi*',
    'expédi*',
    'spedi*',
    'inviat*',
    'enviar',
    'envío',
    'enviad*',
    'envié',
    '発送',
    '出荷',
    '送っ',
    '送ら',
    '送り',
  ],
  DELIVER: [
    'deliver*',
    'arriv*',
    'liefer*',
    'geliefert',
    'zustell*',
    'zugestellt',
    'ankomm*',
    'angekommen',
    'ankunft',
    'livr*',
    'consegn*',
    'entreg*',
    'llegad*',
    'llegó',
    'llegar*',
    'llega',
    '届',
    '配達',
    '到着',
    '配送',
  ],
  RECEIVE: ['receive*', 'received', 'erhalt*', 'bekommen', 'empfang*', 'reçu', 'recev*', 'reçoi*', 'ricev*', 'recib*', '受け取', '受取', '受領'],
  TRACKING: ['track*', 'tracking', 'sendungsverfolgung', 'sendungsnummer', 'verfolg*', 'suivi', 'tracciam*', 'tracciabilit*', 'seguimiento', 'rastre*', '追跡', '伝票番号'],
  PARCEL: ['package', 'packages', 'parcel*', 'paket*', 'päckchen', 'sendung', 'colis', 'paquet', 'pacco', 'pacchi', 'plico', 'paquete*', '荷物', '小包'],
  PACKAGING: [
    'box',
    'boxes',
    'packaging',
    'wrapping',
    'karton*',
    'verpackung*',
    'schachtel*',
    'emballage*',
    'boîte*',
    'carton*',
    'scatola*',
    'confezion*',
    'imballag*',
    'caja*',
    'embalaje*',
    '箱',
    '梱包',
    'パッケージ',
  ],
  CARRIER: [
    'carrier*',
    'courier*',
    'postman',
    'mailman',
    'usps',
    'ups',
    'dhl',
    'fedex',
    'hermes',
    'dpd',
    'gls',
    'zusteller*',
    'paketdienst*',
    'postbote',
    'transporteur*',
    'livreur*',
    'poste',
    'colissimo',
    'chronopost',
    'corriere*',

    'brt',
    'transportista*',
    'mensajer*',
    'correos',
    'seur',
    '配達員',
    '運送',
    '郵便',
    'ヤマト',
    '佐川',
  ],
  DOORSTEP: [
    'neighbor*',
    'neighbour*',
    'mailbox',
    'letterbox',
    'doorstep',
    'porch',
    'nachbar*',
    'briefkasten*',
    'haustür*',
    'voisin*',
    'vicin*',
    'portiner*',
    'vecin*',
    'buzón',
    '宅配ボックス',
    '置き配',
    '隣',
  ],
  ADDRESS: ['address*', 'adress*', 'anschrift*', 'lieferadresse', 'indirizz*', 'dirección', 'direccion', 'domicilio', '住所', '届け先', '宛先', '送り先'],
  ABROAD: ['abroad', 'overseas', 'international', 'ausland*', 'international', 'étranger', 'estero', 'extranjero', '海外'],
  CUSTOMS: ['customs', 'import', 'duty', 'duties', 'zoll*', 'einfuhr*', 'douane*', 'dogan*', 'aduana*', '関税', '税関'],
  LOST: ['lost', 'stolen', 'verloren*', 'gestohlen*', 'verschwunden', 'perdu*', 'volé*', 'perso', 'persa', 'smarrit*', 'rubat*', 'perdid*', 'extraviad*', 'robad*', '紛失', '盗ま', '行方不明'],
  FAILED: ['fail', 'failed', 'failure', 'undeliverable', 'unzustellbar*', 'fehlgeschlagen', 'échec', 'échou*', 'fallit*', 'fallid*', 'fallo', '失敗', '不達', '配信不能'],
  // Time.
  DELAY: ['late', 'delay*', 'overdue', 'spät*', 'verspät*', 'verzöger*', 'retard*', 'ritard*', 'tardi', 'retras*', 'tarde', '遅れ', '遅延', '遅い'],
  WAIT: ['wait*', 'warte*', 'gewartet', 'attend', 'attends', 'attendu', 'attente', 'aspett*', 'attesa', 'esper*', '待っ', '待ち'],
  STILL: ['still', 'yet', 'noch', 'toujours', 'encore', 'ancora', 'todavía', 'aún', 'まだ', '未だ'],
  ALREADY: ['already', 'again', 'twice', 'schon', 'bereits', 'wieder', 'erneut', 'déjà', 'già', 'ya', '既に', 'すでに', 'もう', '再度', '何度も'],
  WHEN: ['when', 'wann', 'quand', 'quando', 'cuándo', 'cuando', 'いつ'],
  WHERE: ['where', 'wo', 'wohin', 'dove', 'dónde', 'donde', 'どこ'],
  DAYS: [
    'today',
    'tomorrow',
    'yesterday',
    'days',
    'weeks',
    'heute',
    'morgen',
    'gestern',
    'tage',
    'tagen',
    'woche*',
    'aujourd',
    'demain',
    'hier',
    'jours',
    'semaine*',
    'oggi',
    'domani',
    'ieri',
    'giorni',
    'settiman*',
    'hoy',
    'mañana',
    'ayer',
    'días',
    'semana*',
    '今日',
    '明日',
    '昨日',
    '日後',
    '週間',
  ],
  SCHEDULED: ['expected', 'estimated', 'scheduled', 'voraussichtlich*', 'erwartet*', 'prévu*', 'estimé*', 'previst*', 'stimat*', 'estimad*', '予定'],
  URGENT: ['urgent*', 'asap', 'quickly', 'dringend*', 'eilig*', 'rapidement', 'vite', 'presto', 'urgente', 'pronto', 'rápido', '至急', '急ぎ', '早く'],
  // The item's condition.
  BROKEN: [
    'broke',
    'broken',
    'crack*',
    'shatter*',
    'smashed',
    'kaputt*',
    'zerbroch*',
    'gebrochen',
    'bruch',
    'gerissen',
    'cassé*',
    'brisé*',
    'fissur*',
    'rotto',
    'rotta',
    'rotti',
    'rotte',
    'spaccat*',
    'crepat*',
    'roto',
    'rota',
    'rotos',
    'rotas',
    'rompi*',
    '割れ',
    '破損',
    '壊れ',
    'ひび',
  ],
  DAMAGED: [
    'damag*',
    'dent',
    'dented',
    'dents',
    'scratch*',
    'beschädig*',
    'schaden',
    'kratz*',
    'delle',
    'endommag*',
    'abîm*',
    'rayé*',
    'rayure*',
    'danneggi*',
    'danno',
    'graffi*',
    'ammaccat*',
    'dañad*',
    'daño',
    'rayad*',
    'abollad*',
    '傷',
    '損傷',
    'へこみ',
    '凹み',
  ],
  DEFECT: [
    'defect*',
    'faulty',
    'malfunction*',
    'defekt*',
    'fehlerhaft*',
    'défectu*',
    'panne',
    'difett*',
    'guasto',
    'guasti',
    'guasta',
    'defectuos*',
    'averiad*',
    '不良',
    '故障',
    '動かな',
    '作動しな',
    '使えな',
    '不具合',
  ],
  MISSING: [
    'missing',
    'lacking',
    'fehlt',
    'fehlen',
    'fehlende*',
    'unvollständig*',
    'manqu*',
    'incomplet*',
    'manca',
    'mancan*',
    'falta',
    'faltan',
    'faltaba*',
    '足りな',
    '不足',
    '欠品',
    '入っていな',
    '入ってな',
  ],
  EMPTY: ['empty', 'leer', 'vide', 'vuoto', 'vuota', 'vacío', 'vacía', '空っぽ', '空の', '中身'],
  PART: [
    'part',
    'parts',
    'piece*',
    'component*',
    'accessor*',
    'teil',
    'teile',
    'stück*',
    'zubehör',
    'bauteil*',
    'pièce*',
    'accessoire*',
    'élément*',
    'pezz*',
    'parte',
    'parti',
    'componen*',
    'pieza*',
    'partes',
    'accesorio*',
    '部品',
    'パーツ',
    '付属',
  ],
  WRONG: ['wrong', 'incorrect*', 'mistak*', 'falsch*', 'verkehrt*', 'mauvais*', 'erroné*', 'sbagliat*', 'errat*', 'equivocad*', 'erróneo', 'errónea', '違う', '違い', '間違'],
  DIFFERENT: ['different', 'differs', 'anders', 'unterschiedlich*', 'différent*', 'divers*', 'distint*', '異な', '別の'],
  USED: [
    'used',
    'dirty',
    'stain*',
    'worn',
    'secondhand',
    'gebraucht*',
    'benutzt*',
    'schmutzig*',
    'fleck*',
    'usagé*',
    'taché*',
    'tache*',
    'usat*',
    'sporc*',
    'macchi*',
    'usad*',
    'sucio*',
    'sucia*',
    'mancha*',
    '中古',
    '汚れ',
    '使用済',
    '使用感',
    'シミ',
  ],
  NEW: ['new', 'unopened', 'sealed', 'neu', 'neuwertig*', 'originalverpackt', 'ungeöffnet', 'neuf', 'neuve', 'nuovo', 'nuova', 'sigillat*', 'nuevo', 'nueva', 'precintad*', '新品', '未開封', '未使用'],
  OPENED: ['opened', 'geöffnet', 'ouvert*', 'apert*', 'abiert*', '開封'],
  FAKE: [
    'fake*',
    'counterfeit*',
    'knockoff*',
    'replica*',
    'imitation*',
    'fälschung*',
    'gefälscht*',
    'plagiat*',
    'nachgemacht*',
    'contrefa*',
    'faux',
    'fausse*',
    'contraffa*',
    'falso',
    'falsa',
    'falsi',
    'tarocc*',
    'imitazion*',
    'falsific*',
    'imitaci*',
    '偽物',
    '偽造',
    '偽',
    '模倣',
    'コピー品',
    '海賊版',
  ],
  GENUINE: ['original', 'authentic*', 'genuine', 'original*', 'echt', 'echte*', 'authentique*', 'véritable*', 'originale', 'originali', 'autentic*', 'auténtic*', '正規品', '本物', '純正'],
  QUALITY: ['quality', 'qualität*', 'qualité', 'qualità', 'calidad', '品質'],
  // The item itself.
  ITEM: ['item', 'items', 'product*', 'article*', 'artikel*', 'produkt*', 'ware', 'produit*', 'articol*', 'prodott*', 'artículo*', 'producto*', '商品', '製品', '品物'],
  SIZE: [
    'size*',
    'dimension*',
    'measure*',
    'length',
    'width',
    'height',
    'größe*',
    'abmessung*',
    'länge',
    'breite',
    'höhe',
    'taille*',
    'mesure*',
    'longueur',
    'largeur',
    'hauteur',
    'taglia*',
    'misur*',
    'lunghezza',
    'larghezza',
    'altezza',
    'talla*',
    'tamaño*',
    'medida*',
    'sizes',
    'サイズ',
    '寸法',
    '大きさ',
    '長さ',
  ],
  BIG_SMALL: ['small', 'smaller', 'big', 'bigger', 'large', 'tight', 'klein*', 'groß', 'größer', 'eng', 'petit*', 'grand', 'grande', 'grandi', 'piccol*', 'pequeñ*', 'grandes', '小さ', '大き'],
  COLOR: ['color*', 'colour*', 'farb*', 'couleur*', 'colore', 'colori', 'カラー', '色'],
  SPEC: [
    'material*',
    'specification*',
    'specs',
    'weight',
    'capacity',
    'gewicht*',
    'kapazität*',
    'matière*',
    'matériau*',
    'poids',
    'capacité',
    'peso',
    'capacità',
    'capacidad',
    '素材',
    '材質',
    '重さ',
    '仕様',
    '容量',
  ],
  // 対応 alone is also "handling" (ご対応ありがとうございます, 対応して頂けますか): only its
  // compatibility senses (対応機種, 対応していますか, 対応していない, 非対応).
  COMPATIBLE: [
    'compatib*',
    'kompatib*',
    'passt',
    'passend*',
    '対応機種',
    '対応機器',
    '対応端末',
    '対応車種',
    '対応型番',
    '対応モデル',
    '対応サイズ',
    '対応規格',
    '対応していま',
    '対応してます',
    '対応していな',
    '対応してない',
    '対応してませ',
    '対応しますか',
    '対応しません',
    '非対応',
    '互換',
    '適合',
  ],
  MANUAL: ['manual', 'instruction*', 'anleitung*', 'bedienungsanleitung*', 'handbuch*', 'notice', 'manuel', 'istruzion*', 'manuale', 'instruccion*', '説明書', '取扱説明', 'マニュアル'],
  STOCK: ['stock', 'available', 'availability', 'restock*', 'lager*', 'verfügbar*', 'vorrätig', 'disponib*', 'magazzino', 'existencias', '在庫', '入荷'],
  DESCRIPTION: [
    'description',
    'described',
    'advertised',
    'beschreibung*',
    'beschrieben',
    'angegeben',
    'décrit*',
    'description*',
    'annonce*',
    'descrizion*',
    'descritt*',
    'annuncio',
    'descripci*',
    'descrit*',
    'anuncio*',
    '記載',
    '説明',
    '商品ページ',
  ],
  PHOTO: ['photo*', 'picture*', 'image*', 'foto*', 'bild', 'bilder', 'immagin*', 'imagen*', '写真', '画像'],
  GIFT: ['gift*', 'present', 'geschenk*', 'cadeau*', 'regalo', 'regali', 'regalos', 'プレゼント', 'ギフト', '贈り物'],
  // Asking, feeling, answering.
  QUESTION: [
    'question*',
    'ask',
    'asking',
    'inquir*',
    'wonder*',
    'frage*',
    'anfrage*',
    'demand*',
    'renseign*',
    'domand*',
    'chiedo',
    'chieder*',
    'informazion*',
    'pregunt*',
    'consult*',
    '質問',
    '問い合わせ',
    '問合せ',
    '教えて',
  ],
  POSSIBLE: [
    'possible',
    'could',
    'möglich*',
    'kann',
    'können',
    'pouvez',
    'pourriez',
    'possibile',
    'potete',
    'potreste',
    'posible',
    'puede',
    'pueden',
    'podría*',
    '可能',
    'できます',
    'できる',
    'でしょうか',
  ],
  PLEASE: ['please', 'pls', 'bitte', 'svp', 'favore', 'cortesia', 'favor', 'ください', '下さい', 'お願い'],
  HELP: ['help', 'hilfe', 'helfen', 'aide', 'aider', 'aiut*', 'ayud*', '助け', '手伝'],
  PROBLEM: ['problem*', 'issue*', 'trouble*', 'schwierigkeit*', 'problème*', 'souci*', 'inconvenient*', '問題', 'トラブル', '困っ'],
  DISSATISFIED: [
    'disappoint*',
    'unacceptable',
    'terrible',
    'angry',
    'upset',
    'frustrat*',
    'enttäusch*',
    'unzumutbar*',
    'ärgerlich*',
    'unverschämt*',
    'déçu*',
    'décevant*',
    'inadmissible',
    'inacceptable',
    'scandal*',
    'delus*',
    'inaccettabil*',
    'vergogn*',
    'decepcion*',
    'inaceptable',
    'vergüenza',
    '残念',
    'がっかり',
    '不満',
    'ひどい',
    '最悪',
  ],
  COMPLAINT: ['complain*', 'claim*', 'reklamation*', 'reklamier*', 'beschwerde*', 'réclamation*', 'plainte*', 'reclam*', 'lamentel*', 'queja*', 'クレーム', '苦情'],
  WARRANTY: ['warrant*', 'guarantee*', 'garantie*', 'gewährleistung*', 'garanzi*', 'garantía*', '保証'],
  REVIEW: ['review*', 'feedback', 'rating*', 'bewertung*', 'rezension*', 'avis', 'évaluation*', 'commentaire*', 'recension*', 'valutazion*', 'reseña*', 'valoraci*', 'opinión', 'レビュー', '評価'],
  REPLY: ['reply', 'replied', 'respond*', 'answer*', 'response', 'antwort*', 'rückmeldung*', 'répon*', 'rispost*', 'rispond*', 'respuest*', '返信', '回答', '返事'],
  CONTACT: ['contact*', 'email', 'mail', 'phone', 'kontakt*', 'anruf*', 'telefon*', 'appel*', 'téléphon*', 'contatt*', 'chiamat*', 'llam*', 'teléfono', '連絡', '電話', 'メール'],
  THANKS: ['thank*', 'thx', 'appreciat*', 'danke*', 'dank', 'merci', 'remerci*', 'grazie', 'ringrazi*', 'gracias', 'agradec*', 'ありがとう', '感謝', 'お礼'],
  NOT: ['not', 'never', 'nicht', 'kein*', 'nie', 'niemals', 'pas', 'jamais', 'non', 'mai', 'nunca', 'ない', 'ません', 'なかった'],
  // Amazon's notices.
  POLICY: [
    'policy',
    'policies',
    'violation*',
    'suspend*',
    'deactivat*',
    'richtlinie*',
    'verstoß*',
    'gesperrt',
    'politique*',
    'violazion*',
    'sospes*',
    'infracci*',
    'suspendid*',
    '規約',
    '違反',
    '停止',
  ],
  LISTING: ['listing*', 'angebot*', 'offre*', 'offert*', 'inserzion*', 'oferta*', '出品'],
  REMOVED: ['removed', 'delisted', 'inactive', 'entfernt', 'deaktiviert', 'supprimé*', 'retiré*', 'désactivé*', 'rimoss*', 'disattivat*', 'eliminad*', 'retirad*', 'desactivad*', '削除', '無効'],
  LABEL: ['label*', 'etikett*', 'étiquette*', 'etichett*', 'etiqueta*', 'ラベル', '伝票'],
};

/** The concepts in a fixed order (their index is what a keyword points to). */
export const CONCEPT_IDS: readonly string[] = Object.keys(CONCEPTS);

/**
 * The lexicon compiled for the model's own passes over a text (features.ts): its words and its
 * Japanese n-grams are hashed there anyway (FNV-1a, from the channel's seed), so a keyword is
 * found by checking those hashes against its own, with no pass of its own. Per channel: the
 * keywords by the hash of their text (Latin) and of their first six characters (Japanese: the
 * n-gram pass hashes up to six characters from each Japanese one for them, though its own
 * features stop at four; anywhere in the first characters the n-grams read); a bit filter in front
 * (8 KB, in cache) turns away nearly every other hash. 32-bit hashes of about a thousand keywords:
 * a word of a message takes the place of one with odds of about one in four million.
 */
export interface ConceptTable {
  /** 2^16 bits, set at each keyword's filter bit. */
  readonly filter: Uint32Array;
  readonly mask: number;
  readonly keys: Int32Array;
  /** Per slot: 0 empty, else 1 | (the stems' list + 1) << STEM_SHIFT | (the whole words' list + 1) << 1. */
  readonly info: Int32Array;
  /** Runs of concept indices, each ended by −1. */
  readonly lists: Int32Array;
}

const STEM_SHIFT = 16;
const LIST_MASK = 0x7fff;
/** Japanese keywords are matched on their first characters, as many as the n-grams hash. */
export const JAPANESE_KEYWORD_CHARS = 6;

const filterBit = (h: number) => (h ^ (h >>> 16)) & 0xffff;
const slotHash = (h: number) => Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 12;

/** A folded keyword: Japanese when its first character is kana or kanji. */
function isJapanese(c: number): boolean {
  return (c >= 0x3041 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3005;
}

/** A lexicon entry, folded: its concept's index, its text, and whether it is a stem. */
interface FoldedKeyword {
  readonly concept: number;
  readonly text: string;
  readonly stem: boolean;
  readonly japanese: boolean;
}

let FOLDED: readonly FoldedKeyword[] | undefined;

/** The lexicon folded once (normalizeText per keyword), for the four tables that hash it. */
function foldedLexicon(): readonly FoldedKeyword[] {
  if (FOLDED) return FOLDED;
  const folded: FoldedKeyword[] = [];
  CONCEPT_IDS.forEach((id, concept) => {
    for (const raw of CONCEPTS[id]!) {
      const stem = raw.endsWith('*');
      let text = normalizeText(stem ? raw.slice(0, -1) : raw).trim();
      if (text === '') continue;
      const japanese = isJapanese(text.charCodeAt(0));
      if (japanese) text = text.slice(0, JAPANESE_KEYWORD_CHARS);
      folded.push({ concept, text, stem, japanese });
    }
  });
  return (FOLDED = folded);
}

/** The keywords of one script, hashed from `seed`, into a table. */
export function compileConcepts(seed: number, japanese: boolean): ConceptTable {
  const entries = new Map<number, { stem: Set<number>; whole: Set<number> }>();
  for (const { concept, text, stem, japanese: isJa } of foldedLexicon()) {
    if (isJa !== japanese) continue;
    let h = (0x811c9dc5 ^ seed) >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    let e = entries.get(h);
    if (!e) entries.set(h, (e = { stem: new Set(), whole: new Set() }));
    (stem || japanese ? e.stem : e.whole).add(concept);
  }
  let size = 1024;
  while (size < entries.size * 2) size *= 2;
  const filter = new Uint32Array(0x10000 >>> 5);
  const keys = new Int32Array(size);
  const info = new Int32Array(size);
  const lists: number[] = [];
  const list = (concepts: Set<number>) => {
    if (concepts.size === 0) return 0;
    const at = lists.length;
    lists.push(...concepts, -1);
    return at + 1;
  };
  for (const [h, e] of entries) {
    let slot = slotHash(h) & (size - 1);
    while (info[slot] !== 0) slot = (slot + 1) & (size - 1);
    const stemAt = list(e.stem);
    const wholeAt = list(e.whole);
    if (stemAt > LIST_MASK || wholeAt > LIST_MASK) throw new Error('concept lexicon too large for its table');
    keys[slot] = h;
    info[slot] = 1 | (stemAt << STEM_SHIFT) | (wholeAt << 1);
    const bit = filterBit(h);
    filter[bit >>> 5]! |= 1 << (bit & 31);
  }
  return { filter, mask: size - 1, keys, info, lists: Int32Array.from(lists) };
}

/** The entry of a hash (0 when none): the filter first, then the table. */
export function conceptInfo(t: ConceptTable, h: number): number {
  const bit = filterBit(h);
  if ((t.filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return 0;
  for (let slot = slotHash(h) & t.mask; ; slot = (slot + 1) & t.mask) {
    const info = t.info[slot]!;
    if (info === 0 || t.keys[slot] === h) return info;
  }
}

/** Where the concepts of an entry are in `lists` (−1 for none): those it names as a stem (anywhere in a word's start) and as a whole word. */
export const stemList = (info: number) => (info >>> STEM_SHIFT) - 1;
export const wholeList = (info: number) => ((info >>> 1) & LIST_MASK) - 1;
