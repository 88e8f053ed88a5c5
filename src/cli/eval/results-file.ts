/**
 * results.jsonl in the --out directory: what an earlier run already did (resume), and appending
 * one line per finished item. A last line cut off by an interrupted run is discarded.
 */
import { mkdir, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, EXIT_USAGE, messageOf } from '../errors.ts';
import { fileLines, openForReading } from './file-lines.ts';
import type { SourceLabel } from './prediction.ts';
import { parseResultLine } from './result-line.ts';
import { itemKey } from './suite-reader.ts';

export const RESULTS_FILE = 'results.jsonl';

/** What must match for a resumed run to add to the same results. */
export interface RunIdentity extends SourceLabel {
  runtime: string;
}

export interface Resumed {
  path: string;
  /** Keys (suite-reader.ts itemKey) of the items results.jsonl already has. */
  done: Set<string>;
  /** A cut-off last line was removed. */
  discardedPartialLine: boolean;
}

async function makeDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new CliError(`cannot create the --out directory ${dir}: ${messageOf(error)}`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function describe(identity: RunIdentity): string {
  return `${identity.mode === 'predictions' ? 'predictions from a file' : `mode ${identity.mode}`}${identity.model ? `, model ${identity.model}` : ''}, Python ${identity.runtime}`;
}

function sameRun(a: RunIdentity, b: RunIdentity): boolean {
  return a.mode === b.mode && a.model === b.model && a.runtime === b.runtime;
}

/**
 * Creates `dir` if needed and reads its results.jsonl, if any: the items done, checked to come
 * from the same kind of run. A cut-off last line is truncated away; any other unreadable line
 * stops the run (the file is not ours to repair).
 */
export async function resumeResults(dir: string, identity: RunIdentity): Promise<Resumed> {
  await makeDirectory(dir);
  const path = join(dir, RESULTS_FILE);
  const done = new Set<string>();
  if (!(await exists(path))) return { path, done, discardedPartialLine: false };
  const handle = await openForReading(path);
  let validEnd = 0;
  let bad: { lineNumber: number; offset: number; last: boolean } | null = null;
  try {
    let lineNumber = 0;
    for await (const line of fileLines(handle, path)) {
      lineNumber++;
      if (bad) {
        bad.last = false;
        break;
      }
      const result = line.complete ? parseResultLine(line.text) : null;
      if (!result) {
        if (line.text.trim() || !line.complete) bad = { lineNumber, offset: line.offset, last: true };
        else validEnd = line.offset + line.bytes + 1;
        continue;
      }
      if (!sameRun(result, identity)) {
        throw new CliError(`${path} holds the results of another run (${describe(result)}; this one: ${describe(identity)}): choose another --out, or remove it`, EXIT_USAGE);
      }
      done.add(itemKey(result.id, result.line));
      validEnd = line.offset + line.bytes + 1;
    }
  } finally {
    await handle.close();
  }
  if (bad && !bad.last) throw new CliError(`${path}: line ${bad.lineNumber} is not a result line; fix or remove the file`);
  if (bad) await truncate(path, validEnd);
  return { path, done, discardedPartialLine: bad !== null };
}
