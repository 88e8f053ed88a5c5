import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineClient } from '../engine/client.ts';
import { createNodeEngine } from '../engine/node/engine.ts';
import { emitCwm } from './cwm/emit.ts';
import {
  exportTraceJson, importTraceJson, traceFromJson, traceToJson, type PortableTrace, type TraceImportResult,
} from './json-format.ts';
import { stepAnswers, storeAnswers } from './store-test-helpers.ts';
import { DEFAULT_LIMITS, type Limits } from './types.ts';

interface Program {
  code: string;
  call?: string | null;
  stdin?: string;
  limits?: Partial<Limits>;
}

const PROGRAMS: Record<string, Program> = {
  recursion: {
    code: 'def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\n\nresult = fact(5)\nprint(result)\n',
  },
  aliasing: {
    code: [
      'a = [1, 2]', 'b = a', 'b.append(3)', 'd = {"key": a, "other": (a, 4)}', 'd["key"].append([5])',
      'del b', 'a = a + [6]', 'counter = 0', '', 'def bump():', '    global counter', '    counter += 1',
      '    return counter', '', 'bump()', 'bump()', '',
    ].join('\n'),
  },
  instance: {
    code: [
      'class Point:', '    def __init__(self, x, y):', '        self.x = x', '        self.y = y', '',
      '    def move(self, dx):', '        self.x += dx', '        return self', '',
      '    def __repr__(self):', '        return f"Point({self.x}, {self.y})"', '',
      'p = Point(1, 2)', 'q = p.move(5)', 'points = [p, Point(0, 0)]', 'p.label = "origin?"', '',
    ].join('\n'),
  },
  output: {
    code: [
      'import sys', 'name = input("name? ")', 'print("hello", name)', 'sys.stderr.write("warning\\n")',
      'print("emoji \\U0001F600 and more")', 'for i in range(3):', '    print(i, end=" ")', 'print()', '',
    ].join('\n'),
    stdin: 'Ada\n',
  },
  uncaughtException: {
    code: [
      'def risky(x):', '    try:', '        return 10 / x', '    except ZeroDivisionError as e:',
      '        print("caught", e)', '    return 1 // x', '', 'risky(2)', 'risky(0)', '',
    ].join('\n'),
  },
  callEntry: {
    code: 'def f(nums):\n    out = []\n    for n in nums:\n        out.append((nums.count(n), n))\n    out.sort(reverse=True)\n    return out\n',
    call: 'f([1, 1, 3, 1, 3])',
  },
  generator: {
    code: 'def gen(n):\n    for i in range(n):\n        yield i * i\n\nsquares = [v for v in gen(3)]\ntotal = sum(squares)\n',
  },
  stepLimit: {
    code: 'items = []\nwhile True:\n    items.append(len(items))\n',
    limits: { maxSteps: 60 },
  },
  syntaxError: { code: 'def f(:\n    pass\n' },
};

let engine: EngineClient;
const traces = new Map<string, PortableTrace>();

async function runTrace(program: Program): Promise<PortableTrace> {
  const { code, call = null, stdin = '' } = program;
  const limits = { ...DEFAULT_LIMITS, ...program.limits };
  const { store, outcome, info, durationMs } = await engine.run({ code, call, stdin, limits });
  return {
    store, outcome, limits, program: { code, call, stdin }, runtime: info.runtime, pythonVersion: info.pythonVersion,
    timing: { durationMs },
  };
}

function imported(text: string): PortableTrace {
  const result = importTraceJson(text);
  if (!result.ok) throw new Error(result.error);
  return result.trace;
}

function errorOf(result: TraceImportResult): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

beforeAll(async () => {
  engine = createNodeEngine('3.11');
  await engine.boot();
  for (const [name, program] of Object.entries(PROGRAMS)) traces.set(name, await runTrace(program));
});

afterAll(() => engine?.dispose());

