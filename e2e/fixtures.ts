import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every e2e test runs with a guard: the page may load nothing from any other origin (the app is
 * offline by construction). The test fails on any request that is not to localhost.
 */
export const test = base.extend<{ offlineGuard: void }>({
  offlineGuard: [
    async ({ page }, use) => {
      const foreign: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return;
        if (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') foreign.push(request.url());
      });
      await use();
      expect(foreign, 'requests to other origins').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Open the app and wait until Python is ready. */
export async function openApp(page: Page, path = './'): Promise<void> {
  await page.goto(path);
  await expect(page.getByText(/Python [\d.]+ ready/)).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.monaco-editor')).toBeVisible();
}

/**
 * Put code into the Monaco editor exactly: typing would auto-indent every new line, a paste keeps
 * the text as it is.
 */
export async function pasteCode(page: Page, code: string): Promise<void> {
  const editor = page.locator('.monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, code);
}

/** pasteCode, then wait until the app has saved it as the draft. */
export async function setCode(page: Page, code: string): Promise<void> {
  await pasteCode(page, code);
  await expect.poll(() => savedDraft(page).then((draft) => draft?.code)).toBe(code);
}

/** The draft the app saved in local storage. */
export async function savedDraft(page: Page): Promise<{ code: string; call: string; stdin: string; runtime: string } | null> {
  return page.evaluate(() => {
    const text = localStorage.getItem('pytrace:draft');
    return text ? (JSON.parse(text) as { draft: { code: string; call: string; stdin: string; runtime: string } }).draft : null;
  });
}

export async function run(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

/** Wait for a finished run and return its number of steps. */
export async function waitForTrace(page: Page): Promise<number> {
  const status = page.getByText(/^Step [\d,]+ of [\d,]+$/);
  await expect(status).toBeVisible({ timeout: 60_000 });
  const text = (await status.textContent()) ?? '';
  return Number(text.replace(/,/g, '').match(/of (\d+)/)![1]);
}
