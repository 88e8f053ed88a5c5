import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ThinkTagSplitter } from './think-splitter.ts';

function splitInChunks(text: string, cuts: number[]): { text: string; reasoning: string } {
  const splitter = new ThinkTagSplitter();
  const points = [...new Set(cuts.map((cut) => Math.max(0, Math.min(text.length, cut))))].sort((a, b) => a - b);
  const out = { text: '', reasoning: '' };
  let from = 0;
  for (const point of [...points, text.length]) {
    const piece = splitter.push(text.slice(from, point));
    out.text += piece.text;
    out.reasoning += piece.reasoning;
    from = point;
  }
  const rest = splitter.flush();
  return { text: out.text + rest.text, reasoning: out.reasoning + rest.reasoning };
}

describe('ThinkTagSplitter', () => {
  it('separates a think block from the answer', () => {
    expect(splitInChunks('<think>hmm, a list</think>\nanswer', [])).toEqual({ text: '\nanswer', reasoning: 'hmm, a list' });
  });

  it('gives the same split for every way of cutting the text, tags included', () => {
    const text = 'pre <think>reason <b>x</b> < think</think>answer <thin and </think> end<think>more';
    const whole = splitInChunks(text, []);
    expect(whole).toEqual({ text: 'pre answer <thin and </think> end', reasoning: 'reason <b>x</b> < thinkmore' });
    for (let size = 1; size <= 9; size++) {
      const cuts = Array.from({ length: Math.ceil(text.length / size) }, (_, index) => index * size);
      expect(splitInChunks(text, cuts), `chunks of ${size}`).toEqual(whole);
    }
  });

  it('is independent of chunking for any text (property)', () => {
    const alphabet = fc.constantFrom('<', '>', '/', 't', 'h', 'i', 'n', 'k', 'a', ' ', '<think>', '</think>');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), fc.array(fc.nat(200), { maxLength: 12 }), (parts, cuts) => {
        const text = parts.join('');
        expect(splitInChunks(text, cuts)).toEqual(splitInChunks(text, []));
      }),
    );
  });

  it('holds back a possible tag start, and releases it on flush', () => {
    const splitter = new ThinkTagSplitter();
    expect(splitter.push('answer <thi')).toEqual({ text: 'answer ', reasoning: '' });
    expect(splitter.held()).toEqual({ text: '<thi', reasoning: '' });
    expect(splitter.flush()).toEqual({ text: '<thi', reasoning: '' });
  });
});
