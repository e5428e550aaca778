// Serves the demo pages at their real Seller Central URLs, for the demo and the end-to-end tests.
//
// How: the browser is pointed at a local HTTP proxy (`--proxy-server` in Chromium, proxy prefs in
// Firefox). For a CONNECT to a demo host the proxy hands the socket to an in-process HTTPS server
// with a throwaway self-signed certificate (made with openssl into a temporary folder, never
// committed); every other CONNECT or plain request is refused and recorded. The release build of
// the extension is used unchanged: it sees the real https://sellercentral… URLs.
//
// Every request is recorded in `server.requests`, so the tests can prove that nothing but the demo
// pages themselves was asked for.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillDemoDates } from './demo-dates.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PAGES_DIR = join(ROOT, 'demo', 'pages');

/** The demo pages and assets, from demo/pages.json. */
export function loadDemoPages() {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'demo', 'pages.json'), 'utf8'));
  return { pages: manifest.pages, assets: manifest.assets, data: manifest.data ?? {}, scenarios: manifest.scenarios ?? [] };
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

function makeCertificate(hosts) {
  const dir = mkdtempSync(join(tmpdir(), 'sidekick-cert-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=${hosts[0]}`,
        '-addext',
        `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'pipe' },
    );
    return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
  } catch (error) {
    throw new Error(`Could not make the demo's self-signed certificate with openssl (is it installed?): ${error.message}`, {
      cause: error,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts the proxy and the HTTPS server. Returns { proxyPort, requests, pages, close }.
 * `requests` entries: { kind: 'page'|'asset'|'data'|'favicon'|'unknown'|'refused', host, path }.
 */
export async function startDemoServer({ log = () => {} } = {}) {
  const { pages, assets, data } = loadDemoPages();
  const hosts = [...new Set(pages.map((p) => new URL(p.url).hostname))];
  const requests = [];

  const byUrl = new Map(pages.map((p) => [new URL(p.url).href, p]));
  const byPath = new Map(pages.map((p) => [`${new URL(p.url).hostname}${new URL(p.url).pathname}`, p]));

  const site = https.createServer(makeCertificate(hosts), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:443$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    const page = byUrl.get(url.href) ?? byPath.get(`${url.hostname}${url.pathname}`);
    const asset = assets[url.pathname];
    const json = data[`${url.hostname}${url.pathname}`];
    if (json) {
      requests.push({ kind: 'data', host, path: url.pathname });
      send(res, 200, join(PAGES_DIR, json));
    } else if (page) {
      requests.push({ kind: 'page', host, path: url.pathname + url.search });
      send(res, 200, join(PAGES_DIR, page.file));
    } else if (asset) {
      requests.push({ kind: 'asset', host, path: url.pathname });
      send(res, 200, join(PAGES_DIR, asset));
    } else if (url.pathname === '/favicon.ico') {
      requests.push({ kind: 'favicon', host, path: url.pathname });
      res.writeHead(204).end();
    } else {
      requests.push({ kind: 'unknown', host, path: url.pathname + url.search });
      log(`demo server: no demo page at https://${host}${url.pathname}${url.search}`);
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not a demo page.\n');
    }
  });

  const proxy = http.createServer((req, res) => {
    requests.push({ kind: 'refused', host: req.headers.host ?? '', path: req.url ?? '' });
    log(`demo proxy: refused plain request ${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  proxy.on('connect', (req, socket, head) => {
    const [host, port] = (req.url ?? '').split(':');
    if (hosts.includes(host) && (port === '443' || port === undefined)) {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head?.length) socket.unshift(head);
      site.emit('connection', socket);
      return;
    }
    requests.push({ kind: 'refused', host: req.url ?? '', path: '' });
    log(`demo proxy: refused CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  proxy.on('clientError', (_error, socket) => socket.destroy());
  site.on('tlsClientError', () => {});

  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port: proxyPort } = proxy.address();

  return {
    proxyPort,
    requests,
    pages,
    async close() {
      proxy.closeAllConnections?.();
      site.closeAllConnections?.();
      await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => site.close(r))]);
    },
  };
}

function send(res, status, file) {
  res.writeHead(status, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  // Pages and their data carry dates relative to now (scripts/lib/demo-dates.mjs).
  const type = extname(file);
  res.end(type === '.html' || type === '.json' ? fillDemoDates(readFileSync(file, 'utf8')) : readFileSync(file));
}
