/**
 * Predictions from an OpenAI-compatible endpoint: the app's prompts and request parameters
 * (src/state/prediction-requests.ts), streamed, retried with backoff on 429 and 5xx.
 */
import { isModelError, listModels, withRetries, type Endpoint, type ModelError } from '../../model/index.ts';
import { buildPrompt, requestParameters, sendPrompt } from '../../state/prediction-requests.ts';
import type { SourceOptions } from './args.ts';
import { CliError, messageOf } from '../errors.ts';
import { EndpointFailure, type Prediction, type PredictionSource, type SourceLabel } from './prediction.ts';
import type { SuiteEntry } from './suite-reader.ts';

type EndpointCommand = Extract<SourceOptions, { kind: 'endpoint' }>;
type Settings = Parameters<typeof requestParameters>[0];

/** Errors that no item can get past: the run stops at the first one. */
const FATAL_KINDS: ReadonlySet<ModelError['kind']> = new Set(['invalid-endpoint', 'unreachable', 'unauthorized', 'not-found']);

function settingsOf(options: EndpointCommand): Settings {
  return {
    presetId: options.preset, baseUrl: options.baseUrl, model: options.model, temperature: 0, maxTokens: options.maxTokens,
    stop: '', extraBody: '', promptMode: options.mode, rememberKey: false, idleTimeoutSeconds: 60,
  };
}

/**
 * Fails at once (exit 1) when the endpoint is unreachable or refuses the key, before anything
 * else is done. A server without a model list is tried anyway; `note` says so.
 */
export async function checkEndpoint(endpoint: Endpoint, note: (line: string) => void): Promise<void> {
  let models: string[];
  try {
    models = await listModels(endpoint);
  } catch (error) {
    if (isModelError(error) && (FATAL_KINDS.has(error.kind) || error.kind === 'stalled')) {
      throw new CliError(`cannot use the endpoint ${endpoint.baseUrl}: ${error.message}`);
    }
    note(`note: the endpoint gave no model list (${messageOf(error)}); trying the model anyway`);
    return;
  }
  if (models.length > 0 && !models.includes(endpoint.model)) {
    note(`note: the endpoint does not list the model '${endpoint.model}' (it lists ${models.slice(0, 5).join(', ')}${models.length > 5 ? ', …' : ''}); trying it anyway`);
  }
}

export class EndpointSource implements PredictionSource {
  readonly format;
  readonly label: SourceLabel;
  private readonly settings: Settings;

  /** `chatExample`: the chat prompt's worked example (the engine's plain trace), '' in cwm mode. */
  constructor(
    private readonly endpoint: Endpoint,
    options: EndpointCommand,
    private readonly chatExample: string,
    private readonly onRetry: () => void,
  ) {
    this.settings = settingsOf(options);
    this.format = options.mode === 'cwm' ? ('cwm' as const) : ('plain' as const);
    this.label = { mode: options.mode, model: options.model };
  }

  async predict(entry: Extract<SuiteEntry, { ok: true }>, signal: AbortSignal): Promise<Prediction> {
    const mode = this.settings.promptMode;
    const spec = buildPrompt(mode, { code: entry.item.code, call: entry.item.call }, this.chatExample);
    const parameters = requestParameters(this.settings, mode);
    let retries = 0;
    try {
      const result = await withRetries((attempt) => {
        retries = attempt;
        return sendPrompt(this.endpoint, spec, parameters, { signal, idleTimeoutMs: this.settings.idleTimeoutSeconds * 1000 });
      }, { signal, onRetry: this.onRetry });
      return { ok: true, text: result.text, format: this.format, finishReason: result.finishReason, retries };
    } catch (error) {
      if (!isModelError(error)) return { ok: false, error: `the request failed: ${messageOf(error)}`, text: '', format: this.format, retries };
      if (FATAL_KINDS.has(error.kind)) throw new EndpointFailure(error.message);
      const tries = retries > 0 ? ` (after ${retries + 1} attempts)` : '';
      return { ok: false, error: `the prediction failed${tries}: ${error.kind}: ${error.message}`, text: error.partialText, format: this.format, retries };
    }
  }

  async close(): Promise<void> {}
}
