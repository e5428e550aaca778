/**
 * The seller's own templates: new ones, and edited copies of built-in ones (`replaces`). Checked
 * with Zod wherever they come from (storage, sync, an imported file); imported files merge or
 * replace; the collection is split into `storage.sync` items within Chrome's and Firefox's quotas
 * (8,192 bytes per item, 102,400 in all). Pure.
 */
import * as z from 'zod/mini';
import { LANGUAGES, type Language } from '../classify/types';
import { CATALOGUE, type BuiltInTemplate } from './catalogue';
import { TEMPLATE_IDS, type TemplateId } from './ids';

export const MAX_TEMPLATES = 200;
export const MAX_BODY = 5_000;

export const UserTemplate = z.lazy(() =>
  z.object({
    id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,59}$/)),
    name: z.string().check(z.minLength(1), z.maxLength(100)),
    /** The built-in template this one stands in for, when the seller edited a built-in one. */
    replaces: z.optional(z.enum(TEMPLATE_IDS)),
    audience: z.enum(['buyer', 'amazon']),
    body: z.partialRecord(z.enum(LANGUAGES), z.string().check(z.maxLength(MAX_BODY))),
    updatedAt: z.iso.datetime(),
  }),
);
export type UserTemplate = z.infer<typeof UserTemplate>;

export const TemplateCollection = z.lazy(() =>
  z.object({
    version: z.literal(1),
    /** When this collection was last saved (local copy and sync compare it). */
    savedAt: z.optional(z.iso.datetime()),
    templates: z.array(UserTemplate).check(z.maxLength(MAX_TEMPLATES)),
  }),
);
export type TemplateCollection = z.infer<typeof TemplateCollection>;
export const EMPTY_COLLECTION: TemplateCollection = { version: 1, templates: [] };

/** What the sidebar uses for a template id: the seller's edit of it if any, else the built-in. */
export function effectiveTemplate(id: TemplateId, collection: TemplateCollection): BuiltInTemplate | undefined {
  const builtIn = CATALOGUE.find((t) => t.id === id);
  const edited = collection.templates.find((t) => t.replaces === id);
  if (!builtIn) return undefined;
  if (!edited) return builtIn;
  // Languages the seller did not write fall back to the built-in text.
  const body = Object.fromEntries(LANGUAGES.map((l) => [l, edited.body[l] ?? builtIn.body[l]])) as Record<Language, string>;
  return { ...builtIn, body };
}

export type ImportResult = { readonly ok: true; readonly collection: TemplateCollection } | { readonly ok: false; readonly message: string };

/** Reads an exported file. A bad file is refused as a whole with a message; nothing half-imported. */
export function parseImport(text: string): ImportResult {
  if (text.length > 2_000_000) return { ok: false, message: 'The file is larger than 2 MB.' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = TemplateCollection.safeParse(json);
  if (!parsed.success) return { ok: false, message: z.prettifyError(parsed.error) };
  const ids = parsed.data.templates.map((t) => t.id);
  if (new Set(ids).size !== ids.length) return { ok: false, message: 'Two templates in the file have the same id.' };
  return { ok: true, collection: parsed.data };
}

export function exportCollection(collection: TemplateCollection): string {
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/** Merge keeps the seller's templates and takes the file's where ids meet; replace takes the file. */
export function combine(current: TemplateCollection, incoming: TemplateCollection, mode: 'merge' | 'replace'): TemplateCollection {
  if (mode === 'replace') return incoming;
  const byId = new Map(current.templates.map((t) => [t.id, t]));
  for (const t of incoming.templates) byId.set(t.id, t);
  return { version: 1, templates: [...byId.values()].slice(0, MAX_TEMPLATES) };
}

// ── storage.sync: split into items within the quotas ──────────────────────────────────────────

export const SYNC_PREFIX = 'templates:';
export const SYNC_COUNT_KEY = `${SYNC_PREFIX}count`;
/** Length and checksum of the whole serialised collection, to recognise a damaged or half-arrived copy. */
export const SYNC_CHECK_KEY = `${SYNC_PREFIX}check`;
export const SYNC_ITEM_BYTES = 8_192;
export const SYNC_TOTAL_BYTES = 102_400;
/** Bytes left unused in each item, should a browser count a little more than we do. */
const ITEM_MARGIN = 32;

/**
 * Replaces every lone surrogate (half of an emoji or of a rare kanji such as 𠮷, with its other
 * half missing) by U+FFFD, as a browser's storage would on its own; pairs are left alone. Applied
 * before saving so that what is stored locally and in sync are the same text.
 */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');
}

/** The collection with every text well-formed (see `wellFormed`). */
export function wellFormedCollection(collection: TemplateCollection): TemplateCollection {
  return {
    ...collection,
    templates: collection.templates.map((t) => ({
      ...t,
      name: wellFormed(t.name),
      body: Object.fromEntries(Object.entries(t.body).map(([language, body]) => [language, wellFormed(body)])),
    })),
  };
}

/**
 * What one code point costs inside a stored JSON string, counted as the most demanding browser
 * does. Chrome charges the key plus its JSON writer's output in UTF-8, and that writer escapes
 * `<`, U+2028 and U+2029 as \uXXXX besides what JSON.stringify escapes; Firefox charges the key
 * plus JSON.stringify's output. A lone surrogate is charged as its \uXXXX escape (the most it can cost).
 */
function codePointBytes(character: string): number {
  const code = character.codePointAt(0)!;
  if (code === 0x22 || code === 0x5c || code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d) return 2;
  if (code < 0x20 || code === 0x3c || code === 0x7f || code === 0x2028 || code === 0x2029) return 6;
  if (code >= 0xd800 && code <= 0xdfff) return 6;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code < 0x10000) return 3;
  return 4;
}

