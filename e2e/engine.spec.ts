import { expect, setCode, test } from './fixtures.ts';

test('Python boots in a cross-origin-isolated worker and traces a run', async ({ page }) => {
  await page.goto('./');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByRole('status')).toContainText('ready', { timeout: 60_000 });
  await setCode(page, 'def f(n):\n    return n * 2\n\nprint(f(21))\n');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('outcome')).toContainText('completed');
  await expect(page.getByRole('region', { name: 'Output' })).toContainText('42');
  await expect(page.getByRole('region', { name: 'Trace' })).toContainText('<|return_sep|><|action_sep|>    return n * 2');
});

test('Stop ends an infinite loop and Python stays booted', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('status')).toContainText('ready', { timeout: 60_000 });
  await page.getByLabel('Call').fill('');
  await setCode(page, 'import time\nwhile True:\n    time.sleep(0.01)\n');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('status')).toContainText('Running');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('outcome')).toContainText('stopped');
  await expect(page.getByRole('status')).toContainText('ready');
});
