import { describe, expect, it } from 'vitest';
import { listModels } from './list-models.ts';
import { closedPort, rejectionOf, startTestServerForFile } from './test-helpers.ts';

const test = startTestServerForFile({ models: ['cwm', 'qwen3-8b'] });

describe('listModels', () => {
  it('returns the ids, from a base URL given with or without /v1', async () => {
    expect(await listModels(test.endpoint())).toEqual(['cwm', 'qwen3-8b']);
    expect(await listModels({ baseUrl: `${test.server.url}/` })).toEqual(['cwm', 'qwen3-8b']);
    expect(test.server.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /v1/models', 'GET /v1/models']);
    expect(test.server.requests[0].headers.authorization).toBeUndefined();
  });

  it('reports a refusal with the server message', async () => {
    test.server.configure({ modelsFault: { kind: 'status', status: 403, message: 'Forbidden for this key' } });
    const error = await rejectionOf(listModels(test.endpoint()), 'unauthorized');
    expect(error.serverMessage).toBe('Forbidden for this key');
  });

  it('reports a wrong path as not-found', async () => {
    await rejectionOf(listModels({ baseUrl: `${test.server.url}/api` }), 'not-found');
  });

  it('reports a server that does not answer as stalled', async () => {
    test.server.configure({ modelsFault: { kind: 'hang' } });
    await rejectionOf(listModels(test.endpoint(), { responseTimeoutMs: 100 }), 'stalled');
  });

  it('reports a closed port as unreachable', async () => {
    const port = await closedPort();
    await rejectionOf(listModels({ baseUrl: `http://127.0.0.1:${port}/v1` }), 'unreachable');
  });

  it('reports a list of another shape as bad-response', async () => {
    const fetchOdd = async (): Promise<Response> => Response.json({ models: ['a'] });
    const error = await rejectionOf(listModels({ baseUrl: 'http://x.test' }, { fetch: fetchOdd }), 'bad-response');
    expect(error.message).toContain('model list');
  });

  it('can be cancelled', async () => {
    test.server.configure({ modelsFault: { kind: 'hang' } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await rejectionOf(listModels(test.endpoint(), { signal: controller.signal }), 'aborted');
  });
});
