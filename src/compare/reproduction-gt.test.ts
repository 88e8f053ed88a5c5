import { describe, expect, it } from 'vitest';
import { writtenValue, type TraceFrame } from './frame.ts';
import { reproductionStyleFrames } from './reproduction-gt.ts';
import { call, frame, line, locals, ret } from './test-frames.ts';

function written(frames: TraceFrame[]): (string[] | null)[] {
  return frames.map((f) => f.locals?.map((l) => `${l.name}=${writtenValue(l)}`) ?? null);
}

describe('the reproduction’s ground-truth rules, emulated (for explaining differences only)', () => {
  it('keeps `..` after a callee returns, shares memory between calls of the same code, and keeps addresses', () => {
    const g = (n: string) => frame('call', 'def g(n):', { depth: 1, locals: locals([['n', n]]) });
    const frames = [
      line('    x = g(1)', [['f', '<function f>']]),
      g('1'),
      ret('    return n', '1', 1),
      line('    y = g(1)', [['f', '<function f>'], ['x', '1']]),
      g('1'),
      ret('    return n', '1', 1),
      line('    return y', [['f', '<function f>'], ['x', '1'], ['y', '1']]),
    ];
    expect(written(reproductionStyleFrames(frames))).toEqual([
      ['f=<function f> at 0x…'],
      ['n=1'],
      null,
      ['f=..', 'x=1'],
      ['n=..'], // a new frame at a reused address: its call frame gets `..`
      null,
      ['f=..', 'x=..', 'y=1'],
    ]);
  });

  it('leaves traces without those cases as they are', () => {
    const frames = [line('    return f(1)', []), call('def f(a):', [['a', '1']]), line('    return a', [['a', '..']], { a: '1' }), ret('    return a', '1', 1)];
    expect(written(reproductionStyleFrames(frames))).toEqual(written(frames));
  });
});
