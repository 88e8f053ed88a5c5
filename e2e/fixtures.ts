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

/** Put code into the editor exactly (Monaco auto-indents typed text; a paste keeps it). */
export async function setCode(page: Page, code: string): Promise<void> {
  await page.getByLabel('Code').fill(code);
}
