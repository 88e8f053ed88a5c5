import { describe, expect, it } from 'vitest';
import { parseCwm } from './parse.ts';
import { CwmDotResolver, resolveCwmDots, type CwmResolution } from './resolve.ts';
import { callFrame, exceptionFrame, lineFrame, returnFrame } from './test-helpers.ts';
import { CWM } from './tokens.ts';

function resolve(text: string): CwmResolution {
  return resolveCwmDots(parseCwm(text).frames);
}

/** Each frame's resolved locals as [name, value] pairs (null for frames without locals). */
function values(resolution: CwmResolution): ([string, string | null][] | null)[] {
  return resolution.frames.map((frame) => frame.locals?.map((local) => [local.name, local.value]) ?? null);
}

describe('resolving `..` in CWM frames', () => {
  it('takes a line frame\'s `..` from the previous frame of the same scope, chained', () => {
    const resolution = resolve(
      lineFrame([], '    return f([1])') +
      callFrame([['nums', '[1]']], 'def f(nums):') +
      lineFrame([['nums', '..']], '    x = 1') +
      lineFrame([['nums', '..'], ['x', '1']], '    nums.append(x)') +
      lineFrame([['nums', '[1, 1]'], ['x', '..']], '    return nums') +
      returnFrame('    return nums', '[1, 1]') +
      returnFrame('    return f([1])', '[1, 1]'),
    );
    expect(values(resolution)).toEqual([
      [], [['nums', '[1]']], [['nums', '[1]']], [['nums', '[1]'], ['x', '1']], [['nums', '[1, 1]'], ['x', '1']], null, null,
    ]);
    expect(resolution.frames.map((f) => f.depth)).toEqual([0, 1, 1, 1, 1, 1, 0]);
    expect(resolution.frames[3].locals![0]).toEqual({ name: 'nums', value: '[1]', elided: true, acrossCall: false });
    expect([resolution.unresolved, resolution.acrossCall]).toEqual([0, 0]);
  });

  it('goes back to the caller\'s scope after a return: recursion keeps each level\'s values apart', () => {
    const resolution = resolve(
      callFrame([['n', '2']], 'def f(n):') +
      lineFrame([['n', '..']], '    return n * f(n - 1) if n else 1') +
      callFrame([['n', '1']], 'def f(n):') +
      lineFrame([['n', '..']], '    return n * f(n - 1) if n else 1') +
      returnFrame('    return n * f(n - 1) if n else 1', '1') +
      lineFrame([['n', '..']], '    print(n)') + // the format wants n in full here
      lineFrame([['n', '..']], '    return n'),
    );
    expect(values(resolution)).toEqual([[['n', '2']], [['n', '2']], [['n', '1']], [['n', '1']], null, [['n', '2']], [['n', '2']]]);
    expect(resolution.frames.map((f) => f.depth)).toEqual([0, 0, 1, 1, 1, 0, 0]);
    expect(resolution.frames[5].locals![0].acrossCall).toBe(true);
    expect(resolution.frames[5].issues).toEqual(['".." for "n" right after a call returned, where every local should be listed in full']);
    expect(resolution.frames[6].locals![0].acrossCall).toBe(false);
    expect([resolution.unresolved, resolution.acrossCall]).toEqual([0, 1]);
  });

  it('does not flag a caller that lists its locals in full after a callee returned', () => {
    const resolution = resolve(
      lineFrame([['a', '1']], '    b = g(a)') +
      callFrame([['x', '1']], 'def g(x):') +
      returnFrame('def g(x):', 'None') +
      lineFrame([['a', '1'], ['b', 'None']], '    return b'),
    );
    expect(values(resolution).at(-1)).toEqual([['a', '1'], ['b', 'None']]);
    expect([resolution.unresolved, resolution.acrossCall]).toEqual([0, 0]);
  });

  it('lets exception frames pass without breaking the chain', () => {
    const resolution = resolve(
      lineFrame([['x', '0']], '        1 / x') +
      exceptionFrame('        1 / x', "ZeroDivisionError('division by zero')") +
      lineFrame([['x', '..']], '    except ZeroDivisionError:'),
    );
    expect(values(resolution)).toEqual([[['x', '0']], null, [['x', '0']]]);
    expect([resolution.unresolved, resolution.acrossCall]).toEqual([0, 0]);
  });

  it('reports `..` it cannot resolve instead of failing', () => {
    const resolution = resolve(
      lineFrame([['a', '..']], '    b = 1') + // nothing before it
      callFrame([['x', '..']], 'def g(x):') + // a call frame lists its arguments in full
      lineFrame([['x', '..'], ['y', '..']], '    return x') + // x unresolved before, y never seen
      returnFrame('    return x', '1') +
      returnFrame('    b = 1', 'None') +
      returnFrame('    b = 1', 'None'), // more returns than scopes
    );
    expect(values(resolution)).toEqual([[['a', null]], [['x', null]], [['x', null], ['y', null]], null, null, null]);
    expect(resolution.unresolved).toBe(4);
    expect(resolution.frames[1].issues[0]).toMatch(/in a call frame/);
    expect(resolution.frames[2].issues).toEqual([
      '".." for "x" refers to a value that was itself unresolved',
      '".." for "y", which the scope\'s previous frame does not list',
    ]);
  });

  it('does not carry a name over a frame that dropped it', () => {
    const resolution = resolve(lineFrame([['t', '1']], '    del t') + lineFrame([], '    t = 2') + lineFrame([['t', '..']], '    pass'));
    expect(values(resolution).at(-1)).toEqual([['t', null]]);
  });

  it('steps over malformed frames: unreadable locals leave the last known ones in place', () => {
    const resolution = resolve(
      lineFrame([['x', '1']], '    y = x') +
      CWM.lineSep + '{"x": 1, "y": "2"}' + CWM.actionSep + '    z = 3\n' + CWM.frameSep +
      '<|jump_sep|>' + CWM.frameSep +
      lineFrame([['x', '..']], '    pass'),
    );
    expect(values(resolution)).toEqual([[['x', '1']], null, null, [['x', '1']]]);
    expect(resolution.unresolved).toBe(0);
  });

  it('resolves frame by frame as they stream in, like the whole-sequence function', () => {
    const frames = parseCwm(lineFrame([['a', '1']], 'b = a') + lineFrame([['a', '..'], ['b', '1']], 'c = b')).frames;
    const resolver = new CwmDotResolver();
    expect(frames.map((frame) => resolver.push(frame))).toEqual(resolveCwmDots(frames).frames);
    expect(resolver.unresolved).toBe(0);
  });
});
