import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CwmParser, parseCwm, type CwmFrame } from './parse.ts';
import { cwmPrompt } from './prompt.ts';
import { callFrame, exceptionFrame, lineFrame, parseInChunks, returnFrame } from './test-helpers.ts';
import { CWM } from './tokens.ts';

const TRACE =
  lineFrame([], '    return f([45, 3])') +
  callFrame([['nums', '[45, 3]']], 'def f(nums):') +
  lineFrame([['nums', '..']], '    return nums') +
  returnFrame('    return nums', '[45, 3]') +
  returnFrame('    return f([45, 3])', '[45, 3]') +
  CWM.endOfText;

function wellFormed(frames: CwmFrame[]): boolean {
  return frames.every((frame) => frame.error === null && frame.complete);
}

describe('CWM parser: frame kinds', () => {
  it('reads a call frame: locals in order, the def line as the action', () => {
    const text = callFrame([['nums', '[1, 2]'], ['k', "'a'"]], 'def f(nums, k):');
    expect(parseCwm(text).frames).toEqual([{
      index: 0, kind: 'call', locals: [['nums', '[1, 2]'], ['k', "'a'"]], jsonValid: true,
      action: 'def f(nums, k):\n', value: null, error: null, complete: true, start: 0, end: text.length, raw: text,
    }]);
  });

  it('reads a line frame with `..` kept as written', () => {
    const [frame] = parseCwm(lineFrame([['nums', '..'], ['i', '0']], '    i += 1')).frames;
    expect(frame).toMatchObject({ kind: 'line', locals: [['nums', '..'], ['i', '0']], action: '    i += 1\n', error: null });
  });

  it('reads return and exception frames: the VALUE decoded from its JSON string', () => {
    const text = returnFrame('    return nums', "[45, 'a\"b']") + exceptionFrame('    1 / 0', "ZeroDivisionError('division by zero')");
    const frames = parseCwm(text).frames;
    expect(frames.map((f) => [f.kind, f.action, f.value, f.locals, f.jsonValid, f.error])).toEqual([
      ['return', '    return nums\n', "[45, 'a\"b']", null, true, null],
      ['exception', '    1 / 0\n', "ZeroDivisionError('division by zero')", null, true, null],
    ]);
  });

  it('ends the trace at <|end_of_text|> and ignores what follows', () => {
    const result = parseCwm(TRACE + '\nmore prose' + lineFrame([], 'x = 1'));
    expect(result.ended).toBe(true);
    expect(result.frames.map((f) => f.kind)).toEqual(['line', 'call', 'line', 'return', 'return']);
    expect(wellFormed(result.frames)).toBe(true);
  });

  it('keeps the written order of names, integer-like ones included, and decodes \\u escapes', () => {
    const text = CWM.lineSep + '{"b": "1", "2": "x", ".0": "<iterator>", "a": "\'\\u00e9\\ud83d\\ude00\'"}' + CWM.actionSep + 'y\n' + CWM.frameSep;
    expect(parseCwm(text).frames[0].locals).toEqual([['b', '1'], ['2', 'x'], ['.0', '<iterator>'], ['a', "'é😀'"]]);
  });

  it('records indices and offset ranges; raw is exactly the input slice', () => {
    const text = 'Here is the trace:\n' + TRACE;
    const frames = parseCwm(text).frames;
    expect(frames.map((f) => f.index)).toEqual([0, 1, 2, 3, 4]);
    expect(frames[0].start).toBe('Here is the trace:\n'.length);
    for (const frame of frames) expect(text.slice(frame.start, frame.end)).toBe(frame.raw);
    for (let i = 1; i < frames.length; i++) expect(frames[i].start).toBe(frames[i - 1].end);
  });
});

