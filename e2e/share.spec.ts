import { deflateSync, strToU8 } from 'fflate';
import { encodeState, type SharedState } from '../src/share/permalink.ts';
import { loadCwmFixture } from '../src/testing/cwm-fixture.ts';
import { expect, openApp, run, savedDraft, setCode, test, waitForTrace } from './fixtures.ts';

const ITEM = loadCwmFixture().find((item) => item.id === 'sample_0')!;

function linkWithPrediction(): { hash: string; divergenceStep: number } {
  const frames = ITEM.generation.split('<|frame_sep|>');
  frames[5] = frames[5].replace('"[(4, 1)]"', '"[(4, 2)]"');
  const state: SharedState = {
    code: ITEM.code, call: `f(${ITEM.input})`, stdin: '', runtime: '3.11', maxSteps: 100_000, step: 3, compareMode: 'strict',
    prediction: { text: frames.join('<|frame_sep|>'), format: 'cwm', model: 'facebook/cwm', promptMode: 'cwm' },
    endpoint: { baseUrl: 'http://localhost:9/v1', model: 'facebook/cwm' },
  };
  return { hash: encodeState(state), divergenceStep: 6 };
}

test.describe('sharing', () => {
  test('a link with a prediction opens on the diff, at its step, without an endpoint', async ({ page }) => {
    await openApp(page);
    const own = 'mine = "my own draft"\n';
    await setCode(page, own);
    const { hash, divergenceStep } = linkWithPrediction();
    await page.goto(`./${hash}`);
    await expect(page.getByText(/^Step 4 of \d+$/)).toBeVisible({ timeout: 60_000 });
    const diff = page.getByRole('region', { name: 'Diff' });
    await expect(diff.getByText(/in the real run but/)).toBeVisible();
    await diff.getByRole('button', { name: 'Go to first divergence' }).click();
    await expect(page.getByText(new RegExp(`^Step ${divergenceStep + 1} of`))).toBeVisible();
    // The link's endpoint is only suggested; the settings stay as they were.
    await expect(page.getByRole('region', { name: 'Suggested endpoint' })).toContainText('http://localhost:9/v1');
    await page.getByRole('button', { name: 'Keep mine' }).click();
    await expect(page.getByRole('region', { name: 'Prediction' }).getByText(/Received \d+ frames from link/)).toBeVisible();
    // The user's own code is one click away.
    await page.getByRole('button', { name: 'Restore my code' }).click();
    await expect.poll(() => savedDraft(page).then((d) => d?.code)).toBe(own);
  });

  test('Copy link makes a link that reopens the same code and step', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page);
    await setCode(page, 'x = 1\ny = x + 1\nz = y * 3\n');
    await run(page);
    await waitForTrace(page);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#v1\//);
    expect(link.length).toBeLessThan(300);
    await setCode(page, 'something = "else"\n');
    await page.goto(link);
    await expect(page.getByText(/^Step 3 of 5$/)).toBeVisible({ timeout: 60_000 });
    await expect.poll(() => savedDraft(page).then((d) => d?.code)).toBe('x = 1\ny = x + 1\nz = y * 3\n');
  });

  for (const [name, hash] of [
    ['corrupt', '#v1/not*base64'],
    ['truncated', encodeState({ code: 'x = 1\n'.repeat(50), call: '', stdin: '', runtime: '3.11', maxSteps: 100_000, step: 0, compareMode: 'strict', prediction: null, endpoint: null }).slice(0, 40)],
    ['from the future', '#v7/AAAA'],
    ['hostile', '#v1/' + Buffer.from(deflateSync(strToU8(JSON.stringify({ c: 'x', r: '3.11', p: { t: 1 }, k: '<img src=x onerror=alert(1)>' })))).toString('base64url')],
  ] as const) {
    test(`a ${name} link shows a clear error and keeps the draft`, async ({ page }) => {
      await openApp(page);
      const own = 'keep = "me"\n';
      await setCode(page, own);
      await page.goto(`./${hash}`);
      const alert = page.getByRole('alert').filter({ hasText: 'This link cannot be opened' });
      await expect(alert).toBeVisible();
      await expect(alert).toContainText('Your own code was not changed');
      expect((await savedDraft(page))?.code).toBe(own);
      await expect(page.getByText(/Python [\d.]+ ready/)).toBeVisible({ timeout: 60_000 });
    });
  }

  test('embed mode renders the code and stepping, read-only, without touching the draft', async ({ page }) => {
    await openApp(page);
    const own = 'own = 1\n';
    await setCode(page, own);
    const hash = encodeState({ code: 'a = [1, 2]\nb = a\nb.append(3)\n', call: '', stdin: '', runtime: '3.11', maxSteps: 100_000, step: 2, compareMode: 'strict', prediction: null, endpoint: null });
    await page.goto(`./?embed=1${hash}`);
    await expect(page.getByText(/^Step 3 of \d+$/)).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('region', { name: 'Editor' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Variables' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /Open in the playground/ })).toBeVisible();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.getByText(/^Step 4 of \d+$/)).toBeVisible();
    await page.locator('.monaco-editor').first().click();
    await page.keyboard.type('zzz');
    await expect(page.locator('.monaco-editor .view-lines')).not.toContainText('zzz');
    expect((await savedDraft(page))?.code).toBe(own);
  });
});
