/**
 * Throughput of parse + map + diff on the CWM fixture, replayed as a stream (Node):
 *   npx tsx src/compare/measure-throughput.ts
 * Each generation is fed in chunks of a few characters (like a token stream) to a CwmTraceReader,
 * and every frame it completes is pushed into a DiffState against a real trace. The real traces
 * are the generations themselves, parsed beforehand (no engine needed): identical frames are the
 * worst case for the diff, which then compares every value.
 */
import { performance } from 'node:perf_hooks';
import { loadCwmFixture } from '../testing/cwm-fixture.ts';
import { SEEDED_MAIN_CALL } from '../trace/cwm/prompt.ts';
import { DiffState } from './diff-state.ts';
import { CwmTraceReader, readCwmTrace } from './from-cwm.ts';

const CHUNK = Number(process.env.CHUNK ?? 16);
const ROUNDS = Number(process.env.ROUNDS ?? 5);

const items = loadCwmFixture();
const reals = items.map((item) => readCwmTrace(item.generation, SEEDED_MAIN_CALL).frames);
const chunked = items.map((item) => {
  const chunks: string[] = [];
  for (let at = 0; at < item.generation.length; at += CHUNK) chunks.push(item.generation.slice(at, at + CHUNK));
  return chunks;
});

function run(mode: 'strict' | 'lenient'): { frames: number; ms: number } {
  let frames = 0;
  const start = performance.now();
  for (let i = 0; i < items.length; i++) {
    const reader = new CwmTraceReader(SEEDED_MAIN_CALL);
    const diff = new DiffState(reals[i], mode);
    for (const chunk of chunked[i]) for (const frame of reader.push(chunk)) diff.push(frame);
    for (const frame of reader.end()) diff.push(frame);
    diff.end();
    frames += diff.predictedLength;
  }
  return { frames, ms: performance.now() - start };
}

for (const mode of ['strict', 'lenient'] as const) {
  run(mode); // warm-up
  const results = Array.from({ length: ROUNDS }, () => run(mode));
  const best = results.reduce((a, b) => (a.ms < b.ms ? a : b));
  const chars = items.reduce((sum, item) => sum + item.generation.length, 0);
  console.log(
    `${mode}: ${best.frames} frames (${(chars / 1e6).toFixed(2)} MB) in ${best.ms.toFixed(0)} ms (best of ${ROUNDS}, ${CHUNK}-char chunks): ` +
      `${Math.round(best.frames / (best.ms / 1000)).toLocaleString('en')} frames/s`,
  );
}
