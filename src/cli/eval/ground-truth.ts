/**
 * The real traces: one booted runtime, one run at a time (a new run would stop the current one),
 * each turned at once into the frames a prediction is compared with; the store is not kept.
 */
import { alignmentFor, type PredictionTextFormat, type TraceFrame } from '../../compare/index.ts';
import type { EngineClient } from '../../engine/client.ts';
import { CHAT_EXAMPLE_PROGRAM } from '../../model/prompts/chat.ts';
import { emitPlainTrace } from '../../trace/plain/emit.ts';
import type { Limits, Outcome } from '../../trace/types.ts';
import { messageOf } from '../errors.ts';
import { errorText, mainReturnRepr } from '../outcome.ts';
import type { SuiteItem } from '../suite-item.ts';

export interface GroundTruth {
  /** The real frames, aligned with a prediction in the requested format. */
  real: TraceFrame[];
  /** Position in the prediction → step of the real trace (for the link's step). */
  stepOf: (index: number) => number;
  /**
   * The repr the traced call returned (null if it raised): the expected output unless the suite
   * gives one. Taken from main()'s return step, which plain-format frames leave out.
   */
  output: string | null;
}

export type TraceResult = { ok: true; truth: GroundTruth } | { ok: false; error: string };

/** Runs that give a trace to compare with: it ran to its end, or raised, or exited. */
const COMPARABLE: ReadonlySet<Outcome['reason']> = new Set(['completed', 'uncaught exception', 'exited']);

export class GroundTruthTracer {
  private lock: Promise<void> = Promise.resolve();

  constructor(
    private readonly engine: EngineClient,
    private readonly limits: Limits,
  ) {}

  /** One run at a time, in the order asked. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.lock.then(task);
    this.lock = result.then(() => undefined, () => undefined);
    return result;
  }

  /** The real trace of an item, or why there is none (never throws). */
  async trace(item: SuiteItem, format: PredictionTextFormat): Promise<TraceResult> {
    let run;
    try {
      run = await this.exclusive(() => this.engine.run({ code: item.code, call: item.call, stdin: item.stdin, limits: this.limits }));
    } catch (error) {
      return { ok: false, error: `the engine failed: ${messageOf(error).split('\n')[0]}` };
    }
    const { store, outcome } = run;
    if (!COMPARABLE.has(outcome.reason)) return { ok: false, error: `the real run ended early: ${errorText(outcome)}` };
    const { real, stepOf } = alignmentFor(store, item.call, format);
    return { ok: true, truth: { real, stepOf, output: mainReturnRepr(store, outcome) } };
  }

  /** The chat prompt's worked example, traced for real (as the app does). */
  async chatExample(): Promise<string> {
    const { store, outcome } = await this.exclusive(() => this.engine.run({ code: CHAT_EXAMPLE_PROGRAM, limits: this.limits }));
    return emitPlainTrace(store, { complete: outcome.reason === 'completed' });
  }
}
