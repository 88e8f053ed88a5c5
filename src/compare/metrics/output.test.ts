import { describe, expect, it } from 'vitest';
import { frame, line, ret } from '../test-frames.ts';
import { outputCorrect, traceOutput } from './output.ts';

describe('output correctness', () => {
  it("takes main()'s return value: the last return frame at depth 0", () => {
    expect(traceOutput([line('x', []), ret('inner', '1', 1), ret('outer', "'a'", 0)])).toBe("'a'");
    expect(traceOutput([line('x', []), ret('inner', '1', 1)])).toBeNull(); // cut off inside f
    expect(traceOutput([ret('a', '1', 0), ret('b', '2', 1)])).toBe('1');
    expect(traceOutput([frame('return', 'x', { value: '5', depth: null })])).toBe('5'); // depth unknown
    expect(traceOutput([frame('exception', 'x', { value: 'ValueError()' })])).toBeNull();
  });

  it('compares with the expected repr by Python ==', () => {
    expect(outputCorrect('[1, 2]', [ret('x', '[1, 2]')])).toBe(true);
    expect(outputCorrect("{'a': 1.0, 'b': True}", [ret('x', '{"b": 1, "a": 1}')])).toBe(true);
    expect(outputCorrect('(1, 2)', [ret('x', '[1, 2]')])).toBe(false);
    expect(outputCorrect('1', [line('x', [])])).toBe(false);
    expect(outputCorrect(null, [line('x', [])])).toBe(true);
  });
});
