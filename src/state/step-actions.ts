/** The cursor moves offered by buttons and keys, as actions on the app state. */
import { useAppStore } from './app-store.ts';
import { nextBreakpoint, previousBreakpoint, stepBackOver, stepOut, stepOver } from './navigation.ts';
import type { TraceStore } from '../trace/store.ts';

function withTrace(move: (store: TraceStore, step: number, breakpoints: ReadonlySet<number>) => number): () => void {
  return () => {
    const { run, step, draft, setStep } = useAppStore.getState();
    if (!run || run.steps === 0) return;
    setStep(move(run.store, Math.min(step, run.steps - 1), new Set(draft.breakpoints)));
  };
}

export const stepActions = {
  first: withTrace(() => 0),
  back: withTrace((_, step) => step - 1),
  forward: withTrace((_, step) => step + 1),
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
