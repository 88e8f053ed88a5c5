/**
 * Which server to talk to, and the base-URL rule (docs/model-endpoints.md, "Base URL").
 */
import { ModelError } from './errors.ts';

export interface Endpoint {
  /** e.g. `http://localhost:8000/v1`; normalized with `normalizeBaseUrl` before each request. */
  baseUrl: string;
  /** Sent only as `Authorization: Bearer <apiKey>` to this base URL; empty or absent = no header. */
  apiKey?: string;
  model: string;
}

/** Paths users often paste together with the base URL; they are cut off. */
const ENDPOINT_SUFFIXES = ['/chat/completions', '/completions', '/models'];

const EXAMPLE = 'for example http://localhost:8000/v1';

/**
 * The base URL requests are made under. Rule: trim spaces; remove trailing slashes; remove a pasted
 * `/chat/completions`, `/completions` or `/models`; if what is left has no path at all, append
 * `/v1` (`http://localhost:8000` → `http://localhost:8000/v1`); any other path is kept as it is
 * (`https://host/openai/v1`, `http://host/api`). Only http(s) URLs without user name, password,
 * query or fragment are accepted (a key belongs in the API key field, never in the URL).
 */
export function normalizeBaseUrl(raw: string): string {
  const text = raw.trim();
  if (!text) throw invalidUrl('The base URL is empty: enter the server address, ' + EXAMPLE + '.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidUrl(`The base URL is not a valid URL: enter it with http:// or https://, ${EXAMPLE}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidUrl(`The base URL must start with http:// or https:// (${EXAMPLE}).`);
  }
  if (url.username || url.password) {
    throw invalidUrl('The base URL must not contain a user name or password: put the key in the API key field.');
  }
  if (url.search || url.hash) {
    throw invalidUrl('The base URL must not contain a query (?…) or fragment (#…): put a key in the API key field.');
  }
  let path = url.pathname.replace(/\/+$/, '');
  const suffix = ENDPOINT_SUFFIXES.find((end) => path.endsWith(end));
  if (suffix) path = path.slice(0, -suffix.length).replace(/\/+$/, '');
  if (!path) path = '/v1';
  return url.origin + path;
}

/** The full URL of an API path (`/models`, `/completions`, `/chat/completions`) under the base URL. */
export function apiUrl(baseUrl: string, path: string): string {
  return normalizeBaseUrl(baseUrl) + path;
}

/** The model name to send; an empty one cannot make a request. */
export function requireModel(endpoint: Endpoint): string {
  const model = endpoint.model.trim();
  if (!model) throw new ModelError('invalid-endpoint', 'No model is selected: pick one from the server\'s list or type its name.');
  return model;
}

function invalidUrl(message: string): ModelError {
  return new ModelError('invalid-endpoint', message);
}