describe('round trip through the JSON trace file', () => {
  it.each(Object.keys(PROGRAMS))('%s: the imported store answers every query at every step as the original', (name) => {
    const original = traces.get(name)!;
    const copy = imported(exportTraceJson(original));
    expect(storeAnswers(copy.store)).toEqual(storeAnswers(original.store));
    expect(copy.outcome).toEqual(original.outcome);
    expect(copy.program).toEqual(original.program);
    expect(copy.limits).toEqual(original.limits);
    expect(copy.timing).toEqual(original.timing);
    expect([copy.runtime, copy.pythonVersion]).toEqual(['3.11', '3.11.3']);
  });

  it.each(Object.keys(PROGRAMS))('%s: the CWM text of the imported store equals the original', (name) => {
    const original = traces.get(name)!;
    const copy = imported(exportTraceJson(original));
    const complete = original.outcome.reason === 'completed';
    expect(emitCwm(copy.store, { complete })).toBe(emitCwm(original.store, { complete }));
  });

  it.each(Object.keys(PROGRAMS))('%s: exporting the imported trace gives the same text again', (name) => {
    const text = exportTraceJson(traces.get(name)!);
    expect(exportTraceJson(imported(text))).toBe(text);
  });

  it('covers what the programs are meant to show', () => {
    const recursion = traces.get('recursion')!.store;
    const depths = Array.from({ length: recursion.stepCount }, (_, step) => recursion.stack(step).length);
    expect(Math.max(...depths)).toBe(6); // the module and fact(5) … fact(1)
    expect(traces.get('uncaughtException')!.outcome.reason).toBe('uncaught exception');
    expect(traces.get('stepLimit')!.outcome.reason).toBe('step limit');
    expect(traces.get('syntaxError')!.outcome).toMatchObject({ reason: 'syntax error', steps: 0 });
    expect(traces.get('output')!.store.outputRuns().map((run) => run.stream)).toEqual(expect.arrayContaining(['stdout', 'stderr', 'stdin']));
    const aliasing = traces.get('aliasing')!.store;
    const afterAppend = aliasing.stack(4)[0].variables; // line 4 is next: b.append(3) has run
    expect(afterAppend.map(({ name, value, objectId }) => [name, value, objectId])).toEqual([['a', '[1, 2, 3]', 0], ['b', '[1, 2, 3]', 0]]);
    const last = aliasing.stack(aliasing.stepCount - 1)[0].variables;
    expect(last.find((v) => v.name === 'counter')?.value).toBe('2');
    const instance = traces.get('instance')!.store;
    const kinds = Array.from({ length: instance.objectCount }, (_, id) => instance.object(id, instance.stepCount - 1)?.kind);
    expect(kinds).toContain('instance');
  });

  it('gives byte-identical files for two runs of the same program (timing left out)', async () => {
    const again = await runTrace(PROGRAMS.instance);
    const withoutTiming = (trace: PortableTrace) => exportTraceJson({ ...trace, timing: undefined });
    expect(withoutTiming(again)).toBe(withoutTiming(traces.get('instance')!));
  });

  it('traceToJson and traceFromJson work on the parsed object', () => {
    const original = traces.get('callEntry')!;
    const file = traceToJson(original);
    expect(file).toMatchObject({ format: 'python-execution-trace', version: 1, runtime: '3.11', python: '3.11.3' });
    expect(file.program).toEqual({ code: PROGRAMS.callEntry.code, call: 'f([1, 1, 3, 1, 3])', stdin: '' });
    const result = traceFromJson(JSON.parse(JSON.stringify(file)));
    expect(result.ok && storeAnswers(result.trace.store)).toEqual(storeAnswers(original.store));
  });

  it('writes one step per line, readable as tuples', () => {
    const text = exportTraceJson(traces.get('callEntry')!);
    const lines = text.split('\n');
    expect(lines[0]).toBe('{');
    expect(lines[1]).toBe('  "format": "python-execution-trace",');
    expect(lines[2]).toBe('  "version": 1,');
    expect(lines).toContain('  "steps": [');
    expect(lines).toContain('    ["call", 1, 0],'); // main() is called
    expect(text).toMatch(/\["call", 1, 1, \[\[\d+, "\[1, 1, 3, 1, 3\]", \d+\]\]\]/); // f(nums)
  });
});

describe('the documentation', () => {
  it('shows the file a real run exports (docs/trace-format.md, "Example")', async () => {
    const doc = readFileSync(new URL('../../docs/trace-format.md', import.meta.url), 'utf8');
    const example = /### Example[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)![1];
    const { program, limits } = JSON.parse(example) as { program: { code: string }; limits: Limits };
    const trace = await runTrace({ code: program.code, limits });
    expect(exportTraceJson({ ...trace, timing: undefined })).toBe(example);
  });
});

