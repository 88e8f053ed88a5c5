/**
 * The suite's items, read line by line as they are needed (the trace CLI's line parser, plus the
 * optional `expected` field). Each item gets a key that says whether results.jsonl already has it.
 */
import { openLines } from '../io.ts';
import { parseSuiteLine, type SuiteItem } from '../suite-item.ts';

export type SuiteEntry =
  | { ok: true; key: string; lineNumber: number; item: SuiteItem; /** The expected output's repr, when the line gives one. */ expected: string | undefined }
  | { ok: false; key: string; lineNumber: number; id: unknown; error: string };

/**
 * The key of an item in results.jsonl: its id; for a suite line that could not be used (bad JSON,
 * a repeated id…), whose result line carries `line`, its line number.
 */
export function itemKey(id: unknown, lineNumber: number | undefined): string {
  return lineNumber !== undefined ? `line:${lineNumber}` : `id:${JSON.stringify(id)}`;
}

function readExpected(text: string): string | undefined | { error: string } {
  const expected = (JSON.parse(text) as { expected?: unknown }).expected;
  if (expected === undefined || expected === null) return undefined;
  return typeof expected === 'string' ? expected : { error: '"expected" must be a string (the repr of the expected output)' };
}

/** The suite file's entries; opening fails at once (before the slow boot) for a missing file. */
export async function openSuite(path: string): Promise<AsyncIterable<SuiteEntry>> {
  const lines = await openLines(path);
  return {
    async *[Symbol.asyncIterator]() {
      const firstLineOf = new Map<string, number>();
      let lineNumber = 0;
      for await (const text of lines) {
        lineNumber++;
        if (!text.trim()) continue;
        const parsed = parseSuiteLine(text);
        if (!parsed.ok) {
          yield { ok: false, key: itemKey(null, lineNumber), lineNumber, id: parsed.id, error: `line ${lineNumber}: ${parsed.error}` };
          continue;
        }
        const key = itemKey(parsed.item.id, undefined);
        const first = firstLineOf.get(key);
        if (first !== undefined) {
          yield { ok: false, key: itemKey(null, lineNumber), lineNumber, id: parsed.item.id, error: `line ${lineNumber}: the id was already used on line ${first}` };
          continue;
        }
        firstLineOf.set(key, lineNumber);
        const expected = readExpected(text);
        if (typeof expected === 'object') {
          yield { ok: false, key: itemKey(null, lineNumber), lineNumber, id: parsed.item.id, error: `line ${lineNumber}: ${expected.error}` };
          continue;
        }
        yield { ok: true, key, lineNumber, item: parsed.item, expected };
      }
    },
  };
}