/** The bytes a browser charges for `key: value` against the sync quotas (never less than it does). */
export function syncItemBytes(key: string, value: string): number {
  let bytes = key.length + 2;
  for (const character of value) bytes += codePointBytes(character);
  return bytes;
}

/**
 * Cuts text into pieces that each cost at most `budget` bytes as a JSON string value. Cuts fall
 * between code points only (`for…of` walks code points), so a surrogate pair is never split.
 */
function cutOnCodePoints(text: string, budget: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  let at = 0;
  let bytes = 0;
  for (const character of text) {
    const cost = codePointBytes(character);
    if (bytes + cost > budget && at > start) {
      pieces.push(text.slice(start, at));
      start = at;
      bytes = 0;
    }
    bytes += cost;
    at += character.length;
  }
  if (at > start) pieces.push(text.slice(start, at));
  return pieces;
}

/** Length (UTF-16 units) and FNV-1a checksum of a text: `"<length>:<8 hex digits>"`. */
export function textCheck(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    hash = Math.imul(hash ^ (unit & 0xff), 0x01000193);
    hash = Math.imul(hash ^ (unit >>> 8), 0x01000193);
  }
  return `${text.length}:${(hash >>> 0).toString(16).padStart(8, '0')}`;
}

export type SyncSplit = { readonly ok: true; readonly items: Record<string, string> } | { readonly ok: false; readonly reason: string };

/**
 * `templates:0…n` (the serialised collection cut on code points, each item within the per-item
 * quota), `templates:count` and `templates:check`, all together within the total quota.
 */
export function toSyncItems(collection: TemplateCollection): SyncSplit {
  // JSON.stringify writes a lone surrogate as a \uXXXX escape: the text cut below is well-formed.
  const json = JSON.stringify(collection);
  const items: Record<string, string> = {};
  // Budget for the longest key an item can have (`templates:63`), so every item fits whatever its index.
  const budget = SYNC_ITEM_BYTES - ITEM_MARGIN - `${SYNC_PREFIX}63`.length - 2;
  const pieces = cutOnCodePoints(json, budget);
  pieces.forEach((piece, index) => {
    items[`${SYNC_PREFIX}${index}`] = piece;
  });
  items[SYNC_COUNT_KEY] = String(pieces.length);
  items[SYNC_CHECK_KEY] = textCheck(json);
  const total = Object.entries(items).reduce((sum, [key, value]) => sum + syncItemBytes(key, value), 0);
  if (total > SYNC_TOTAL_BYTES || pieces.length > MAX_SYNC_ITEMS) {
    return { ok: false, reason: `the templates need ${total} bytes, over the ${SYNC_TOTAL_BYTES} bytes of sync storage` };
  }
  return { ok: true, items };
}

/** More parts than the total quota could ever hold: a count above it is damage. */
const MAX_SYNC_ITEMS = 64;

export type SyncRead = { readonly ok: true; readonly collection: TemplateCollection } | { readonly ok: false; readonly reason: string } | { readonly ok: 'absent' };