describe('Python 3.14 (names in layout order)', () => {
  let engine314: EngineClient;
  beforeAll(async () => {
    engine314 = createNodeEngine('3.14');
    await engine314.boot();
  });
  afterAll(() => engine314?.dispose());

  it('round-trips a trace whose slots arrive out of rank order', async () => {
    const code = 'def h(flag):\n    for i in range(2):\n        if i == 1:\n            seen = i\n        before = i\n    return before\n\nh(0)\n';
    const { store, outcome, info } = await engine314.run({ code });
    const trace: PortableTrace = {
      store, outcome, program: { code, call: null, stdin: '' }, runtime: info.runtime, pythonVersion: info.pythonVersion,
      limits: DEFAULT_LIMITS,
    };
    const slotsOfH = Array.from({ length: store.slotCount }, (_, slot) => slot).filter((slot) => store.slotFrame(slot) === 1);
    expect(slotsOfH.map((slot) => store.slotName(slot))).toEqual(['flag', 'i', 'before', 'seen']); // first-bound order
    expect(store.frameSlotIds(1).map((slot) => store.slotName(slot))).toEqual(['flag', 'i', 'seen', 'before']); // layout order
    const copy = imported(exportTraceJson(trace));
    expect(copy.runtime).toBe('3.14');
    expect(storeAnswers(copy.store)).toEqual(storeAnswers(store));
  });
});

