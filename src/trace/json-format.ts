/**
 * The trace file: a whole trace as versioned, self-describing JSON that people can read, any
 * language can consume, and the app can import again (docs/trace-format.md, "The JSON trace file").
 * `importTraceJson(exportTraceJson(trace))` gives a store that answers every query as the original.
 */
import type { z } from 'zod';
import { findProblem } from './json-checks.ts';
import { traceFileFromStore } from './json-from-store.ts';
import { layoutJson } from './json-layout.ts';
import { describePath, TRACE_FORMAT, TRACE_FORMAT_VERSION, traceFileSchema, type TraceFile } from './json-schema.ts';
import { storeFromTraceFile } from './json-to-store.ts';
import type { TraceStore } from './store.ts';
import type { Limits, Outcome } from './types.ts';

export { TRACE_FORMAT, TRACE_FORMAT_VERSION, type TraceFile };

/** What ran: enough to run it again. */
export interface TraceProgram {
  code: string;
  /** The entry call expression, e.g. `f([1, 2])`; null when the whole module ran. */
  call: string | null;
  stdin: string;
}

/** Wall-clock times: the only part of a file that differs between two runs of the same program. */
export interface TraceTiming {
  /** The run's wall time as the app saw it. */
  durationMs?: number;
  /** The program's wall time measured inside Python. */
  pythonMs?: number;
}

/** A trace with what a "run info" display and a re-run need: what a trace file holds. */
export interface PortableTrace {
  store: TraceStore;
  outcome: Outcome;
  program: TraceProgram;
  /** The runtime id (`3.11`, `3.14`). */
  runtime: string;
  /** The full Python version, e.g. `3.11.3`. */
  pythonVersion: string;
  limits: Limits;
  timing?: TraceTiming;
}

export type TraceImportResult = { ok: true; trace: PortableTrace } | { ok: false; error: string };

export interface TraceImportOptions {
  /** Longest text accepted, in characters (default MAX_TRACE_JSON_LENGTH). */
  maxLength?: number;
}

/** 256 Mi characters: far beyond a 1M-step trace, well below what would freeze a tab. */
export const MAX_TRACE_JSON_LENGTH = 256 * 2 ** 20;

/** The trace file as an object (for callers that embed or compress it themselves). */
export function traceToJson(trace: PortableTrace): TraceFile {
  return traceFileFromStore(trace);
}

/** The trace file as text: one record per line in each table, deterministic for a given trace. */
export function exportTraceJson(trace: PortableTrace): string {
  return layoutJson(traceFileFromStore(trace));
}

/** Read a trace file. Never throws: anything wrong with the input comes back as `error`. */
export function importTraceJson(text: string, options: TraceImportOptions = {}): TraceImportResult {
  try {
    if (typeof text !== 'string') return failure('Expected the trace file as text.');
    const maxLength = options.maxLength ?? MAX_TRACE_JSON_LENGTH;
    if (text.length > maxLength) {
      return failure(`The trace file is too large: ${megabytes(text.length)} (at most ${megabytes(maxLength)}).`);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return failure(`Not a trace file: the text is not valid JSON (${messageOf(error)}).`);
    }
    return traceFromJson(value);
  } catch (error) {
    return failure(`Could not import the trace: ${messageOf(error)}`);
  }
}

/** Read a trace file already parsed from JSON. Never throws. */
export function traceFromJson(value: unknown): TraceImportResult {
  try {
    const headerError = checkHeader(value);
    if (headerError) return failure(headerError);
    const parsed = traceFileSchema.safeParse(value);
    if (!parsed.success) return failure(describeIssues(parsed.error.issues));
    const file = parsed.data;
    const problem = findProblem(file);
    if (problem) return failure(`Invalid trace file: ${describePath(problem.path)}: ${problem.message}.`);
    return {
      ok: true,
      trace: {
        store: storeFromTraceFile(file),
        outcome: file.outcome,
        program: file.program,
        runtime: file.runtime,
        pythonVersion: file.python,
        limits: file.limits,
        ...(file.timing ? { timing: file.timing } : {}),
      },
    };
  } catch (error) {
    return failure(`Could not import the trace: ${messageOf(error)}`);
  }
}

/** Format and version first, so a file from elsewhere or from a newer app gets a plain answer. */
function checkHeader(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `Not a trace file: expected a JSON object with "format": "${TRACE_FORMAT}".`;
  }
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format === undefined) return `Not a trace file: it has no "format" field (expected "${TRACE_FORMAT}").`;
  if (format !== TRACE_FORMAT) return `Not a trace file: "format" is ${preview(format)}, expected "${TRACE_FORMAT}".`;
  if (version === undefined) return 'Invalid trace file: "version" is missing.';
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return `Invalid trace file: "version" must be a whole number, not ${preview(version)}.`;
  }
  if (version !== TRACE_FORMAT_VERSION) {
    const newer = version > TRACE_FORMAT_VERSION ? ' (the file comes from a newer version of the app)' : '';
    return `Unsupported trace format version ${version}: this app reads version ${TRACE_FORMAT_VERSION}${newer}.`;
  }
  return null;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const [first] = issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return `Invalid trace file: ${describePath(first.path)}: ${issueText(first)}${more}.`;
}

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) return `is missing (expected ${issue.expected})`;
  return issue.message.replace(/^Invalid input: /, '');
}

function failure(error: string): TraceImportResult {
  return { ok: false, error };
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? text.slice(0, 40) + '…' : text;
}

function megabytes(characters: number): string {
  return `${(characters / 2 ** 20).toFixed(1)} MB`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
