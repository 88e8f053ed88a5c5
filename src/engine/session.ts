import { entrySource } from '../trace/cwm/prompt.ts';
import type { RawBatch } from '../trace/raw-batch.ts';
import type { Outcome } from '../trace/types.ts';
import type { ControlReader } from './control.ts';
import { parseRunResult, type RunRequest } from './protocol.ts';

/** The parts of a Pyodide instance the engine uses (the same in 0.25 and 314). */
export interface PyodideLike {
  version: string;
  FS: { mkdirTree(path: string): void; writeFile(path: string, data: string): void };
  runPython(code: string): unknown;
  pyimport(name: string): unknown;
  setInterruptBuffer(buffer: Int32Array): void;
}

interface PyBufferProxy {
  getBuffer(type?: string): { data: ArrayBufferView; release(): void };
}

type PyRun = ((requestJson: string, host: object) => string) & { destroy?: () => void };

export interface RunSink {
  batch(batch: RawBatch): void;
  input(prompt: string): void;
}

const HARNESS_DIR = '/home/pyodide/.pytrace';

function copyInt32(proxy: PyBufferProxy): Int32Array {
  const buffer = proxy.getBuffer('i32');
  const copy = new Int32Array(buffer.data as Int32Array);
  buffer.release(); // Pyodide destroys argument proxies itself once the call returns
  return copy;
}

function copyBytes(proxy: PyBufferProxy): Uint8Array {
  const buffer = proxy.getBuffer('u8');
  const copy = new Uint8Array(buffer.data as Uint8Array);
  buffer.release(); // Pyodide destroys argument proxies itself once the call returns
  return copy;
}

/**
 * A booted Python with the tracer harness loaded. Runs are synchronous: Python holds the thread
 * until the run ends, so everything that must happen during a run (batches out, stop requests and
 * input in) goes through the host object and the shared control block.
 */
export class PythonSession {
  private readonly runPy: PyRun;

  private constructor(readonly pyodide: PyodideLike, readonly pythonVersion: string) {
    this.runPy = (pyodide.pyimport('pytrace') as { run: PyRun }).run;
  }

  /** Install the harness (files: name -> source) and import it. */
  static start(pyodide: PyodideLike, files: Record<string, string>, control: ControlReader | null): PythonSession {
    pyodide.FS.mkdirTree(`${HARNESS_DIR}/pytrace`);
    for (const [name, source] of Object.entries(files)) pyodide.FS.writeFile(`${HARNESS_DIR}/pytrace/${name}`, source);
    const version = String(pyodide.runPython(
      `import sys\nsys.path.insert(0, ${JSON.stringify(HARNESS_DIR)})\nimport pytrace\nsys.version.split()[0]`,
    ));
    if (control) pyodide.setInterruptBuffer(control.interruptBuffer);
    return new PythonSession(pyodide, version);
  }

  run(request: RunRequest, control: ControlReader | null, sink: RunSink): { outcome: Outcome; elapsedMs: number } {
    const host = {
      flush: (...parts: unknown[]) => sink.batch(toRawBatch(parts)),
      stop_requested: () => control?.stopReason() ?? '',
      sleep: (ms: number) => {
        if (control) control.sleep(ms);
        else busyWait(ms);
        return control?.stopReason() ?? '';
      },
      // End of input is undefined, not null: Pyodide 314 hands JS null to Python as `jsnull`.
      read_line: (prompt: string): string | undefined => {
        if (!control || !request.interactive) return undefined;
        return control.waitForInput(() => sink.input(prompt)) ?? undefined;
      },
    };
    const wire = { ...request, entrySource: request.call ? entrySource(request.call) : null };
    try {
      return parseRunResult(this.runPy(JSON.stringify(wire), host));
    } catch (error) {
      return { outcome: { reason: 'crashed', steps: 0, type: 'EngineError', message: errorMessage(error) }, elapsedMs: 0 };
    }
  }
}

function toRawBatch(parts: unknown[]): RawBatch {
  const ints = parts.slice(0, 7).map((p) => copyInt32(p as PyBufferProxy));
  return {
    log: ints[0], slots: ints[1], activations: ints[2], frames: ints[3], codes: ints[4], versions: ints[5], pool: ints[6],
    strings: copyBytes(parts[7] as PyBufferProxy),
    outputText: String(parts[8]),
    outputStreams: copyInt32(parts[9] as PyBufferProxy),
  };
}

function busyWait(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // no SharedArrayBuffer to wait on: spin (only on pages without cross-origin isolation)
  }
}

function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.trim().split('\n');
  return lines[lines.length - 1].slice(0, 500);
}
