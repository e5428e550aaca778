// Makes `npm test` and `npm run demo` work on a fresh clone: installs the npm packages from the
// lockfile when node_modules is missing or older than the lockfile. Node built-ins only.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const lock = 'package-lock.json';
const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs);
if (stale || !existsSync('.wxt/tsconfig.json')) {
  const command = existsSync(lock) ? 'npm ci' : 'npm install';
  console.log(`Installing dependencies (${command})…`);
  execSync(command, { stdio: 'inherit' });
}
