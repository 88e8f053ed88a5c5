/**
 * A non-2xx response as a typed, presentable `ModelError`, with the server's own message taken
 * from its JSON error body when it sent one.
 */
import { redactApiKey } from './api-key.ts';
import { ModelError } from './errors.ts';
import { parseRetryAfter } from './retry-after.ts';
import { errorBodySchema } from './schemas.ts';

const MAX_SERVER_MESSAGE = 500;

export interface FailedResponse {
  status: number;
  headers: Headers;
  bodyText: string;
  /** The request's URL (normalized: no credentials, query or key). */
  url: string;
  apiKey: string | undefined;
}

export function errorFromResponse(response: FailedResponse): ModelError {
  const { status, url } = response;
  const serverMessage = serverMessageOf(response.bodyText, response.apiKey);
  const said = serverMessage ? `: ${serverMessage}` : '';
  const details = { status, serverMessage };
  if (status === 401 || status === 403) {
    const hint = response.apiKey?.trim()
      ? 'Check the API key (and that it may use this model).'
      : 'This server needs an API key: enter one in the API key field.';
    return new ModelError('unauthorized', `The server refused the request (${status})${said}. ${hint}`, details);
  }
  if (status === 404) {
    return new ModelError(
      'not-found',
      `Not found (404) at ${url}${said}. Check the model name, and that the base URL ends in /v1 (for example http://localhost:8000/v1).`,
      details,
    );
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers);
    const wait = retryAfterMs === undefined ? 'try again later' : `try again in ${formatSeconds(retryAfterMs)}`;
    return new ModelError('rate-limited', `The server is rate-limiting requests (429)${said}; ${wait}.`, { ...details, retryAfterMs });
  }
  if (status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers);
    return new ModelError('server', `The server failed (${status})${said}.`, { ...details, retryAfterMs });
  }
  if (status >= 400) {
    return new ModelError('bad-request', `The server rejected the request (${status})${said}.`, details);
  }
  return new ModelError('bad-response', `Unexpected HTTP status ${status} from ${url}${said}.`, details);
}

/** The message inside an error body (JSON in any of the usual shapes), key redacted, one line, bounded. */
export function serverMessageOf(bodyText: string, apiKey: string | undefined): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const data = parsed.data;
  const message = 'error' in data ? (typeof data.error === 'string' ? data.error : data.error.message) : 'message' in data ? data.message : data.detail;
  return cleanServerMessage(message, apiKey);
}

/** A server-provided message made safe to show: key redacted, whitespace collapsed, length bounded. */
export function cleanServerMessage(message: string, apiKey: string | undefined): string | undefined {
  const line = redactApiKey(message, apiKey).replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  if (!line) return undefined;
  return line.length > MAX_SERVER_MESSAGE ? line.slice(0, MAX_SERVER_MESSAGE) + '…' : line;
}

function formatSeconds(milliseconds: number): string {
  const seconds = Math.ceil(milliseconds / 1000);
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}
