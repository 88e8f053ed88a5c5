/**
 * Runs the draft on the engine and keeps the app state in step with it: the engine's status, the
 * trace as batches arrive, input() prompts, the cursor. One engine client for the page.
 */
import type { EngineClient } from '../engine/client.ts';
import type { RuntimeId } from '../engine/runtimes.ts';
import { useAppStore, type RunView } from './app-store.ts';
import { similarPrograms } from './similarity.ts';
import { DEFAULT_LIMITS } from '../trace/types.ts';

let engine: EngineClient | null = null;
let runCounter = 0;

/** A new id for a run view (runs and imported traces share the counter). */
export function nextRunId(): number {
  return ++runCounter;
}

/** Create the page's engine (once; later calls return it) and start booting Python right away. */
export function startEngine(create: (runtime: RuntimeId) => EngineClient): EngineClient {
  if (engine) return engine;
  const client = create(useAppStore.getState().draft.runtime);
  engine = client;
  client.subscribe((status) => {
    if (status.state === 'idle' && performance.getEntriesByName('python-ready').length === 0) performance.mark('python-ready');
    useAppStore.setState({ engine: status });
    if (status.state === 'failed') useAppStore.setState({ alert: `Python could not start: ${status.error}` });
  });
  useAppStore.setState({ engine: client.status });
  void client.boot().catch(() => {});
  return client;
}

export function getEngine(): EngineClient | null {
  return engine;
}

export async function switchRuntime(runtime: RuntimeId): Promise<void> {
  useAppStore.getState().updateDraft({ runtime });
  if (engine && engine.runtime !== runtime) await engine.setRuntime(runtime).catch(() => {});
}

/** Schedules at most one state update per animation frame while batches stream in. */
function frameThrottle(callback: () => void): () => void {
  let pending = false;
  const schedule = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (f: () => void) => setTimeout(f, 16);
  return () => {
    if (pending) return;
    pending = true;
    schedule(() => {
      pending = false;
      callback();
    });
  };
}

/** A User Timing mark once the browser has painted the current state (for bench:ui). */
function markAfterRender(name: string): void {
  if (typeof requestAnimationFrame !== 'function') return;
  requestAnimationFrame(() => setTimeout(() => performance.mark(name), 0));
}

/** Run the current draft. Resolves when the run has ended (however it ended). */
export async function runDraft(): Promise<void> {
  if (!engine) return;
  const state = useAppStore.getState();
  const { draft, run: previous, step: previousStep } = state;
  if (draft.runtime !== engine.runtime) await switchRuntime(draft.runtime);
  const id = nextRunId();
  const keepStep = previous !== null && previous.call === draft.call.trim() && similarPrograms(previous.code, draft.code);
  const wantedStep = keepStep ? previousStep : 0;
  const update = (patch: Partial<RunView>) => {
    const current = useAppStore.getState().run;
    if (current?.id === id) useAppStore.setState({ run: { ...current, ...patch } });
  };
  const refreshSteps = frameThrottle(() => {
    const current = useAppStore.getState().run;
    if (current?.id === id) update({ steps: current.store.stepCount });
  });
  useAppStore.setState({ alert: null, inputPrompt: null });
  try {
    const result = await engine.run(
      { code: draft.code, call: draft.call, stdin: draft.stdin, interactive: true, limits: { maxSteps: draft.maxSteps } },
      {
        onStart: (store) => {
          useAppStore.setState({
            run: {
              id, store, code: draft.code, call: draft.call.trim(), runtime: draft.runtime, outcome: null, info: null, durationMs: 0, steps: 0,
              limits: { ...DEFAULT_LIMITS, maxSteps: draft.maxSteps }, origin: 'run',
            },
            step: 0,
          });
        },
        onBatch: refreshSteps,
        onInput: (prompt) => useAppStore.setState({ inputPrompt: prompt }),
      },
    );
    update({ outcome: result.outcome, info: result.info, durationMs: result.durationMs, steps: result.store.stepCount });
    if (useAppStore.getState().run?.id === id) {
      useAppStore.setState({ inputPrompt: null });
      useAppStore.getState().setStep(wantedStep);
      markAfterRender(`trace-shown-${id}`);
    }
  } catch (error) {
    useAppStore.setState({ alert: `The run failed: ${error instanceof Error ? error.message : String(error)}` });
  }
}

export function stopRun(): void {
  engine?.stop();
}

/** Answer the program's input() (null: end of input). */
export function submitInput(line: string | null): void {
  useAppStore.setState({ inputPrompt: null });
  engine?.provideInput(line);
}
