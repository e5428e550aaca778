// The page skeleton ("Save the page's outline"): texts become shapes, hooks keep their structure
// but not what could name someone, no text of the page survives, the readers still find their
// way through it, and a skeleton read from a file is checked before anything is built from it.
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/pages/read-page';
import { MAX_SKELETON_NODES, SKELETON_FORMAT, isStructuralWord, buildSkeleton, parseSkeleton, rebuildFromSkeleton, shapeHook, shapeText, shapeUrl, type Skeleton } from '@/lib/pages/skeleton';
import { demoPageIds, loadFixture } from './helpers';

const linkedomDocument = () => parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document;

/** Every string a skeleton holds (tags, attribute names and values, texts, its address). */
function stringsOf(skeleton: Skeleton): string[] {
  const strings = [skeleton.url];
  for (const node of skeleton.nodes) {
    if ('tag' in node) strings.push(node.tag, ...(node.attrs ?? []).flat());
    if ('text' in node) strings.push(node.text);
  }
  return strings;
}

/** Runs of letters, digits and marks: the words of a text in any script. */
const tokens = (text: string) => text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];

describe('shapes', () => {
  it('turns every text into its shape, one character for one', () => {
    expect(shapeText('Tanaka Hiroshi, 123-4567')).toBe('Xxxxxx Xxxxxxx, 999-9999');
    expect(shapeText('〒150-0001 東京都渋谷区 ｶﾀｶﾅ タナカ・ひろし ﾃｽﾄー')).toBe('□999-9999 漢漢漢漢漢漢 ああああ あああ・あああ ああああ');
    expect(shapeText('Jürgen Müßig, Hélène Côté: ２０２６年')).toBe('Xxxxxx Xxxxx, Xxxxxx Xxxx: 9999漢');
    expect(shapeText('Ωμέγα Жуков 김민준 محمد דוד สมชาย राम')).toBe('λλλλλ жжжжж 한한한 عععع אאא กกกกก क\u0301क');
    // Decomposed accents, emoji, invisible tag characters and controls carry nothing either.
    expect(shapeText('e\u0301 🙏 \u{E0041}\u0007 ¥1,200 €5 <b>')).toBe('x\u0301 □ □□ ¥9,999 €9 <x>');
    expect([...shapeText('𠮷野家 👍🏽')]).toHaveLength([...'𠮷野家 👍🏽'].length);
  });

  it('is a fixed point: a shape is its own shape', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => shapeText(shapeText(text)) === shapeText(text)));
  });

  it('keeps the structure of a hook and its known words, not names or numbers', () => {
    expect(shapeHook('order-summary-shipby-value')).toBe('order-summary-shipby-value');
    expect(shapeHook('bubble bubble-buyer')).toBe('bubble bubble-buyer');
    expect(shapeHook('a-size-large col-2 orders-v3 h2')).toBe('a-size-large col-2 orders-v3 h2');
    expect(shapeHook('a-span6 key4 ab1')).toBe('a-xxxx9 xxx9 xx9');
    expect(shapeHook('buyer-tanaka order-503-1724766-9264601')).toBe('buyer-xxxxxx order-999-9999999-9999999');
    expect(shapeHook('orderDetailsJohnSmith')).toBe('orderDetailsXxxxXxxxx');
    expect(shapeHook('A1VC38T7YXB528 6f1c2a9e-3b7d')).toBe('X9XX99X9XXX999 9x9x9x9x-9x9x');
    expect(shapeHook('注文-田中')).toBe('漢漢-漢漢');
  });

  it('keeps the scheme and an Amazon host of a URL, and shapes the rest by the hook rule', () => {
    expect(shapeUrl('https://sellercentral.amazon.co.jp/orders-v3/order/503-1724766-9264601')).toBe('https://sellercentral.amazon.co.jp/orders-v3/order/999-9999999-9999999');
    expect(shapeUrl('/messaging/inbox?fi=caseId&ss=6f1c2a9e-3b7d')).toBe('/messaging/inbox?fi=caseId&ss=9x9x9x9x-9x9x');
    expect(shapeUrl('mailto:jane.doe@example.org')).toBe('mailto:xxxx.xxx@xxxxxxx.org');
    expect(shapeUrl('https://tanaka-shop.example/%E7%94%B0?q=Hiroshi')).toBe('https://xxxxxx-xxxx.xxxxxxx/%X9%99%X9?q=Xxxxxxx');
  });
});

