import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineClient } from '../../engine/client.ts';
import { createNodeEngine } from '../../engine/node/engine.ts';
import { loadCwmFixture } from '../../testing/cwm-fixture.ts';
import type { TraceStore } from '../store.ts';
import type { Outcome } from '../types.ts';
import { emitCwm } from './emit.ts';
import { parseCwm } from './parse.ts';
import { resolveCwmDots } from './resolve.ts';

/** Parsing the engine's own CWM text gives back its steps: kinds, source lines, values after `..`. */

const PROGRAMS: [name: string, code: string, call: string][] = [
  ['recursion', 'def f(n):\n    if n <= 1:\n        return 1\n    r = n * f(n - 1)\n    return r\n', 'f(4)'],
  ['comprehension and aliasing', 'def f(n):\n    xs = [i * i for i in range(n)]\n    ys = xs\n    ys.append(0)\n    return xs\n', 'f(3)'],
  ['caught exception', 'def g(x):\n    return 10 // x\n\ndef f(n):\n    try:\n        r = g(n)\n    except ZeroDivisionError as e:\n        r = -1\n    return r\n', 'f(0)'],
  ['generator', 'def gen(n):\n    for i in range(n):\n        yield i\n\ndef f(n):\n    total = 0\n    for v in gen(n):\n        total += v\n    return total\n', 'f(3)'],
  ['uncaught exception', 'def f(n):\n    xs = [1]\n    return xs[n]\n', 'f(3)'],
  ['non-ASCII and quotes', 'def f(s):\n    t = s + "é😀\\n\\"\'"\n    return {t: [s]}\n', "f('x')"],
];

interface Run {
  store: TraceStore;
  outcome: Outcome;
}

/** Checks the round trip; returns how many `..` the emitted text held. */
function expectRoundTrip({ store, outcome }: Run): number {
  const { frames, ended } = parseCwm(emitCwm(store, { complete: outcome.reason === 'completed' }));
  const resolution = resolveCwmDots(frames);
  expect(ended).toBe(outcome.reason === 'completed');
  expect(frames).toHaveLength(store.stepCount);
  expect([resolution.unresolved, resolution.acrossCall]).toEqual([0, 0]);
  for (const frame of frames) {
    const step = frame.index;
    const kind = store.kind(step);
    expect(frame).toMatchObject({ kind, action: store.sourceLine(step) + '\n', error: null, complete: true });
    if (kind === 'return') expect(frame.value).toBe(store.value(step)?.text ?? 'None');
    else if (kind === 'exception') expect(frame.value).toBe(store.value(step)?.repr);
    else {
      const locals = resolution.frames[step].locals!.map((local) => [local.name, local.value]);
      expect(locals).toEqual(store.variables(store.frameId(step), step).map((v) => [v.name, v.value]));
    }
  }
  return resolution.frames.flatMap((frame) => frame.locals ?? []).filter((local) => local.elided).length;
}

describe('CWM round trip: parse(emitCwm(store)) of real traced runs', () => {
  let engine: EngineClient;
  const runs = new Map<string, Run>();
  const fixture = loadCwmFixture().slice(0, 60);

  beforeAll(async () => {
    engine = createNodeEngine('3.11');
    await engine.boot();
    for (const [name, code, call] of PROGRAMS) runs.set(name, await engine.run({ code, call }));
    for (const item of fixture) runs.set(item.id, await engine.run({ code: item.code, call: `f(${item.input})` }));
  });

  afterAll(() => engine?.dispose());

  it.each(PROGRAMS.map(([name]) => name))('gives back the steps of: %s', (name) => {
    const run = runs.get(name)!;
    expect(run.store.stepCount).toBeGreaterThan(5);
    expect(expectRoundTrip(run)).toBeGreaterThan(0);
  });

  it('covers exception frames and a run that did not complete', () => {
    expect(runs.get('uncaught exception')!.outcome.reason).toBe('uncaught exception');
    const kinds = (name: string) => Array.from({ length: runs.get(name)!.store.stepCount }, (_, i) => runs.get(name)!.store.kind(i));
    expect(kinds('caught exception')).toContain('exception');
    expect(kinds('uncaught exception')).toContain('exception');
  });

  it('gives back the steps of the first 60 fixture programs', () => {
    const elided = fixture.reduce((sum, item) => sum + expectRoundTrip(runs.get(item.id)!), 0);
    expect(elided).toBeGreaterThan(500);
  });
});
