// The layering, held: tests reach the code through lib/, components/ and utils/, never through
// entrypoints/ (which only wire and render); lib/ depends on nothing outside it but the
// components' types it names; every folder of lib/ is in the README's folder table.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
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

describe('schemas built on first use', () => {
  /**
   * The top-level declarations that build a zod schema when their module is imported: every one
   * runs as the content script starts, before the page is read (docs/performance.md). A schema at
   * the top of a module is `z.lazy(() => …)`, and a shared set of fields a function.
   */
  function eagerSchemas(path: string): string[] {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const found: string[] = [];
    const eager = (node: ts.Node): boolean => {
      if (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) return false;
      if (ts.isCallExpression(node) && /^z\s*\.\s*lazy$/.test(node.expression.getText(source))) return false;
      if (ts.isCallExpression(node) && /^z\s*\./.test(node.expression.getText(source))) return true;
      return ts.forEachChild(node, eager) === true;
    };
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (declaration.initializer && eager(declaration.initializer)) found.push(`${path}: ${declaration.name.getText(source)}`);
      }
    }
    return found;
  }

  it('no module of lib/, utils/ or components/ builds a schema when imported', () => {
    const offenders = [...files('lib'), ...files('utils'), ...files('components')].filter((path) => !path.endsWith('.evidence.ts')).flatMap(eagerSchemas);
    expect(offenders).toEqual([]);
  });

  it('the check finds a schema built at import', () => {
    const probe = join(mkdtempSync(join(tmpdir(), 'schemas-')), 'probe.ts');
    writeFileSync(
      probe,
      "import * as z from 'zod/mini';\nexport const A = z.lazy(() => z.string());\nexport const B = z.array(A);\nconst fields = { c: z.string() };\nconst later = () => ({ d: z.number() });\n",
    );
    expect(eagerSchemas(probe).map((line) => line.split(': ')[1])).toEqual(['B', 'fields']);
  });
});
