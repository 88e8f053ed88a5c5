import type { Page } from '@playwright/test';
import { loadCwmFixture } from '../src/testing/cwm-fixture.ts';
import { expect, openApp, run, setCode, test as base, waitForTrace } from './fixtures.ts';
import { openAiServerFixture } from './openai-server-fixture.ts';

const test = base.extend(openAiServerFixture);
const ITEM = loadCwmFixture().find((item) => item.id === 'sample_0')!;
const SECRET = 'sk-test-SECRET-4242';

/** The fixture generation with one value changed in its 6th frame: the divergence to find. */
function plantedDivergence(): { text: string; frame: number } {
  const frames = ITEM.generation.split('<|frame_sep|>');
  const frame = 5;
  frames[frame] = frames[frame].replace('"[(4, 1)]"', '"[(4, 2)]"');
  return { text: frames.join('<|frame_sep|>'), frame };
}

async function openCompare(page: Page, baseUrl: string, model = 'test-model'): Promise<void> {
  const prediction = page.getByRole('region', { name: 'Prediction' });
  await expect(prediction).toBeVisible();
  await prediction.getByText('Model endpoint').click();
  await prediction.getByLabel('Base URL').fill(baseUrl);
  await prediction.getByLabel('Model', { exact: true }).fill(model);
  await prediction.getByRole('combobox', { name: 'Prompt mode' }).selectOption('cwm');
}

async function runFixtureItem(page: Page): Promise<number> {
  await openApp(page);
  await setCode(page, ITEM.code);
  await page.getByRole('textbox', { name: 'Call' }).fill(`f(${ITEM.input})`);
  await run(page);
  return waitForTrace(page);
}

