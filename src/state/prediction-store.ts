/**
 * The prediction side of the app (zustand): endpoint settings (the API key in memory unless the
 * user asks to remember it), the predicted trace as it streams in, its diff against the real run,
 * and teacher-forced results. Work happens in prediction-controller.ts.
 */
import { create } from 'zustand';
import type { CompareMode, DiffState, TraceFrame } from '../compare/index.ts';
import type { PresetId } from '../model/index.ts';

export type PromptMode = 'cwm' | 'chat';
export type PredictionFormat = 'cwm' | 'plain';

export interface EndpointSettings {
  presetId: PresetId | 'custom';
  baseUrl: string;
  model: string;
  temperature: number;
  maxTokens: number;
  /** Stop sequences, one per line. */
  stop: string;
  /** Extra JSON body fields merged into each request (e.g. vLLM options). */
  extraBody: string;
  promptMode: PromptMode;
  /** Keep the API key in local storage on this device. */
  rememberKey: boolean;
  /** Give up on a stream that sends nothing for this long. */
  idleTimeoutSeconds: number;
}

export const DEFAULT_SETTINGS: EndpointSettings = {
  presetId: 'vllm',
  baseUrl: 'http://localhost:8000/v1',
  model: '',
  temperature: 0,
  maxTokens: 8192,
  stop: '',
  extraBody: '',
  promptMode: 'cwm',
  rememberKey: false,
  idleTimeoutSeconds: 60,
};

export type PredictionStatus = 'streaming' | 'done' | 'cancelled' | 'failed';

export interface Prediction {
  id: number;
  source: 'model' | 'paste' | 'file' | 'link';
  format: PredictionFormat;
  /** Model name and prompt mode when a model made it. */
  model: string | null;
  promptMode: PromptMode | null;
  /** The run it is compared with. */
  runId: number;
  /** Raw text as received (model output is text: never rendered as HTML). */
  text: string;
  reasoning: string;
  frames: TraceFrame[];
  status: PredictionStatus;
  /** The prediction ended (end of text / `end`), as opposed to stopping early. */
  ended: boolean;
  error: string | null;
  /** Position in the prediction ↔ step in the real trace. */
  stepOf: (index: number) => number;
  startedAt: number;
  firstTokenMs: number | null;
  elapsedMs: number;
  tokensPerSecond: number | null;
}

export type TeacherResult = 'match' | 'mismatch' | 'malformed' | 'error';

export interface TeacherForcing {
  runId: number;
  /** By real step: the model's next-frame prediction given the real trace before it. */
  results: Map<number, TeacherResult>;
  total: number;
  running: boolean;
  error: string | null;
}

export interface PredictionState {
  settings: EndpointSettings;
  apiKey: string;
  prediction: Prediction | null;
  diff: DiffState | null;
  /** Bumped whenever `diff` (mutable) changes, so subscribers re-render. */
  diffVersion: number;
  compareMode: CompareMode;
  /** The prompt as the user edited it (null: build it from the code). */
  promptOverride: string | null;
  teacher: TeacherForcing | null;

  updateSettings(patch: Partial<EndpointSettings>): void;
  setApiKey(key: string): void;
  setPromptOverride(text: string | null): void;
}

export const usePredictionStore = create<PredictionState>()((set) => ({
  settings: DEFAULT_SETTINGS,
  apiKey: '',
  prediction: null,
  diff: null,
  diffVersion: 0,
  compareMode: 'strict',
  promptOverride: null,
  teacher: null,

  updateSettings: (patch) => set((state) => ({ settings: { ...state.settings, ...patch } })),
  setApiKey: (apiKey) => set({ apiKey }),
  setPromptOverride: (promptOverride) => set({ promptOverride }),
}));
