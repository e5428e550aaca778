// Reads the production builds and fails if they ask for more than the product needs.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SELLER_CENTRAL_MATCHES } from '../lib/hosts';
import { chromeBuild, firefoxBuild } from './helpers';

const ALLOWED_PERMISSIONS = new Set(['storage', 'alarms']);
const SELLER_CENTRAL = new Set(SELLER_CENTRAL_MATCHES);

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

describe.each([
  ['Chrome (MV3)', chromeBuild, 3],
  ['Firefox (MV3)', firefoxBuild, 3],
] as const)('%s build', (_name, dir, manifestVersion) => {
  const manifestPath = join(dir, 'manifest.json');
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : undefined;

  it('exists', () => {
    expect(manifest, `${manifestPath}: build first`).toBeDefined();
    expect(manifest.manifest_version).toBe(manifestVersion);
  });

  it('asks for storage and alarms at most, and host access to Seller Central only', () => {
    for (const permission of manifest.permissions ?? []) {
      expect(ALLOWED_PERMISSIONS.has(permission) || SELLER_CENTRAL.has(permission), permission).toBe(true);
    }
    for (const host of manifest.host_permissions ?? []) expect(SELLER_CENTRAL.has(host), host).toBe(true);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
  });

  it('runs its content script on Seller Central only', () => {
    const matches = manifest.content_scripts.flatMap((script: { matches: string[] }) => script.matches);
    expect(new Set(matches)).toEqual(SELLER_CENTRAL);
    for (const resource of manifest.web_accessible_resources ?? []) {
      for (const match of typeof resource === 'string' ? [] : resource.matches) expect(SELLER_CENTRAL.has(match), match).toBe(true);
    }
  });

  it('opens no door to other sites or code: no externally_connectable, no loosened CSP', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.update_url).toBeUndefined();
  });

  it('ships no eval and makes no request of its own in its code', () => {
    // The main-world observer wraps the page's own fetch/XMLHttpRequest to read their responses;
    // what is banned is code from strings and any way to open a connection.
    for (const file of jsFiles(dir)) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/\beval\(|new Function\(|new XMLHttpRequest|new WebSocket|sendBeacon|new EventSource|importScripts/);
    }
  });

  it('ships scripts Chrome accepts: UTF-8 without Unicode noncharacters (Chrome refuses to load them)', () => {
    for (const file of jsFiles(dir)) {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
      const bad = [...text].filter((c) => {
        const code = c.codePointAt(0)!;
        return (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe;
      });
      expect(
        bad.map((c) => c.codePointAt(0)!.toString(16)),
        file,
      ).toEqual([]);
    }
  });

  // DESIGN.md's budget is 60 KB. The readers that work on layouts never seen (messages by their
  // words and time stamps in six languages, the inbox, the messaging JSON, Amazon's request read
  // from the page) take the script to about 73 KB with the rules in the background and our own
  // shadow root; the ceiling here stops further growth (docs/guidance.md, "Known limits").
  it("keeps the content script under 75 KB gzipped (over DESIGN.md's 60 KB: see docs/guidance.md)", () => {
    const script = join(dir, 'content-scripts', 'seller-central.js');
    expect(gzipSync(readFileSync(script), { level: 9 }).length).toBeLessThan(75 * 1024);
  });

  it('keeps every script of the bundle under 200 KB gzipped (the classifier and its model included)', () => {
    const scripts = (readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith('.js'));
    expect(scripts).toContain('background.js');
    for (const file of scripts) expect(gzipSync(readFileSync(join(dir, file)), { level: 9 }).length, file).toBeLessThan(200 * 1024);
  });

  it('is named and described in English and Japanese', () => {
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.default_locale).toBe('en');
    for (const lang of ['en', 'ja']) {
      const messages = JSON.parse(readFileSync(join(dir, '_locales', lang, 'messages.json'), 'utf8'));
      expect(messages.extName.message).toBe('Seller Sidekick');
      expect(messages.extDescription.message.length).toBeLessThanOrEqual(132); // Chrome Web Store limit
    }
  });
});
