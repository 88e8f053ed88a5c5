/**
 * Predict-then-reveal for learners: before stepping forward, say what a variable will be (or
 * what a function returns) at the next step; the real value is revealed as right or wrong.
 * No model needed. Pure functions over a trace.
 */
import { lenientReprEqual } from '../compare/index.ts';
import type { TraceStore } from '../trace/store.ts';

export interface QuizQuestion {
  /** The step whose state is asked about (the next one). */
  step: number;
  /** What is asked: a variable's value, or a return value. */
  subject: { kind: 'variable'; name: string; frame: string } | { kind: 'return'; frame: string };
  /** The real answer (repr text). */
  answer: string;
  /** Where the program is when asked: the line about to run. */
  line: number;
}

/** The question for stepping from `step` to `step + 1`, or null when nothing visible changes. */
export function quizQuestion(store: TraceStore, step: number): QuizQuestion | null {
  const next = step + 1;
  if (next >= store.stepCount) return null;
  const frameId = store.frameId(next);
  const frame = store.frameName(frameId);
  if (store.kind(next) === 'return' && frame !== '<module>') {
    return { step: next, subject: { kind: 'return', frame }, answer: store.value(next)?.text ?? 'None', line: store.line(step) };
  }
  // Values worth guessing: not the functions and classes a `def` or `class` statement binds.
  const changed = store.variables(frameId, next).find((v) => {
    if (!v.changed) return false;
    const kind = v.objectId >= 0 ? store.object(v.objectId, next)?.kind : null;
    return kind !== 'function' && kind !== 'class' && kind !== 'other';
  });
  if (!changed) return null;
  return { step: next, subject: { kind: 'variable', name: changed.name, frame }, answer: changed.value, line: store.line(step) };
}

/** Whether a learner's answer matches: same value up to spacing, quote style and set/dict order. */
export function quizAnswerIsRight(question: QuizQuestion, answer: string): boolean {
  const given = answer.trim();
  return given.length > 0 && (given === question.answer || lenientReprEqual(question.answer, given));
}
