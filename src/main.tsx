import { createBrowserEngine } from './engine/browser.ts';
import { startEngine } from './state/run-controller.ts';

// Python starts booting in its worker before anything else: this entry holds only the engine
// client and the app state; the interface (and Monaco, in a chunk of its own) loads meanwhile.
startEngine(createBrowserEngine);
const { renderApp } = await import('./ui/render.tsx');
renderApp(document.getElementById('root')!);
