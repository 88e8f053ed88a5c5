/**
 * The `eval` CLI end to end: each run spawns the real command (`node --import tsx src/cli/eval.ts
 * …`) on small suites from the CWM fixture, offline (--predictions) or against the local
 * OpenAI-compatible test server started in this process. Runs that boot Pyodide start together;
 * errors found before the boot are checked in process through main().
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCli, spawnCli, expectOneLineError as expectOneLineErrorOf, type CliRun } from './test-helpers.ts';
import { startOpenAiServer, type OpenAiTestServer, type RecordedRequest } from '../../e2e/openai-server.ts';
import { readCwmTrace, realTraceFrames, scoreItem, SEEDED_FRAMES, summarizeMetrics, TABLE9_KEYS, type ItemMetrics } from '../compare/index.ts';
import type { EngineClient } from '../engine/client.ts';
import { createNodeEngine } from '../engine/node/engine.ts';
import { decodeHash } from '../share/permalink.ts';
import { isFullyRight, loadCwmFixture, type FixtureItem } from '../testing/cwm-fixture.ts';
import { cwmPrompt, SEEDED_MAIN_CALL } from '../trace/cwm/prompt.ts';
import { emitPlainTrace } from '../trace/plain/emit.ts';
import { main } from './eval/main.ts';
import { escapeHtml } from './eval/report-html.ts';
import type { ResultLine } from './eval/result-line.ts';

const KEY = 'sk-test-eval-0123456789abcdef';

function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return spawnCli('src/cli/eval.ts', args, { env: { ...process.env, OPENAI_API_KEY: '', ...env } });
}

const dir = mkdtempSync(join(tmpdir(), 'eval-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const jsonl = (rows: readonly object[]) => rows.map((row) => JSON.stringify(row) + '\n').join('');
const results = (out: string): ResultLine[] => readFileSync(join(out, 'results.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as ResultLine);
const byId = (lines: ResultLine[]) => new Map(lines.map((line) => [line.id, line]));
const posts = (server: OpenAiTestServer): RecordedRequest[] => server.requests.filter((request) => request.method === 'POST');

const fixture = loadCwmFixture();
const right = fixture.filter(isFullyRight);
const wrong = fixture.filter((item) => !isFullyRight(item));
/** Fixture items, some fully right and some with model mistakes (different divergences). */
const sample: FixtureItem[] = [right[0], wrong[0], right[1], wrong[1], wrong[2], right[2]];

const HOSTILE = { id: '<script>alert("id")</script>', code: "def f(x):\n    return '<script>alert(1)</script>' + x", input: "'&'" };
const APP_URL = 'http://example.test:8080/play/';

// Offline: the fixture items, a hostile item with a hostile "prediction", a bad line, an item without a prediction.
const offlineSuite = file('offline-suite.jsonl', jsonl(sample) + jsonl([HOSTILE]) + '{"id": "broken", \n' + jsonl([{ id: 'no-prediction', code: 'def f(x):\n    return x', input: '1' }]));
const offlinePredictions = file('offline-predictions.jsonl', jsonl([...sample, { id: HOSTILE.id, generation: '<img src=x onerror=alert(2)> </td><script>alert(3)</script>' }]));
const endpointSuite = file('endpoint-suite.jsonl', jsonl(sample.slice(0, 4)));
const faultSuite = file('fault-suite.jsonl', jsonl(sample.slice(0, 3)));
const CHAT_ITEM = { id: 'chat-1', code: 'def f(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total', input: '[1, 2]' };
const chatSuite = file('chat-suite.jsonl', jsonl([CHAT_ITEM]));

