/** Helpers for tests that run programs on the Node engine and look at what a user would see. */
import { afterAll, beforeAll, expect } from 'vitest';
import type { EngineClient, RunInput, RunResult } from '../engine/client.ts';
import { createNodeEngine } from '../engine/node/engine.ts';
import type { RuntimeId } from '../engine/runtimes.ts';
import type { TraceStore } from '../trace/store.ts';
import type { EndReason, StepKind } from '../trace/types.ts';

/** One step as a user reads it: kind, line, function, depth, innermost frame's variables. */
export interface StepView {
  kind: StepKind;
  line: number;
  name: string;
  frameId: number;
  depth: number;
  variables: Record<string, string>;
  value: string | null;
}

export function stepView(store: TraceStore, step: number): StepView {
  const [frame] = store.stack(step);
  return {
    kind: store.kind(step),
    line: store.line(step),
    name: frame.name,
    frameId: frame.frameId,
    depth: frame.depth,
    variables: Object.fromEntries(frame.variables.map((v) => [v.name, v.value])),
    value: store.value(step)?.text ?? null,
  };
}

export function stepViews(store: TraceStore, from = 0, to = store.stepCount): StepView[] {
  const views = [];
  for (let step = Math.max(0, from); step < Math.min(to, store.stepCount); step++) views.push(stepView(store, step));
  return views;
}

/** The deepest call depth of a trace (0: the outermost frame). */
export function maxDepth(store: TraceStore): number {
  let deepest = -1;
  for (let step = 0; step < store.stepCount; step++) deepest = Math.max(deepest, store.depth(store.activation(step)));
  return deepest;
}

export function lastStep(store: TraceStore): StepView {
  expect(store.stepCount).toBeGreaterThan(0);
  return stepView(store, store.stepCount - 1);
}

/** Variables of a frame (by name, innermost first) at a step. */
export function frameVariables(store: TraceStore, step: number, name: string): Record<string, string> {
  const frame = store.stack(step).find((f) => f.name === name);
  expect(frame, `frame ${name} at step ${step}`).toBeDefined();
  return Object.fromEntries(frame!.variables.map((v) => [v.name, v.value]));
}

/** Everything the store answers about a trace, as plain data (for comparing two runs). */
export function materialize(store: TraceStore): unknown {
  const steps = [];
  for (let step = 0; step < store.stepCount; step++) {
    steps.push({
      kind: store.kind(step),
      line: store.line(step),
      source: store.sourceLine(step),
      activation: store.activation(step),
      value: store.value(step),
      output: store.outputLengthAt(step),
      stack: store.stack(step),
    });
  }
  const objects = [];
  for (let id = 0; id < store.objectCount; id++) objects.push(store.objectHistory(id));
  return { steps, objects, output: store.output, runs: store.outputRuns() };
}

/** A normal program runs to completion right after whatever the previous test did. */
export async function expectUsable(engine: EngineClient): Promise<void> {
  const { outcome, store } = await engine.run({ code: 'a = 6\nb = a * 7\nprint(b)' });
  expect(outcome.reason).toBe('completed');
  expect(store.output).toBe('42\n');
  expect(lastStep(store).variables).toEqual({ a: '6', b: '42' });
}

/** Run, and call engine.stop() once the run has been under way for `afterMs`. */
export async function runAndStop(engine: EngineClient, input: RunInput, afterMs = 200): Promise<RunResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await engine.run(input, { onStart: () => (timer = setTimeout(() => engine.stop(), afterMs)) });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One booted engine for a test file (booting takes seconds): registers beforeAll/afterAll and
 * returns a function that traces a program and checks how it ended (completed by default).
 */
export function engineForTests(runtime: RuntimeId = '3.11'): (code: string, ending?: EndReason) => Promise<TraceStore> {
  let engine: EngineClient;
  beforeAll(async () => {
    engine = createNodeEngine(runtime);
    await engine.boot();
  });
  afterAll(() => engine?.dispose());
  return async (code, ending = 'completed') => {
    const { store, outcome } = await engine.run({ code });
    expect(outcome.reason).toBe(ending);
    return store;
  };
}
