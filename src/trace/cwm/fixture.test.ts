import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineClient } from '../../engine/client.ts';
import { createNodeEngine } from '../../engine/node/engine.ts';
import { isFullyRight, loadCwmFixture, type FixtureItem } from '../../testing/cwm-fixture.ts';
import { emitCwm } from './emit.ts';
import { SEEDED_MAIN_CALL } from './prompt.ts';

/**
 * Acceptance for the CWM emitter and the tracer together: on Python 3.11 the engine's CWM text
 * equals CWM's own generation byte for byte wherever the model was fully right.
 */
describe('CWM text of the engine vs. real CWM generations (CRUXEval fixture)', () => {
  let engine: EngineClient;
  const items = loadCwmFixture();
  const emitted = new Map<string, string>();

  beforeAll(async () => {
    engine = createNodeEngine('3.11');
    await engine.boot();
    for (const item of items) {
      const { store, outcome } = await engine.run({ code: item.code, call: `f(${item.input})` });
      const text = emitCwm(store, { complete: outcome.reason === 'completed' });
      emitted.set(item.id, text);
    }
  });

  afterAll(() => engine?.dispose());

  it('holds 800 items, 622 of them fully right', () => {
    expect(items).toHaveLength(800);
    expect(items.filter(isFullyRight)).toHaveLength(622);
  });

  it('starts every trace with the seeded main() call frame', () => {
    for (const item of items) expect(emitted.get(item.id)!.startsWith(SEEDED_MAIN_CALL)).toBe(true);
  });

  it('matches every fully-right generation byte for byte', () => {
    const mismatches = items
      .filter(isFullyRight)
      .filter((item: FixtureItem) => emitted.get(item.id)!.slice(SEEDED_MAIN_CALL.length) !== item.generation)
      .map((item) => item.id);
    expect(mismatches).toEqual([]);
  });

  it('reports how many of the other items match too', () => {
    const others = items.filter((item) => !isFullyRight(item));
    const matching = others.filter((item) => emitted.get(item.id)!.slice(SEEDED_MAIN_CALL.length) === item.generation);
    console.log(`CWM fixture: ${matching.length} of the ${others.length} other items also match byte for byte`);
    expect(matching.length).toBeGreaterThanOrEqual(42);
  });
});