test.describe('predicted traces from an OpenAI-compatible endpoint', () => {
  test('a streamed CWM prediction is marked at its first divergence before the stream ends', async ({ page, openAiServer }) => {
    const steps = await runFixtureItem(page);
    const planted = plantedDivergence();
    openAiServer.respondWith({ text: planted.text, chunkSize: 16, delayMs: 25 });
    await openCompare(page, openAiServer.baseUrl);
    await page.getByRole('button', { name: 'Predict', exact: true }).click();

    const diff = page.getByRole('region', { name: 'Diff' });
    const goTo = diff.getByRole('button', { name: 'Go to first divergence' });
    await expect(goTo).toBeEnabled();
    // The mark is there while frames are still arriving.
    await expect(page.getByRole('region', { name: 'Prediction' }).getByText(/^Receiving/)).toBeVisible();
    await expect(diff.getByText(/output.*\[\(4, 1\)\].*in the real run but.*\[\(4, 2\)\].*in the prediction/)).toBeVisible();

    await expect(page.getByRole('region', { name: 'Prediction' }).getByText(/^Received \d+ frames/)).toBeVisible({ timeout: 30_000 });
    await goTo.click();
    // Prediction frame k is real step k + 1 (the prompt seeds main()'s call frame): Step k + 2 of N.
    await expect(page.getByText(`Step ${planted.frame + 2} of ${steps}`)).toBeVisible();
    await expect(page.locator('.code-editor .glyph-diverge')).toHaveCount(1);
    await expect(diff.getByRole('table', { name: /At this step/ }).locator('tr.differs')).toHaveCount(1);
    await expect(diff.getByRole('table', { name: /Metrics/ })).toContainText('Output correct');
  });

  for (const [fault, message] of [
    ['fault-401', /refused the key|unauthorized|API key/i],
    ['fault-404', /not found|model name|\/v1/i],
    ['fault-429', /rate|too many/i],
    ['fault-500', /server error|500/i],
    ['cut-after-20', /cut|closed|ended before/i],
    ['malformed-after-20', /not JSON|malformed|unexpected/i],
    ['stall-after-20', /stalled|nothing for|no data/i],
  ] as const) {
    test(`${fault}: a clear message, and the frames received so far are kept`, async ({ page, openAiServer }) => {
      await runFixtureItem(page);
      // Chunks are spaced out so the ones before a cut arrive on their own (data that arrives
      // together with a connection reset may be dropped by the browser).
      await openCompare(page, openAiServer.baseUrl, `test-model+${fault}+chunk-40+delay-15`);
      await page.getByRole('spinbutton', { name: 'Stall timeout (s)' }).fill('2');
      openAiServer.respondWith({ text: ITEM.generation });
      await page.getByRole('button', { name: 'Predict', exact: true }).click();
      const prediction = page.getByRole('region', { name: 'Prediction' });
      await expect(prediction.locator('.prediction-error')).toContainText(message, { timeout: 20_000 });
      await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
      if (fault.includes('after')) {
        await expect(prediction.getByText(/^Failed after [1-9]\d* frames?/)).toBeVisible();
        await expect(prediction.getByText('The frames received so far are kept.', { exact: false })).toBeVisible();
      }
    });
  }

  test('teacher forcing checks the next frame at every step of the real trace', async ({ page, openAiServer }) => {
    const steps = await runFixtureItem(page);
    await openCompare(page, openAiServer.baseUrl);
    await page.getByRole('button', { name: 'Teacher-forced check' }).click();
    const prediction = page.getByRole('region', { name: 'Prediction' });
    // The server replays CWM's own (fully right) generation one frame per request.
    await expect(prediction.getByText(`Teacher-forced: ${steps - 1} of ${steps - 1} next frames right (${steps - 1} steps)`)).toBeVisible({ timeout: 60_000 });
    const prompts = openAiServer.requests.filter((r) => r.method === 'POST').map((r) => r.body as { prompt: string; stop_token_ids?: number[] });
    expect(prompts).toHaveLength(steps - 1);
    expect(prompts.every((p) => p.stop_token_ids?.includes(128100))).toBe(true);
    await expect(page.getByRole('img', { name: /teacher-forced: \d+ of \d+ right/ })).toBeVisible();
  });

  test('Cancel prediction stops the request and keeps what arrived', async ({ page, openAiServer }) => {
    await runFixtureItem(page);
    await openCompare(page, openAiServer.baseUrl);
    openAiServer.respondWith({ text: ITEM.generation, chunkSize: 10, delayMs: 60 });
    await page.getByRole('button', { name: 'Predict', exact: true }).click();
    const prediction = page.getByRole('region', { name: 'Prediction' });
    await expect(prediction.getByText(/^Receiving [3-9]\d* frames|^Receiving \d{2,} frames/)).toBeVisible();
    await page.getByRole('button', { name: 'Cancel prediction' }).click();
    await expect(prediction.getByText(/^Cancelled after \d+ frames/)).toBeVisible();
    const kept = Number((await prediction.getByText(/^Cancelled after \d+ frames/).textContent())!.match(/after (\d+)/)![1]);
    expect(kept).toBeGreaterThan(2);
    expect(kept).toBeLessThan(20);
  });

  test('the API key goes only to the endpoint: not in the URL, storage, other requests or the worker', async ({ page, openAiServer }) => {
    const workerMessages: string[] = [];
    await page.exposeFunction('__recordWorkerMessage', (text: string) => void workerMessages.push(text));
    await page.addInitScript(() => {
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
        try {
          (window as unknown as { __recordWorkerMessage(t: string): void }).__recordWorkerMessage(JSON.stringify(message) ?? '');
        } catch {
          // messages that cannot be stringified hold no text
        }
        return (post as (...args: unknown[]) => void).call(this, message, ...rest);
      };
    });
    const carriers: string[] = [];
    page.on('request', (request) => {
      const headers = JSON.stringify(request.headers());
      if ((request.url() + headers + (request.postData() ?? '')).includes(SECRET) && !request.url().startsWith(openAiServer.baseUrl)) carriers.push(request.url());
    });
    openAiServer.configure({ apiKey: SECRET });
    await runFixtureItem(page);
    await openCompare(page, openAiServer.baseUrl);
    await page.getByLabel('API key').fill(SECRET);
    openAiServer.respondWith({ text: ITEM.generation, chunkSize: 200 });
    await page.getByRole('button', { name: 'Predict', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Prediction' }).getByText(/^Received \d+ frames/)).toBeVisible();
    await page.waitForTimeout(500); // let the settings be saved

    expect(page.url()).not.toContain(SECRET);
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(storage).not.toContain(SECRET);
    expect(carriers).toEqual([]);
    expect(workerMessages.length).toBeGreaterThan(0);
    expect(workerMessages.filter((m) => m.includes(SECRET))).toEqual([]);
    const generation = openAiServer.requests.filter((r) => r.method === 'POST');
    expect(generation.length).toBeGreaterThan(0);
    for (const request of generation) expect(request.headers.authorization).toBe(`Bearer ${SECRET}`);

    // Remembering is the user's choice: then (and only then) it is stored.
    await page.getByRole('checkbox', { name: 'remember the key on this device' }).check();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('pytrace:endpoint') ?? '')).toContain(SECRET);
  });
});
