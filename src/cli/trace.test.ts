/**
 * The `trace` CLI end to end: each case spawns the real command (`node --import tsx
 * src/cli/trace.ts …`) against temporary files. Runs that boot Pyodide are few and start together;
 * arguments rejected before the boot are checked in process through main().
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCli, spawnCli, expectOneLineError as expectOneLineErrorOf, stderrLines, type CliRun } from './test-helpers.ts';
import { SEEDED_MAIN_CALL } from '../trace/cwm/prompt.ts';
import { importTraceJson, type PortableTrace } from '../trace/json-format.ts';
import { isFullyRight, loadCwmFixture } from '../testing/cwm-fixture.ts';
import { main } from './main.ts';


function runCli(args: string[], input = ''): Promise<CliRun> {
  return spawnCli('src/cli/trace.ts', args, { input });
}

function imported(run: CliRun): PortableTrace {
  const result = importTraceJson(run.stdout);
  if (!result.ok) throw new Error(result.error);
  return result.trace;
}

/** Lines of stderr without the trailing newline. */
const PROGRAM = [
  'def double(x):',
  '    y = x * 2',
  '    return y',
  '',
  'def squares(n):',
  '    return [i * i for i in range(n)]',
  '',
  'name = input()',
  'print("hi", name, double(21))',
  '',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'trace-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const programPath = file('program.py', PROGRAM);
const stdinPath = file('stdin.txt', 'Ada\n');

const fixture = loadCwmFixture();
const fullyRight = fixture.filter(isFullyRight).slice(0, 3);
const otherItem = fixture.find((item) => !isFullyRight(item))!;
const suiteItems = [fullyRight[0], fullyRight[1], otherItem, fullyRight[2]];
const suitePath = file(
  'suite.jsonl',
  [
    JSON.stringify(suiteItems[0]),
    JSON.stringify(suiteItems[1]),
    '{"id": "broken", "code": ', // line 3: invalid JSON
    '',
    JSON.stringify({ id: 'no-input', code: 'def f(x):\n    return x' }), // line 5: missing field
    JSON.stringify(suiteItems[2]),
    JSON.stringify({ id: 'raises', code: 'def f(x):\n    return 1 / x', input: '0' }),
    JSON.stringify({ id: 'with-call', code: 'def g():\n    return input()', call: 'g()', stdin: 'line one\n' }),
    JSON.stringify(suiteItems[3]),
    '',
  ].join('\n'),
);

// Runs that boot Python, started together.
const booting = {
  moduleJson: () => runCli([programPath, '--stdin', stdinPath]),
  callCwm: () => runCli([programPath, '--call', 'double(5)', '--format', 'cwm', '--stdin', stdinPath]),
  callJson314: () => runCli([programPath, '--call', 'squares(3)', '--runtime', '3.14', '--stdin', stdinPath]),
  stepLimitFromStdin: () => runCli(['-', '--format', 'cwm', '--max-steps', '12'], 'x = 0\nwhile True:\n    x += 1\n'),
  suite: () => runCli(['--suite', suitePath, '--max-steps', '1000']),
};
const runs = {} as Record<keyof typeof booting, CliRun>;

beforeAll(async () => {
  const entries = await Promise.all(Object.entries(booting).map(async ([name, start]) => [name, await start()] as const));
  for (const [name, run] of entries) runs[name as keyof typeof booting] = run;
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('trace FILE.py', () => {
  it('prints the JSON trace file of the whole module', () => {
    const run = runs.moduleJson;
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const trace = imported(run);
    expect(trace.outcome.reason).toBe('completed');
    expect(trace.program).toEqual({ code: PROGRAM, call: null, stdin: 'Ada\n' });
    expect(trace.runtime).toBe('3.11');
    expect(trace.pythonVersion).toMatch(/^3\.11\./);
    const { store } = trace;
    expect(store.kind(0)).toBe('call');
    expect(store.line(0)).toBe(0);
    const returnOfDouble = [...Array(store.stepCount).keys()].find((step) => store.kind(step) === 'return' && store.frameName(store.frameId(step)) === 'double');
    expect(returnOfDouble).toBeDefined();
    expect(store.value(returnOfDouble!)?.text).toBe('42');
    expect(store.output).toContain('hi Ada 42\n');
  });

  it('prints CWM text of a call entry, starting with main’s call frame', () => {
    const run = runs.callCwm;
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.startsWith(SEEDED_MAIN_CALL)).toBe(true);
    expect(run.stdout).toContain('<|call_sep|>{"x": "5"}<|action_sep|>def double(x):\n<|frame_sep|>');
    expect(run.stdout).toContain('<|line_sep|>{"x": "..", "y": "10"}<|action_sep|>    return y\n');
    expect(run.stdout.endsWith('<|arg_sep|>"10"<|frame_sep|><|end_of_text|>')).toBe(true);
  });

  it('traces a call on Python 3.14 (comprehensions inlined) as JSON', () => {
    const run = runs.callJson314;
    expect(run.code).toBe(0);
    const trace = imported(run);
    expect(trace.runtime).toBe('3.14');
    expect(trace.pythonVersion).toMatch(/^3\.14\./);
    expect(trace.program.call).toBe('squares(3)');
    const { store } = trace;
    const names = new Set([...Array(store.frameCount).keys()].map((frame) => store.frameName(frame)));
    expect(names).toEqual(new Set(['main', 'squares']));
    expect(store.value(store.stepCount - 1)?.text).toBe('[0, 1, 4]');
  });

  it('reads the program from stdin with -, keeps a step-limited trace and notes it on stderr', () => {
    const run = runs.stepLimitFromStdin;
    expect(run.code).toBe(0);
    expect(run.stdout.split('<|frame_sep|>').filter(Boolean)).toHaveLength(12);
    expect(run.stdout).not.toContain('<|end_of_text|>');
    expect(stderrLines(run)).toEqual(['trace: note: the run ended early: step limit after 12 steps']);
  });
});

describe('trace --suite FILE.jsonl', () => {
  const lines = () => runs.suite.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

  it('writes one JSON line per item, in order, and exits 0', () => {
    expect(runs.suite.code).toBe(0);
    expect(lines().map((line) => line.id)).toEqual([
      suiteItems[0].id, suiteItems[1].id, null, 'no-input', suiteItems[2].id, 'raises', 'with-call', suiteItems[3].id,
    ]);
    expect(stderrLines(runs.suite)).toHaveLength(1); // the summary (stderr is not a terminal here)
  });

  it('gives the return value’s repr and the CWM text of each fixture item', () => {
    const byId = new Map(lines().map((line) => [line.id, line]));
    for (const item of suiteItems) {
      const line = byId.get(item.id)!;
      expect(line.result).toBe(item.expected);
      expect(line.error).toBeNull();
      expect(line.steps).toBeGreaterThan(0);
      expect((line.cwm as string).startsWith(SEEDED_MAIN_CALL)).toBe(true);
    }
    for (const item of fullyRight) expect(byId.get(item.id)!.cwm).toBe(SEEDED_MAIN_CALL + item.generation);
  });

  it('reports bad lines with their line numbers and goes on', () => {
    const [, , broken, noInput] = lines();
    expect(broken).toMatchObject({ result: null, steps: 0, cwm: null, line: 3 });
    expect(broken.error).toMatch(/^line 3: invalid JSON/);
    expect(noInput).toMatchObject({ result: null, error: 'line 5: missing field "input" (or "call")', line: 5 });
  });

  it('reports exceptions as errors and passes an item’s call and stdin', () => {
    const byId = new Map(lines().map((line) => [line.id, line]));
    expect(byId.get('raises')).toMatchObject({ result: null, error: 'ZeroDivisionError: division by zero' });
    expect(byId.get('with-call')).toMatchObject({ result: "'line one'", error: null });
  });
});

/** Runs main() in this process (no spawn): for arguments rejected before Python boots. */
function runInProcess(args: string[]): Promise<CliRun> {
  return captureCli(() => main(args));
}

function expectOneLineError(run: CliRun, exitCode: number, message: RegExp): void {
  expectOneLineErrorOf(run, exitCode, message, /^usage: trace FILE\.py/);
}

describe('bad arguments', () => {
  const cases: [string, string[], number, RegExp][] = [
    ['unknown option', ['--frobnicate', programPath], 2, /^trace: unknown option --frobnicate$/],
    ['unknown runtime', [programPath, '--runtime', '2.7'], 2, /^trace: unknown runtime '2\.7'/],
    ['unknown format', [programPath, '--format', 'xml'], 2, /^trace: unknown --format 'xml'/],
    ['zero --max-steps', [programPath, '--max-steps', '0'], 2, /^trace: --max-steps must be a positive integer, not '0'$/],
    ['negative --max-steps', [programPath, '--max-steps', '-5'], 2, /^trace: --max-steps must be a positive integer, not '-5'$/],
    ['fractional --time-limit-ms', [programPath, '--time-limit-ms', '2.5'], 2, /^trace: --time-limit-ms must be a positive integer/],
    ['missing program', [], 2, /^trace: missing the program file/],
    ['two programs', [programPath, programPath], 2, /^trace: unexpected argument/],
    ['option without its value', [programPath, '--call'], 2, /^trace: option --call needs a value$/],
    ['--call with --suite', ['--suite', suitePath, '--call', 'f()'], 2, /^trace: --call cannot be used with --suite/],
    ['program and --stdin both stdin', ['-', '--stdin', '-'], 2, /^trace: the program and --stdin cannot both be '-'/],
    ['unreadable program', [join(dir, 'missing.py')], 1, /^trace: cannot read .*missing\.py: no such file$/],
    ['unreadable --stdin', [programPath, '--stdin', join(dir, 'missing.txt')], 1, /^trace: cannot read .*missing\.txt: no such file$/],
    ['unreadable suite', ['--suite', dir], 1, /^trace: cannot read .*: it is a directory$/],
  ];

  it.each(cases)('%s: a one-line error and exit code %i', async (_name, args, exitCode, message) => {
    expectOneLineError(await runInProcess(args), exitCode, message);
  });

  it('exits the real process with 2 for a usage error and 1 for an unreadable file', async () => {
    const [usage, io] = await Promise.all([runCli([programPath, '--max-steps', 'many']), runCli(['--suite', join(dir, 'none.jsonl')])]);
    expectOneLineError(usage, 2, /^trace: --max-steps must be a positive integer, not 'many'$/);
    expectOneLineError(io, 1, /^trace: cannot read .*none\.jsonl: no such file$/);
  });

  it('prints usage with --help', async () => {
    const run = await runInProcess(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run --silent trace -- FILE\.py/);
    expect(run.stdout).toContain('--suite FILE.jsonl');
  });
});
