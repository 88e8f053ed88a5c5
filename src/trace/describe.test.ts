import { describe, expect, it } from 'vitest';
import { describeEnd } from './describe.ts';

describe('why a run ended, in words', () => {
  it('says nothing for a normal end and explains every early end', () => {
    expect(describeEnd({ reason: 'completed', steps: 10 })).toBeNull();
    expect(describeEnd({ reason: 'exited', steps: 3, exitCode: 2 })).toBe('The program exited with code 2.');
    expect(describeEnd({ reason: 'uncaught exception', steps: 5, type: 'ValueError', message: 'bad', line: 4 })).toBe('Uncaught ValueError: bad (line 4).');
    expect(describeEnd({ reason: 'syntax error', steps: 0, type: 'SyntaxError', message: 'invalid syntax', line: 2, column: 7, where: 'call' }))
      .toBe('SyntaxError in the call expression at line 2, column 7: invalid syntax');
    for (const reason of ['step limit', 'output limit', 'time limit', 'stopped'] as const) {
      expect(describeEnd({ reason, steps: 100 })).toContain('the steps so far are kept');
    }
  });

  it('explains a browser stack overflow apart from other runtime failures', () => {
    expect(describeEnd({ reason: 'crashed', steps: 9, message: 'Maximum call stack size exceeded' })).toContain('deeper than the browser');
    expect(describeEnd({ reason: 'crashed', steps: 9, message: 'out of memory' })).toContain('The Python runtime failed (out of memory)');
  });
});
