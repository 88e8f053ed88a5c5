/** Serve the benchmark build and drive it in headless Chromium (system Chromium when present). */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';

export interface BenchBrowser {
  page: Page;
  baseUrl: string;
  close(): Promise<void>;
}

export async function buildBenchPages(): Promise<void> {
  await build({ configFile: new URL('./vite.bench.config.ts', import.meta.url).pathname, logLevel: 'warn' });
}

export async function openBenchBrowser(): Promise<BenchBrowser> {
  const server: PreviewServer = await preview({
    configFile: new URL('./vite.bench.config.ts', import.meta.url).pathname,
    preview: { port: 4183, strictPort: false },
    logLevel: 'warn',
  });
  const baseUrl = server.resolvedUrls?.local[0] ?? 'http://localhost:4183/';
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser: Browser = await chromium.launch({
    executablePath,
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  return {
    page,
    baseUrl,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
