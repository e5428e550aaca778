// `npm test`: everything that can fail, in order, stopping at the first failure.
// Type check, lint, format check, unit and component tests, production builds for Chrome and Firefox,
// web-ext lint, store zips, and end-to-end tests in real Chromium and Firefox.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBrowsers } from './ensure-browsers.mjs';
import { zipEntryNames } from './lib/zip.mjs';

const bin = (name) => join('node_modules', '.bin', name);
const RESULTS = 'test-results';
mkdirSync(RESULTS, { recursive: true });

const counts = { passed: 0, failed: 0 };
const timings = [];

function run(label, command, args, { quiet = false } = {}) {
  const started = performance.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: process.env });
  const seconds = (performance.now() - started) / 1000;
  timings.push([label, seconds]);
  if (result.status !== 0) {
    if (quiet) process.stdout.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    fail(`${label} failed (exit ${result.status ?? result.signal})`);
  }
  return result;
}

function step(label, fn) {
  const started = performance.now();
  console.log(`\n▶ ${label}`);
  try {
    fn();
  } catch (error) {
    fail(`${label} failed: ${error.message}`);
  }
  timings.push([label, (performance.now() - started) / 1000]);
}

function addVitestCounts(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
}

function summary() {
  console.log('\nSteps:');
  for (const [label, seconds] of timings) console.log(`  ${label.padEnd(46)} ${seconds.toFixed(1).padStart(6)} s`);
  const total = timings.reduce((sum, [, s]) => sum + s, 0);
  console.log(`  ${'total'.padEnd(46)} ${total.toFixed(1).padStart(6)} s`);
}

function fail(message) {
  console.error(`\n✖ ${message}`);
  summary();
  console.log(`tests: ${counts.passed} passed, ${Math.max(1, counts.failed)} failed`);
  process.exit(1);
}

step('browsers (Chromium, firefox-esr)', () => ensureBrowsers(['chromium', 'firefox']));
run('wxt prepare', bin('wxt'), ['prepare'], { quiet: true });
run('type check (tsc)', bin('tsc'), ['--noEmit']);
run('lint (eslint)', bin('eslint'), ['.']);
run('format (prettier --check)', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
const unit = run('unit and component tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/unit.json`]);
if (unit.status === 0) addVitestCounts(`${RESULTS}/unit.json`);
run('build: Chrome MV3', bin('wxt'), ['build'], { quiet: true });
run('build: Firefox MV3', bin('wxt'), ['build', '-b', 'firefox'], { quiet: true });

step('web-ext lint (Firefox build)', () => {
  const result = spawnSync(bin('web-ext'), ['lint', '--source-dir', '.output/firefox-mv3', '--no-config-discovery', '--output', 'json'], {
    encoding: 'utf8',
  });
  const report = JSON.parse(result.stdout);
  for (const item of [...report.errors, ...report.warnings]) console.log(`  ${item._type}: ${item.code} ${item.file ?? ''} ${item.message}`);
  console.log(`  ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
  if (report.summary.errors > 0) throw new Error(`${report.summary.errors} errors`);
});

run('store zip: Chrome', bin('wxt'), ['zip'], { quiet: true });
run('store zips: Firefox and sources', bin('wxt'), ['zip', '-b', 'firefox'], { quiet: true });
step('sources zip holds no test keys or test files', () => {
  const zips = readdirSync('.output').filter((name) => name.endsWith('.zip'));
  const sources = zips.find((name) => name.endsWith('-sources.zip'));
  if (!sources || !zips.some((n) => n.endsWith('-chrome.zip')) || !zips.some((n) => n.endsWith('-firefox.zip'))) {
    throw new Error(`expected chrome, firefox and sources zips, found: ${zips.join(', ')}`);
  }
  const names = zipEntryNames(join('.output', sources));
  const bad = names.filter((name) => /\.(pem|key|crt)$|^e2e\/|^test\/|^demo-output\/|^\.ci\//.test(name));
  if (bad.length) throw new Error(`sources zip contains ${bad.join(', ')}`);
  if (!names.includes('package.json')) throw new Error('sources zip has no package.json');
  console.log(`  ${zips.join(', ')}; sources: ${names.length} files`);
});

const e2e = run('end-to-end: manifests, Chromium, Firefox', bin('vitest'), [
  'run',
  '--config',
  'vitest.e2e.config.ts',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${RESULTS}/e2e.json`,
]);
if (e2e.status === 0) addVitestCounts(`${RESULTS}/e2e.json`);

summary();
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed === 0 ? 0 : 1);
