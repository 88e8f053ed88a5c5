/** Which output text to show at a step, split into styled pieces. Pure. */
import type { TraceStore } from '../../trace/store.ts';
import type { OutputStream } from '../../trace/types.ts';

export const MAX_SHOWN_OUTPUT = 100_000;

export interface OutputPiece {
  text: string;
  stream: OutputStream;
  /** Printed by the line that just ran (between the previous step and this one). */
  fresh: boolean;
}

export interface OutputView {
  pieces: OutputPiece[];
  /** Characters before the shown part (hidden to keep the page fast). */
  hidden: number;
  total: number;
}

/** Output up to `end`, with [freshFrom, end) marked fresh; only the last MAX_SHOWN_OUTPUT units. */
export function outputView(store: TraceStore, end: number, freshFrom: number): OutputView {
  const start = Math.max(0, end - MAX_SHOWN_OUTPUT);
  const text = store.output;
  const pieces: OutputPiece[] = [];
  for (const run of store.outputRuns(start, end)) {
    const from = Math.max(run.start, start);
    const to = Math.min(run.end, end);
    if (from >= to) continue;
    const cut = Math.min(Math.max(freshFrom, from), to);
    if (cut > from) pieces.push({ text: text.slice(from, cut), stream: run.stream, fresh: false });
    if (to > cut) pieces.push({ text: text.slice(cut, to), stream: run.stream, fresh: true });
  }
  return { pieces, hidden: start, total: end };
}

/** The output view at a step of a finished run: what was printed before the step ran. */
export function outputAtStep(store: TraceStore, step: number): OutputView {
  const end = store.outputLengthAt(step);
  const freshFrom = step > 0 ? store.outputLengthAt(step - 1) : end;
  return outputView(store, end, freshFrom);
}
