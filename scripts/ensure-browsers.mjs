// Installs what the end-to-end tests and the demo need from Debian's packages, when missing:
// Chromium, firefox-esr, and (for the demo's screenshots) Japanese fonts.
// Usage: node scripts/ensure-browsers.mjs [chromium] [firefox] [fonts]   (no argument: chromium firefox)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATHS, FIREFOX_PATHS, findExecutable } from './lib/browsers.mjs';

const WANTED = {
  chromium: { present: () => Boolean(findExecutable(CHROMIUM_PATHS)), packages: ['chromium', 'fonts-liberation'] },
  firefox: { present: () => Boolean(findExecutable(FIREFOX_PATHS)), packages: ['firefox-esr'] },
  fonts: {
    present: () => existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
    packages: ['fonts-noto-cjk'],
  },
};

export function ensureBrowsers(names) {
  const missing = names.filter((name) => !WANTED[name].present());
  if (missing.length === 0) return;
  const packages = missing.flatMap((name) => WANTED[name].packages);
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`Missing: ${missing.join(', ')}. This machine has no apt-get; install ${packages.join(', ')} yourself (Chromium at /usr/bin/chromium, Firefox at /usr/bin/firefox-esr).`);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = isRoot ? [] : ['sudo', '-n'];
  if (!isRoot && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    throw new Error(`Missing: ${missing.join(', ')}. Installing needs root; run:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`);
  }
  console.log(`Installing ${packages.join(', ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => {
    const [cmd, ...rest] = [...prefix, ...args];
    execFileSync(cmd, rest, { stdio: ['ignore', 'ignore', 'inherit'], env });
  };
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', '--no-install-recommends', ...packages]);
  const still = missing.filter((name) => !WANTED[name].present());
  if (still.length) throw new Error(`apt-get finished but ${still.join(', ')} is still missing.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const names = process.argv.slice(2);
  try {
    ensureBrowsers(names.length ? names : ['chromium', 'firefox']);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
