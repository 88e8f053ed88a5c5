import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineClient } from '../../engine/client.ts';
import { createNodeEngine } from '../../engine/node/engine.ts';
import { emitPlainTrace, plainStep } from './emit.ts';
import { parsePlainTrace, PlainTraceParser } from './parse.ts';

const PROGRAM = 'def double(x):\n    y = x * 2\n    return y\n\nvalues = [double(n) for n in (1, 2)]\nprint("é", values)\n';

describe('plain-text trace format', () => {
  let engine: EngineClient;
  let text = '';
  let expectedSteps = 0;

  beforeAll(async () => {
    engine = createNodeEngine('3.11');
    const { store, outcome } = await engine.run({ code: PROGRAM });
    text = emitPlainTrace(store, { complete: outcome.reason === 'completed' });
    for (let s = 0; s < store.stepCount; s++) if (plainStep(store, s)) expectedSteps++;
  });
  afterAll(() => engine?.dispose());

  it('emits one line per step, with JSON payloads, ending with `end`', () => {
    const lines = text.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('end');
    expect(lines).toHaveLength(expectedSteps + 1);
    expect(lines).toContain('call 1 double {"x": "1"}');
    expect(lines).toContain('return 3 double "2"');
    expect(lines.some((l) => l.startsWith('line 6 <module> {') && l.includes('"values": "[2, 4]"'))).toBe(true);
  });

  it('parses its own output back into the same steps', () => {
    const { frames, ended } = parsePlainTrace(text);
    expect(ended).toBe(true);
    expect(frames).toHaveLength(expectedSteps);
    expect(frames.every((f) => f.error === null)).toBe(true);
    expect(frames[1].step).toMatchObject({ kind: 'line', line: 1, function: '<module>' });
  });

  it('gives the same frames however the text is split into chunks', () => {
    fc.assert(fc.property(fc.array(fc.nat(text.length), { maxLength: 30 }), (cuts) => {
      const points = [...new Set(cuts)].sort((a, b) => a - b);
      const parser = new PlainTraceParser();
      const frames = [];
      let at = 0;
      for (const point of [...points, text.length]) {
        frames.push(...parser.push(text.slice(at, point)));
        at = point;
      }
      frames.push(...parser.end());
      expect(frames).toEqual(parsePlainTrace(text).frames);
    }));
  });

  it('skips prose and fences, reports malformed step lines in place and goes on', () => {
    const reply = [
      'Sure! Here is the trace:',
      '```',
      'call 1 f {"n": "3"}',
      'line 2 f {"n": 3}',
      'line two f {}',
      '2. return 2 f "6"',
      '```',
      'end',
      'line 9 ignored {}',
    ].join('\n');
    const { frames, ended } = parsePlainTrace(reply);
    expect(ended).toBe(true);
    expect(frames.map((f) => f.error === null)).toEqual([true, false, false, true]);
    expect(frames[1].error).toContain('not a string');
    expect(frames[3].step).toMatchObject({ kind: 'return', line: 2, value: '6' });
  });
});
