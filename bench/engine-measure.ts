/**
 * Engine measurements shared by the Node and the Chromium halves of `npm run bench:engine`: the
 * same programs and the same code, only the engine's host differs.
 */
import type { EngineClient } from '../src/engine/client.ts';
import type { RuntimeId } from '../src/engine/runtimes.ts';
import type { TraceStore } from '../src/trace/store.ts';

export interface ProgramFigures {
  program: string;
  steps: number;
  /** Client wall time of the traced run: tracing, transfer and ingestion. */
  tracedMs: number;
  /** Traced run's time inside Python. */
  tracedPythonMs: number;
  untracedPythonMs: number;
  stepsPerSecond: number;
  /** tracedPythonMs ÷ untracedPythonMs. */
  slowdown: number;
  bytesPerStep: number;
}

export interface EngineFigures {
  environment: string;
  runtime: RuntimeId;
  python: string;
  bootMs: number;
  programs: ProgramFigures[];
  /** Materializing a random step of the first program's trace (stack, variables, their objects). */
  materializeUs: { p50: number; p95: number; max: number };
}

export const PROGRAMS: { name: string; code: string }[] = [
  {
    name: 'tight loop (1M steps)',
    code: 'total = 0\nfor i in range(499999):\n    total += i\n',
  },
  {
    name: 'collatz with calls',
    code: [
      'def collatz(n):',
      '    steps = 0',
      '    while n != 1:',
      '        n = n // 2 if n % 2 == 0 else 3 * n + 1',
      '        steps += 1',
      '    return steps',
      '',
      'best = (0, 0)',
      'for start in range(1, 5000):',
      '    length = collatz(start)',
      '    if length > best[1]:',
      '        best = (start, length)',
      'print(best)',
      '',
    ].join('\n'),
  },
  {
    name: 'insertion sort (list mutation)',
    code: [
      'data = [(i * 7919) % 1000 for i in range(400)]',
      'for i in range(1, len(data)):',
      '    key = data[i]',
      '    j = i - 1',
      '    while j >= 0 and data[j] > key:',
      '        data[j + 1] = data[j]',
      '        j -= 1',
      '    data[j + 1] = key',
      '',
    ].join('\n'),
  },
];

const LIMITS = { maxSteps: 2_000_000, timeLimitMs: 120_000 };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function materialize(store: TraceStore, step: number): number {
  let touched = 0;
  for (const frame of store.stack(step)) {
    for (const variable of frame.variables) {
      touched += variable.value.length;
      if (variable.objectId >= 0) touched += store.object(variable.objectId, step)?.refs.length ?? 0;
    }
  }
  return touched;
}

function measureMaterialize(store: TraceStore): EngineFigures['materializeUs'] {
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const step = Math.floor(random() * store.stepCount);
    const started = performance.now();
    materialize(store, step);
    times.push((performance.now() - started) * 1000);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times[times.length - 1] };
}

export async function measureEngine(createEngine: (runtime: RuntimeId) => EngineClient, runtime: RuntimeId, environment: string): Promise<EngineFigures> {
  const started = performance.now();
  const engine = createEngine(runtime);
  const info = await engine.boot();
  const bootMs = performance.now() - started;
  const programs: ProgramFigures[] = [];
  let materializeUs: EngineFigures['materializeUs'] = { p50: 0, p95: 0, max: 0 };
  try {
    for (const [index, program] of PROGRAMS.entries()) {
      const untraced = await engine.run({ code: program.code, traced: false, limits: LIMITS });
      const traced = await engine.run({ code: program.code, limits: LIMITS });
      if (traced.outcome.reason !== 'completed') throw new Error(`${program.name}: ${traced.outcome.reason}`);
      const steps = traced.store.stepCount;
      programs.push({
        program: program.name,
        steps,
        tracedMs: traced.durationMs,
        tracedPythonMs: traced.pythonMs,
        untracedPythonMs: untraced.pythonMs,
        stepsPerSecond: steps / (traced.durationMs / 1000),
        slowdown: traced.pythonMs / untraced.pythonMs,
        bytesPerStep: traced.store.byteLength / steps,
      });
      if (index === 0) materializeUs = measureMaterialize(traced.store);
    }
  } finally {
    engine.dispose();
  }
  return { environment, runtime, python: info.pythonVersion, bootMs, programs, materializeUs };
}
