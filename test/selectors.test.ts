import { describe, expect, it } from 'vitest';
import { queryFallback } from '@/lib/pages/dom';
import { SELECTORS } from '@/lib/pages/selectors';
import { loadFixture } from './helpers';

const cases = Object.entries(SELECTORS).flatMap(([id, spec]) => Object.entries(spec.fixtures).map(([fixture, count]) => [id, fixture, count, spec] as const));

describe('selectors match the fixtures they claim', () => {
  it.each(cases)('%s on %s: %i', (_id, fixture, count, spec) => {
    const { doc } = loadFixture(fixture);
    expect(queryFallback(doc, spec.css, 'deep' in spec && spec.deep)).toHaveLength(count);
  });

  it('every selector names its evidence and a fixture it matches (a D-level guess may match none)', () => {
    for (const [id, spec] of Object.entries(SELECTORS)) {
      expect(spec.evidence, id).not.toBe('');
      expect(Object.keys(spec.fixtures).length, id).toBeGreaterThan(0);
      if (!spec.evidence.startsWith('D'))
        expect(
          Object.values(spec.fixtures).some((n) => n > 0),
          id,
        ).toBe(true);
    }
  });

  it('every selector is valid CSS', () => {
    const doc = document.implementation.createHTMLDocument('t');
    for (const [id, spec] of Object.entries(SELECTORS)) for (const css of spec.css) expect(() => doc.querySelectorAll(css), `${id}: ${css}`).not.toThrow();
  });
});
