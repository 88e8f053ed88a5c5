import { describe, expect, it } from 'vitest';
import { line, ret } from '../test-frames.ts';
import { scoreItem } from './item.ts';
import { divergenceBucket, summarizeMetrics, MetricsAccumulator } from './summary.ts';

describe('per-item scores and their macro averages', () => {
  const real = [line('    return f()', []), ret('    return f()', '1')];

  it('score one item: Table 9, output, first divergence, resolved variant', () => {
    expect(scoreItem(real, real)).toEqual({
      output_correct: true, valid_trace_format: 1, state_exact_match: 1, action_exact_match: 1, valid_json_format: 1,
      key_match: 1, key_value_match: 1, predicted_output: '1', first_divergence: null, first_divergence_field: null, divergence: null,
      resolved: { valid_trace_format: 1, state_exact_match: 1, action_exact_match: 1, valid_json_format: 1, key_match: 1, key_value_match: 1 },
    });
    const wrong = scoreItem(real, [real[0], ret('    return f()', '2')], { expected: '1' });
    expect([wrong.output_correct, wrong.first_divergence, wrong.first_divergence_field]).toEqual([false, 1, 'value']);
  });

  it('average each component over the items where it is defined, in percent', () => {
    const a = scoreItem(real, real);
    const b = scoreItem([ret('x', '1')], [ret('y', '2')], { expected: '1' });
    const summary = summarizeMetrics([a, b]);
    expect(summary).toMatchObject({ n: 2, output_correct: 50, valid_trace_format: 100, action_exact_match: 50, state_exact_match: 100 });
    expect(summary.first_divergence_histogram).toEqual({ none: 1, 0: 1 });
    const accumulator = new MetricsAccumulator();
    accumulator.add(a);
    accumulator.add(b);
    expect(accumulator.summary()).toEqual(summary);
    expect(accumulator.resolvedSummary().state_exact_match).toBe(100);
    expect(summarizeMetrics([])).toMatchObject({ n: 0, output_correct: 0, key_match: 0 });
  });

  it('bucket first-divergence positions by powers of two', () => {
    expect([null, 0, 1, 2, 3, 4, 7, 8, 100].map(divergenceBucket)).toEqual(['none', '0', '1', '2-3', '2-3', '4-7', '4-7', '8-15', '64-127']);
  });
});