describe('CWM parser: incremental', () => {
  it('returns each frame from the push that completes it', () => {
    const parser = new CwmParser();
    const frame = lineFrame([['x', '1']], 'y = x');
    expect(parser.push(frame.slice(0, 20))).toEqual([]);
    expect(parser.pendingText).toBe(frame.slice(0, 20));
    const done = parser.push(frame.slice(20) + CWM.lineSep);
    expect(done.map((f) => f.locals)).toEqual([[['x', '1']]]);
    expect(parser.frameCount).toBe(1);
    expect(parser.end()).toMatchObject([{ kind: 'line', complete: false }]);
  });

  it('recognises special tokens split across chunks', () => {
    const parser = new CwmParser();
    const frames = [
      ...parser.push(CWM.lineSep + '{}' + '<|act'), ...parser.push('ion_sep|>x = 1\n<|frame_'),
      ...parser.push('sep|><'), ...parser.push('|end_of_text'), ...parser.push('|>'), ...parser.end(),
    ];
    expect(frames).toMatchObject([{ kind: 'line', locals: [], action: 'x = 1\n', error: null, complete: true }]);
    expect(parser.ended).toBe(true);
  });

  it('gives the same frames for any chunking of a text (one character per chunk included)', () => {
    const text = 'prose <b>bold</b> <|not_a_token|>\n```\n' + TRACE + '\n```\n';
    const whole = parseCwm(text);
    expect(parseInChunks(text, [...text].map((_, i) => i))).toEqual(whole);
    fc.assert(fc.property(fc.array(fc.nat({ max: text.length })), (cuts) => {
      expect(parseInChunks(text, cuts)).toEqual(whole);
    }));
  });

  it('never throws and is chunking-invariant on arbitrary token soup', () => {
    const parts = [
      ...Object.values(CWM), '<think>', '</think>', '{', '}', '"', '\\', ':', ', ', '"x"', '"1"', '".."', 'def f():',
      '\n', ' ', '<', '|', '<|', 'sep|>', '_sep', '```', 'é',
    ];
    const soup = fc.array(fc.constantFrom(...parts), { maxLength: 60 }).map((list) => list.join(''));
    fc.assert(fc.property(soup, fc.array(fc.nat({ max: 400 })), (text, cuts) => {
      const whole = parseCwm(text);
      expect(parseInChunks(text, cuts)).toEqual(whole);
      let previousEnd = 0;
      for (const [i, frame] of whole.frames.entries()) {
        expect(frame.index).toBe(i);
        expect(frame.start).toBeGreaterThanOrEqual(previousEnd);
        expect(text.slice(frame.start, frame.end)).toBe(frame.raw);
        previousEnd = frame.end;
      }
    }), { numRuns: 2000 });
  });
});

