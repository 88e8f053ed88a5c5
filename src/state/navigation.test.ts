import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineClient } from '../engine/client.ts';
import { createNodeEngine } from '../engine/node/engine.ts';
import type { TraceStore } from '../trace/store.ts';
import { describeEnd, describeStep } from '../trace/describe.ts';
import { nextBreakpoint, previousBreakpoint, stepBackOver, stepOut, stepOver } from './navigation.ts';

const PROGRAM = [
  'def square(x):', //          1
  '    y = x * x', //           2
  '    return y', //            3
  '', //                        4
  'def total(values):', //      5
  '    acc = 0', //             6
  '    for v in values:', //    7
  '        acc += square(v)', // 8
  '    return acc', //          9
  '', //                        10
  'result = total([1, 2])', //  11
  'print(result)', //           12
].join('\n');

let engine: EngineClient;
let store: TraceStore;

beforeAll(async () => {
  engine = createNodeEngine('3.11');
  ({ store } = await engine.run({ code: PROGRAM }));
});
afterAll(() => engine?.dispose());

/** The first step at `line` whose frame is named `name`. */
function find(line: number, name: string, kind = 'line', from = 0): number {
  for (let s = from; s < store.stepCount; s++) {
    if (store.line(s) === line && store.frameName(store.frameId(s)) === name && store.kind(s) === kind) return s;
  }
  throw new Error(`no step at line ${line} in ${name}`);
}

describe('debugger moves over a real trace', () => {
  it('step over skips the call made on the line', () => {
    const callLine = find(8, 'total');
    const next = stepOver(store, callLine);
    expect(store.frameName(store.frameId(next))).toBe('total');
    expect(store.line(next)).toBe(7);
  });

  it('step over from the module line skips the whole call', () => {
    const s = find(11, '<module>');
    expect(store.line(stepOver(store, s))).toBe(12);
  });

  it('step back over returns to the calling line', () => {
    const afterCall = stepOver(store, find(8, 'total'));
    expect(store.line(stepBackOver(store, afterCall))).toBe(8);
  });

  it('step out goes to the caller after the callee returns', () => {
    const inside = find(2, 'square');
    const out = stepOut(store, inside);
    expect(store.frameName(store.frameId(out))).toBe('total');
    expect(store.depth(store.activation(out))).toBeLessThan(store.depth(store.activation(inside)));
  });

  it('continue stops at breakpoint lines, forwards and backwards', () => {
    const lines = new Set([2]);
    const first = nextBreakpoint(store, 0, lines);
    expect(store.line(first)).toBe(2);
    const second = nextBreakpoint(store, first, lines);
    expect(second).toBeGreaterThan(first);
    expect(store.line(second)).toBe(2);
    expect(previousBreakpoint(store, second, lines)).toBe(first);
    expect(nextBreakpoint(store, second, lines)).toBe(store.stepCount - 1);
  });

  it('jumps to the next change of a variable (watchpoint)', () => {
    const s = find(6, 'total');
    const frame = store.frameId(s);
    const acc = store.frameSlotIds(frame).find((slot) => store.slotName(slot) === 'acc')!;
    const changed = store.nextChangeOf(acc, s);
    expect(store.variables(frame, changed).find((v) => v.name === 'acc')?.value).toBe('0');
    const again = store.nextChangeOf(acc, changed);
    expect(store.variables(frame, again).find((v) => v.name === 'acc')?.value).toBe('1');
  });

  it('describes steps in words', () => {
    expect(describeStep(store, find(1, 'square', 'call')).text).toBe('call `square(x=1)`');
    expect(describeStep(store, find(3, 'square', 'return')).text).toBe('return `1` from `square`');
    expect(describeStep(store, find(12, '<module>')).text).toBe('line 12 `print(result)`');
    expect(describeEnd({ reason: 'step limit', steps: 100000 })).toContain('100,000 steps');
  });
});
