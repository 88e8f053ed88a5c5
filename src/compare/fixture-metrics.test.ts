import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineClient } from '../engine/client.ts';
import { createNodeEngine } from '../engine/node/engine.ts';
import { isFullyRight, loadCwmFixture, type FixtureItem } from '../testing/cwm-fixture.ts';
import { SEEDED_MAIN_CALL } from '../trace/cwm/prompt.ts';
import type { TraceFrame } from './frame.ts';
import { readCwmTrace } from './from-cwm.ts';
import { diffTraces } from './diff.ts';
import { scoreItem, type ItemMetrics } from './metrics/item.ts';
import { MetricsAccumulator, TABLE9_KEYS, type Table9Summary } from './metrics/summary.ts';
import { table9Metrics, type Table9Metrics } from './metrics/table9.ts';
import { realTraceFrames, SEEDED_FRAMES } from './real.ts';
import { reproductionStyleFrames } from './reproduction-gt.ts';

/**
 * The Table 9 figures of the real CWM generations in the CRUXEval fixture, scored against the
 * engine's ground truth (Python 3.11), next to the public reproduction's own per-item figures.
 * Figures and explanations: docs/benchmarks.md, "CWM fixture metrics (Table 9)".
 */

/** The reproduction's macro averages (summary.json of ASSERT-KTH/cwm at 4963ad3), in percent. */
const REPRODUCTION = {
  output_correct: 87.25, valid_trace_format: 99.625, state_exact_match: 96.41182605890636, action_exact_match: 98.68030512250401,
  valid_json_format: 99.55156357117353, key_match: 99.55156357117353, key_value_match: 97.48417726050944,
};
/** The CWM tech report, Table 9, CRUXEval column. */
const PUBLISHED = {
  output_correct: 88.0, valid_trace_format: 99.6, state_exact_match: 96.9, action_exact_match: 96.5,
  valid_json_format: 100.0, key_match: 99.1, key_value_match: 98.1,
};

function sameTable9(a: Table9Metrics, b: FixtureItem['metrics']): boolean {
  return TABLE9_KEYS.every((key) => Math.abs((a[key] ?? -1) - (b[key] ?? -1)) < 1e-9);
}

