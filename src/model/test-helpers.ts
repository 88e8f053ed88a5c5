/** Shared by the model client tests: the local test server per test file, and error assertions. */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startOpenAiServer, type OpenAiServerOptions, type OpenAiTestServer } from '../../e2e/openai-server.ts';
import type { Endpoint } from './endpoint.ts';
import { ModelError, type ModelErrorKind } from './errors.ts';

/** Starts the local server for this test file; scripted scenarios and records are reset after each test. */
export function startTestServerForFile(options: OpenAiServerOptions = {}): { readonly server: OpenAiTestServer; endpoint(model?: string, apiKey?: string): Endpoint } {
  let server: OpenAiTestServer | undefined;
  beforeAll(async () => {
    server = await startOpenAiServer(options);
  });
  afterEach(() => server?.reset());
  afterAll(async () => {
    await server?.close();
  });
  return {
    get server(): OpenAiTestServer {
      if (!server) throw new Error('test server not started');
      return server;
    },
    endpoint(model = 'test-model', apiKey = options.apiKey): Endpoint {
      if (!server) throw new Error('test server not started');
      return { baseUrl: server.baseUrl, apiKey, model };
    },
  };
}

/** The ModelError `promise` rejects with, checked to be of `kind`. */
export async function rejectionOf(promise: Promise<unknown>, kind: ModelErrorKind): Promise<ModelError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the promise should reject with a ModelError').toBeInstanceOf(ModelError);
  const error = caught as ModelError;
  expect(error.kind, error.message).toBe(kind);
  return error;
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
