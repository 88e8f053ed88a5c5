/** Serve a production build and drive it in headless Chromium (system Chromium when present). */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { build, preview, type InlineConfig, type PreviewServer } from 'vite';

const BENCH_CONFIG = new URL('./vite.bench.config.ts', import.meta.url).pathname;
const APP_CONFIG = new URL('../vite.config.ts', import.meta.url).pathname;

export interface BenchBrowser {
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/** Build the app (`app`) or the benchmark pages (`bench`). */
export async function buildFor(target: 'app' | 'bench'): Promise<void> {
  await build({ configFile: target === 'app' ? APP_CONFIG : BENCH_CONFIG, logLevel: 'warn' });
}

export async function openBenchBrowser(target: 'app' | 'bench'): Promise<BenchBrowser> {
  const config: InlineConfig = { configFile: target === 'app' ? APP_CONFIG : BENCH_CONFIG, preview: { port: 4183, strictPort: false }, logLevel: 'warn' };
  const server: PreviewServer = await preview(config);
  const baseUrl = server.resolvedUrls?.local[0] ?? 'http://localhost:4183/';
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    executablePath,
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    baseUrl,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