describe('Table 9 metrics: real CWM generations vs. the engine (CRUXEval fixture, Python 3.11)', () => {
  let engine: EngineClient;
  const items = loadCwmFixture();
  const real = new Map<string, TraceFrame[]>();
  const predicted = new Map<string, TraceFrame[]>();
  const scores = new Map<string, ItemMetrics>();
  const accumulator = new MetricsAccumulator();

  beforeAll(async () => {
    engine = createNodeEngine('3.11');
    await engine.boot();
    for (const item of items) {
      const { store } = await engine.run({ code: item.code, call: `f(${item.input})` });
      real.set(item.id, realTraceFrames(store, { skip: SEEDED_FRAMES }));
      predicted.set(item.id, readCwmTrace(item.generation, SEEDED_MAIN_CALL).frames);
      const score = scoreItem(real.get(item.id)!, predicted.get(item.id)!, { expected: item.expected });
      scores.set(item.id, score);
      accumulator.add(score);
    }
  });

  afterAll(() => engine?.dispose());

  it('reads the real traces completely: every frame well-formed, with its line number, every `..` resolved', () => {
    for (const frames of real.values()) {
      for (const frame of frames) {
        expect(frame.malformed).toBeNull();
        expect(frame.line).toBeGreaterThan(0);
        for (const local of frame.locals ?? []) expect(local.value).not.toBeNull();
      }
    }
  });

  it('scores each of the 622 fully-right items 1.0 on every metric, with no divergence', () => {
    const fullyRight = items.filter(isFullyRight);
    expect(fullyRight).toHaveLength(622);
    for (const item of fullyRight) {
      const score = scores.get(item.id)!;
      expect({ id: item.id, ...score }).toMatchObject({
        id: item.id, output_correct: true, valid_trace_format: 1, state_exact_match: 1, action_exact_match: 1,
        valid_json_format: 1, key_match: 1, key_value_match: 1, first_divergence: null,
      });
      expect(Object.values(score.resolved)).toEqual([1, 1, 1, 1, 1, 1]);
    }
  });

  it("reproduces the fixture's `correct` field on all 800 items, and its `predicted` where the value is a JSON string", () => {
    expect(items.filter((item) => scores.get(item.id)!.output_correct !== item.correct).map((item) => item.id)).toEqual([]);
    // sample_527 ends with `<|arg_sep|>"'!?'`: not valid JSON. The reproduction kept the raw text
    // (`"'!?'`, not a Python literal, so not correct either); our parser reads no value.
    const differ = items.filter((item) => scores.get(item.id)!.predicted_output !== item.predicted).map((item) => item.id);
    expect(differ).toEqual(['sample_527']);
  });

  it("equals the reproduction's per-item metrics or exceeds them, never falls below", () => {
    const equal = items.filter((item) => sameTable9(scores.get(item.id)!, item.metrics));
    const lower = items.filter((item) => TABLE9_KEYS.some((key) => scores.get(item.id)![key]! < item.metrics[key]! - 1e-9));
    console.log(`per-item Table 9 metrics equal to the reproduction's on ${equal.length} of 800 items; higher on the others`);
    expect(lower.map((item) => item.id)).toEqual([]);
    expect(equal.length).toBe(739);
  });

  it("equals them on all but 2 items once the reproduction's ground-truth rules are emulated", () => {
    const differ = items
      .filter((item) => !sameTable9(table9Metrics(reproductionStyleFrames(real.get(item.id)!), predicted.get(item.id)!), item.metrics))
      .map((item) => item.id);
    // sample_424: a stray <|line_sep|> after a source line, which the reproduction kept in the
    // action text; sample_621: the reproduction's tracer stepped into the encodings package.
    expect(differ).toEqual(['sample_424', 'sample_621']);
  });

  it('finds 3 more items without divergence in lenient mode: set/dict display order, an escaped character', () => {
    const lenientOnly = items.filter((item) => {
      const [r, p] = [real.get(item.id)!, predicted.get(item.id)!];
      return diffTraces(r, p, 'strict').firstDivergence !== null && diffTraces(r, p, 'lenient').firstDivergence === null;
    });
    expect(lenientOnly.map((item) => item.id)).toEqual(['sample_100', 'sample_541', 'sample_736']);
  });

  it('gives macro averages at least as high as the reproduction’s; prints the table', () => {
    const summary = accumulator.summary();
    const resolved = accumulator.resolvedSummary();
    const lenient = new MetricsAccumulator();
    for (const item of items) {
      const score = scoreItem(real.get(item.id)!, predicted.get(item.id)!, { expected: item.expected, mode: 'lenient' });
      lenient.add({ ...score, ...table9Metrics(real.get(item.id)!, predicted.get(item.id)!, { mode: 'lenient' }) });
    }
    const lenientSummary = lenient.summary();
    const keys = ['output_correct', ...TABLE9_KEYS] as const;
    const ours = (key: (typeof keys)[number]) => summary[key];
    console.log(
      'metric               published  reproduction    ours  resolved ..  lenient\n' +
        keys.map((key) => [
          key.padEnd(20),
          PUBLISHED[key].toFixed(1).padStart(9),
          REPRODUCTION[key].toFixed(2).padStart(12),
          ours(key).toFixed(2).padStart(6),
          (key === 'output_correct' ? '' : resolved[key as keyof Table9Summary].toFixed(2)).padStart(11),
          lenientSummary[key].toFixed(2).padStart(7),
        ].join('  ')).join('\n') +
        `\nfirst divergence (strict): ${JSON.stringify(summary.first_divergence_histogram)}` +
        `\nfirst divergence (lenient): ${JSON.stringify(lenientSummary.first_divergence_histogram)}`,
    );
    expect(summary.n).toBe(800);
    expect(summary.output_correct).toBe(87.25);
    expect(summary.valid_trace_format).toBe(99.625);
    for (const key of keys) expect(ours(key)).toBeGreaterThanOrEqual(REPRODUCTION[key] - 1e-9);
    expect(summary.first_divergence_histogram.none).toBe(667);
  });
});