const out = (name: string) => join(dir, name);
const servers = {} as Record<'normal' | 'fault' | 'resume' | 'chat', OpenAiTestServer>;
const runs = {} as Record<'offline' | 'offlineAgain' | 'normal' | 'fault' | 'resumeFirst' | 'resumeSecond' | 'chat', CliRun>;
let offlineResultsFirst = '';
let engine: EngineClient;
let resumeRequestsBefore: RecordedRequest[] = [];
let resumeSummaryClean = '';
let chatTrace = '';
interface DirectScore {
  score: ItemMetrics;
  step: number | null;
}
/** By fixture id; computed one run at a time (a new run stops the engine's current one). */
const direct = new Map<string, DirectScore>();

async function resumedRun(): Promise<void> {
  const server = servers.resume;
  const args = [endpointSuite, '--endpoint', server.baseUrl, '--model', 'test-model', '--concurrency', '1', '--out', out('resume')];
  runs.resumeFirst = await runCli(args, { OPENAI_API_KEY: KEY });
  resumeSummaryClean = readFileSync(join(out('resume'), 'summary.json'), 'utf8');
  // Keep the first two lines and half of the third: an interrupted run's file.
  const text = readFileSync(join(out('resume'), 'results.jsonl'), 'utf8');
  const lines = text.split('\n');
  truncateSync(join(out('resume'), 'results.jsonl'), Buffer.byteLength(lines[0] + '\n' + lines[1] + '\n') + Math.floor(Buffer.byteLength(lines[2]) / 2));
  rmSync(join(out('resume'), 'summary.json'));
  resumeRequestsBefore = [...server.requests];
  server.reset();
  runs.resumeSecond = await runCli(args, { OPENAI_API_KEY: KEY });
}

async function offlineRuns(): Promise<void> {
  const args = [offlineSuite, '--predictions', offlinePredictions, '--model', 'cwm-fixture', '--out', out('offline'), '--app-url', APP_URL];
  runs.offline = await runCli(args);
  offlineResultsFirst = readFileSync(join(out('offline'), 'results.jsonl'), 'utf8');
  runs.offlineAgain = await runCli(args); // everything is done: nothing is added
}

async function chatRun(): Promise<void> {
  engine = createNodeEngine('3.11');
  await engine.boot();
  const { store, outcome } = await engine.run({ code: CHAT_ITEM.code, call: `f(${CHAT_ITEM.input})` });
  chatTrace = emitPlainTrace(store, { complete: outcome.reason === 'completed' });
  for (const item of sample) direct.set(item.id, await directScore(item));
  servers.chat.respondWith({ text: 'Here is the trace:\n' + chatTrace, chunkSize: 5 });
  runs.chat = await runCli([chatSuite, '--endpoint', servers.chat.baseUrl, '--model', 'test-model', '--mode', 'chat', '--out', out('chat')], { OPENAI_API_KEY: KEY });
}

beforeAll(async () => {
  for (const name of ['normal', 'fault', 'resume', 'chat'] as const) servers[name] = await startOpenAiServer({ apiKey: KEY });
  // The fault run asks one item at a time: a 500 then a good answer (retried), then a cut stream (an error).
  servers.fault.respondOnceWith({ fault: { kind: 'status', status: 500 } });
  servers.fault.respondOnceWith({});
  servers.fault.respondOnceWith({ fault: { kind: 'cut', afterChunks: 2 } });
  await Promise.all([
    offlineRuns(),
    runCli([endpointSuite, '--endpoint', servers.normal.baseUrl, '--model', 'test-model', '--concurrency', '2', '--out', out('normal')], { OPENAI_API_KEY: KEY }).then((run) => (runs.normal = run)),
    runCli([faultSuite, '--endpoint', servers.fault.baseUrl, '--model', 'test-model', '--concurrency', '1', '--out', out('fault'), '--api-key-env', 'MY_KEY'], { MY_KEY: KEY }).then((run) => (runs.fault = run)),
    resumedRun(),
    chatRun(),
  ]);
}, 180_000);

