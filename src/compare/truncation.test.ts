import { describe, expect, it } from 'vitest';
import { matchesTruncated } from './truncation.ts';
import { valuesEqual } from './values.ts';

describe('real values cut by the engine’s repr limits', () => {
  it('match a prediction that fills each … with at least one character', () => {
    expect(matchesTruncated('[0, 0, …]', '[0, 0, 0, 0]')).toBe(true);
    expect(matchesTruncated("'abc…'", "'abcdef'")).toBe(true);
    expect(matchesTruncated('xyz…', 'xyz123')).toBe(true);
    expect(matchesTruncated('[[1, …], [2, …]]', '[[1, 1, 1], [2, 2]]')).toBe(true);
    expect(matchesTruncated('[[1, …], [2, …]]', '[[1, 1], [3, 3]]')).toBe(false);
    expect(matchesTruncated('[0, 0, …]', '[0, 0, ]')).toBe(false);
    expect(matchesTruncated('[0, 0, …]', '[0, 1, 0]')).toBe(false);
    expect(matchesTruncated('ab…ba', 'aba')).toBe(false);
    expect(matchesTruncated('ab…ba', 'abxba')).toBe(true);
    expect(matchesTruncated('[0, 0]', '[0, 0]')).toBe(false); // no mark: not a pattern
  });

  it('count as equal in both modes', () => {
    for (const mode of ['strict', 'lenient'] as const) {
      expect(valuesEqual('[1, 2, …]', '[1, 2, 3, 4]', mode)).toBe(true);
      expect(valuesEqual('[1, 2, …]', '[1, 3, 3, 4]', mode)).toBe(false);
      expect(valuesEqual(null, null, mode)).toBe(false);
    }
  });
});
