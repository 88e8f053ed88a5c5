import { describe, expect, it } from 'vitest';
import { frame, line, call, ret, locals } from '../test-frames.ts';
import { reproductionSource, table9Metrics, traceWellFormed } from './table9.ts';

const REAL = [
  line('    return f(1)', []),
  call('def f(a):', [['a', '1']]),
  line('    b = 2', [['a', '..']], { a: '1' }),
  line('    return a + b', [['a', '..'], ['b', '2']], { a: '1' }),
  ret('    return a + b', '3', 1),
  ret('    return f(1)', '3'),
];

describe('Table 9 components for one trace (the reproduction’s semantics)', () => {
  it('are all 1 for a perfect prediction', () => {
    expect(table9Metrics(REAL, REAL)).toEqual({
      valid_trace_format: 1, state_exact_match: 1, action_exact_match: 1, valid_json_format: 1, key_match: 1, key_value_match: 1,
    });
  });

  it('count frames the prediction lacks as misses: actions over all real frames, states over call/line frames', () => {
    const m = table9Metrics(REAL, REAL.slice(0, 2));
    expect(m.action_exact_match).toBe(2 / 6);
    expect([m.state_exact_match, m.valid_json_format, m.key_match, m.key_value_match]).toEqual([2 / 4, 2 / 4, 2 / 4, 2 / 4]);
    expect(m.valid_trace_format).toBe(1);
  });

  it('need a call/line frame with readable locals at a real call/line position, whatever its kind', () => {
    const predicted = [...REAL];
    predicted[2] = ret('    b = 2', '1');
    predicted[3] = frame('call', '    return a + b', { locals: locals([['a', '..'], ['b', '2']], { a: '1' }) });
    const m = table9Metrics(REAL, predicted);
    expect(m.valid_json_format).toBe(3 / 4);
    expect(m.state_exact_match).toBe(3 / 4);
    expect(m.action_exact_match).toBe(1);
  });

  it('score names and (name, value) pairs by Jaccard index', () => {
    const real = [line('x', [['a', '1'], ['b', '2']])];
    expect(table9Metrics(real, [line('x', [['a', '1'], ['c', '3']])])).toMatchObject({ state_exact_match: 0, key_match: 1 / 3, key_value_match: 1 / 3 });
    expect(table9Metrics(real, [line('x', [['b', '2'], ['a', '9']])])).toMatchObject({ key_match: 1, key_value_match: 1 / 3 });
    expect(table9Metrics([line('x', [])], [line('x', [])])).toMatchObject({ state_exact_match: 1, key_match: 1, key_value_match: 1 });
  });

  it('read repeated names as a Python dict does: the last value wins', () => {
    const real = [line('x', [['a', '2']])];
    expect(table9Metrics(real, [line('x', [['a', '1'], ['a', '2']])]).state_exact_match).toBe(1);
  });

  it('compare the `..`-compressed locals; the resolved view expands `..` on both sides', () => {
    const full = REAL.map((f, i) => (i === 2 ? line('    b = 2', [['a', '1']]) : f));
    expect(table9Metrics(REAL, full).state_exact_match).toBe(3 / 4);
    expect(table9Metrics(REAL, full, { locals: 'resolved' }).state_exact_match).toBe(1);
    // A wrong value carried on with `..`: one miss when written, two when resolved.
    const wrong = REAL.map((f, i) => (i === 1 ? call('def f(a):', [['a', '7']]) : i === 2 ? line('    b = 2', [['a', '..']], { a: '7' }) : f));
    expect(table9Metrics(REAL, wrong).state_exact_match).toBe(3 / 4);
    expect(table9Metrics(REAL, wrong, { locals: 'resolved' }).state_exact_match).toBe(2 / 4);
  });

  it('match source lines after the reproduction’s normalize_source, quirk included', () => {
    expect(reproductionSource('def main():  # << START_OF_TRACE\n')).toBe('def main():');
    expect(reproductionSource('    x = A\n')).toBe('    x =');
    expect(table9Metrics([line('    x = A', [])], [line('    x = C', [])]).action_exact_match).toBe(1);
    expect(table9Metrics([line('    x = 1', [])], [frame(null, null, { wellFormed: false, malformed: 'x' })]).action_exact_match).toBe(0);
  });

  it('are null where the real trace has no such frames; the format check needs frames, all well-formed', () => {
    expect(table9Metrics([], [])).toEqual({
      valid_trace_format: 0, state_exact_match: null, action_exact_match: null, valid_json_format: null, key_match: null, key_value_match: null,
    });
    expect(table9Metrics([ret('x', '1')], [ret('x', '1')]).state_exact_match).toBeNull();
    expect(traceWellFormed([...REAL, frame('line', 'x', { wellFormed: false })])).toBe(false);
    expect(traceWellFormed(REAL)).toBe(true);
    expect(table9Metrics(REAL, REAL, { wellFormed: false }).valid_trace_format).toBe(0);
  });
});
