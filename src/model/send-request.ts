/**
 * Sends one HTTP request to the endpoint and returns the response once its headers are in,
 * or throws a typed error: `unreachable`, `aborted`, `stalled`, `invalid-endpoint`, or (for a
 * redirect, which is never followed so the key cannot travel on) `bad-response`.
 */
import { authorizationHeader } from './api-key.ts';
import { ModelError } from './errors.ts';
import type { RequestLifetime } from './request-lifetime.ts';

export const DEFAULT_RESPONSE_TIMEOUT_MS = 300_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

/** Options every client function takes. */
export interface RequestOptions {
  /** Cancels the request; text received so far is kept in the `aborted` error. */
  signal?: AbortSignal;
  /** Longest wait for the response headers (default 300 s; a non-streaming server answers only at the end). 0 = none. */
  responseTimeoutMs?: number;
  /** Longest gap between two pieces of the response body (default 60 s). 0 = none. */
  idleTimeoutMs?: number;
  /** A fetch implementation to use instead of the global one. */
  fetch?: typeof fetch;
}

export interface OutgoingRequest {
  method: 'GET' | 'POST';
  url: string;
  apiKey: string | undefined;
  body?: unknown;
}

export async function sendRequest(request: OutgoingRequest, lifetime: RequestLifetime, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, text/event-stream', ...authorizationHeader(request.apiKey) };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  const doFetch = options.fetch ?? globalThis.fetch;
  lifetime.arm('response', options.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS);
  let response: Response;
  try {
    response = await doFetch(request.url, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: lifetime.signal,
      credentials: 'omit',
      redirect: 'manual',
    });
  } catch (error) {
    throw lifetime.interruption() ?? unreachableError(request.url, error);
  }
  lifetime.arm('response', 0);
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    void response.body?.cancel().catch(() => undefined);
    throw redirectError(request.url, response);
  }
  return response;
}

function unreachableError(url: string, error: unknown): ModelError {
  if (runningInNode()) {
    const code = systemErrorCode(error);
    return new ModelError('unreachable', `Could not reach ${url}${code ? ` (${code})` : ''}: the server is down or the address is wrong.`);
  }
  return new ModelError(
    'unreachable',
    `Could not reach ${url}: the server is down, the address is wrong, or it does not allow requests from this page (CORS). ` +
      'The browser reports all three the same way.',
  );
}

function redirectError(url: string, response: Response): ModelError {
  const target = redirectTarget(response.headers.get('location'), url);
  return new ModelError(
    'bad-response',
    `${url} redirects${target}; redirects are not followed (the API key must not travel on): enter the final address as the base URL.`,
    { status: response.status || undefined },
  );
}

/** ` to <origin><path>` of a Location header (no query: it could hold anything), or '' if unknown. */
function redirectTarget(location: string | null, base: string): string {
  if (!location) return '';
  try {
    const url = new URL(location, base);
    return ` to ${url.origin}${url.pathname}`;
  } catch {
    return '';
  }
}

function runningInNode(): boolean {
  const process = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof process?.versions?.node === 'string' && typeof (globalThis as { document?: unknown }).document === 'undefined';
}

/** ECONNREFUSED, ENOTFOUND…: Node's fetch puts the system error in `cause`. */
function systemErrorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = cause?.code;
  return typeof code === 'string' && /^E[A-Z_]+$/.test(code) ? code : undefined;
}
