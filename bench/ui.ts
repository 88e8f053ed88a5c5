/**
 * `npm run bench:ui`: the playground's production build in headless Chromium.
 * - navigation → editor ready (Monaco mounted), cold and warm cache;
 * - navigation → first trace of the default example shown (Run pressed as soon as it can be),
 *   against the runtime's bare boot time in the same page load;
 * - p50/p95 time of a step change, render done, on a 1,000,000-step trace.
 * Prints figures; the goals are in the issue and docs/benchmarks.md.
 */
import type { Page } from '@playwright/test';
import { pasteCode } from '../e2e/fixtures.ts';
import { buildFor, openBenchBrowser } from './browser.ts';

const ONE_MILLION_STEPS = 'total = 0\nfor i in range(499999):\n    total += i\n';

async function mark(page: Page, name: string, timeoutMs = 120_000): Promise<number> {
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: timeoutMs, polling: 20 });
  return page.evaluate((n) => performance.getEntriesByName(n)[0].startTime, name);
}

interface Load {
  usable: number;
  editorReady: number;
  pythonReady: number;
  firstTrace: number;
  bootMs: number;
}

/** Load the page (cold: in a new context) and time the editor, Python and the first trace. */
async function firstLoad(page: Page, url: string): Promise<Load> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const usable = await mark(page, 'page-usable');
  const editorReady = await mark(page, 'editor-ready');
  const pythonReady = await mark(page, 'python-ready');
  const firstTrace = await mark(page, 'trace-shown-1');
  const bootMs = await page.evaluate(() => {
    const status = document.querySelector('.engine-status');
    return status ? Number(status.getAttribute('data-boot-ms')) : NaN;
  });
  return { usable, editorReady, pythonReady, firstTrace, bootMs };
}

const LOADS = 5;

/** Median of each figure over several loads. */
function median(loads: Load[]): Load & { ratio: number } {
  const pick = (f: (l: Load) => number) => [...loads.map(f)].sort((a, b) => a - b)[Math.floor(loads.length / 2)];
  return {
    usable: pick((l) => l.usable), editorReady: pick((l) => l.editorReady), pythonReady: pick((l) => l.pythonReady),
    firstTrace: pick((l) => l.firstTrace), bootMs: pick((l) => l.bootMs), ratio: pick((l) => l.firstTrace / l.bootMs),
  };
}

/**
 * Time a step change (key press or slider jump) takes: until React has committed and the browser
 * has recalculated style and layout ("render done"), and until the next frame is painted (which
 * includes waiting for the display's next frame). Plain JS text: tsx would otherwise insert
 * helpers the page does not have.
 */
const STEP_CHANGE_SCRIPT = `async ({ mode, count }) => {
  const slider = document.querySelector('input[aria-label="Step"]');
  const max = Number(slider.max);
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const channel = new MessageChannel();
  const macrotask = () => new Promise((resolve) => { channel.port1.onmessage = resolve; channel.port2.postMessage(0); });
  const render = [];
  const frame = [];
  let seed = 7;
  document.activeElement && document.activeElement.blur();
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    if (mode === 'key') {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    } else {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      setValue.call(slider, String(Math.floor((seed / 2147483648) * max)));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await macrotask();
    document.body.getBoundingClientRect();
    render.push(performance.now() - started);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    frame.push(performance.now() - started);
  }
  return { render, frame };
}`;

async function stepChangeTimes(page: Page, mode: 'key' | 'jump', count: number): Promise<{ render: number[]; frame: number[] }> {
  return page.evaluate(`(${STEP_CHANGE_SCRIPT})(${JSON.stringify({ mode, count })})`) as Promise<{ render: number[]; frame: number[] }>;
}

const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))];
const ms = (n: number) => `${n.toFixed(0)} ms`;

console.error('building the app…');
await buildFor('app');
const session = await openBenchBrowser('app');
try {
  const coldLoads: Load[] = [];
  for (let i = 0; i < LOADS; i++) {
    console.error(`cold load ${i + 1} of ${LOADS}…`);
    const fresh = await session.browser.newContext({ viewport: { width: 1280, height: 720 } });
    coldLoads.push(await firstLoad(await fresh.newPage(), session.baseUrl));
    await fresh.close();
  }
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await firstLoad(page, session.baseUrl);
  const warmLoads: Load[] = [];
  for (let i = 0; i < LOADS; i++) {
    console.error(`warm load ${i + 1} of ${LOADS}…`);
    await page.evaluate(() => localStorage.clear());
    warmLoads.push(await firstLoad(page, session.baseUrl));
  }
  const cold = median(coldLoads);
  const warm = median(warmLoads);

  console.error('1,000,000-step trace…');
  await page.getByRole('combobox', { name: 'Step limit' }).selectOption('1000000');
  await pasteCode(page, ONE_MILLION_STEPS);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await mark(page, 'trace-shown-2', 300_000);
  const steps = await page.evaluate(() => Number(document.querySelector<HTMLInputElement>('input[aria-label="Step"]')!.max) + 1);
  await stepChangeTimes(page, 'key', 20); // warm-up
  const keyTimes = await stepChangeTimes(page, 'key', 300);
  const jumpTimes = await stepChangeTimes(page, 'jump', 300);

  console.log(`\nMedians of ${LOADS} loads each (cold: a new browser context every time).`);
  console.log('| measure | cold cache | warm cache | goal |');
  console.log('|---|---:|---:|---|');
  console.log(`| navigation → page usable (interface up, plain editor) | ${ms(cold.usable)} | ${ms(warm.usable)} | |`);
  console.log(`| navigation → editor ready (Monaco mounted) | ${ms(cold.editorReady)} | ${ms(warm.editorReady)} | ≤ 1 s |`);
  console.log(`| navigation → Python ready | ${ms(cold.pythonReady)} | ${ms(warm.pythonReady)} | |`);
  console.log(`| bare boot of Python 3.11 in the worker | ${ms(cold.bootMs)} | ${ms(warm.bootMs)} | |`);
  console.log(`| navigation → first trace of the default example shown | ${ms(cold.firstTrace)} | ${ms(warm.firstTrace)} | |`);
  console.log(`| first trace ÷ bare boot (median of the per-load ratios) | ${cold.ratio.toFixed(2)}× | ${warm.ratio.toFixed(2)}× | ≤ 1.2× |`);
  console.log(`\nStep change on a ${steps.toLocaleString('en-US')}-step trace:`);
  console.log('| move | render done p50 / p95 / max | next frame painted p50 / p95 | goal |');
  console.log('|---|---:|---:|---|');
  for (const [name, times] of [['→ key (next step)', keyTimes], ['slider jump to a random step', jumpTimes]] as const) {
    const f = (values: number[], p: number) => pct(values, p).toFixed(1);
    console.log(`| ${name} | ${f(times.render, 0.5)} / ${f(times.render, 0.95)} / ${Math.max(...times.render).toFixed(1)} ms | ${f(times.frame, 0.5)} / ${f(times.frame, 0.95)} ms | render p95 ≤ 16 ms |`);
  }
  await context.close();
} finally {
  await session.close();
}
