import { transfer } from 'comlink';
import { batchBuffers } from '../trace/raw-batch.ts';
import { ControlReader } from './control.ts';
import type { BootInfo, BootOptions, BootProgress, EngineWorkerApi, RunCallbacks, RunReport, RunRequest } from './protocol.ts';
import { PythonSession, type PyodideLike } from './session.ts';

export type RuntimeLoader = (options: BootOptions) => Promise<PyodideLike>;

/**
 * The engine as a worker exposes it — the same in a browser Worker and a Node worker thread;
 * only how Pyodide is loaded and how the harness files are read differ.
 */
export function createEngineApi(loadRuntime: RuntimeLoader, harnessFiles: () => Promise<Record<string, string>>): EngineWorkerApi {
  let session: PythonSession | null = null;
  let control: ControlReader | null = null;
  return {
    async boot(options: BootOptions, progress: (progress: BootProgress) => void): Promise<BootInfo> {
      const started = performance.now();
      progress({ phase: 'loading runtime', fraction: 0.05 });
      const files = harnessFiles();
      const pyodide = await loadRuntime(options);
      progress({ phase: 'loading tracer', fraction: 0.9 });
      control = options.control ? new ControlReader(options.control) : null;
      session = PythonSession.start(pyodide, await files, control);
      progress({ phase: 'ready', fraction: 1 });
      return {
        runtime: options.runtime,
        pythonVersion: session.pythonVersion,
        bootMs: performance.now() - started,
        canInterrupt: control !== null,
      };
    },
    async run(request: RunRequest, callbacks: RunCallbacks): Promise<RunReport> {
      if (!session) throw new Error('the engine has not booted');
      let batches = 0;
      const { outcome, elapsedMs } = session.run(request, control, {
        batch: (batch) => {
          batches++;
          callbacks.batch(request.runId, transfer(batch, batchBuffers(batch)));
        },
        input: (prompt) => callbacks.input(request.runId, prompt),
      });
      return { outcome, elapsedMs, batches };
    },
  };
}
