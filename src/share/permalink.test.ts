import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeHash, encodeState, MAX_LINK_LENGTH, type SharedState } from './permalink.ts';

const SNIPPET = [
  'def insertion_sort(items):',
  '    result = list(items)',
  '    for i in range(1, len(result)):',
  '        key = result[i]',
  '        j = i - 1',
  '        while j >= 0 and result[j] > key:',
  '            result[j + 1] = result[j]',
  '            j -= 1',
  '        result[j + 1] = key',
  '    return result',
  '',
  'def mean(values):',
  '    total = 0',
  '    for v in values:',
  '        total += v',
  '    return total / len(values)',
  '',
  'data = [5, 3, 8, 1, 9, 2]',
  'print(insertion_sort(data))',
  'print(mean(data))',
].join('\n');

const BASE: SharedState = {
  code: SNIPPET, call: '', stdin: '', runtime: '3.11', maxSteps: 100_000, step: 14,
  compareMode: 'strict', prediction: null, endpoint: null,
};

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('permalinks', () => {
  it('round-trips the whole view state', () => {
    const state: SharedState = {
      ...BASE, call: 'insertion_sort([3, 1])', stdin: 'a\nb\n', runtime: '3.14', maxSteps: 1000, compareMode: 'lenient',
      prediction: { text: '<|line_sep|>{}<|action_sep|>x\n<|frame_sep|>', format: 'cwm', model: 'facebook/cwm', promptMode: 'cwm' },
      endpoint: { baseUrl: 'http://localhost:8000/v1', model: 'facebook/cwm' },
    };
    const hash = encodeState(state);
    expect(hash.startsWith('#v1/')).toBe(true);
    expect(decodeHash(hash)).toEqual({ ok: true, state });
  });

  it('keeps a 20-line snippet at a step within ~500 characters', () => {
    const hash = encodeState(BASE);
    expect(hash.length).toBeLessThanOrEqual(500);
    console.log(`20-line snippet at step 14: ${hash.length} characters`);
  });

  it('still opens links made by version 1 (stored example)', () => {
    const v1 = '#v1/' + base64url(deflateSync(strToU8(JSON.stringify({ c: 'x = 1\n', r: '3.11', s: 2 }))));
    expect(decodeHash(v1)).toEqual({ ok: true, state: { ...BASE, code: 'x = 1\n', step: 2 } });
  });

  it('ignores hashes that are not permalinks', () => {
    expect(decodeHash('')).toBeNull();
    expect(decodeHash('#section-2')).toBeNull();
  });

  it('explains unknown versions, damage, bad fields and oversize instead of throwing', () => {
    expect(decodeHash('#v9/abc')).toMatchObject({ ok: false, error: expect.stringContaining('newer version') });
    expect(decodeHash('#v1/***')).toMatchObject({ ok: false, error: expect.stringContaining('damaged') });
    const full = encodeState(BASE);
    expect(decodeHash(full.slice(0, full.length - 20))).toMatchObject({ ok: false, error: expect.stringContaining('cut off') });
    const badRuntime = '#v1/' + base64url(deflateSync(strToU8(JSON.stringify({ c: 'x', r: '2.7' }))));
    expect(decodeHash(badRuntime)).toMatchObject({ ok: false, error: expect.stringContaining('r is not valid') });
    const extraKey = '#v1/' + base64url(deflateSync(strToU8(JSON.stringify({ c: 'x', r: '3.11', k: 'sk-secret' }))));
    expect(decodeHash(extraKey)).toMatchObject({ ok: false });
    expect(decodeHash('#v1/' + 'A'.repeat(2_100_000))).toMatchObject({ ok: false, error: expect.stringContaining('too long') });
    for (const result of [decodeHash('#v9/abc'), decodeHash('#v1/***')]) {
      expect(result && !result.ok && result.error).toContain('Your own code was not changed');
    }
  });

  it('stops a decompression bomb early', () => {
    const bomb = '#v1/' + base64url(deflateSync(new Uint8Array(60_000_000)));
    expect(bomb.length).toBeLessThan(200_000);
    expect(decodeHash(bomb)).toMatchObject({ ok: false, error: expect.stringContaining('too large') });
  });

  it('never throws on corrupted links (fuzzed)', () => {
    const good = encodeState({ ...BASE, prediction: { text: 'line 1 f {}', format: 'plain', model: null, promptMode: 'chat' } });
    fc.assert(fc.property(fc.nat(good.length - 1), fc.string({ maxLength: 8 }), fc.nat(good.length), (at, insert, cut) => {
      const damaged = (good.slice(0, at) + insert + good.slice(at + insert.length)).slice(0, Math.max(5, cut));
      const result = decodeHash(damaged);
      if (result && result.ok) expect(result.state.code.length).toBeGreaterThanOrEqual(0);
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => {
      decodeHash('#v1/' + text);
    }), { numRuns: 2000 });
  });

  it('tells when a state is too big for a link', () => {
    const big = encodeState({ ...BASE, prediction: { text: Array.from({ length: 4000 }, (_, i) => `line ${i} f {"x": "${i * 7919}"}`).join('\n'), format: 'plain', model: null, promptMode: null } });
    expect(big.length).toBeGreaterThan(MAX_LINK_LENGTH);
  });
});
