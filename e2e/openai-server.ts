/**
 * A local OpenAI-compatible server for tests (Vitest, Playwright, CLI tests): `GET /v1/models`,
 * `POST /v1/completions`, `POST /v1/chat/completions`, streamed (real SSE framing) or not, with
 * CORS, an optional required API key, scripted answers and faults, replay of the CWM fixture's
 * generations, and a record of every request received.
 *
 *   const server = await startOpenAiServer({ apiKey: 'sk-test' });
 *   server.baseUrl;                               // http://127.0.0.1:PORT/v1
 *   server.respondWith({ text: 'hi', chunkSize: 1, delayMs: 5 });
 *   server.respondOnceWith({ fault: { kind: 'status', status: 429, retryAfterMs: 20 } });
 *   server.requests;                              // method, path, headers, body of each request
 *   await server.close();
 *
 * Browser tests, which control only the request, select a scenario by model name
 * (`fault-429+retry-after-2`, `test-model+stall-after-3`; see openai-server-scenario.ts).
 * Precedence: a queued `respondOnceWith`, else `respondWith`, with model-name words applied over it.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FixtureItem } from '../src/testing/cwm-fixture.ts';
import { sendAnswer } from './openai-server-answer.ts';
import { answerPreflight, commonHeaders, readRequestBody, sendError, sendJson } from './openai-server-http.ts';
import { planResponse, type GenerationApiKind, type GenerationRequestBody } from './openai-server-plan.ts';
import { FixtureReplay } from './openai-server-replay.ts';
import { scenarioFromModel, type Fault, type Scenario } from './openai-server-scenario.ts';

export type { Fault, Scenario } from './openai-server-scenario.ts';

export interface OpenAiServerOptions {
  /** Port to listen on (default 0: a free one). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** When set, every API request needs `Authorization: Bearer <apiKey>` (else 401). */
  apiKey?: string;
  /** Model ids `GET /v1/models` lists and generation requests accept (default `['test-model']`). */
  models?: string[];
  /** Send CORS headers (default true). Off: a browser page cannot read any answer. */
  cors?: boolean;
  /** The fixture to replay (default: the CWM CRUXEval fixture, loaded on first use). */
  fixture?: () => FixtureItem[];
}

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/v1/chat/completions`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the raw text when it was not JSON; undefined without a body. */
  body: unknown;
}

export interface ServerSettings {
  apiKey?: string | undefined;
  models?: string[];
  cors?: boolean;
  /** A fault for `GET /v1/models` (status faults, `hang`), or null for none. */
  modelsFault?: Fault | null;
}

export interface OpenAiTestServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `http://127.0.0.1:PORT/v1` */
  baseUrl: string;
  /** Every request received, preflights included, in order. */
  readonly requests: RecordedRequest[];
  /** The scenario for every generation request from now on (replaces the previous one). */
  respondWith(scenario: Scenario): void;
  /** A scenario for the next generation request only (queued: several calls script several requests). */
  respondOnceWith(scenario: Scenario): void;
  configure(settings: ServerSettings): void;
  /** Forgets scripted scenarios, recorded requests and the models fault. */
  reset(): void;
  close(): Promise<void>;
}

const GENERATION_ROUTES: Record<string, GenerationApiKind> = {
  '/v1/completions': 'completions',
  '/v1/chat/completions': 'chat',
};

export async function startOpenAiServer(options: OpenAiServerOptions = {}): Promise<OpenAiTestServer> {
  const settings = {
    apiKey: options.apiKey,
    models: options.models ?? ['test-model'],
    cors: options.cors ?? true,
    modelsFault: null as Fault | null,
  };
  const replay = new FixtureReplay(options.fixture);
  const requests: RecordedRequest[] = [];
  const heldOpen = new Set<ServerResponse>();
  const holdOpen = (response: ServerResponse): void => {
    heldOpen.add(response);
    response.once('close', () => heldOpen.delete(response));
  };
  let standing: Scenario = {};
  let queued: Scenario[] = [];

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = request.url ?? '/';
    const record: RecordedRequest = { method: request.method ?? 'GET', path, headers: request.headers, body: undefined };
    requests.push(record);
    const headers = commonHeaders(request, settings.cors);
    if (request.method === 'OPTIONS') return answerPreflight(request, response, settings.cors);
    const text = await readRequestBody(request);
    record.body = text ? parseOrKeep(text) : undefined;
    if (settings.apiKey !== undefined && request.headers.authorization !== `Bearer ${settings.apiKey}`) {
      const given = request.headers.authorization?.replace(/^Bearer\s+/i, '');
      // Echoes the wrong key, as some proxies do: the client must redact it.
      return sendError(response, 401, headers, given ? `Incorrect API key provided: ${given}.` : 'Missing API key: send Authorization: Bearer <key>.');
    }
    const route = path.split('?')[0];
    if (request.method === 'GET' && route === '/v1/models') return answerModels(response, headers);
    const api = GENERATION_ROUTES[route];
    if (request.method === 'POST' && api) return answerGeneration(api, record.body, response, headers);
    sendError(response, 404, headers, `Not found: ${request.method} ${route}.`);
  }

  function answerModels(response: ServerResponse, headers: Record<string, string>): void {
    const fault = settings.modelsFault;
    if (fault?.kind === 'hang') return holdOpen(response);
    if (fault?.kind === 'status') return sendError(response, fault.status, headers, fault.message ?? `Scripted fault: HTTP ${fault.status}.`);
    const data = settings.models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'local-test-server' }));
    sendJson(response, 200, headers, { object: 'list', data });
  }

  async function answerGeneration(api: GenerationApiKind, body: unknown, response: ServerResponse, headers: Record<string, string>): Promise<void> {
    if (typeof body !== 'object' || body === null) return sendError(response, 400, headers, 'The request body must be a JSON object.');
    const request = body as GenerationRequestBody;
    const model = typeof request.model === 'string' ? request.model : '';
    const fromName = scenarioFromModel(model);
    const known = (settings.models.includes(fromName.base) || fromName.baseIsScenario) && fromName.understood;
    if (!known) return sendError(response, 404, headers, `The model \`${model}\` does not exist.`);
    const scenario = { ...(queued.shift() ?? standing), ...fromName.scenario };
    const plan = planResponse(api, request, scenario, replay);
    await sendAnswer({ response, headers, plan, scenario, holdOpen });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 500, commonHeaders(request, settings.cors), `Test server failure: ${String(error)}`);
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  return {
    url,
    baseUrl: `${url}/v1`,
    requests,
    respondWith(scenario) {
      standing = scenario;
    },
    respondOnceWith(scenario) {
      queued.push(scenario);
    },
    configure(update) {
      if ('apiKey' in update) settings.apiKey = update.apiKey;
      if (update.models) settings.models = update.models;
      if (update.cors !== undefined) settings.cors = update.cors;
      if (update.modelsFault !== undefined) settings.modelsFault = update.modelsFault;
    },
    reset() {
      standing = {};
      queued = [];
      requests.length = 0;
      settings.modelsFault = null;
    },
    close() {
      for (const response of heldOpen) response.destroy();
      heldOpen.clear();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function parseOrKeep(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
