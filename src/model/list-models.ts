/**
 * `GET {baseUrl}/models`: the ids of the models a server offers (for the Model picker).
 */
import { readBodyText, readErrorBody } from './body-reader.ts';
import { apiUrl, type Endpoint } from './endpoint.ts';
import { errorFromResponse } from './http-errors.ts';
import { RequestLifetime } from './request-lifetime.ts';
import { parseJson, readShape } from './response-json.ts';
import { modelListSchema } from './schemas.ts';
import { DEFAULT_IDLE_TIMEOUT_MS, sendRequest, type RequestOptions } from './send-request.ts';

/** A model list should come back quickly; a server that takes longer is reported as stalled. */
export const DEFAULT_LIST_TIMEOUT_MS = 15_000;

/** Only the base URL and key are used; `model` may be empty. Throws `ModelError`. */
export async function listModels(endpoint: Pick<Endpoint, 'baseUrl' | 'apiKey'>, options: RequestOptions = {}): Promise<string[]> {
  const url = apiUrl(endpoint.baseUrl, '/models');
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const lifetime = new RequestLifetime(url, options.signal);
  try {
    const response = await sendRequest(
      { method: 'GET', url, apiKey: endpoint.apiKey },
      lifetime,
      { ...options, responseTimeoutMs: options.responseTimeoutMs ?? DEFAULT_LIST_TIMEOUT_MS },
    );
    if (!response.ok) {
      const bodyText = await readErrorBody(response, lifetime, idleTimeoutMs, url);
      throw errorFromResponse({ status: response.status, headers: response.headers, bodyText, url, apiKey: endpoint.apiKey });
    }
    const text = await readBodyText(response, lifetime, idleTimeoutMs, url);
    const list = readShape(modelListSchema, parseJson(text, 'model list', endpoint.apiKey), 'model list');
    return list.data.map((model) => model.id);
  } finally {
    lifetime.dispose();
  }
}
