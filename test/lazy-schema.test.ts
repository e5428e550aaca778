import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { buildSchemasInSteps, lazySchema } from '@/lib/lazy-schema';
import { drainSteps } from './helpers';

const drain = (steps: Generator<void, number>) => {
  const { value: built, pauses } = drainSteps(steps);
  return { built, pauses };
};

describe('schemas built on first use, or ahead in steps', () => {
  it('builds nothing when defined, each schema once when built ahead, and keeps it for its checks', () => {
    drain(buildSchemasInSteps()); // what other modules listed
    const built: string[] = [];
    const A = lazySchema(() => (built.push('A'), z.object({ n: z.number() })));
    const B = lazySchema(() => (built.push('B'), z.array(A)));
    expect(built).toEqual([]);
    const { built: count, pauses } = drain(buildSchemasInSteps());
    expect(count).toBe(2);
    expect(pauses).toBe(2);
    expect(built).toEqual(['A', 'B']);
    expect(B.parse([{ n: 1 }])).toEqual([{ n: 1 }]);
    expect(B.safeParse([{ n: 'x' }]).success).toBe(false);
    expect(built).toEqual(['A', 'B']);
    expect(drain(buildSchemasInSteps())).toEqual({ built: 0, pauses: 0 });
  });

  it('builds on first check a schema not built ahead, once', () => {
    drain(buildSchemasInSteps());
    let builds = 0;
    const C = lazySchema(() => (builds++, z.string().check(z.maxLength(3))));
    expect(C.safeParse('abcd').success).toBe(false);
    expect(C.parse('abc')).toBe('abc');
    expect(builds).toBe(1);
    drain(buildSchemasInSteps());
    expect(builds).toBe(1);
  });

  it('goes on past a schema that cannot be built, which then fails where it is used', () => {
    drain(buildSchemasInSteps());
    const broken = lazySchema((): z.ZodMiniString => {
      throw new Error('no');
    });
    const fine = lazySchema(() => z.boolean());
    expect(drain(buildSchemasInSteps())).toEqual({ built: 1, pauses: 2 });
    expect(fine.parse(true)).toBe(true);
    expect(() => broken.parse('x')).toThrow('no');
  });

  it('lists the schemas of the modules the content script reads with', async () => {
    drain(buildSchemasInSteps());
    // A module imported for the first time lists its schemas as it is evaluated.
    await import('@/lib/fees');
    const { built } = drain(buildSchemasInSteps());
    expect(built).toBeGreaterThan(0);
  });
});