/** The serialised collection joined from its parts, or why it cannot be. */
export function joinSyncItems(items: Readonly<Record<string, unknown>>): { ok: true; json: string } | { ok: false; reason: string } | { ok: 'absent' } {
  const count = items[SYNC_COUNT_KEY];
  if (count === undefined) return { ok: 'absent' };
  const n = Number(count);
  if (typeof count !== 'string' || !Number.isInteger(n) || n < 0 || n > MAX_SYNC_ITEMS) return { ok: false, reason: 'the item count is unreadable' };
  let json = '';
  for (let i = 0; i < n; i++) {
    const chunk = items[`${SYNC_PREFIX}${i}`];
    if (typeof chunk !== 'string') return { ok: false, reason: `part ${i} is missing` };
    json += chunk;
  }
  return { ok: true, json };
}

const REPLACEMENT = '\uFFFD';

/**
 * Reads the sync copy. It must match its length and checksum (`templates:check`): a copy damaged on
 * the way, or with parts of two saves (another browser's save still arriving), is refused with a
 * reason. A copy from before the checksum existed is refused if it holds U+FFFD where `local`
 * (this browser's copy) has none: that is what a split emoji or kanji turned into.
 */
export function fromSyncItems(items: Readonly<Record<string, unknown>>, local?: TemplateCollection): SyncRead {
  const joined = joinSyncItems(items);
  if (joined.ok !== true) return joined;
  const { json } = joined;
  const check = items[SYNC_CHECK_KEY];
  if (check !== undefined) {
    if (typeof check !== 'string' || check !== textCheck(json)) {
      return {
        ok: false,
        reason: `the copy does not match its length and checksum (${String(check).slice(0, 40)} expected, ${textCheck(json)} found): damaged, or still arriving from another browser`,
      };
    }
  } else if (json.includes(REPLACEMENT) && !JSON.stringify(local ?? EMPTY_COLLECTION).includes(REPLACEMENT)) {
    return { ok: false, reason: "the copy holds U+FFFD where this browser's copy has none: characters were damaged on the way" };
  }
  const read = parseImport(json);
  return read.ok ? { ok: true, collection: read.collection } : { ok: false, reason: read.message };
}

/** The newer of two collections (by when each was saved), for local copy versus sync. */
export function newer(a: TemplateCollection, b: TemplateCollection): TemplateCollection {
  return (b.savedAt ?? '') > (a.savedAt ?? '') ? b : a;
}

export interface Salvage {
  /** The templates of a backup that are readable on their own (first of each id, at most MAX_TEMPLATES). */
  readonly collection: TemplateCollection;
  /** Entries that could not be read (or, if the backup is not a collection at all, 1). */
  readonly unreadable: number;
}

/**
 * What can be brought back from a backed-up value: a collection that failed its check as a whole
 * (one template with a bad field, an unknown version), its JSON text, or a sync copy's parts.
 * Every template that is valid on its own is kept; the rest are counted. Pure; never throws.
 */
export function salvageTemplates(value: unknown): Salvage {
  let data = value;
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && SYNC_COUNT_KEY in data) {
    const joined = joinSyncItems(data as Record<string, unknown>);
    data = joined.ok === true ? joined.json : undefined;
  }
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      data = undefined;
    }
  }
  const list = data !== null && typeof data === 'object' && 'templates' in data ? (data as { templates: unknown }).templates : undefined;
  if (!Array.isArray(list)) return { collection: EMPTY_COLLECTION, unreadable: 1 };
  const templates: UserTemplate[] = [];
  let unreadable = 0;
  for (const entry of list) {
    const parsed = UserTemplate.safeParse(entry);
    if (parsed.success && !templates.some((t) => t.id === parsed.data.id) && templates.length < MAX_TEMPLATES) templates.push(parsed.data);
    else unreadable++;
  }
  return { collection: { version: 1, templates }, unreadable };
}

/**
 * A restored backup joined to the current templates. Where they meet (same id, or edits of the
 * same built-in template) the current one stays: it was written after the backup was made.
 */
export function withRestored(current: TemplateCollection, restored: TemplateCollection): TemplateCollection {
  const replaced = new Set(current.templates.flatMap((t) => (t.replaces ? [t.replaces] : [])));
  const kept = restored.templates.filter((t) => !t.replaces || !replaced.has(t.replaces) || current.templates.some((c) => c.id === t.id));
  return combine({ version: 1, templates: kept }, current, 'merge');
}
