import type { TraceFrame } from '../frame.ts';
import { outputsEqual } from '../repr/py-equal.ts';

/**
 * Output correctness ("Output pass@1" in Table 9): the value of the outermost call's last return
 * frame — main()'s, at depth 0 — compared with the expected output by Python `==` on literals.
 */

/** The repr returned by the trace's outermost scope (its last depth-0 return frame); null if none. */
export function traceOutput(frames: readonly TraceFrame[]): string | null {
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i];
    if (frame.kind === 'return' && (frame.depth === 0 || frame.depth === null)) return frame.value;
  }
  return null;
}

/** Whether a prediction's output equals `expected` (a repr); both absent also counts as equal. */
export function outputCorrect(expected: string | null, predicted: readonly TraceFrame[]): boolean {
  const output = traceOutput(predicted);
  if (expected === null || output === null) return expected === output;
  return outputsEqual(expected, output);
}
