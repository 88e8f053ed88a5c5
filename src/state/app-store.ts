/**
 * The app's state (zustand): the draft being edited, the engine's status, the current run and the
 * cursor in its trace. Engine work lives in run-controller.ts; derived data in selectors.ts.
 */
import { create } from 'zustand';
import type { EngineStatus } from '../engine/client.ts';
import type { BootInfo } from '../engine/protocol.ts';
import type { TraceStore } from '../trace/store.ts';
import type { Limits, Outcome } from '../trace/types.ts';
import type { SharedEndpoint } from '../share/permalink.ts';
import type { QuizQuestion } from './quiz.ts';
import { DEFAULT_EXAMPLE } from '../examples/examples.ts';
import { defaultDraft, loadDraft, type Draft } from './draft.ts';

export type ThemePreference = 'system' | 'light' | 'dark';

export interface RunView {
  /** Local run counter (a new run replaces the view). */
  id: number;
  store: TraceStore;
  /** What was run — the editor may have changed since. */
  code: string;
  call: string;
  runtime: Draft['runtime'];
  /** Null while the run goes on. */
  outcome: Outcome | null;
  info: BootInfo | null;
  durationMs: number;
  /** Steps received so far (grows while running; the store is shared and mutable). */
  steps: number;
  limits: Limits;
  /** Where the trace came from: a run in this page, or an imported trace file. */
  origin: 'run' | 'import';
}

export interface AppState {
  draft: Draft;
  engine: EngineStatus;
  run: RunView | null;
  /** The program waits in input() with this prompt. */
  inputPrompt: string | null;
  step: number;
  /** An error to announce (role=alert): bad link, engine failure… */
  alert: string | null;
  theme: ThemePreference;
  /** The draft an example replaced, so the user can put it back. */
  previousDraft: Draft | null;
  /** The Prediction and Diff panels are shown (by default; the user can hide them). */
  compareOpen: boolean;
  /** An endpoint a link suggested, waiting for the user to accept or ignore it. */
  suggestedEndpoint: SharedEndpoint | null;
  /** Predict-then-reveal: stepping forward first asks what comes next. */
  quiz: { on: boolean; pending: QuizQuestion | null; results: Map<number, boolean>; runId: number | null };

  updateDraft(patch: Partial<Draft>): void;
  toggleBreakpoint(line: number): void;
  setStep(step: number): void;
  setTheme(theme: ThemePreference): void;
  setAlert(alert: string | null): void;
}

function initialDraft(): Draft {
  // An embedded view (?embed=1) neither reads nor writes the visitor's own draft.
  const embedded = typeof location !== 'undefined' && new URLSearchParams(location.search).get('embed') === '1';
  const storage = typeof localStorage === 'undefined' || embedded ? undefined : localStorage;
  return loadDraft(storage) ?? defaultDraft(DEFAULT_EXAMPLE.code);
}

function clampStep(state: AppState, step: number): number {
  const last = (state.run?.steps ?? 1) - 1;
  return Math.max(0, Math.min(last, Math.round(step)));
}

export const useAppStore = create<AppState>()((set) => ({
  draft: initialDraft(),
  engine: { state: 'booting', runtime: '3.11', progress: { phase: 'loading runtime', fraction: 0 } },
  run: null,
  inputPrompt: null,
  step: 0,
  alert: null,
  theme: 'system',
  previousDraft: null,
  compareOpen: true,
  suggestedEndpoint: null,
  quiz: { on: false, pending: null, results: new Map(), runId: null },

  updateDraft: (patch) => set((state) => ({ draft: { ...state.draft, ...patch } })),
  toggleBreakpoint: (line) =>
    set((state) => {
      const has = state.draft.breakpoints.includes(line);
      const breakpoints = has ? state.draft.breakpoints.filter((l) => l !== line) : [...state.draft.breakpoints, line].sort((a, b) => a - b);
      return { draft: { ...state.draft, breakpoints } };
    }),
  setStep: (step) => set((state) => ({ step: clampStep(state, step) })),
  setTheme: (theme) => set({ theme }),
  setAlert: (alert) => set({ alert }),
}));