describe('CWM parser: tolerance', () => {
  it('skips prose, a <think> block (even one holding tokens) and code fences around the trace', () => {
    const text = '<think>The first frame is ' + lineFrame([], 'wrong') + ' — no.</think>\nSure! Here it is:\n```text\n' + TRACE + '\n```\nDone.';
    const result = parseCwm(text);
    expect(result.frames).toHaveLength(5);
    expect(result.frames[0].action).toBe('    return f([45, 3])\n');
    expect(wellFormed(result.frames)).toBe(true);
  });

  it('skips a closing fence after the last frame when there is no <|end_of_text|>', () => {
    const result = parseCwm('```\n' + lineFrame([], 'x = 1') + '\n```\n');
    expect(result.frames).toHaveLength(1);
    expect(result.frames[0].complete).toBe(true);
    expect(result.ended).toBe(false);
  });

  it('skips a prompt prefix: the source context is not a frame, the seeded call frame is', () => {
    const text = cwmPrompt('def f(nums):\n    return nums  # <|line_sep|> in a comment', 'f([45, 3])') + TRACE;
    const frames = parseCwm(text).frames;
    expect(frames.map((f) => f.kind)).toEqual(['call', 'line', 'call', 'line', 'return', 'return']);
    expect(frames[0]).toMatchObject({ index: 0, locals: [], action: 'def main():\n', error: null });
  });

  it('skips whitespace between frames; a frame starts at its kind token', () => {
    const text = lineFrame([], 'a = 1') + '\n\n  ' + lineFrame([['a', '1']], 'b = 2');
    const frames = parseCwm(text).frames;
    expect(frames[1].start).toBe(text.lastIndexOf(CWM.lineSep));
    expect(wellFormed(frames)).toBe(true);
  });

  const malformed: [string, string, Partial<CwmFrame>, RegExp][] = [
    ['invalid JSON locals', CWM.lineSep + '{"x": 1' + CWM.actionSep + 'y\n', { kind: 'line', locals: null, jsonValid: false, action: 'y\n' }, /LOCALS is not valid JSON/],
    ['a bad escape in a locals string', CWM.lineSep + '{"x": "\'\\q\'"}' + CWM.actionSep + 'y\n', { jsonValid: false, locals: null }, /bad string in the value of "x"/],
    ['a locals value that is not a string', CWM.lineSep + '{"x": 1}' + CWM.actionSep + 'y\n', { jsonValid: true, locals: null }, /value of "x" in LOCALS is a number/],
    ['locals that are not an object', CWM.callSep + '["x"]' + CWM.actionSep + 'def f(x):\n', { kind: 'call', jsonValid: true, locals: null }, /LOCALS is an array/],
    ['a name listed twice', CWM.lineSep + '{"x": "1", "x": "2"}' + CWM.actionSep + 'y\n', { locals: [['x', '1'], ['x', '2']] }, /"x" twice/],
    ['missing locals', CWM.lineSep + CWM.actionSep + 'y\n', { kind: 'line', action: 'y\n' }, /missing LOCALS/],
    ['a missing action separator', CWM.lineSep + '{}y = 1\n', { kind: 'line', action: null }, /not valid JSON.*missing <\|action_sep\|>/],
    ['an unknown kind token', '<|jump_sep|>{}' + CWM.actionSep + 'y\n', { kind: null }, /missing frame kind token: the frame starts with "<\|jump_sep/],
    ['no kind token', '{}' + CWM.actionSep + 'y\n', { kind: null }, /missing frame kind token/],
    ['text before the kind token', 'Next: ' + CWM.lineSep + '{}' + CWM.actionSep + 'y\n', { kind: 'line', locals: [] }, /unexpected text "Next: " before <\|line_sep\|>/],
    ['a VALUE that is not a JSON string', CWM.returnSep + CWM.actionSep + '    return x\n' + CWM.argSep + '42', { kind: 'return', value: null, jsonValid: true }, /VALUE is a number/],
    ['an unterminated VALUE', CWM.returnSep + CWM.actionSep + '    return x\n' + CWM.argSep + '"\'!?\'', { value: null, jsonValid: false }, /VALUE is not a valid JSON string/],
    ['a return frame without VALUE', CWM.returnSep + CWM.actionSep + '    return x\n', { action: '    return x\n', value: null }, /missing <\|arg_sep\|>/],
    ['locals in a return frame', CWM.returnSep + '{}' + CWM.actionSep + '    return x\n' + CWM.argSep + '"1"', { value: '1' }, /return frames carry no LOCALS/],
    ['the wrong separator', CWM.exceptionSep + CWM.argSep + '"1"', { kind: 'exception', action: null }, /expected <\|action_sep\|> but found <\|arg_sep\|>/],
    ['a stray token after the action', CWM.lineSep + '{}' + CWM.actionSep + '    while x:' + CWM.lineSep, { action: '    while x:' }, /does not end with a newline.*unexpected <\|line_sep\|> after the source line/],
    ['an action spanning lines', CWM.lineSep + '{}' + CWM.actionSep + 'a = 1\nb = 2\n', { action: 'a = 1\nb = 2\n' }, /spans several lines/],
    ['an empty frame', '', { kind: null }, /empty frame/],
  ];

  it.each(malformed)('reports %s as a malformed frame in place; later frames still parse', (_, body, fields, error) => {
    const before = lineFrame([['a', '1']], 'b = a');
    const after = returnFrame('    return b', '1');
    const text = before + body + CWM.frameSep + after + CWM.endOfText;
    const { frames, ended } = parseCwm(text);
    expect(frames).toHaveLength(3);
    expect(frames[1]).toMatchObject({ index: 1, complete: true, raw: body + CWM.frameSep, start: before.length, ...fields });
    expect(frames[1].error).toMatch(error);
    expect([frames[0].error, frames[2].error]).toEqual([null, null]);
    expect(frames[2]).toMatchObject({ index: 2, kind: 'return', value: '1' });
    expect(ended).toBe(true);
  });

  it('flags a last frame without <|frame_sep|> as incomplete, well-formed if its content is (a one-frame stop)', () => {
    const frames = parseCwm(lineFrame([], 'a = 1') + CWM.lineSep + '{"a": "1"}' + CWM.actionSep + 'b = a\n').frames;
    expect(frames[1]).toMatchObject({ kind: 'line', locals: [['a', '1']], action: 'b = a\n', complete: false, error: null });
  });

  it('reports a frame truncated mid-locals, and one cut inside a special token', () => {
    const truncated = parseCwm(lineFrame([], 'a = 1') + CWM.lineSep + '{"a": "[0, 0, 0,').frames;
    expect(truncated[1]).toMatchObject({ index: 1, kind: 'line', complete: false, locals: null });
    expect(truncated[1].error).toMatch(/not valid JSON.*missing <\|action_sep\|>/);

    const text = lineFrame([], 'a = 1') + CWM.lineSep + '{}' + CWM.actionSep + 'b = 2\n<|frame_';
    const cutSep = parseCwm(text).frames;
    expect(cutSep[1]).toMatchObject({ action: 'b = 2\n', complete: false, error: null, end: text.length });
    expect(cutSep[1].raw).toBe(text.slice(cutSep[1].start));

    const cutKind = parseCwm(lineFrame([], 'a = 1') + '<|line_').frames;
    expect(cutKind[1]).toMatchObject({ kind: null, complete: false, raw: '<|line_' });
    expect(cutKind[1].error).toMatch(/cut off inside a special token/);
  });

  it('ends a frame that <|end_of_text|> closes without <|frame_sep|>', () => {
    const text = returnFrame('    return 1', '1').replace(CWM.frameSep, '') + CWM.endOfText;
    const result = parseCwm(text);
    expect(result.frames).toMatchObject([{ kind: 'return', value: '1', complete: false, error: null, end: text.length - CWM.endOfText.length }]);
    expect(result.ended).toBe(true);
  });

  it('parses nothing from text with no frame, and does not mind empty chunks', () => {
    expect(parseCwm('I cannot trace this program.')).toEqual({ frames: [], ended: false });
    expect(parseCwm('')).toEqual({ frames: [], ended: false });
    expect(parseInChunks(TRACE, [0, 0, 5, 5, TRACE.length])).toEqual(parseCwm(TRACE));
  });

  it('refuses push() after end()', () => {
    const parser = new CwmParser();
    parser.end();
    expect(() => parser.push('x')).toThrow(/after end/);
    expect(parser.end()).toEqual([]);
  });
});
