import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outputsEqual, pyLiteralEquals } from './py-equal.ts';

/** Python's `assert a == b` on two literals, decided without Python (expected values checked in CPython 3.11). */
describe('Python == on literal reprs', () => {
  const equal: [string, string][] = [
    ['1', '1.0'],
    ['True', '1'],
    ['[True, 0]', '[1, False]'],
    ['-0.0', '0'],
    ['1e2', '100'],
    ['0x10', '16'],
    ['10**0', '10**0'], // not a literal: falls back to equal text
    ["'a'", '"a"'],
    ["{'a': 1, 'b': 2}", "{'b': 2, 'a': 1}"],
    ['{1, 2, 3}', '{3, 2, 1}'],
    ['{1: 2, 1.0: 3}', '{1: 3}'],
    ['{1, 1.0, True}', '{1}'],
    ['set()', 'frozenset()'],
    ["frozenset({1, 2})", '{2, 1}'],
    ['(1+2j)', '(1.0+2j)'],
    ['2j', '(0+2j)'],
    ['12345678901234567890123', '12345678901234567890123'],
    ['[(1, 2), {3: [4]}]', '[(1, 2), {3: [4]}]'],
    ["'a' 'b'", "'ab'"],
    ['-1', '-1.0'],
    ['...', 'Ellipsis'],
  ];
  const different: [string, string][] = [
    ['(1,)', '[1]'],
    ['{}', 'set()'],
    ["'1'", '1'],
    ["b'a'", "'a'"],
    ['[1, 2]', '[2, 1]'],
    ['0.1', '0'],
    ['12345678901234567890123', '12345678901234567890124'],
    ['9007199254740993', '9007199254740992.0'],
    ['None', 'False'],
    ['{1: 2}', '{1: 3}'],
    ['{1, 2}', '{1, 2, 3}'],
    ['{[1]: 2}', '{[1]: 2}'.replace('2', '2 ')], // unhashable key: TypeError, never equal
  ];

  it.each(equal)('%s == %s', (a, b) => {
    expect(outputsEqual(a, b)).toBe(true);
    expect(outputsEqual(b, a)).toBe(true);
  });

  it.each(different)('%s != %s', (a, b) => {
    expect(outputsEqual(a, b)).toBe(false);
    expect(outputsEqual(b, a)).toBe(false);
  });

  it('says when it cannot decide: names, object reprs, calls, errors, junk', () => {
    expect(pyLiteralEquals('inf', 'inf')).toEqual({ decided: false, reason: 'unknown' });
    expect(pyLiteralEquals('<list_iterator object>', '[]')).toEqual({ decided: false, reason: 'unknown' });
    expect(pyLiteralEquals("OrderedDict([('a', 1)])", '{}')).toEqual({ decided: false, reason: 'unknown' });
    expect(pyLiteralEquals('{[1]: 2}', '{}')).toEqual({ decided: false, reason: 'error' });
    expect(pyLiteralEquals('{{1}}', '{}')).toEqual({ decided: false, reason: 'error' });
    expect(pyLiteralEquals("-'a'", '1')).toEqual({ decided: false, reason: 'error' });
    expect(pyLiteralEquals('007', '7')).toEqual({ decided: false, reason: 'error' });
    expect(pyLiteralEquals('[1, 2', '[1, 2]')).toEqual({ decided: false, reason: 'syntax' });
  });

  it('falls back to the lenient canonical form when the values are not literals', () => {
    expect(outputsEqual('<generator object>', '<generator  object>')).toBe(true);
    expect(outputsEqual("defaultdict(<class 'int'>, {'b': 1, 'a': 2})", "defaultdict(<class 'int'>, {'a': 2, 'b': 1})")).toBe(true);
    expect(outputsEqual('inf', '-inf')).toBe(false);
    expect(outputsEqual('"junk', '"junk')).toBe(true);
    expect(outputsEqual('"junk', "'junk")).toBe(false);
  });

  it('is reflexive and symmetric on any text, and never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (a, b) => {
      expect(outputsEqual(a, a)).toBe(true);
      expect(outputsEqual(a, b)).toBe(outputsEqual(b, a));
    }), { numRuns: 2000 });
  });
});
