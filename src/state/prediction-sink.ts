/**
 * Where a predicted trace's text goes as it arrives: parsed incrementally (each chunk once),
 * diffed frame by frame against the real run, and published to the prediction store at most once
 * per animation frame.
 */
import { alignmentFor, predictionReader } from '../compare/alignment.ts';
import { DiffState, type CompareMode, type TraceFrame } from '../compare/index.ts';
import type { RunView } from './app-store.ts';
import { usePredictionStore, type Prediction, type PredictionFormat, type PredictionStatus, type PromptMode } from './prediction-store.ts';

export { alignmentFor, detectFormat, type Alignment } from '../compare/alignment.ts';

let counter = 0;

export interface PredictionSink {
  readonly id: number;
  pushText(chunk: string): void;
  pushReasoning(chunk: string): void;
  /** The stream is over (however it ended). */
  finish(status: PredictionStatus, error?: string | null, stats?: Partial<Pick<Prediction, 'tokensPerSecond' | 'firstTokenMs'>>): void;
  /** Still the prediction on screen? */
  readonly current: boolean;
}

export interface SinkOptions {
  run: RunView;
  format: PredictionFormat;
  source: Prediction['source'];
  model?: string | null;
  promptMode?: PromptMode | null;
  /** CWM text already part of the prediction before the stream (step-by-step mode). */
  initialText?: string;
}


/** Start a new prediction (it replaces the one shown) and return where its text goes. */
export function startPrediction(options: SinkOptions): PredictionSink {
  const id = ++counter;
  const { run, format } = options;
  const alignment = alignmentFor(run.store, run.call, format);
  const mode: CompareMode = usePredictionStore.getState().compareMode;
  const diff = new DiffState(alignment.real, mode);
  const reader = predictionReader(format, run.call);
  const frames: TraceFrame[] = [];
  const startedAt = performance.now();
  let text = '';
  let reasoning = '';
  let scheduled = false;
  let firstTokenMs: number | null = null;

  const prediction: Prediction = {
    id, source: options.source, format, model: options.model ?? null, promptMode: options.promptMode ?? null, runId: run.id,
    text: '', reasoning: '', frames, status: 'streaming', ended: false, error: null, stepOf: alignment.stepOf,
    startedAt, firstTokenMs: null, elapsedMs: 0, tokensPerSecond: null,
  };
  usePredictionStore.setState((state) => ({ prediction, diff, diffVersion: state.diffVersion + 1 }));

  const isCurrent = () => usePredictionStore.getState().prediction?.id === id;
  const publish = () => {
    scheduled = false;
    if (!isCurrent()) return;
    usePredictionStore.setState((state) => ({
      prediction: { ...state.prediction!, text, reasoning, firstTokenMs, elapsedMs: performance.now() - startedAt },
      diffVersion: state.diffVersion + 1,
    }));
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(publish);
    else setTimeout(publish, 0);
  };
  const accept = (newFrames: TraceFrame[]) => {
    for (const frame of newFrames) {
      frames.push(frame);
      if (!diff.ended) diff.push(frame);
    }
  };
  let divergenceMarked = false;
  const pushText = (chunk: string) => {
    if (!isCurrent() || !chunk) return;
    const arrived = performance.now();
    if (firstTokenMs === null) firstTokenMs = arrived - startedAt;
    text += chunk;
    accept(reader.push(chunk));
    if (!divergenceMarked && diff.firstDivergence) {
      // User Timing for bench:predict: the chunk that completed the first divergent frame arrived.
      divergenceMarked = true;
      performance.mark(`divergence-arrived-${id}`, { startTime: arrived });
    }
    schedule();
  };
  if (options.initialText) pushText(options.initialText);

  return {
    id,
    get current() {
      return isCurrent();
    },
    pushText,
    pushReasoning(chunk) {
      if (!isCurrent()) return;
      reasoning += chunk;
      schedule();
    },
    finish(status, error = null, stats = {}) {
      if (!isCurrent()) return;
      accept(reader.end());
      const ended = reader.ended;
      if (!diff.ended) diff.end();
      usePredictionStore.setState((state) => ({
        prediction: {
          ...state.prediction!, text, reasoning, status, ended, error,
          firstTokenMs: stats.firstTokenMs ?? firstTokenMs, elapsedMs: performance.now() - startedAt,
          tokensPerSecond: stats.tokensPerSecond ?? null,
        },
        diffVersion: state.diffVersion + 1,
      }));
    },
  };
}

/** Compare the prediction on screen again, in another mode. */
export function recompare(run: RunView, mode: CompareMode): void {
  const { prediction } = usePredictionStore.getState();
  if (!prediction || prediction.runId !== run.id) {
    usePredictionStore.setState({ compareMode: mode });
    return;
  }
  const diff = new DiffState(alignmentFor(run.store, run.call, prediction.format).real, mode);
  for (const frame of prediction.frames) diff.push(frame);
  if (prediction.status !== 'streaming') diff.end();
  usePredictionStore.setState((state) => ({ compareMode: mode, diff, diffVersion: state.diffVersion + 1 }));
}

/** The prediction's position shown at a real step: the last position whose step is at or before it. */
export function positionAtStep(prediction: Pick<Prediction, 'frames' | 'stepOf'>, step: number): number {
  let lo = 0;
  let hi = prediction.frames.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (prediction.stepOf(mid) <= step) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
