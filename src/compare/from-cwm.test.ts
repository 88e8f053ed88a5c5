import { describe, expect, it } from 'vitest';
import { SEEDED_MAIN_CALL } from '../trace/cwm/prompt.ts';
import { callFrame, lineFrame, returnFrame } from '../trace/cwm/test-helpers.ts';
import { CWM } from '../trace/cwm/tokens.ts';
import { CwmTraceReader, readCwmTrace } from './from-cwm.ts';

const TRACE =
  lineFrame([], '    return f([1])') +
  callFrame([['nums', '[1]']], 'def f(nums):') +
  lineFrame([['nums', '..']], '    nums.append(2)') +
  lineFrame([['nums', '[1, 2]']], '    return nums') +
  returnFrame('    return nums', '[1, 2]') +
  returnFrame('    return f([1])', '[1, 2]') +
  CWM.endOfText;

describe('CWM frames as TraceFrames', () => {
  it('resolves `..`, keeps the compressed form, drops the newline of the action, and tracks depth', () => {
    const { frames, ended } = readCwmTrace(TRACE, SEEDED_MAIN_CALL);
    expect(ended).toBe(true);
    expect(frames.map((f) => [f.kind, f.action, f.depth, f.wellFormed, f.malformed])).toEqual([
      ['line', '    return f([1])', 0, true, null],
      ['call', 'def f(nums):', 1, true, null],
      ['line', '    nums.append(2)', 1, true, null],
      ['line', '    return nums', 1, true, null],
      ['return', '    return nums', 1, true, null],
      ['return', '    return f([1])', 0, true, null],
    ]);
    expect(frames[2].locals).toEqual([{ name: 'nums', value: '[1]', elided: true, acrossCall: false }]);
    expect(frames[4].value).toBe('[1, 2]');
    expect(frames.every((f) => f.line === null)).toBe(true);
  });

  it('gives the same frames however the text is chunked', () => {
    const whole = readCwmTrace(TRACE, SEEDED_MAIN_CALL).frames;
    for (const size of [1, 3, 7, 50]) {
      const reader = new CwmTraceReader(SEEDED_MAIN_CALL);
      const frames = [];
      for (let at = 0; at < TRACE.length; at += size) frames.push(...reader.push(TRACE.slice(at, at + size)));
      frames.push(...reader.end());
      expect(frames).toEqual(whole);
    }
  });

  it('marks malformed frames: structure (wellFormed) apart from content', () => {
    const text =
      CWM.lineSep + '{"x": 1}' + CWM.actionSep + '    y = 2\n' + CWM.frameSep + // content: a non-string value
      CWM.returnSep + CWM.actionSep + '    return y\n' + CWM.frameSep + // structure: no <|arg_sep|>
      'garbage' + CWM.frameSep + // no kind token
      CWM.lineSep + '{}' + CWM.actionSep + '    z = 3\n'; // cut off
    const frames = readCwmTrace(text).frames;
    expect(frames.map((f) => [f.kind, f.wellFormed, f.malformed !== null])).toEqual([
      ['line', true, true],
      ['return', false, true],
      [null, false, true],
      ['line', false, true],
    ]);
    expect(frames[0].locals).toBeNull();
    expect(frames[3].malformed).toMatch(/cut off/);
  });
});
