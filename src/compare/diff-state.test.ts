import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiffState } from './diff-state.ts';
import { diffTraces } from './diff.ts';
import { frameDifferences, frameStatus } from './frame-compare.ts';
import type { TraceFrame } from './frame.ts';
import { frame, locals } from './test-frames.ts';

/** Random small traces over a tiny vocabulary, so that random pairs often agree in places. */
const traceFrame: fc.Arbitrary<TraceFrame> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('call' as const, 'line' as const),
    action: fc.constantFrom('a', 'b', ' a'),
    vars: fc.array(fc.tuple(fc.constantFrom('x', 'y', 'z'), fc.constantFrom('1', '{1, 2}', '{2, 1}', '..')), { maxLength: 3 }),
    malformed: fc.constantFrom(null, null, null, 'bad'),
  }).map(({ kind, action, vars, malformed }) => frame(kind, action, { locals: locals(vars, { x: '1' }), malformed })),
  fc.record({ action: fc.constantFrom('a', 'b'), value: fc.constantFrom('1', '2', "'s'", '"s"') })
    .map(({ action, value }) => frame('return', action, { value })),
);

const traces = fc.array(traceFrame, { maxLength: 12 });

describe('DiffState (incremental) agrees with diffTraces (whole)', () => {
  it('on every prefix while streaming, and at the end, in both modes', () => {
    fc.assert(fc.property(traces, traces, fc.constantFrom('strict' as const, 'lenient' as const), (real, predicted, mode) => {
      const state = new DiffState(real, mode);
      for (let i = 0; i < predicted.length; i++) {
        state.push(predicted[i]);
        expect(state.result()).toEqual(diffTraces(real, predicted.slice(0, i + 1), mode, { ended: false }));
      }
      state.end();
      const whole = diffTraces(real, predicted, mode);
      expect(state.result()).toEqual(whole);
      for (let i = 0; i < whole.statuses.length; i++) {
        expect(state.statusAt(i)).toBe(whole.statuses[i]);
        expect(state.differencesAt(i).length === 0).toBe(whole.statuses[i] === 'match');
      }
      if (whole.firstDivergence) expect(state.differencesAt(whole.firstDivergence.index)).toEqual(whole.firstDivergence.differences);
    }), { numRuns: 500 });
  });

  it('when a prediction is mostly the real trace with a few changes', () => {
    fc.assert(fc.property(traces, fc.array(fc.tuple(fc.nat(11), traceFrame), { maxLength: 2 }), fc.integer({ min: -2, max: 2 }), (real, changes, cut) => {
      const predicted = [...real];
      for (const [at, changed] of changes) if (at < predicted.length) predicted[at] = changed;
      if (cut < 0) predicted.length = Math.max(0, predicted.length + cut);
      else for (let i = 0; i < cut; i++) predicted.push(real[i] ?? frame('line', 'a', { locals: [] }));
      const state = new DiffState(real);
      state.pushAll(predicted);
      state.end();
      expect(state.result()).toEqual(diffTraces(real, predicted));
    }));
  });

  it('frameStatus says match exactly when frameDifferences finds nothing', () => {
    fc.assert(fc.property(traceFrame, traceFrame, fc.constantFrom('strict' as const, 'lenient' as const), (real, predicted, mode) => {
      expect(frameStatus(real, predicted, mode) === 'match').toBe(frameDifferences(real, predicted, mode).length === 0);
    }), { numRuns: 2000 });
  });

  it('refuses frames after end(); end() is idempotent', () => {
    const state = new DiffState([frame('line', 'a', { locals: [] })]);
    state.end();
    state.end();
    expect(state.statuses()).toEqual(['missing']);
    expect(() => state.push(frame('line', 'a', { locals: [] }))).toThrow();
  });

  it('grows past its initial capacity', () => {
    const real = Array.from({ length: 1000 }, () => frame('line', 'a', { locals: [] }));
    const state = new DiffState(real);
    state.pushAll(real.slice(0, 700));
    expect(state.counts.match).toBe(700);
    state.end();
    expect(state.statusAt(999)).toBe('missing');
    expect(state.firstDivergence).toEqual({ index: 700, field: 'length', differences: [{ field: 'length', ended: 'predicted', real: 1000, predicted: 700 }] });
  });
});
