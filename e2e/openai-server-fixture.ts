/**
 * The local OpenAI-compatible server as a Playwright fixture: a fresh server on a free port for
 * each test that asks for `openAiServer`, stopped afterwards. Use it by extending a test:
 *
 *   import { openAiServerFixture } from './openai-server-fixture.ts';
 *   const test = base.extend(openAiServerFixture);
 *   test('…', async ({ page, openAiServer }) => { openAiServer.respondWith({ text: '…' }); … });
 */
import type { Fixtures } from '@playwright/test';
import { startOpenAiServer, type OpenAiTestServer } from './openai-server.ts';

export interface OpenAiServerFixture {
  openAiServer: OpenAiTestServer;
}

export const openAiServerFixture: Fixtures<OpenAiServerFixture> = {
  // Playwright reads the fixtures a function needs from its destructuring pattern: this one needs none.
  // eslint-disable-next-line no-empty-pattern
  openAiServer: async ({}, provide) => {
    const server = await startOpenAiServer();
    try {
      await provide(server);
    } finally {
      await server.close();
    }
  },
};
