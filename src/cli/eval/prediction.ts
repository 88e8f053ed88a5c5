/** What a prediction source gives for one item: the model's text, or why there is none. */
import type { PredictionTextFormat } from '../../compare/index.ts';
import type { SuiteEntry } from './suite-reader.ts';

export type Prediction =
  | { ok: true; text: string; format: PredictionTextFormat; finishReason: string | null; retries: number }
  /** `text`: what arrived before the failure (kept for the link), possibly empty. */
  | { ok: false; error: string; text: string; format: PredictionTextFormat; retries: number };

/** How the results describe where the predictions came from. */
export interface SourceLabel {
  /** `cwm` / `chat` for an endpoint's prompt mode, `predictions` for a file. */
  mode: 'cwm' | 'chat' | 'predictions';
  model: string | null;
}

export interface PredictionSource {
  readonly label: SourceLabel;
  /**
   * The format of every prediction when it is known before asking (an endpoint's mode): the real
   * trace is then made first, and no request is sent for an item that cannot be traced. Null: the
   * format is read from each prediction (a file).
   */
  readonly format: PredictionTextFormat | null;
  predict(entry: Extract<SuiteEntry, { ok: true }>, signal: AbortSignal): Promise<Prediction>;
  close(): Promise<void>;
}

/**
 * The endpoint cannot be used at all (unreachable, key refused, unknown model): the run stops
 * rather than fail every item.
 */
export class EndpointFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EndpointFailure';
  }
}
