/**
 * `trace --suite FILE.jsonl`: trace every row of a CRUXEval-style suite with one booted runtime,
 * writing one JSON line per item as soon as it is done (the suite is streamed, never held whole).
 */
import type { EngineClient } from '../engine/client.ts';
import { emitCwm } from '../trace/cwm/emit.ts';
import { DEFAULT_LIMITS, type Limits } from '../trace/types.ts';
import type { Command } from './args.ts';
import { startEngine } from './engine.ts';
import { EXIT_OK, messageOf } from './errors.ts';
import { countLines, openLines, writeOut } from './io.ts';
import { errorText, mainReturnRepr } from './outcome.ts';
import { Progress } from './progress.ts';
import { parseSuiteLine, type SuiteItem, type SuiteResult } from './suite-item.ts';

type SuiteCommand = Extract<Command, { kind: 'suite' }>;

export async function traceItem(engine: EngineClient, item: SuiteItem, limits: Limits): Promise<SuiteResult> {
  try {
    const { store, outcome } = await engine.run({ code: item.code, call: item.call, stdin: item.stdin, limits });
    return {
      id: item.id,
      result: mainReturnRepr(store, outcome),
      error: errorText(outcome),
      steps: store.stepCount,
      cwm: emitCwm(store, { complete: outcome.reason === 'completed' }),
    };
  } catch (error) {
    return { id: item.id, result: null, error: `engine error: ${messageOf(error)}`, steps: 0, cwm: null };
  }
}

export async function traceSuite(command: SuiteCommand): Promise<number> {
  const lines = await openLines(command.file); // fails before the (slow) boot
  const live = Boolean(process.stderr.isTTY);
  const total = live ? countLines(command.file) : Promise.resolve(null); // counted while Python boots
  const { engine, info } = await startEngine(command.runtime);
  const progress = new Progress(process.stderr, live, await total, info);
  const limits = { ...DEFAULT_LIMITS, ...command.limits };
  try {
    let lineNumber = 0;
    for await (const text of lines) {
      lineNumber++;
      if (!text.trim()) continue;
      const parsed = parseSuiteLine(text);
      const result: SuiteResult = parsed.ok
        ? await traceItem(engine, parsed.item, limits)
        : { id: parsed.id, result: null, error: `line ${lineNumber}: ${parsed.error}`, steps: 0, cwm: null, line: lineNumber };
      await writeOut(JSON.stringify(result) + '\n');
      progress.tick(result.error !== null);
    }
  } finally {
    engine.dispose();
  }
  progress.finish();
  return EXIT_OK;
}
