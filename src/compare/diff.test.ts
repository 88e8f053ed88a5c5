import { describe, expect, it } from 'vitest';
import { diffTraces } from './diff.ts';
import { frame, line, call, ret, locals } from './test-frames.ts';

const REAL = [
  line('    return f([1])', []),
  call('def f(nums):', [['nums', '[1]']]),
  line('    s = {1, 2}', [['nums', '..']], { nums: '[1]' }),
  line('    return nums', [['nums', '..'], ['s', '{1, 2}']], { nums: '[1]' }),
  ret('    return nums', '[1]', 1),
  ret('    return f([1])', '[1]'),
];

function replace(index: number, changed: ReturnType<typeof frame>) {
  return REAL.map((f, i) => (i === index ? changed : f));
}

describe('diffTraces: alignment by position and the first divergence', () => {
  it('finds nothing between equal traces', () => {
    const diff = diffTraces(REAL, REAL);
    expect(diff.firstDivergence).toBeNull();
    expect(diff.statuses).toEqual(Array(6).fill('match'));
    expect(diff.counts.match).toBe(6);
  });

  it('reports a different kind, then the action too', () => {
    const diff = diffTraces(REAL, replace(4, frame('line', '    return it', { locals: [] })));
    expect(diff.firstDivergence).toEqual({
      index: 4,
      field: 'kind',
      differences: [
        { field: 'kind', real: 'return', predicted: 'line' },
        { field: 'action', real: '    return nums', predicted: '    return it' },
      ],
    });
    expect(diff.statuses).toEqual(['match', 'match', 'match', 'match', 'mismatch', 'match']);
  });

  it('compares source lines exactly in strict mode, ignoring surrounding whitespace in lenient mode', () => {
    const predicted = replace(0, line('  return f([1])  ', []));
    expect(diffTraces(REAL, predicted, 'strict').firstDivergence?.field).toBe('action');
    expect(diffTraces(REAL, predicted, 'lenient').firstDivergence).toBeNull();
  });

  it('compares line numbers when a side gives no source line', () => {
    const real = REAL.map((f, i) => ({ ...f, line: i + 10 }));
    const byLine = real.map((f) => ({ ...f, action: null }));
    expect(diffTraces(real, byLine).firstDivergence).toBeNull();
    const wrong = byLine.map((f, i) => (i === 2 ? { ...f, line: 99 } : f));
    expect(diffTraces(real, wrong).firstDivergence).toEqual({ index: 2, field: 'line', differences: [{ field: 'line', real: 12, predicted: 99 }] });
    const none = byLine.map((f, i) => (i === 2 ? { ...f, line: null } : f));
    expect(diffTraces(real, none).firstDivergence?.field).toBe('action');
  });

  it('names each differing variable with both values: changed, missing, extra, unresolved', () => {
    const predicted = replace(3, line('    return nums', [['s', '{2, 3}'], ['nums', '..'], ['t', '0']]));
    expect(diffTraces(REAL, predicted).firstDivergence).toEqual({
      index: 3,
      field: 'variables',
      differences: [{
        field: 'variables',
        variables: [
          { name: 'nums', change: 'value', real: '[1]', predicted: '..', unresolved: true },
          { name: 's', change: 'value', real: '{1, 2}', predicted: '{2, 3}', unresolved: false },
          { name: 't', change: 'extra', real: null, predicted: '0', unresolved: false },
        ],
      }],
    });
    const missing = replace(3, line('    return nums', [['nums', '[1]']]));
    expect(diffTraces(REAL, missing).firstDivergence?.differences).toEqual([{
      field: 'variables', variables: [{ name: 's', change: 'missing', real: '{1, 2}', predicted: null, unresolved: false }],
    }]);
  });

  it('ignores the order of names; compares resolved values, not the `..` spelling', () => {
    const predicted = replace(3, { ...REAL[3], locals: locals([['s', '{1, 2}'], ['nums', '[1]']]) });
    expect(diffTraces(REAL, predicted).firstDivergence).toBeNull();
  });

  it('compares set displays by order only in lenient mode', () => {
    const predicted = replace(3, line('    return nums', [['nums', '[1]'], ['s', '{2, 1}']]));
    expect(diffTraces(REAL, predicted, 'strict').firstDivergence?.field).toBe('variables');
    expect(diffTraces(REAL, predicted, 'lenient').firstDivergence).toBeNull();
  });

  it('reports a different return value', () => {
    const diff = diffTraces(REAL, replace(4, ret('    return nums', '[2]', 1)));
    expect(diff.firstDivergence).toEqual({ index: 4, field: 'value', differences: [{ field: 'value', real: '[1]', predicted: '[2]' }] });
  });

  it('reports a malformed frame first, with what else differs', () => {
    const diff = diffTraces(REAL, replace(1, { ...REAL[1], malformed: 'LOCALS lists "nums" twice' }));
    expect(diff.statuses[1]).toBe('malformed');
    expect(diff.firstDivergence).toEqual({ index: 1, field: 'malformed', differences: [{ field: 'malformed', reason: 'LOCALS lists "nums" twice' }] });
  });

  it('reports a prediction that ends early: missing frames once it has ended, nothing while it streams', () => {
    const short = REAL.slice(0, 4);
    const diff = diffTraces(REAL, short);
    expect(diff.statuses).toEqual(['match', 'match', 'match', 'match', 'missing', 'missing']);
    expect(diff.firstDivergence).toEqual({ index: 4, field: 'length', differences: [{ field: 'length', ended: 'predicted', real: 6, predicted: 4 }] });
    const streaming = diffTraces(REAL, short, 'strict', { ended: false });
    expect(streaming.statuses).toHaveLength(4);
    expect(streaming.firstDivergence).toBeNull();
  });

  it('reports a prediction that goes on after the real trace ended', () => {
    const diff = diffTraces(REAL, [...REAL, line('    x = 1', []), line('    y = 1', [])]);
    expect(diff.statuses.slice(6)).toEqual(['extra', 'extra']);
    expect(diff.counts.extra).toBe(2);
    expect(diff.firstDivergence).toEqual({ index: 6, field: 'length', differences: [{ field: 'length', ended: 'real', real: 6, predicted: 8 }] });
  });

  it('keeps the first divergence when later frames differ too', () => {
    const predicted = replace(2, line('    s = {1, 2}', [['nums', '[9]']]));
    predicted[5] = ret('    return f([1])', '[9]');
    const diff = diffTraces(REAL, predicted);
    expect(diff.firstDivergence?.index).toBe(2);
    expect(diff.counts.mismatch).toBe(2);
  });
});
