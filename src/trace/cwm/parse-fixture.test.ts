import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFullyRight, loadCwmFixture } from '../../testing/cwm-fixture.ts';
import { parseCwm, type CwmParseResult } from './parse.ts';
import { resolveCwmDots } from './resolve.ts';
import { parseInChunks } from './test-helpers.ts';

/** The CWM parser over the 800 real CWM generations of the CRUXEval fixture. */
describe('CWM parser on the CRUXEval fixture', () => {
  const items = loadCwmFixture();
  const parsed = new Map<string, CwmParseResult>(items.map((item) => [item.id, parseCwm(item.generation)]));
  const result = (id: string) => parsed.get(id)!;

  it('parses every generation; raw slices and offsets are consistent', () => {
    expect(items).toHaveLength(800);
    for (const item of items) {
      const { frames } = result(item.id);
      expect(frames.length).toBeGreaterThan(0);
      frames.forEach((frame, i) => {
        expect(frame.index).toBe(i);
        expect(item.generation.slice(frame.start, frame.end)).toBe(frame.raw);
      });
    }
  });

  it('finds n_pred_frames frames ended by <|frame_sep|> in every item (a cut-off last frame is not counted there)', () => {
    const counts = items.map((item) => [item.id, result(item.id).frames.filter((f) => f.complete).length]);
    expect(counts).toEqual(items.map((item) => [item.id, item.n_pred_frames]));
  });

  it('reports the three generations without <|end_of_text|> as not ended, each with a cut-off last frame', () => {
    const notEnded = items.filter((item) => !result(item.id).ended).map((item) => item.id);
    expect(notEnded).toEqual(['sample_150', 'sample_280', 'sample_780']);
    for (const id of notEnded) {
      const frames = result(id).frames;
      expect(frames.at(-1)).toMatchObject({ kind: 'line', complete: false, locals: null });
      expect(frames.at(-1)!.error).toMatch(/LOCALS is not valid JSON.*missing <\|action_sep\|>/);
      expect(frames.slice(0, -1).every((f) => f.complete && f.error === null)).toBe(true);
    }
    expect(result('sample_780').frames).toHaveLength(20);
  });

  it('finds exactly the four malformed complete frames the model wrote', () => {
    const malformed = items.flatMap((item) =>
      result(item.id).frames.filter((f) => f.complete && f.error !== null).map((f) => [item.id, f.index, f.kind, f.error]));
    expect(malformed).toEqual([
      ['sample_382', 10, 'return', expect.stringMatching(/^VALUE is not a valid JSON string/)], // `\'` is no JSON escape
      ['sample_424', 6, 'line', 'the source line does not end with a newline; unexpected <|line_sep|> after the source line'],
      ['sample_527', 3, 'return', expect.stringMatching(/^VALUE is not a valid JSON string/)], // "'!?' unterminated
      ['sample_527', 4, 'return', expect.stringMatching(/^VALUE is not a valid JSON string/)],
    ]);
    expect(result('sample_424').frames[6]).toMatchObject({ locals: [['s', '..'], ['lst', '..'], ['col', '..'], ['count', '1']], action: '    while col < len(lst) and lst[col] in ".:,":' });
    expect(result('sample_424').frames[7].error).toBeNull();
  });

  it('parses every fully-right generation cleanly, ending with the return of main', () => {
    for (const item of items.filter(isFullyRight)) {
      const { frames, ended } = result(item.id);
      expect(ended).toBe(true);
      expect(frames.every((f) => f.error === null && f.complete)).toBe(true);
      expect(frames.at(-1)).toMatchObject({ kind: 'return', action: `    return f(${item.input})\n` });
    }
  });

  it('resolves every `..` of every generation, none of them across a call', () => {
    let elided = 0;
    for (const item of items) {
      const resolution = resolveCwmDots(result(item.id).frames);
      expect([item.id, resolution.unresolved, resolution.acrossCall]).toEqual([item.id, 0, 0]);
      elided += resolution.frames.flatMap((f) => f.locals ?? []).filter((local) => local.elided).length;
    }
    expect(elided).toBeGreaterThan(10_000);
  });

  it('gives the same frames for arbitrary chunkings of the generations', () => {
    const item = fc.integer({ min: 0, max: items.length - 1 });
    fc.assert(fc.property(item, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 80 }), (i, fractions) => {
      const text = items[i].generation;
      expect(parseInChunks(text, fractions.map((x) => Math.floor(x * text.length)))).toEqual(result(items[i].id));
    }), { numRuns: 400 });
  });

  it('gives the same frames for every generation pushed in small fixed-size chunks', () => {
    for (const size of [1, 7, 13]) {
      for (const item of size === 1 ? items.slice(0, 40) : items) {
        const text = item.generation;
        const cuts = Array.from({ length: Math.ceil(text.length / size) }, (_, k) => k * size);
        expect(parseInChunks(text, cuts)).toEqual(result(item.id));
      }
    }
  });
});
