/**
 * The plain-text trace format for chat models, which cannot write CWM's special tokens
 * (docs/prediction-formats.md). One step per line:
 *
 *   <kind> <line> <function> <payload>
 *
 * kind: call | line | return | exception; line: 1-based line number in the program; function:
 * the frame's code name; payload: for call/line a JSON object of the frame's variables (names to
 * repr text, as CWM writes them, `..` allowed for "unchanged"), for return the JSON string of the
 * returned value's repr, for exception the JSON string "Type: message". The trace ends with `end`.
 */
import type { StepKind } from '../types.ts';

export const PLAIN_KINDS: readonly StepKind[] = ['call', 'line', 'return', 'exception'];
export const PLAIN_END = 'end';

export interface PlainStep {
  kind: StepKind;
  line: number;
  function: string;
  /** call/line: the variables, in order. */
  locals: [string, string][] | null;
  /** return: repr of the value; exception: `Type: message`. */
  value: string | null;
}
