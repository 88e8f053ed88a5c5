/** What happened at a step, in words: "call `f(n=3)`", "line 4", "return `[1, 2]`", … */
import type { TraceStore } from './store.ts';
import { FILE_ENTRY, type Outcome } from './types.ts';

const MAX_SHOWN = 80;

function shorten(text: string): string {
  return text.length > MAX_SHOWN ? text.slice(0, MAX_SHOWN - 1) + '…' : text;
}

export interface StepDescription {
  /** Plain words with code spans in backticks. */
  text: string;
  kind: 'call' | 'line' | 'return' | 'exception';
}

export function describeStep(store: TraceStore, step: number): StepDescription {
  const kind = store.kind(step);
  const frame = store.frameId(step);
  const name = store.frameName(frame);
  const where = store.frameFile(frame) === FILE_ENTRY ? 'call wrapper' : `line ${store.line(step)}`;
  switch (kind) {
    case 'call': {
      if (name === '<module>') return { kind, text: 'start of the program' };
      const args = store.variables(frame, step).map((v) => `${v.name}=${v.value}`).join(', ');
      const resumed = store.isResume(step);
      return { kind, text: `${resumed ? 'resume' : 'call'} \`${shorten(`${name}(${args})`)}\`` };
    }
    case 'line': {
      const source = store.sourceLine(step).trim();
      return { kind, text: source ? `${where} \`${shorten(source)}\`` : where };
    }
    case 'return': {
      const value = store.value(step);
      if (name === '<module>') return { kind, text: 'end of the program' };
      const verb = store.isYield(step) ? 'yield' : 'return';
      return { kind, text: `${verb} \`${shorten(value?.text ?? 'None')}\` from \`${name}\`` };
    }
    case 'exception':
      return { kind, text: `exception \`${shorten(store.value(step)?.text ?? 'Exception')}\` in \`${name}\`` };
  }
}

/** Why a run ended, for a banner; null for a normal end. */
export function describeEnd(outcome: Outcome): string | null {
  switch (outcome.reason) {
    case 'completed':
      return null;
    case 'exited':
      return `The program exited with code ${outcome.exitCode ?? 0}.`;
    case 'uncaught exception':
      return `Uncaught ${outcome.type ?? 'exception'}${outcome.message ? `: ${outcome.message}` : ''}${outcome.line ? ` (line ${outcome.line})` : ''}.`;
    case 'syntax error':
      return `${outcome.type ?? 'SyntaxError'} in the ${outcome.where === 'call' ? 'call expression' : 'code'} at line ${outcome.line ?? '?'}, column ${outcome.column ?? '?'}: ${outcome.message ?? ''}`;
    case 'step limit':
      return `Stopped at the step limit after ${outcome.steps.toLocaleString('en-US')} steps; the steps so far are kept.`;
    case 'output limit':
      return 'Stopped at the output limit; the steps so far are kept.';
    case 'time limit':
      return 'Stopped at the time limit; the steps so far are kept.';
    case 'stopped':
      return 'Stopped; the steps so far are kept.';
    case 'crashed':
      if (/call stack size/i.test(outcome.message ?? '')) {
        return 'The recursion went deeper than the browser\'s stack allows (recursion that passes through built-in calls — a class constructing itself, key functions, __repr__ — fits only about 200 levels here), so Python was restarted; the steps so far are kept.';
      }
      return `The Python runtime failed (${outcome.message ?? 'unknown error'}) and was restarted; the steps so far are kept.`;
  }
}