describe('a long trace', () => {
  it('round-trips 100k steps compactly', async () => {
    const trace = await runTrace({
      code: 'total = 0\nfor i in range(50000):\n    total += i\n',
      limits: { maxSteps: 200_000 },
    });
    expect(trace.store.stepCount).toBeGreaterThan(100_000);
    const text = exportTraceJson(trace);
    expect(text.length / trace.store.stepCount).toBeLessThan(50);
    const copy = imported(text).store;
    expect(copy.stepCount).toBe(trace.store.stepCount);
    for (let step = 0; step < copy.stepCount; step += 997) expect(stepAnswers(copy, step)).toEqual(stepAnswers(trace.store, step));
    expect(emitCwm(copy, { from: copy.stepCount - 50 })).toBe(emitCwm(trace.store, { from: copy.stepCount - 50 }));
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break the file in ways no type allows
type EditableFile = Record<string, any>;
type Edit = (file: EditableFile) => void;

/** The export of a small trace, parsed, edited, and imported again. */
function importEdited(edit: Edit): TraceImportResult {
  const file = JSON.parse(exportTraceJson(traces.get('aliasing')!)) as EditableFile;
  edit(file);
  return importTraceJson(JSON.stringify(file));
}

const WRONG_FIELDS: [string, Edit, RegExp][] = [
  ['missing steps', (f) => delete f.steps, /^Invalid trace file: steps: is missing \(expected array\)/],
  ['missing program code', (f) => delete f.program.code, /program\.code: is missing \(expected string\)/],
  ['unknown step kind', (f) => (f.steps[2][0] = 'jump'), /steps\[2\]\[0\] \(kind\): .*"call"/],
  ['line as text', (f) => (f.steps[2][1] = 'one'), /steps\[2\]\[1\] \(line\): expected number/],
  ['unknown object kind', (f) => (f.objects[0][0][1] = 'blob'), /objects\[0\]\[0\]\[1\] \(kind\)/],
  ['unknown stream', (f) => (f.output.runs = [['stdlog', 3]]), /output\.runs\[0\]\[0\] \(stream\)/],
  ['unknown end reason', (f) => (f.outcome.reason = 'exploded'), /outcome\.reason/],
  ['NUL in a repr', (f) => (f.steps[1][3] = [[0, 'a\u0000b']]), /steps\[1\]\[3\]\[0\]\[1\] \(value\): must not contain NUL/],
];

const BROKEN_REFERENCES: [string, Edit, RegExp][] = [
  ['slot of a missing frame', (f) => (f.slots[0][0] = 99),
    /^Invalid trace file: slots\[0\]\[0\] \(frame\): refers to frame 99, but there (is 1 frame|are \d+ frames)\.$/],
  ['frame of a missing code', (f) => (f.frames[0] = 42), /frames\[0\]: refers to code 42/],
  ['code in a missing source', (f) => (f.codes[0][0] = 7), /codes\[0\]\[0\] \(file\): refers to source 7/],
  ['step in a missing activation', (f) => (f.steps[3][2] = 50), /steps\[3\]\[2\] \(activation\): refers to activation 50/],
  ['change of a missing slot', (f) => (f.steps[2][3] = [[1000, '1']]), /steps\[2\]\[3\]\[0\]\[0\] \(slot\): refers to slot 1000/],
  ['change to a missing object', (f) => (f.steps[2][3] = [[0, '[1]', 77]]),
    /steps\[2\]\[3\]\[0\]\[2\] \(object id\): refers to object 77/],
  ['ref to a missing object', (f) => f.objects[1][0][5].push(31), /objects\[1\]\[0\]\[5\]\[\d+\]: refers to object 31/],
  ['version at a missing step', (f) => (f.objects[0][0][0] = 10_000), /objects\[0\]\[0\]\[0\] \(step\): refers to step 10000/],
];

const CONTRADICTIONS: [string, Edit, RegExp][] = [
  ['an activation its own parent', (f) => (f.activations[0][1] = 0),
    /activations\[0\]\[1\] \(parent\): the parent of activation 0 must be an earlier activation/],
  ['a depth unlike the parent\'s', (f) => (f.activations[1][2] = 5), /activations\[1\]\[2\] \(depth\): depth 5 does not match/],
  ['a step count unlike the steps', (f) => (f.outcome.steps = 3), /outcome\.steps: is 3, but the file has \d+ steps/],
  ['a result on a line step', (f) => (f.steps[1] = [...f.steps[1].slice(0, 3), [], { return: '1' }]),
    /steps\[1\]\[4\] \(result\): a line step has no result/],
  ['output marks out of order', (f) => (f.output.marks = [[5, 1], [2, 3]]),
    /output\.marks\[1\]\[0\] \(step\): marks must be in step order/],
  ['an activation first seen on a line step', (f) => (f.steps[0][0] = 'line'),
    /steps\[0\]\[0\] \(kind\): step 0 starts activation 0, so it must be a call step/],
];

const ABSURD_SIZES: [string, Edit, RegExp][] = [
  ['a line beyond 2^29', (f) => (f.steps[1][1] = 2 ** 40), /steps\[1\]\[1\] \(line\): Too big/],
  ['a step count of 10^15', (f) => (f.outcome.steps = 1e15), /outcome\.steps/],
  ['a negative limit', (f) => (f.limits.maxSteps = -1), /limits\.maxSteps: Too small/],
  ['a fractional length', (f) => (f.objects[0][0][4] = 1.5), /objects\[0\]\[0\]\[4\] \(length\)/],
  ['a slot id beyond int32', (f) => (f.steps[1][3] = [[2 ** 31, '1']]), /steps\[1\]\[3\]\[0\]\[0\] \(slot\): Too big/],
  ['10,002 nested activations', (f) => (f.activations = Array.from({ length: 10_002 }, (_, i) => [0, i - 1, i])),
    /activations\[10001\]\[2\] \(depth\): depth 10001 is deeper than any trace can be/],
  ['2,000 slots in reverse rank order', (f) => (f.slots = Array.from({ length: 2000 }, (_, i) => [0, `v${i}`, 2000 - i])),
    /slots\[\d+\]\[2\] \(rank\): too many slots arrive out of rank order/],
];

describe('malformed trace files', () => {
  it('rejects text that is not JSON', () => {
    expect(errorOf(importTraceJson('hello'))).toMatch(/^Not a trace file: the text is not valid JSON/);
    expect(errorOf(importTraceJson(''))).toMatch(/not valid JSON/);
  });

  it('rejects JSON that is not a trace file', () => {
    expect(errorOf(importTraceJson('[1, 2]'))).toMatch(/^Not a trace file: expected a JSON object/);
    expect(errorOf(importTraceJson('{"steps": []}'))).toMatch(/it has no "format" field/);
    expect(errorOf(importEdited((f) => (f.format = 'cwm')))).toBe('Not a trace file: "format" is "cwm", expected "python-execution-trace".');
  });

  it('rejects unknown versions clearly', () => {
    expect(errorOf(importEdited((f) => (f.version = 2)))).toBe(
      'Unsupported trace format version 2: this app reads version 1 (the file comes from a newer version of the app).',
    );
    expect(errorOf(importEdited((f) => (f.version = 0)))).toBe('Unsupported trace format version 0: this app reads version 1.');
    expect(errorOf(importEdited((f) => (f.version = '1')))).toMatch(/"version" must be a whole number, not "1"/);
    expect(errorOf(importEdited((f) => delete f.version))).toMatch(/"version" is missing/);
  });

  it.each(WRONG_FIELDS)('names the field: %s', (_, edit, expected) => expect(errorOf(importEdited(edit))).toMatch(expected));
  it.each(BROKEN_REFERENCES)('rejects a reference: %s', (_, edit, expected) => expect(errorOf(importEdited(edit))).toMatch(expected));
  it.each(CONTRADICTIONS)('rejects %s', (_, edit, expected) => expect(errorOf(importEdited(edit))).toMatch(expected));
  it.each(ABSURD_SIZES)('rejects %s', (_, edit, expected) => expect(errorOf(importEdited(edit))).toMatch(expected));

  it('rejects text longer than the limit before parsing it', () => {
    const text = '{"format": "python-execution-trace"}'.padEnd(3 * 2 ** 20);
    expect(errorOf(importTraceJson(text, { maxLength: 2 ** 20 }))).toBe('The trace file is too large: 3.0 MB (at most 1.0 MB).');
  });

  it('ignores fields it does not know', () => {
    expect(importEdited((f) => (f.comment = 'made by hand')).ok).toBe(true);
  });
});

/** Every query of an imported store, at every step: none may throw. True if the file was accepted. */
function queryEverything(result: TraceImportResult): boolean {
  if (!result.ok) {
    expect(result.error).toMatch(/^(Not a trace file|Invalid trace file|Unsupported trace format version)/);
    return false;
  }
  storeAnswers(result.trace.store);
  return true;
}

describe('fuzzing corrupted files', () => {
  const text = () => exportTraceJson(traces.get('aliasing')!);

  it('never throws on corrupted text; an accepted file answers every query', () => {
    const original = text();
    const edit = fc.record({ at: fc.nat(original.length), remove: fc.nat(8), insert: fc.string({ maxLength: 6 }) });
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let corrupted = original;
        for (const { at, remove, insert } of edits) corrupted = corrupted.slice(0, at) + insert + corrupted.slice(at + remove);
        if (queryEverything(importTraceJson(corrupted))) accepted++;
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it('never throws when any number is replaced; an accepted file answers every query', () => {
    const file = JSON.parse(text()) as unknown;
    const numberPaths = pathsTo(file, (value) => typeof value === 'number');
    const value = fc.oneof(fc.integer({ min: -3, max: 40 }), fc.integer(), fc.double(), fc.constantFrom(2 ** 31, -(2 ** 31) - 1));
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(numberPaths.length - 1), value), { minLength: 1, maxLength: 3 }), (edits) => {
        const copy = structuredClone(file);
        for (const [index, replacement] of edits) setAt(copy, numberPaths[index], replacement);
        if (queryEverything(traceFromJson(copy))) accepted++;
      }),
      { numRuns: 500 },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it('never throws when any value is replaced by arbitrary JSON', () => {
    const file = JSON.parse(text()) as unknown;
    const allPaths = pathsTo(file, () => true);
    let accepted = 0;
    fc.assert(
      fc.property(fc.nat(allPaths.length - 1), fc.jsonValue({ maxDepth: 3 }), (index, replacement) => {
        const copy = structuredClone(file);
        setAt(copy, allPaths[index], replacement);
        if (queryEverything(traceFromJson(copy))) accepted++;
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(0);
  });
});

type Path = (string | number)[];

/** Paths to every value inside `root` (not root itself) that satisfies `keep`. */
function pathsTo(root: unknown, keep: (value: unknown) => boolean): Path[] {
  const paths: Path[] = [];
  const walk = (value: unknown, path: Path) => {
    if (path.length && keep(value)) paths.push(path);
    if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) walk(child, [...path, Array.isArray(value) ? Number(key) : key]);
    }
  };
  walk(root, []);
  return paths;
}

function setAt(root: unknown, path: Path, value: unknown): void {
  let target = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path[path.length - 1]] = value;
}
