/**
 * The typed errors of the model client (docs/model-endpoints.md, "Error kinds"). Every failure a
 * request can meet ends as one `ModelError` whose message can be shown to the user as it is, and
 * which carries whatever text had arrived before the failure.
 */

export const MODEL_ERROR_KINDS = [
  /** The base URL, API key or model cannot be used to make a request at all (nothing was sent). */
  'invalid-endpoint',
  /** Network error, DNS, connection refused, or (in a browser, indistinguishable) blocked by CORS. */
  'unreachable',
  /** 401 or 403. */
  'unauthorized',
  /** 404: unknown model, or a base URL without `/v1`. */
  'not-found',
  /** 429; `retryAfterMs` holds the server's Retry-After when it sent one. */
  'rate-limited',
  /** Another 4xx: the server rejected the request (e.g. max_tokens beyond the context length). */
  'bad-request',
  /** 5xx, or an error the server reported inside the stream. */
  'server',
  /** A body that is not what an OpenAI-compatible server sends: malformed JSON, unexpected shape. */
  'bad-response',
  /** The caller's AbortSignal fired. */
  'aborted',
  /** No bytes for longer than the idle timeout. */
  'stalled',
  /** The connection closed before `data: [DONE]` or a finish reason. */
  'cut',
] as const;

export type ModelErrorKind = (typeof MODEL_ERROR_KINDS)[number];

/** What had arrived before the request failed (empty strings when nothing had). */
export interface PartialOutput {
  text: string;
  reasoning: string;
}

export interface ModelErrorDetails {
  /** HTTP status, when the server answered with one. */
  status?: number;
  /** The server's own error message (from its JSON error body), API key redacted. */
  serverMessage?: string;
  /** For `rate-limited`: how long the server asked to wait. */
  retryAfterMs?: number;
  partial?: PartialOutput;
}

export class ModelError extends Error {
  readonly kind: ModelErrorKind;
  readonly status: number | undefined;
  readonly serverMessage: string | undefined;
  readonly retryAfterMs: number | undefined;
  /** Text received before the failure; the UI keeps it as a partial prediction. */
  readonly partialText: string;
  /** Reasoning received before the failure. */
  readonly partialReasoning: string;

  constructor(kind: ModelErrorKind, message: string, details: ModelErrorDetails = {}) {
    super(message);
    this.name = 'ModelError';
    this.kind = kind;
    this.status = details.status;
    this.serverMessage = details.serverMessage;
    this.retryAfterMs = details.retryAfterMs;
    this.partialText = details.partial?.text ?? '';
    this.partialReasoning = details.partial?.reasoning ?? '';
  }

  /** The same error, now carrying the output received before it happened. */
  withPartial(partial: PartialOutput): ModelError {
    return new ModelError(this.kind, this.message, {
      status: this.status,
      serverMessage: this.serverMessage,
      retryAfterMs: this.retryAfterMs,
      partial,
    });
  }
}

export function isModelError(error: unknown): error is ModelError {
  return error instanceof ModelError;
}
