import { emitCwm } from '../trace/cwm/emit.ts';
import { parseCwm } from '../trace/cwm/parse.ts';
import type { TraceStore } from '../trace/store.ts';
import type { TraceFrame } from './frame.ts';
import { traceFramesFromCwm } from './from-cwm.ts';

/**
 * The real trace as TraceFrames. Decision: the engine's ground truth goes through the very same
 * path as a prediction — its own CWM text (emitCwm) parsed by CwmParser and mapped by
 * CwmFrameMapper — so both sides get identical repr text, `..` resolution and action text, and a
 * difference can only come from the traces themselves. Line numbers come from the store (one CWM
 * frame per step), for comparing with formats that give line numbers instead of source lines.
 */

/** A CWM prompt seeds main()'s call frame: a prediction's frame 0 is the real trace's frame 1. */
export const SEEDED_FRAMES = 1;

export interface RealFramesOptions {
  /** Leading frames to leave out (e.g. SEEDED_FRAMES to align with a seeded CWM prediction). */
  skip?: number;
}

export function realTraceFrames(store: TraceStore, options: RealFramesOptions = {}): TraceFrame[] {
  const frames = traceFramesFromCwm(parseCwm(emitCwm(store)).frames);
  const sameSteps = frames.length === store.stepCount;
  const withLines = frames.map((frame, step) => (sameSteps ? { ...frame, line: store.line(step) } : frame));
  return withLines.slice(options.skip ?? 0);
}
