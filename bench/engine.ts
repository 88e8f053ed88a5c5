/**
 * `npm run bench:engine`: the engine in Node (worker thread) and in headless Chromium (module
 * worker), same programs, same measuring code (bench/engine-measure.ts). Prints a table.
 */
import { createNodeEngine } from '../src/engine/node/engine.ts';
import { RUNTIME_IDS } from '../src/engine/runtimes.ts';
import { buildFor, openBenchBrowser } from './browser.ts';
import { measureEngine, type EngineFigures } from './engine-measure.ts';
import { tracerBaselines } from './tracer-baselines.ts';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function print(all: EngineFigures[]): void {
  console.log('\n| environment | runtime | boot ms | program | steps | steps/s | traced ÷ untraced (Python time) | bytes/step |');
  console.log('|---|---|---:|---|---:|---:|---:|---:|');
  for (const f of all) {
    for (const p of f.programs) {
      console.log(`| ${f.environment} | ${f.python} | ${fmt(f.bootMs)} | ${p.program} | ${fmt(p.steps)} | ${fmt(p.stepsPerSecond)} | ${fmt(p.slowdown, 1)}× (${fmt(p.tracedPythonMs)} / ${fmt(p.untracedPythonMs)} ms) | ${fmt(p.bytesPerStep, 1)} |`);
    }
  }
  console.log('\n\n| environment | runtime | random step materialization p50 / p95 / max (µs), 1M-step trace |');
  console.log('|---|---|---|');
  for (const f of all) console.log(`| ${f.environment} | ${f.python} | ${fmt(f.materializeUs.p50, 1)} / ${fmt(f.materializeUs.p95, 1)} / ${fmt(f.materializeUs.max, 1)} |`);
}

const results: EngineFigures[] = [];
const only = process.argv.includes('--node-only') ? 'node' : process.argv.includes('--browser-only') ? 'browser' : null;
const baselines: [string, Record<string, number>][] = [];
if (only !== 'browser') {
  for (const runtime of RUNTIME_IDS) {
    console.error(`node ${runtime}…`);
    results.push(await measureEngine(createNodeEngine, runtime, 'Node worker thread'));
    baselines.push([runtime, await tracerBaselines(runtime)]);
  }
}
if (only !== 'node') {
  console.error('building benchmark pages…');
  await buildFor('bench');
  const browser = await openBenchBrowser('bench');
  try {
    const page = await browser.browser.newPage();
    for (const runtime of RUNTIME_IDS) {
      console.error(`chromium ${runtime}…`);
      await page.goto(new URL('bench/engine-page.html', browser.baseUrl).href);
      const isolated = await page.evaluate(() => crossOriginIsolated);
      if (!isolated) throw new Error('the benchmark page is not cross-origin isolated');
      results.push(await page.evaluate((rt) => window.benchEngine(rt), runtime));
    }
  } finally {
    await browser.close();
  }
}
print(results);
if (baselines.length) {
  console.log('\nWhat settrace costs on the same 1,000,000-step loop before any recording (plain Pyodide in Node):');
  console.log('| runtime | measure | ms | × untraced |\n|---|---|---:|---:|');
  for (const [runtime, figures] of baselines) {
    for (const [name, ms] of Object.entries(figures)) console.log(`| ${runtime} | ${name} | ${fmt(ms)} | ${fmt(ms / figures.untraced, 1)}× |`);
  }
}
