/**
 * Which real frames a prediction is compared with, and how its text is read: shared by the app
 * (prediction-sink.ts) and the `eval` CLI so that both give the same diff. Pure.
 */
import { SEEDED_MAIN_CALL } from '../trace/cwm/prompt.ts';
import type { TraceStore } from '../trace/store.ts';
import { FILE_CODE } from '../trace/types.ts';
import type { TraceFrame } from './frame.ts';
import { CwmTraceReader } from './from-cwm.ts';
import { PlainTraceReader } from './from-plain.ts';
import { realTraceFrames, SEEDED_FRAMES } from './real.ts';

/** The text format of a prediction: CWM native, or the plain-text format of chat models. */
export type PredictionTextFormat = 'cwm' | 'plain';

export interface Alignment {
  real: TraceFrame[];
  /** Position in the prediction → step of the real trace. */
  stepOf: (index: number) => number;
}

/**
 * The real frames a prediction in `format` is compared with, and where each sits in the trace.
 * CWM: every step, after main()'s seeded call frame when there is a call entry. Plain: the
 * program's own steps (the `main()` wrapper of a call entry left out).
 */
export function alignmentFor(store: TraceStore, call: string, format: PredictionTextFormat): Alignment {
  const last = Math.max(store.stepCount - 1, 0);
  if (format === 'cwm') {
    const skip = call ? SEEDED_FRAMES : 0;
    return { real: realTraceFrames(store, { skip }), stepOf: (i) => Math.min(i + skip, last) };
  }
  const all = realTraceFrames(store);
  const steps: number[] = [];
  for (let s = 0; s < store.stepCount; s++) if (store.frameFile(store.frameId(s)) === FILE_CODE) steps.push(s);
  return { real: steps.map((s) => all[s]), stepOf: (i) => steps[Math.min(i, steps.length - 1)] ?? last };
}

/** CWM if the text holds CWM's special tokens, else the plain format. */
export function detectFormat(text: string): PredictionTextFormat {
  return /<\|(call|line|return|exception)_sep\|>/.test(text) ? 'cwm' : 'plain';
}

/** The incremental reader for a prediction of a run with this entry call ('' = whole module). */
export function predictionReader(format: PredictionTextFormat, call: string): CwmTraceReader | PlainTraceReader {
  return format === 'cwm' ? new CwmTraceReader(call ? SEEDED_MAIN_CALL : '') : new PlainTraceReader();
}

/**
 * A whole prediction text as the reader takes it: a CWM text of a call entry that repeats main()'s
 * seeded call frame (a pasted or imported full trace) starts after it.
 */
export function predictionBody(text: string, format: PredictionTextFormat, call: string): string {
  return format === 'cwm' && call && text.startsWith(SEEDED_MAIN_CALL) ? text.slice(SEEDED_MAIN_CALL.length) : text;
}
