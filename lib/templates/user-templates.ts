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

export const UserTemplate = z.object({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,59}$/)),
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  /** The built-in template this one stands in for, when the seller edited a built-in one. */
  replaces: z.optional(z.enum(TEMPLATE_IDS)),
  audience: z.enum(['buyer', 'amazon']),
  body: z.partialRecord(z.enum(LANGUAGES), z.string().check(z.maxLength(MAX_BODY))),
  updatedAt: z.iso.datetime(),
});
export type UserTemplate = z.infer<typeof UserTemplate>;

export const TemplateCollection = z.object({
  version: z.literal(1),
  /** When this collection was last saved (local copy and sync compare it). */
  savedAt: z.optional(z.iso.datetime()),
  templates: z.array(UserTemplate).check(z.maxLength(MAX_TEMPLATES)),
});
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
export const SYNC_ITEM_BYTES = 8_192;
export const SYNC_TOTAL_BYTES = 102_400;
/** Room kept for the key and JSON quoting in each item. */
const CHUNK_CHARS = 2_000;

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

export type SyncSplit = { readonly ok: true; readonly items: Record<string, string> } | { readonly ok: false; readonly reason: string };

/** `templates:count` and `templates:0…n`, each under the per-item quota, all under the total. */
export function toSyncItems(collection: TemplateCollection): SyncSplit {
  const json = JSON.stringify(collection);
  const items: Record<string, string> = {};
  let index = 0;
  for (let at = 0; at < json.length; at += CHUNK_CHARS) {
    const chunk = json.slice(at, at + CHUNK_CHARS);
    const key = `${SYNC_PREFIX}${index++}`;
    if (utf8Length(JSON.stringify(chunk)) + key.length > SYNC_ITEM_BYTES) return { ok: false, reason: 'an item is over the sync quota' };
    items[key] = chunk;
  }
  items[`${SYNC_PREFIX}count`] = String(index);
  const total = Object.entries(items).reduce((sum, [key, value]) => sum + key.length + utf8Length(JSON.stringify(value)), 0);
  if (total > SYNC_TOTAL_BYTES) return { ok: false, reason: `the templates need ${total} bytes, over the ${SYNC_TOTAL_BYTES} bytes of sync storage` };
  return { ok: true, items };
}

export type SyncRead = { readonly ok: true; readonly collection: TemplateCollection } | { readonly ok: false; readonly reason: string } | { readonly ok: 'absent' };

export function fromSyncItems(items: Readonly<Record<string, unknown>>): SyncRead {
  const count = items[`${SYNC_PREFIX}count`];
  if (count === undefined) return { ok: 'absent' };
  const n = Number(count);
  if (typeof count !== 'string' || !Number.isInteger(n) || n < 0 || n > 64) return { ok: false, reason: 'the item count is unreadable' };
  let json = '';
  for (let i = 0; i < n; i++) {
    const chunk = items[`${SYNC_PREFIX}${i}`];
    if (typeof chunk !== 'string') return { ok: false, reason: `part ${i} is missing` };
    json += chunk;
  }
  const read = parseImport(json);
  return read.ok ? { ok: true, collection: read.collection } : { ok: false, reason: read.message };
}

/** The newer of two collections (by when each was saved), for local copy versus sync. */
export function newer(a: TemplateCollection, b: TemplateCollection): TemplateCollection {
  return (b.savedAt ?? '') > (a.savedAt ?? '') ? b : a;
}