afterAll(async () => {
  engine?.dispose();
  await Promise.all(Object.values(servers).map((server) => server.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** What scoreItem gives a fixture item, computed here directly (as src/compare/fixture-metrics.test.ts does). */
async function directScore(item: FixtureItem): Promise<DirectScore> {
  const { store } = await engine.run({ code: item.code, call: `f(${item.input})` });
  const real = realTraceFrames(store, { skip: SEEDED_FRAMES });
  const score = scoreItem(real, readCwmTrace(item.generation, SEEDED_MAIN_CALL).frames, { expected: item.expected });
  return { score, step: score.first_divergence === null ? null : Math.min(score.first_divergence + SEEDED_FRAMES, store.stepCount - 1) };
}

function expectSameFigures(line: ResultLine, score: ItemMetrics): void {
  expect(line).toMatchObject({
    id: line.id, error: null, output_correct: score.output_correct, predicted_output: score.predicted_output,
    first_divergence: score.first_divergence, first_divergence_field: score.first_divergence_field,
    divergence: score.divergence, resolved: score.resolved,
    ...Object.fromEntries(TABLE9_KEYS.map((key) => [key, score[key]])),
  });
}

describe('eval --predictions (offline)', () => {
  it('exits 0, prints the summary table on stdout and a last line naming the files on stderr', () => {
    const run = runs.offline;
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^metric \(%\)\s+value$/);
    expect(run.stdout).toMatch(/^n\s+7$/m);
    expect(run.stdout).toMatch(/^items with errors \(not scored\)\s+2$/m);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^eval: wrote .*offline/);
  });

  it('gives each item the figures scoreItem gives it directly', () => {
    const lines = byId(results(out('offline')));
    for (const item of sample) {
      const { score, step } = direct.get(item.id)!;
      const line = lines.get(item.id)!;
      expectSameFigures(line, score);
      expect(line).toMatchObject({ expected_output: item.expected, first_divergence_step: step, format: 'cwm', mode: 'predictions', model: 'cwm-fixture' });
      if (score.divergence) expect(line.divergence_text).toMatch(new RegExp(`^Step ${step! + 1}: `));
    }
  });

  it('writes summary.json with exactly the summary keys: the macro averages of the scored items', () => {
    const summary = JSON.parse(readFileSync(join(out('offline'), 'summary.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual([
      'n', 'output_correct', 'valid_trace_format', 'state_exact_match', 'action_exact_match', 'valid_json_format', 'key_match', 'key_value_match', 'first_divergence_histogram',
    ]);
    const hostile = byId(results(out('offline'))).get(HOSTILE.id)!;
    expect(hostile.error).toBeNull();
    const scores = sample.map((item) => direct.get(item.id)!.score);
    const hostileScore = { ...scores[0], ...hostile, resolved: hostile.resolved! } as ItemMetrics;
    expect(summary).toEqual(JSON.parse(JSON.stringify(summarizeMetrics([...scores, hostileScore]))));
  });

  it('gives a bad suite line and an item without a prediction an error line, and goes on', () => {
    const lines = results(out('offline'));
    expect(lines).toHaveLength(sample.length + 3);
    const broken = lines.find((line) => line.line === 8)!;
    expect(broken).toMatchObject({ id: null, output_correct: null, link: null });
    expect(broken.error).toMatch(/^line 8: invalid JSON/);
    expect(byId(lines).get('no-prediction')).toMatchObject({ error: 'the predictions file has no line with this id', output_correct: null });
  });

  it('does nothing more when run again on the same --out (bad lines included), and prints the same summary', () => {
    expect(runs.offlineAgain.code).toBe(0);
    expect(readFileSync(join(out('offline'), 'results.jsonl'), 'utf8')).toBe(offlineResultsFirst);
    expect(runs.offlineAgain.stdout).toBe(runs.offline.stdout);
    expect(runs.offlineAgain.stderr).toMatch(/resuming: 9 items are already in .*\n.*eval: 0 items in .*; 9 items were already done/s);
  });
});

describe('report.html', () => {
  const report = () => readFileSync(join(out('offline'), 'report.html'), 'utf8');

  it('is self-contained: no script, no external resource, a policy that forbids them', () => {
    const html = report();
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(|@import/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href.startsWith(APP_URL + '#v1/')).toBe(true);
  });

  it('escapes a hostile id, code and prediction', () => {
    const html = report();
    expect(html).toContain(escapeHtml(HOSTILE.id));
    expect(html).not.toContain('alert("id")</script>');
    expect(html).not.toContain('<img src=x');
  });

  it('lists the items worst first: errors, then by first divergence', () => {
    const ids = [...report().matchAll(/<td class="mono">([^<]*)<\/td>/g)].map((match) => match[1]);
    const lines = results(out('offline'));
    expect(ids).toHaveLength(lines.length);
    const ordered = ids.map((id) => lines.find((line) => escapeHtml(typeof line.id === 'string' ? line.id : JSON.stringify(line.id)) === id)!);
    expect(ordered.slice(0, 2).every((line) => line.error !== null)).toBe(true);
    const positions = ordered.slice(2).map((line) => line.first_divergence ?? Infinity);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('links every item to the playground: code, call, step of the first divergence and prediction, never an endpoint', () => {
    const html = report();
    const lines = byId(results(out('offline')));
    for (const item of [...sample, { ...HOSTILE, generation: '<img src=x onerror=alert(2)> </td><script>alert(3)</script>' }]) {
      const line = lines.get(item.id)!;
      expect(html).toContain(`href="${escapeHtml(APP_URL + line.link)}"`);
      const decoded = decodeHash(line.link!);
      expect(decoded?.ok).toBe(true);
      if (!decoded?.ok) continue;
      expect(decoded.state).toMatchObject({
        code: item.code, call: `f(${item.input})`, runtime: '3.11', step: line.first_divergence_step ?? 0, endpoint: null,
        prediction: { text: item.generation, format: line.format, model: 'cwm-fixture', promptMode: null },
      });
    }
  });
});

describe('eval --endpoint (the local test server)', () => {
  it('asks for each item once with the CWM prompt, and scores like the offline run', () => {
    expect(runs.normal.code).toBe(0);
    const requests = posts(servers.normal);
    expect(requests.map((request) => request.path)).toEqual(Array(4).fill('/v1/completions'));
    expect(requests.map((request) => (request.body as { prompt: string }).prompt).sort()).toEqual(sample.slice(0, 4).map((item) => cwmPrompt(item.code, `f(${item.input})`)).sort());
    const offline = byId(results(out('offline')));
    for (const line of results(out('normal'))) {
      const { mode, model, link, link_note: _note, ...figures } = line;
      expect({ mode, model, link: link?.startsWith('#v1/') }).toEqual({ mode: 'cwm', model: 'test-model', link: true });
      const { mode: _m, model: _n, link: _l, link_note: _o, ...expected } = offline.get(line.id)!;
      expect(figures).toEqual({ ...expected, finish_reason: 'stop' });
    }
  });

  it('sends the API key from the environment only in the Authorization header: never into --out files or output', () => {
    const all = [servers.normal, servers.fault, servers.resume, servers.chat].flatMap((server) => server.requests);
    expect(all.length).toBeGreaterThan(0);
    for (const request of all) expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    for (const name of ['normal', 'fault', 'resume', 'chat']) {
      for (const entry of readdirSync(out(name))) expect(readFileSync(join(out(name), entry), 'utf8')).not.toContain(KEY);
    }
    for (const run of Object.values(runs)) expect(run.stdout + run.stderr).not.toContain(KEY);
  });

  it('retries a 500 with backoff, records a cut stream as the item’s error, and goes on', () => {
    expect(runs.fault.code).toBe(0);
    expect(posts(servers.fault)).toHaveLength(4); // item 1 twice
    const [first, second, third] = sample;
    const lines = byId(results(out('fault')));
    expect(lines.get(first.id)).toMatchObject({ error: null, retries: 1 });
    expect(lines.get(second.id)!.error).toMatch(/^the prediction failed: cut: /);
    expect(lines.get(second.id)!.output_correct).toBeNull();
    expect(lines.get(third.id)).toMatchObject({ error: null });
    expect(runs.fault.stdout).toMatch(/^n\s+2$/m);
    expect(runs.fault.stderr).toMatch(/eval: 3 items in .*, 1 with an error, 1 retry/);
  });

  it('resumes: only the items missing from results.jsonl are asked for, and the summary equals a clean run’s', () => {
    expect(runs.resumeFirst.code).toBe(0);
    expect(runs.resumeSecond.code).toBe(0);
    expect(posts({ requests: resumeRequestsBefore } as OpenAiTestServer)).toHaveLength(4);
    const prompts = posts(servers.resume).map((request) => (request.body as { prompt: string }).prompt);
    expect(prompts).toEqual(sample.slice(2, 4).map((item) => cwmPrompt(item.code, `f(${item.input})`)));
    expect(runs.resumeSecond.stderr).toContain('the cut-off last line');
    expect(runs.resumeSecond.stderr).toMatch(/resuming: 2 items are already in/);
    expect(readFileSync(join(out('resume'), 'summary.json'), 'utf8')).toBe(resumeSummaryClean);
    expect(results(out('resume')).map((line) => line.id)).toEqual(sample.slice(0, 4).map((item) => item.id));
    expect(runs.resumeSecond.stdout).toBe(runs.resumeFirst.stdout);
  });

  it('chat mode: the plain-format prompt with the engine’s worked example, on /chat/completions', () => {
    expect(runs.chat.code).toBe(0);
    const [request] = posts(servers.chat);
    expect(request.path).toBe('/v1/chat/completions');
    const messages = (request.body as { messages: { role: string; content: string }[] }).messages;
    expect(messages.map((message) => message.role)).toEqual(['system', 'user']);
    expect(messages[0].content).toContain('Its trace (whole program):\ncall 0 <module> {}');
    expect(messages[1].content).toContain('1 | def f(xs):');
    expect(messages[1].content).toContain('Trace only the call f([1, 2])');
    const [line] = results(out('chat'));
    // The plain format writes values in full: its Table 9 components compare resolved locals.
    expect(line).toMatchObject({ id: 'chat-1', error: null, format: 'plain', mode: 'chat', first_divergence: null, output_correct: true, predicted_output: '3', expected_output: '3' });
    // Line numbers stand in for source text in the plain format, so action match compares lines.
    for (const key of TABLE9_KEYS) expect(line[key]).toBe(1);
    expect(decodeHash(line.link!)).toMatchObject({ ok: true, state: { prediction: { text: 'Here is the trace:\n' + chatTrace, format: 'plain', model: 'test-model', promptMode: 'chat' } } });
  });
});

/** Runs main() in this process (no spawn): for errors found before Python boots. */
function runInProcess(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return captureCli(() => main(args, env));
}

function expectOneLineError(run: CliRun, exitCode: number, message: RegExp): void {
  expectOneLineErrorOf(run, exitCode, message, /^usage: eval SUITE\.jsonl/);
}

describe('errors before the run', () => {
  const preds = ['--predictions', offlinePredictions];
  const cases: [string, string[], number, RegExp][] = [
    ['no suite', [], 2, /^eval: missing the suite file/],
    ['nothing to score', [offlineSuite], 2, /^eval: nothing to score: give --endpoint URL --model NAME, or --predictions FILE\.jsonl$/],
    ['both sources', [offlineSuite, ...preds, '--endpoint', 'http://localhost:8000/v1', '--model', 'm'], 2, /^eval: give either --endpoint or --predictions, not both$/],
    ['--endpoint without --model', [offlineSuite, '--endpoint', 'http://localhost:8000/v1'], 2, /^eval: --endpoint needs --model NAME/],
    ['a bad --endpoint', [offlineSuite, '--endpoint', 'localhost:8000', '--model', 'm'], 2, /^eval: --endpoint: The base URL must start with http:\/\/ or https:\/\//],
    ['unknown --mode', [offlineSuite, '--endpoint', 'http://localhost:8000/v1', '--model', 'm', '--mode', 'xml'], 2, /^eval: unknown --mode 'xml' \(choose cwm, chat\)$/],
    ['--mode with --predictions', [offlineSuite, ...preds, '--mode', 'chat'], 2, /^eval: --mode applies to --endpoint only/],
    ['zero --concurrency', [offlineSuite, ...preds, '--concurrency', '0'], 2, /^eval: --concurrency must be a positive integer, not '0'$/],
    ['negative --max-steps', [offlineSuite, ...preds, '--max-steps', '-3'], 2, /^eval: --max-steps must be a positive integer, not '-3'$/],
    ['unknown --runtime', [offlineSuite, ...preds, '--runtime', '2.7'], 2, /^eval: unknown --runtime '2\.7'/],
    ['a bad --app-url', [offlineSuite, ...preds, '--app-url', 'javascript:alert(1)'], 2, /^eval: --app-url must be an http:\/\/ or https:\/\/ URL/],
    ['unknown option', [offlineSuite, ...preds, '--frobnicate'], 2, /^eval: unknown option --frobnicate$/],
    ['an unset --api-key-env', [offlineSuite, '--endpoint', 'http://localhost:8000/v1', '--model', 'm', '--api-key-env', 'EVAL_TEST_UNSET'], 2, /^eval: the environment variable EVAL_TEST_UNSET \(--api-key-env\) is not set or empty$/],
    ['missing suite file', [join(dir, 'none.jsonl'), ...preds], 1, /^eval: cannot read .*none\.jsonl: no such file$/],
    ['predictions file is a directory', [offlineSuite, '--predictions', dir], 1, /^eval: cannot read .*: it is a directory$/],
    ['unreachable endpoint', [offlineSuite, '--endpoint', 'http://127.0.0.1:1/v1', '--model', 'm', '--out', out('never')], 1, /^eval: cannot use the endpoint http:\/\/127\.0\.0\.1:1\/v1: Could not reach /],
  ];

  it.each(cases.map(([name, args, exitCode, message]) => ({ name, args, exitCode, message })))(
    '$name: a one-line error and exit code $exitCode',
    async ({ args, exitCode, message }) => expectOneLineError(await runInProcess(args), exitCode, message),
  );

  it('refuses an API key on the command line without echoing it', async () => {
    for (const args of [['--api-key', 'sk-leak-1234567'], ['--api-key=sk-leak-1234567']]) {
      const run = await runInProcess([offlineSuite, '--endpoint', 'http://localhost:8000/v1', '--model', 'm', ...args]);
      expectOneLineError(run, 2, /^eval: an API key is never taken from the command line: put it in an environment variable/);
      expect(run.stderr).not.toContain('sk-leak');
    }
  });

  it('stops at once when the endpoint refuses the key: nothing written, the key redacted', async () => {
    const run = await runInProcess([endpointSuite, '--endpoint', servers.normal.baseUrl, '--model', 'test-model', '--out', out('refused')], { OPENAI_API_KEY: 'sk-wrong-key-987654' });
    expectOneLineError(run, 1, /^eval: cannot use the endpoint .*\(401\).*\[redacted\]/);
    expect(run.stderr).not.toContain('sk-wrong-key');
    expect(() => readdirSync(out('refused'))).toThrow();
  });

  it('prints usage with --help', async () => {
    const run = await runInProcess(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run --silent eval -- SUITE\.jsonl/);
  });
});
