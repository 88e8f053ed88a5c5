/** What the `trace` command says about a run: the traced call's return value, its error, early-end notes. */
import type { TraceStore } from '../trace/store.ts';
import { FILE_ENTRY, type Outcome } from '../trace/types.ts';

/**
 * repr text of the value main() returned (a call entry): the value at the last `return` step of
 * the `main` frame. Null when the run did not complete or there is no main frame.
 */
export function mainReturnRepr(store: TraceStore, outcome: Outcome): string | null {
  if (outcome.reason !== 'completed') return null;
  for (let step = store.stepCount - 1; step >= 0; step--) {
    if (store.kind(step) !== 'return') continue;
    const frame = store.frameId(step);
    if (store.frameFile(frame) === FILE_ENTRY && store.frameName(frame) === 'main') return store.value(step)?.text ?? null;
  }
  return null;
}

function where(outcome: Outcome): string {
  const parts: string[] = [];
  if (outcome.where === 'call') parts.push('in the call expression');
  if (outcome.line != null && outcome.where !== 'call') parts.push(`line ${outcome.line}`);
  if (outcome.column != null) parts.push(`column ${outcome.column}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function exceptionText(outcome: Outcome): string {
  const type = outcome.type ?? 'Exception';
  return outcome.message ? `${type}: ${outcome.message}` : type;
}

/**
 * Why the run gave no return value, as one short text (null: it completed). A raised exception
 * reads like Python's last traceback line: `ZeroDivisionError: division by zero`.
 */
export function errorText(outcome: Outcome): string | null {
  switch (outcome.reason) {
    case 'completed':
      return null;
    case 'uncaught exception':
      return exceptionText(outcome);
    case 'syntax error':
      return `syntax error: ${exceptionText(outcome)}${where(outcome)}`;
    case 'exited':
      return `exited with code ${outcome.exitCode ?? 0}`;
    case 'crashed':
      return `engine crashed: ${outcome.message ?? 'unknown error'}`;
    default:
      return outcome.reason; // step limit, output limit, time limit, stopped
  }
}

/** A one-line note for stderr when a single trace ended early (null: it completed or exited). */
export function earlyEndNote(outcome: Outcome): string | null {
  switch (outcome.reason) {
    case 'completed':
    case 'exited':
      return null;
    case 'uncaught exception':
      return `note: the program raised ${exceptionText(outcome)}${outcome.line != null ? ` (line ${outcome.line})` : ''}`;
    case 'syntax error':
      return `note: the run ended early: ${errorText(outcome)}`;
    default:
      return `note: the run ended early: ${errorText(outcome)} after ${outcome.steps} steps`;
  }
}
