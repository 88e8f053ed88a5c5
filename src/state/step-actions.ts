/** The cursor moves offered by buttons and keys, as actions on the app state. */
import { useAppStore } from './app-store.ts';
import { nextBreakpoint, previousBreakpoint, stepBackOver, stepOut, stepOver } from './navigation.ts';
import type { TraceStore } from '../trace/store.ts';
import { quizAnswerIsRight, quizQuestion } from './quiz.ts';

function withTrace(move: (store: TraceStore, step: number, breakpoints: ReadonlySet<number>) => number): () => void {
  return () => {
    const { run, step, draft, setStep } = useAppStore.getState();
    if (!run || run.steps === 0) return;
    setStep(move(run.store, Math.min(step, run.steps - 1), new Set(draft.breakpoints)));
  };
}

/** Step forward — in quiz mode, first ask what the next step will show. */
function forward(): void {
  const { run, step, quiz, setStep } = useAppStore.getState();
  if (!run || run.steps === 0 || step >= run.steps - 1) return;
  if (quiz.on && run.outcome) {
    const question = quizQuestion(run.store, step);
    if (question && !(quiz.runId === run.id && quiz.results.has(question.step))) {
      useAppStore.setState({ quiz: { ...quiz, pending: question } });
      return;
    }
  }
  setStep(step + 1);
}

/** Check the learner's answer to the pending question, reveal, and step. */
export function answerQuiz(answer: string | null): boolean | null {
  const { run, quiz, setStep } = useAppStore.getState();
  const question = quiz.pending;
  if (!run || !question) return null;
  const right = answer === null ? null : quizAnswerIsRight(question, answer);
  const results = quiz.runId === run.id ? new Map(quiz.results) : new Map<number, boolean>();
  if (right !== null) results.set(question.step, right);
  useAppStore.setState({ quiz: { ...quiz, pending: null, results, runId: run.id } });
  setStep(question.step);
  return right;
}

export const stepActions = {
  first: withTrace(() => 0),
  back: withTrace((_, step) => step - 1),
  forward,
  last: withTrace((store) => store.stepCount - 1),
  over: withTrace((store, step) => stepOver(store, step)),
  backOver: withTrace((store, step) => stepBackOver(store, step)),
  out: withTrace((store, step) => stepOut(store, step)),
  nextBreakpoint: withTrace((store, step, lines) => nextBreakpoint(store, step, lines)),
  previousBreakpoint: withTrace((store, step, lines) => previousBreakpoint(store, step, lines)),
  /** Jump to the next step at which this variable (slot) changes; stays put if it never does. */
  nextChangeOf(slot: number): boolean {
    const { run, step, setStep } = useAppStore.getState();
    if (!run) return false;
    const next = run.store.nextChangeOf(slot, step);
    if (next < 0) return false;
    setStep(next);
    return true;
  },
};

export type StepActionName = Exclude<keyof typeof stepActions, 'nextChangeOf'>;

/** Keyboard shortcuts (when focus is not in a text field or the editor). */
export const STEP_KEYS: { key: string; shift?: boolean; action: StepActionName; label: string }[] = [
  { key: 'ArrowRight', action: 'forward', label: '→' },
  { key: 'ArrowLeft', action: 'back', label: '←' },
  { key: 'ArrowRight', shift: true, action: 'over', label: 'Shift+→' },
  { key: 'ArrowLeft', shift: true, action: 'backOver', label: 'Shift+←' },
  { key: 'ArrowUp', action: 'out', label: '↑' },
  { key: 'Home', action: 'first', label: 'Home' },
  { key: 'End', action: 'last', label: 'End' },
  { key: ']', action: 'nextBreakpoint', label: ']' },
  { key: '[', action: 'previousBreakpoint', label: '[' },
];

export function keyLabel(action: StepActionName): string | undefined {
  return STEP_KEYS.find((k) => k.action === action)?.label;
}
