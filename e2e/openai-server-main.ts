/**
 * Runs the local OpenAI-compatible test server on its own, for trying the app by hand:
 *   npx tsx e2e/openai-server-main.ts [--port 8000] [--api-key KEY] [--models a,b]
 */
import { parseArgs } from 'node:util';
import { startOpenAiServer } from './openai-server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8000' },
    'api-key': { type: 'string' },
    models: { type: 'string', default: 'test-model' },
  },
});

const server = await startOpenAiServer({
  port: Number(values.port),
  apiKey: values['api-key'],
  models: values.models.split(',').filter(Boolean),
});
console.log(`OpenAI-compatible test server at ${server.baseUrl} (models: ${values.models}; Ctrl+C stops it)`);
process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
