import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamChat } from './chat.ts';
import { streamCompletion } from './completions.ts';
import type { ModelError } from './errors.ts';
import { listModels } from './list-models.ts';
import { closedPort, rejectionOf, startTestServerForFile } from './test-helpers.ts';

const KEY = 'sk-test-secret-0123456789';
const WRONG_KEY = 'sk-wrong-secret-9876543210';
const test = startTestServerForFile({ apiKey: KEY });

function everythingShown(error: ModelError): string {
  return [error.message, error.serverMessage ?? '', error.partialText, error.partialReasoning, String(error), JSON.stringify(error)].join('\n');
}

describe('the API key', () => {
  it('is sent as a Bearer header, and only there', async () => {
    await listModels(test.endpoint());
    await streamCompletion(test.endpoint(), { prompt: 'x' });
    await streamChat(test.endpoint(), { messages: [{ role: 'user', content: 'x' }] });
    expect(test.server.requests).toHaveLength(3);
    for (const request of test.server.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(request.path).not.toContain(KEY);
      expect(JSON.stringify(request.body ?? null)).not.toContain(KEY);
      const otherHeaders = Object.entries(request.headers).filter(([name]) => name !== 'authorization');
      expect(JSON.stringify(otherHeaders)).not.toContain(KEY);
      expect(request.headers.cookie).toBeUndefined();
    }
  });

  it('missing → unauthorized, asking for a key', async () => {
    const error = await rejectionOf(listModels({ baseUrl: test.server.baseUrl }), 'unauthorized');
    expect(error.message).toContain('needs an API key');
    expect(test.server.requests[0].headers.authorization).toBeUndefined();
  });

  it('wrong, and echoed back by the server → unauthorized, redacted everywhere', async () => {
    const error = await rejectionOf(streamCompletion(test.endpoint('test-model', WRONG_KEY), { prompt: 'x' }), 'unauthorized');
    expect(error.serverMessage).toBe('Incorrect API key provided: [redacted]');
    expect(everythingShown(error)).not.toContain(WRONG_KEY);
  });

  it('never appears in any error', async () => {
    const models = ['fault-401', 'fault-404', 'no-such-model', 'fault-429', 'fault-500', 'test-model+cut-after-1', 'test-model+malformed-after-1', 'test-model+error-after-1', 'test-model+stall-after-1', 'hang'];
    test.server.respondWith({ text: `the model says ${KEY} for some reason`, chunkSize: 4 });
    for (const model of models) {
      let caught: ModelError | undefined;
      await streamCompletion(test.endpoint(model), { prompt: 'x' }, { idleTimeoutMs: 100, responseTimeoutMs: 100 }).catch((error: ModelError) => (caught = error));
      expect(caught, model).toBeDefined();
      expect([caught!.message, caught!.serverMessage ?? ''].join(), model).not.toContain(KEY);
    }
    const port = await closedPort();
    const unreachable = await rejectionOf(listModels({ baseUrl: `http://127.0.0.1:${port}`, apiKey: KEY }), 'unreachable');
    expect(everythingShown(unreachable)).not.toContain(KEY);
  });

  it('that cannot be a header value → invalid-endpoint, nothing sent, key not quoted', async () => {
    const badKey = 'sk-line\nbreak-secret';
    const error = await rejectionOf(listModels({ baseUrl: test.server.baseUrl, apiKey: badKey }), 'invalid-endpoint');
    expect(error.message).not.toContain('break-secret');
    expect(test.server.requests).toHaveLength(0);
  });

  it('spaces around it are trimmed', async () => {
    await listModels({ baseUrl: test.server.baseUrl, apiKey: `  ${KEY}\n` });
    expect(test.server.requests[0].headers.authorization).toBe(`Bearer ${KEY}`);
  });
});

describe('redirects', () => {
  let redirector: Server;
  let redirectorUrl: string;
  beforeAll(async () => {
    redirector = createServer((request, response) => {
      response.writeHead(307, { Location: `${test.server.url}${request.url}` }).end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    redirectorUrl = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => redirector.close(() => resolve())));

  it('are not followed, so the key never reaches another server', async () => {
    const error = await rejectionOf(streamCompletion({ baseUrl: redirectorUrl, apiKey: KEY, model: 'test-model' }, { prompt: 'x' }), 'bad-response');
    expect(error.message).toContain(`redirects to ${test.server.url}/v1/completions`);
    expect(error.message).toContain('base URL');
    expect(test.server.requests).toHaveLength(0);
  });
});
