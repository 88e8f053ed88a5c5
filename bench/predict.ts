/**
 * `npm run bench:predict`:
 * 1. Node: parse + diff throughput over the whole CWM fixture replayed as a stream — every
 *    generation fed in chunks to the incremental reader, each frame diffed against the engine's
 *    real trace (frames/s, total ms for all items), for several chunk sizes.
 * 2. Chromium (production build): time from the arrival of the chunk that completes a divergent
 *    frame to the divergence being on screen, with the local OpenAI-compatible server streaming
 *    fixture generations with a planted divergence.
 */
import { performance } from 'node:perf_hooks';
import { CwmTraceReader, DiffState, realTraceFrames, SEEDED_FRAMES, type TraceFrame } from '../src/compare/index.ts';
import { createNodeEngine } from '../src/engine/node/engine.ts';
import { loadCwmFixture, type FixtureItem } from '../src/testing/cwm-fixture.ts';
import { SEEDED_MAIN_CALL } from '../src/trace/cwm/prompt.ts';
import { startOpenAiServer } from '../e2e/openai-server.ts';
import { buildFor, openBenchBrowser } from './browser.ts';
import { encodeState } from '../src/share/permalink.ts';

const items = loadCwmFixture();

async function groundTruth(): Promise<TraceFrame[][]> {
  const engine = createNodeEngine('3.11');
  try {
    const reals: TraceFrame[][] = [];
    for (const item of items) {
      const { store } = await engine.run({ code: item.code, call: `f(${item.input})` });
      reals.push(realTraceFrames(store, { skip: SEEDED_FRAMES }));
    }
    return reals;
  } finally {
    engine.dispose();
  }
}

function replay(reals: TraceFrame[][], chunk: number): { frames: number; ms: number } {
  const chunked = items.map((item) => {
    const pieces: string[] = [];
    for (let at = 0; at < item.generation.length; at += chunk) pieces.push(item.generation.slice(at, at + chunk));
    return pieces;
  });
  let best = Infinity;
  let frames = 0;
  for (let round = 0; round < 4; round++) {
    frames = 0;
    const started = performance.now();
    for (let i = 0; i < items.length; i++) {
      const reader = new CwmTraceReader(SEEDED_MAIN_CALL);
      const diff = new DiffState(reals[i], 'strict');
      for (const piece of chunked[i]) for (const frame of reader.push(piece)) diff.push(frame);
      for (const frame of reader.end()) diff.push(frame);
      diff.end();
      frames += diff.predictedLength;
    }
    best = Math.min(best, performance.now() - started);
  }
  return { frames, ms: best };
}

/** A fully-right item's generation with one value changed in frame `at`. */
function planted(item: FixtureItem, at: number): string | null {
  const frames = item.generation.split('<|frame_sep|>');
  const match = /"([^"]+)": "(\[[^"]*\]|\d+)"/.exec(frames[at] ?? '');
  if (!match) return null;
  frames[at] = frames[at].replace(match[0], `"${match[1]}": "${match[2]}0"`);
  return frames.join('<|frame_sep|>');
}

async function markLatency(): Promise<number[]> {
  const server = await startOpenAiServer();
  await buildFor('app');
  const session = await openBenchBrowser('app');
  const latencies: number[] = [];
  try {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(session.baseUrl);
    await page.getByText(/Python [\d.]+ ready/).waitFor({ timeout: 60_000 });
    await page.getByText('Model endpoint').click();
    await page.getByLabel('Base URL').fill(server.baseUrl);
    await page.getByLabel('Model', { exact: true }).fill('test-model');
    await page.waitForTimeout(500); // settings are saved and survive the navigations below
    const candidates = items.filter((item) => item.generation.length > 1500 && item.metrics.state_exact_match === 1).slice(0, 40);
    let predictionId = 0; // the page is not reloaded: prediction ids count up
    for (const item of candidates) {
      const text = planted(item, 6);
      if (!text) continue;
      const hash = encodeState({
        code: item.code, call: `f(${item.input})`, stdin: '', runtime: '3.11', maxSteps: 100_000, step: 0,
        compareMode: 'strict', prediction: null, endpoint: null,
      });
      await page.getByText(/^Step \d+ of/).waitFor({ timeout: 60_000 }).catch(() => {});
      await page.goto(new URL(hash, session.baseUrl).href); // same page, new hash: the link opens and runs
      await page.getByText(/^Step 1 of/).waitFor({ timeout: 60_000 });
      server.respondWith({ text, chunkSize: 6, delayMs: 8 });
      predictionId++;
      await page.getByRole('button', { name: 'Predict', exact: true }).click();
      await page.waitForFunction((id) => performance.getEntriesByName(`divergence-shown-${id}`).length > 0, predictionId, { timeout: 30_000 })
        .catch(async (error: unknown) => {
          await page.screenshot({ path: '/tmp/bench-predict-failure.png' });
          throw error;
        });
      latencies.push(await page.evaluate((id) => performance.getEntriesByName(`divergence-shown-${id}`)[0].startTime - performance.getEntriesByName(`divergence-arrived-${id}`)[0].startTime, predictionId));
      await page.getByRole('region', { name: 'Prediction' }).getByText(/^Received/).waitFor({ timeout: 30_000 });
    }
  } finally {
    await session.close();
    await server.close();
  }
  return latencies;
}

console.error('tracing the 800 fixture items for the ground truth…');
const reals = await groundTruth();
console.log('\nParse + diff of the CWM fixture replayed as a stream (Node, strict mode, best of 4):');
console.log('| chunk size | frames | total ms (800 items) | frames/s | goal |');
console.log('|---:|---:|---:|---:|---|');
for (const chunk of [4, 16, 64]) {
  const { frames, ms } = replay(reals, chunk);
  console.log(`| ${chunk} chars | ${frames.toLocaleString('en-US')} | ${ms.toFixed(0)} | ${Math.round(frames / (ms / 1000)).toLocaleString('en-US')} | ≥ 50,000 |`);
}
if (!process.argv.includes('--node-only')) {
  console.error('measuring the divergence mark in Chromium…');
  const latencies = (await markLatency()).sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1);
  console.log(`\nDivergent frame's last chunk arrived → divergence on screen (Chromium, ${latencies.length} streamed predictions):`);
  console.log(`| p50 | p95 | max | goal |\n|---:|---:|---:|---|\n| ${at(0.5)} ms | ${at(0.95)} ms | ${latencies.at(-1)?.toFixed(1)} ms | ≤ 50 ms |`);
}
