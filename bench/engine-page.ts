import { createBrowserEngine } from '../src/engine/browser.ts';
import type { RuntimeId } from '../src/engine/runtimes.ts';
import { measureEngine } from './engine-measure.ts';

declare global {
  interface Window {
    benchEngine(runtime: RuntimeId): ReturnType<typeof measureEngine>;
  }
}

window.benchEngine = (runtime) => measureEngine(createBrowserEngine, runtime, 'Chromium worker');