describe('buildSkeleton', () => {
  it('keeps tags, hooks, open shadow roots and same-origin frames; shapes texts; leaves out comments, scripts and what it is told to skip', () => {
    const doc = linkedomDocument();
    const body = doc.body;
    const box = doc.createElement('kat-box');
    box.setAttribute('class', 'thread');
    box.attachShadow({ mode: 'open' }).append(doc.createTextNode('Inside Tanaka'));
    const frame = doc.createElement('iframe');
    const frameDoc = linkedomDocument();
    frameDoc.body.append(frameDoc.createTextNode('Framed 503-1724766-9264601'));
    Object.defineProperty(frame, 'contentDocument', { value: frameDoc });
    const script = doc.createElement('script');
    script.textContent = 'var buyer = "Tanaka";';
    const ours = doc.createElement('seller-sidekick');
    ours.append('Our own sidebar');
    const switcher = doc.createElement('div');
    switcher.id = 'partner-switcher';
    switcher.setAttribute('data-marketplace_selection', 'A1VC38T7YXB528');
    const stranger = doc.createElement('div');
    stranger.setAttribute('data-marketplace_selection', 'Tanaka99');
    stranger.setAttribute('title', 'Tanaka Hiroshi');
    stranger.setAttribute('data-test-id', 'buyer-name-with-link');
    body.append(box, frame, script, doc.createComment('Tanaka'), ours, switcher, stranger);

    const skeleton = buildSkeleton(doc, { url: 'https://sellercentral.amazon.co.jp/home?q=Tanaka', skip: (e) => e.localName === 'seller-sidekick' });
    const json = JSON.stringify(skeleton);
    expect(json).not.toMatch(/Tanaka|Inside|Framed|503-1724766|Our own|buyer =/);
    expect(skeleton.url).toBe('https://sellercentral.amazon.co.jp/home?q=Xxxxxx');
    const tags = skeleton.nodes.flatMap((n) => ('tag' in n ? [n.tag] : []));
    expect(tags).toEqual(['html', 'head', 'body', 'kat-box', 'iframe', 'html', 'head', 'body', 'script', 'div', 'div']);
    const boxIndex = skeleton.nodes.findIndex((n) => 'tag' in n && n.tag === 'kat-box');
    const shadow = skeleton.nodes.findIndex((n) => 'root' in n && n.root === 'shadow');
    expect(skeleton.nodes[shadow]!.parent).toBe(boxIndex);
    const frameRoot = skeleton.nodes.findIndex((n) => 'root' in n && n.root === 'frame');
    expect(skeleton.nodes[skeleton.nodes[frameRoot]!.parent]).toMatchObject({ tag: 'iframe' });
    expect(skeleton.nodes.filter((n) => 'text' in n).map((n) => ('text' in n ? n.text : ''))).toEqual(['Xxxxxx Xxxxxx', 'Xxxxxx 999-9999999-9999999']);
    const attrs = skeleton.nodes.flatMap((n) => ('attrs' in n ? (n.attrs ?? []) : []));
    expect(attrs).toContainEqual(['data-marketplace_selection', 'A1VC38T7YXB528']);
    expect(attrs).toContainEqual(['data-marketplace_selection', 'Xxxxxx99']);
    expect(attrs).toContainEqual(['title', 'Xxxxxx Xxxxxxx']);
    expect(attrs).toContainEqual(['data-test-id', 'buyer-name-with-link']);
    expect(parseSkeleton(JSON.parse(json))).toMatchObject({ ok: true });
  });

  it('walks any depth, and cuts a page larger than its limit and says so', () => {
    const { document: doc } = parseHTML(`<!doctype html><html><body>${'<span>deep'.repeat(20_000)}</body></html>`);
    const skeleton = buildSkeleton(doc as unknown as Document, { url: 'https://sellercentral.amazon.com/' });
    expect(skeleton.nodes.length).toBeGreaterThan(40_000);
    expect(parseSkeleton(JSON.parse(JSON.stringify(skeleton))).ok).toBe(true);
    const rebuilt = rebuildFromSkeleton(skeleton, linkedomDocument).document;
    expect(rebuilt.querySelectorAll('span')).toHaveLength(20_000);

    const cut = buildSkeleton(doc as unknown as Document, { url: 'https://sellercentral.amazon.com/', maxNodes: 100 });
    expect(cut.nodes).toHaveLength(100);
    expect(cut.cut?.nodes).toBeGreaterThan(0);
    expect(parseSkeleton(cut).ok).toBe(true);
  });

  it('always gives a skeleton it can read back, whatever markup a parser let through', () => {
    const markup = fc.array(
      fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom(
          '<a=b>',
          '<div a"b=1 \'c=2 <d=3>',
          '<svg><foreignObject><p>x</p></foreignObject></svg>',
          '<math><mi>x</mi></math>',
          '<table><td>x',
          '<iframe srcdoc="<b>x</b>">',
          '<template><b>x</b></template>',
          '<!-- c -->',
          '<script>var a = "<b>";</script>',
          '<x:y z:w="1">',
          '<div id="" class="">',
          '\u0000\u202e',
          '<b data-marketplace_selection="A1VC38T7YXB528">',
        ),
      ),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(markup, (parts) => {
        for (const doc of [new DOMParser().parseFromString(parts.join(''), 'text/html'), parseHTML(`<!doctype html><html><body>${parts.join('')}</body></html>`).document as unknown as Document]) {
          const skeleton = buildSkeleton(doc, { url: parts.join('') });
          const parsed = parseSkeleton(JSON.parse(JSON.stringify(skeleton)));
          expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
          if (parsed.ok) rebuildFromSkeleton(parsed.skeleton, linkedomDocument);
        }
      }),
      { numRuns: 200 },
    );
  });

  it.each(demoPageIds)('demo page %s: the readers read the skeleton as the page, less its text', (id) => {
    const { doc, url } = loadFixture(id);
    const before = readPage(doc, url);
    const skeleton = buildSkeleton(doc, { url: url.href });
    const parsed = parseSkeleton(JSON.parse(JSON.stringify(skeleton)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { document: rebuilt, problems } = rebuildFromSkeleton(parsed.skeleton, linkedomDocument);
    expect(problems).toEqual([]);
    const after = readPage(rebuilt, new URL(parsed.skeleton.url));
    expect(after.kind).toBe(before.kind);
    if (before.kind === 'message-thread' && after.kind === 'message-thread') {
      // The messaging reader finds messages by their words (sender labels, time stamps), which a
      // skeleton replaces by shapes: it keeps the page's kind and its reply box, and never puts a
      // shaped message under the buyer.
      expect(Boolean(after.replyBox)).toBe(Boolean(before.replyBox));
      expect(after.messages.filter((m) => m.sender === 'buyer')).toEqual([]);
      return;
    }
    const count = (s: typeof before) => ('messages' in s ? s.messages.length : 'orders' in s ? s.orders.length : 'items' in s ? s.items.length : undefined);
    expect(count(after)).toBe(count(before));
  });
});

describe('parseSkeleton', () => {
  const ok = (nodes: unknown[]) => ({ format: SKELETON_FORMAT, version: 1, url: 'https://sellercentral.amazon.com/', nodes });
  const html = { parent: -1, tag: 'html' };

  it('refuses what is not a skeleton, or not a tree, with a clear reason', () => {
    const cases: [unknown, RegExp][] = [
      [null, /not a page skeleton/],
      ['{}', /not a page skeleton/],
      [{ ...ok([html]), format: 'something-else' }, /not a page skeleton/],
      [{ ...ok([html]), version: 2 }, /not a page skeleton/],
      [{ ...ok([html]), extra: 1 }, /not a page skeleton/],
      [ok([html, { parent: 5, tag: 'div' }]), /node 1 names a parent \(5\) that does not come before it/],
      [ok([html, { parent: 1, tag: 'div' }]), /node 1 names a parent/],
      [ok([html, { parent: 0, text: 'x' }, { parent: 1, tag: 'b' }]), /node 2 is under a text/],
      [ok([html, html]), /exactly one top element/],
      [ok([{ parent: -1, text: 'x' }]), /exactly one top element/],
      [ok([html, { parent: 0, root: 'shadow' }, { parent: 0, root: 'shadow' }]), /two shadow roots/],
      [ok([html, { parent: 0, root: 'frame' }]), /a frame's document under <html>/],
      [ok([html, { parent: 0, tag: 'iframe' }, { parent: 1, root: 'frame' }, { parent: 2, text: 'x' }]), /a frame's document holds one element/],
      [ok([html, { parent: 0, tag: 'iframe' }, { parent: 1, root: 'frame' }, { parent: 2, tag: 'html' }, { parent: 2, tag: 'html' }]), /node 4: a frame's document holds one element/],
      [ok([html, { parent: 0, tag: 'div', attrs: [['on"x', 'y']] }]), /not a page skeleton/],
      [ok([html, { parent: 0, tag: 'a b' }]), /not a page skeleton/],
      [ok([html, { parent: 0, text: 'x'.repeat(20_001) }]), /not a page skeleton/],
      [ok([html, { parent: 0.5, tag: 'b' }]), /not a page skeleton/],
      [ok([html, { parent: 0, tag: 'b', text: 'both' }]), /not a page skeleton/],
    ];
    for (const [input, reason] of cases) {
      const parsed = parseSkeleton(input);
      expect(parsed.ok, JSON.stringify(input).slice(0, 120)).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(reason);
    }
  });

  it('never throws, and whatever it accepts can be rebuilt without throwing', () => {
    const name = fc.oneof(fc.constantFrom('div', 'span', 'iframe', 'kat-box', 'svg', 'x:y', '9bad', '-'), fc.string({ minLength: 1, maxLength: 6 }));
    const node = fc.oneof(
      fc.record(
        { parent: fc.integer({ min: -1, max: 12 }), tag: name, attrs: fc.option(fc.array(fc.tuple(name, fc.string({ maxLength: 8 })), { maxLength: 3 }), { nil: undefined }) },
        { requiredKeys: ['parent', 'tag'] },
      ),
      fc.record({ parent: fc.integer({ min: -1, max: 12 }), text: fc.string({ maxLength: 8 }) }),
      fc.record({ parent: fc.integer({ min: -1, max: 12 }), root: fc.constantFrom('shadow', 'frame') }),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.array(node, { maxLength: 14 }).map((nodes) => ok(nodes)),
        ),
        (input) => {
          const parsed = parseSkeleton(input);
          if (parsed.ok) rebuildFromSkeleton(parsed.skeleton, linkedomDocument);
        },
      ),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// No text of the page survives: pages filled with people's names, addresses, messages, order ids
// and emails in Japanese, English, German and French, put everywhere a page can hold them.

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);
const letters = (alphabet: string, min: number, max: number) => fc.string({ unit: pick([...alphabet]), minLength: min, maxLength: max });
const capitalised = (alphabet: string) => letters(alphabet, 3, 9).map((w) => w[0]!.toUpperCase() + w.slice(1));
const digits = (n: number) => letters('0123456789', n, n);

const LATIN_NAME = capitalised('abcdefghijklmnopqrstuvwyzäöüßéèêàçëïô');
const KANJI = '田中山本佐藤鈴木高橋渡辺伊藤小林加藤吉田山口松本井上木村林清水森池阿部石川前田藤原岡後村太郎花子健一美咲直樹陽子';
const KANA = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんアイウエオカキクケコサシスセソタチツテト';

const name = fc.oneof(
  fc.tuple(pick(['Jane', 'Hiroshi', 'Jürgen', 'Hélène', 'François', 'Siobhan', 'Björn', 'Chloé']), LATIN_NAME).map(([first, last]) => `${first} ${last}`),
  fc.tuple(LATIN_NAME, LATIN_NAME).map(([first, last]) => `${first} ${last}`),
  fc.tuple(letters(KANJI, 1, 3), letters(KANJI, 1, 2)).map(([last, first]) => `${last} ${first}`),
  fc.tuple(letters(KANA, 2, 5), letters(KANA, 2, 4)).map(([last, first]) => `${last}・${first}`),
);
const orderId = fc.tuple(digits(3), digits(7), digits(7)).map((parts) => parts.join('-'));
const email = fc
  .tuple(letters('abcdefghijklmnopqrstuvwxyz', 3, 8), letters('abcdefghijklmnopqrstuvwxyz0123456789', 3, 8), pick(['jp', 'de', 'fr', 'net', 'org']))
  .map(([local, domain, tld]) => `${local}.${domain}@${domain}mail.${tld}`);
const address = fc.oneof(
  fc.tuple(digits(3), digits(4), letters(KANJI, 2, 4), digits(1), digits(2)).map(([a, b, ward, c, d]) => `〒${a}-${b} 東京都${ward}区${c}-${d}-${c}`),
  fc.tuple(digits(3), LATIN_NAME, LATIN_NAME, digits(5)).map(([n, street, city, zip]) => `${n} ${street} Street, ${city}, WA ${zip}`),
  fc.tuple(LATIN_NAME, digits(2), digits(5), LATIN_NAME).map(([street, n, zip, city]) => `${street}straße ${n}, ${zip} ${city}`),
  fc.tuple(digits(2), LATIN_NAME, digits(5), LATIN_NAME).map(([n, street, zip, city]) => `${n} rue ${street}, ${zip} ${city}`),
);
const message = fc
  .tuple(
    pick([
      'Please cancel my order, I ordered the wrong size.',
      'Bitte stornieren Sie meine Bestellung, ich habe mich vertan.',
      "Pourriez-vous annuler ma commande ? Je l'ai passée par erreur.",
      '注文をキャンセルしてください。サイズを間違えました。',
      'Where is my parcel? Tracking says delivered but nothing arrived.',
      'Das Paket ist beschädigt angekommen, die Ware ist kaputt.',
      "Le colis n'est jamais arrivé, que dois-je faire ?",
      '商品が届きません。いつ発送されますか。',
    ]),
    name,
    orderId,
  )
  .map(([text, who, id]) => `${text}\n${who} (${id})`);

interface PageData {
  readonly names: string[];
  readonly orderIds: string[];
  readonly emails: string[];
  readonly addresses: string[];
  readonly messages: string[];
}

const pageData: fc.Arbitrary<PageData> = fc.record({
  names: fc.array(name, { minLength: 3, maxLength: 3 }),
  orderIds: fc.array(orderId, { minLength: 2, maxLength: 2 }),
  emails: fc.array(email, { minLength: 1, maxLength: 1 }),
  addresses: fc.array(address, { minLength: 1, maxLength: 1 }),
  messages: fc.array(message, { minLength: 2, maxLength: 2 }),
});

/** Where the data goes that may only ever be text (texts, titles, labels, values): `shape` applied to it. */
type TextFill = (text: string) => string;

/**
 * A thread page in the shape of Seller Central's, with the data in its texts, its free attributes,
 * its ids, classes and data-test-ids, its links, an open shadow root and a same-origin frame.
 */
function buildPage(data: PageData, fill: TextFill = (t) => t): Document {
  const doc = linkedomDocument();
  doc.head.append(doc.createElement('title'));
  doc.title = fill(`Messages - ${data.names[0]}`);
  const el = (tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]) => {
    const element = doc.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value);
    for (const child of children) element.append(typeof child === 'string' ? doc.createTextNode(child) : child);
    return element;
  };
  const [buyer, other, agent] = data.names as [string, string, string];
  const [order, otherOrder] = data.orderIds as [string, string];
  const slug = (s: string) => s.replace(/[\s・]+/g, '_');
  const box = el('kat-box', { class: `thread thread-${slug(buyer)}` });
  box.attachShadow({ mode: 'open' }).append(el('div', { class: 'inner', title: fill(buyer) }, fill(`Case of ${buyer}`)));
  box.append(
    el('div', { class: 'thread-header' }, el('h2', {}, fill(`Inquiry from Amazon customer ${buyer}`)), el('a', { href: `/orders-v3/order/${order}?buyer=${encodeURIComponent(buyer)}` }, fill(order))),
    ...data.messages.map((text, i) =>
      el(
        'div',
        { class: `bubble bubble-buyer msg-${order}`, id: `message-${slug(buyer)}-${i}`, 'data-test-id': `message-${otherOrder}` },
        el('div', { class: 'bubble-meta' }, fill(buyer)),
        fill(text),
      ),
    ),
    el('kat-textarea', { label: fill(`Reply to ${buyer}`), placeholder: fill(`Dear ${buyer},`) }),
  );
  const frame = el('iframe', { name: `frame-${slug(other)}` });
  const frameDoc = linkedomDocument();
  const frameLink = frameDoc.createElement('a');
  frameLink.setAttribute('href', `/frames/${encodeURIComponent(other)}`);
  frameLink.append(frameDoc.createTextNode(fill(`${other}, ${data.addresses[0]}`)));
  frameDoc.body.append(frameLink);
  Object.defineProperty(frame, 'contentDocument', { value: frameDoc });
  doc.body.append(
    el('div', { id: 'sc-masthead' }, el('span', { class: `seller-${slug(agent)}`, 'data-agent': fill(agent) }, fill(agent))),
    el('nav', { 'aria-label': fill(`Cases of ${other}`) }, el('a', { href: `mailto:${data.emails[0]}`, class: 'case-row' }, fill(data.emails[0]!))),
    el('address', { 'data-test-id': `shipping-section-buyer-address-${slug(buyer)}` }, fill(data.addresses[0]!)),
    el('input', { type: 'hidden', name: `buyer_${slug(other)}`, value: fill(`${other} <${data.emails[0]}>`) }),
    el('img', { alt: fill(buyer), src: `https://m.media-amazon.com/images/${slug(buyer)}/${order}.jpg` }),
    box,
    frame,
  );
  return doc;
}

const pageUrl = (data: PageData) => `https://sellercentral.amazon.de/messaging/inbox?fi=caseId&ss=${data.orderIds[0]}&q=${encodeURIComponent(data.names[0]!)}`;

/** Everything personal that went into the page, whole. */
const insertedStrings = (data: PageData) => [...data.names, ...data.orderIds, ...data.emails, ...data.addresses, ...data.messages];

describe('no text of the page survives in its skeleton', () => {
  it('holds none of the names, addresses, messages, order ids and emails put in, whole or in words of three or more', () => {
    fc.assert(
      fc.property(pageData, (data) => {
        const skeleton = buildSkeleton(buildPage(data), { url: pageUrl(data) });
        const strings = stringsOf(skeleton);
        const haystack = strings.join('\u0000');
        const words = new Set(strings.flatMap(tokens));
        for (const inserted of insertedStrings(data)) {
          if (shapeText(inserted) !== inserted) expect(haystack.includes(inserted), inserted).toBe(false);
          for (const line of inserted.split('\n')) if ([...line].length >= 3 && shapeText(line) !== line) expect(haystack.includes(line), line).toBe(false);
          for (const word of tokens(inserted)) {
            // A shape ("999", "xxx") is not the page's text, nor a word of the page's structure
            // ("order" in a class is kept by design; the same word in a message is still shaped).
            if ([...word].length < 3 || shapeText(word) === word || isStructuralWord(word.toLowerCase())) continue;
            expect(words.has(word), `${word} (from ${inserted})`).toBe(false);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('depends on the shape of the texts only: the same page with every text replaced by its shape gives the same skeleton', () => {
    fc.assert(
      fc.property(pageData, (data) => {
        const skeleton = buildSkeleton(buildPage(data), { url: pageUrl(data) });
        const ofShapes = buildSkeleton(buildPage(data, shapeText), { url: pageUrl(data) });
        expect(ofShapes).toEqual(skeleton);
      }),
      { numRuns: 100 },
    );
  });

  it('is under the size limit for a page of this size, and rebuilds to the same tree', () => {
    fc.assert(
      fc.property(pageData, (data) => {
        const skeleton = buildSkeleton(buildPage(data), { url: pageUrl(data) });
        expect(skeleton.nodes.length).toBeLessThan(MAX_SKELETON_NODES);
        const parsed = parseSkeleton(JSON.parse(JSON.stringify(skeleton)));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const rebuilt = rebuildFromSkeleton(parsed.skeleton, linkedomDocument);
        expect(rebuilt.problems).toEqual([]);
        // The same tree (attributes compared as sets: a DOM may list them in another order).
        const sorted = (s: Skeleton) => s.nodes.map((n) => ('attrs' in n && n.attrs ? { ...n, attrs: [...n.attrs].sort() } : n));
        expect(sorted(buildSkeleton(rebuilt.document, { url: parsed.skeleton.url }))).toEqual(sorted(skeleton));
      }),
      { numRuns: 30 },
    );
  });
});

describe("the Transaction view's column names", () => {
  it('are kept verbatim in a table cell, and only there; anything else in a cell is shaped', () => {
    const { document } = parseHTML(
      '<html><body><p>Amazon fees</p><table><tr><th>Amazon fees</th><th>Total (JPY)</th><td role="cell">注文番号</td><th>Tanaka Hanako</th><th>Amazon fees for Tanaka</th></tr></table></body></html>',
    );
    const texts = buildSkeleton(document as unknown as Document, { url: 'https://sellercentral.amazon.co.jp/payments/event/view' })
      .nodes.filter((n): n is { parent: number; text: string } => 'text' in n)
      .map((n) => n.text);
    expect(texts).toEqual(['Xxxxxx xxxx', 'Amazon fees', 'Total (JPY)', '注文番号', 'Xxxxxx Xxxxxx', 'Xxxxxx xxxx xxx Xxxxxx']);
  });
});
