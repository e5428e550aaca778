// The layering, held: tests reach the code through lib/, components/ and utils/, never through
// entrypoints/ (which only wire and render); lib/ depends on nothing outside it but the
// components' types it names; every folder of lib/ is in the README's folder table.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string, pattern = /\.(ts|tsx|mts)$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' || name === 'node_modules' ? [] : files(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

/** The module specifiers a file imports (static and dynamic). */
function imports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

describe('the layering', () => {
  it('no test imports from entrypoints/', () => {
    const offenders = [...files('test'), ...files('e2e')].flatMap((path) =>
      imports(path)
        .filter((spec) => /(^@\/|\/)entrypoints\//.test(spec))
        .map((spec) => `${path}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('lib/ imports nothing from entrypoints/ or utils/', () => {
    const offenders = files('lib').flatMap((path) =>
      imports(path)
        .filter((spec) => /(^@\/|\.\.\/)(entrypoints|utils)\//.test(spec))
        .map((spec) => `${path}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('entrypoints/ hold no rules: no entry point imports the classifier, the rules or the order memory directly', () => {
    const rules = /@\/lib\/(classify\/classify|guidance\/advise|watch|urgency)$/;
    const offenders = files('entrypoints').flatMap((path) =>
      imports(path)
        .filter((spec) => rules.test(spec))
        .map((spec) => `${path}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it("every folder of lib/ is in the README's folder table", () => {
    const readme = readFileSync('README.md', 'utf8');
    const folders = readdirSync('lib').filter((name) => statSync(join('lib', name)).isDirectory());
    expect(folders.length).toBeGreaterThan(3);
    expect(folders.filter((name) => !readme.includes(`| \`lib/${name}/\` |`))).toEqual([]);
  });

  it('the checks see imports at all (a file known to import from lib/ is read as such)', () => {
    expect(imports('test/page-pipeline.test.ts')).toContain('@/lib/pipeline/page');
    expect(imports('entrypoints/background/index.ts')).toContain('@/utils/background/service');
  });
});
