/**
 * Schemas built on first use, not when their module is imported (docs/performance.md, third
 * pass): a module's top-level schema is `lazySchema(() => …)`, a zod `z.lazy` that is also listed
 * here, so that whoever runs on a page's main thread can build the listed schemas ahead, a few
 * per step, between the page's own tasks (`buildSchemasInSteps`), instead of in the first check
 * that needs them. Building is idempotent: zod keeps each lazy schema's inner schema once built.
 */
import * as z from 'zod/mini';

/** The schemas not yet built ahead (each module's, as it is imported). */
const unbuilt: Array<{ readonly _zod: { readonly innerType: unknown } }> = [];

/**
 * `z.lazy`, listed to be built ahead. Marked free of side effects for the bundler, so that a
 * schema nobody uses is still left out of a bundle (listing it is the only effect).
 */
export const lazySchema: typeof z.lazy = /*#__NO_SIDE_EFFECTS__*/ (getter) => {
  const schema = z.lazy(getter);
  unbuilt.push(schema);
  return schema;
};

/** Builds the listed schemas one per step (the earliest listed first); returns how many it built. */
export function* buildSchemasInSteps(): Generator<void, number> {
  let built = 0;
  while (unbuilt.length > 0) {
    const schema = unbuilt.shift()!;
    try {
      // zod's lazy schema builds its inner schema on this first read, and keeps it.
      void schema._zod.innerType;
      built++;
    } catch {
      // A schema that cannot be built fails where it is used, as it would without this.
    }
    yield;
  }
  return built;
}
