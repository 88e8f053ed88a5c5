/** One line of a `--suite` file: a CRUXEval-style row, checked field by field. */

export interface SuiteItem {
  id: unknown;
  code: string;
  /** The call to trace: the row's `call`, or `f(<input>)`. */
  call: string;
  stdin: string;
}

/** One line of output. `cwm` is null when the item could not be run at all. */
export interface SuiteResult {
  id: unknown;
  result: string | null;
  error: string | null;
  steps: number;
  cwm: string | null;
  /** Line number in the suite file, given when the line itself was bad. */
  line?: number;
}

export type ParsedLine = { ok: true; item: SuiteItem } | { ok: false; id: unknown; error: string };

function isId(value: unknown): boolean {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** Read one suite line (never throws). */
export function parseSuiteLine(text: string): ParsedLine {
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, id: null, error: `invalid JSON (${detail})` };
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return { ok: false, id: null, error: 'expected a JSON object' };
  const fields = row as Record<string, unknown>;
  const id = isId(fields.id) ? fields.id : null;
  const fail = (error: string): ParsedLine => ({ ok: false, id, error });
  if (fields.id === undefined) return fail('missing field "id"');
  if (id === null) return fail('"id" must be a string or a number');
  if (typeof fields.code !== 'string') return fail(fields.code === undefined ? 'missing field "code"' : '"code" must be a string');
  if (fields.stdin !== undefined && fields.stdin !== null && typeof fields.stdin !== 'string') return fail('"stdin" must be a string');
  const stdin = typeof fields.stdin === 'string' ? fields.stdin : '';
  if (typeof fields.call === 'string' && fields.call.trim()) return { ok: true, item: { id, code: fields.code, call: fields.call.trim(), stdin } };
  if (fields.call !== undefined && fields.call !== null && typeof fields.call !== 'string') return fail('"call" must be a string');
  if (typeof fields.input !== 'string') return fail(fields.input === undefined ? 'missing field "input" (or "call")' : '"input" must be a string');
  return { ok: true, item: { id, code: fields.code, call: `f(${fields.input})`, stdin } };
}
