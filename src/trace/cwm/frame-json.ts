/**
 * Reading the JSON parts of a CWM frame: LOCALS (an object whose values are JSON strings holding
 * repr text, or `".."`) and a return/exception VALUE (a JSON string). The LOCALS object's shape is
 * checked by a small scanner so names keep their written order (a JS object would move
 * integer-like keys first and merge duplicates); every string is then decoded with JSON.parse.
 */

export type CwmLocal = readonly [name: string, value: string];

export interface DecodedLocals {
  /** The pairs in written order, or null when LOCALS is not a JSON object of strings. */
  entries: CwmLocal[] | null;
  /** LOCALS is valid JSON (whatever its shape). */
  jsonValid: boolean;
  error: string | null;
}

export interface DecodedValue {
  value: string | null;
  jsonValid: boolean;
  error: string | null;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/** Brief quote of model text for an error message. */
export function quote(text: string, max = 40): string {
  return JSON.stringify(text.length > max ? text.slice(0, max) + '…' : text);
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Scans `{"k": "v", ...}`; returns the raw string tokens in order, or null if the shape is different. */
function scanStringObject(text: string): string[] | null {
  let at = 0;
  const skip = () => {
    while (WHITESPACE.has(text[at])) at++;
  };
  const stringToken = (): string | null => {
    if (text[at] !== '"') return null;
    const start = at++;
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    if (at >= text.length) return null;
    return text.slice(start, ++at);
  };
  const tokens: string[] = [];
  skip();
  if (text[at++] !== '{') return null;
  skip();
  if (text[at] === '}') at++;
  else {
    for (;;) {
      const key = stringToken();
      skip();
      if (key === null || text[at++] !== ':') return null;
      skip();
      const value = stringToken();
      if (value === null) return null;
      tokens.push(key, value);
      skip();
      const next = text[at++];
      if (next === '}') break;
      if (next !== ',') return null;
      skip();
    }
  }
  skip();
  return at === text.length ? tokens : null;
}

/** Why valid JSON is not an object of strings. */
function shapeError(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `LOCALS is ${jsonType(value)}, not a JSON object`;
  for (const [name, item] of Object.entries(value)) {
    if (typeof item !== 'string') return `the value of ${quote(name)} in LOCALS is ${jsonType(item)}, not a JSON string holding a repr`;
  }
  return 'LOCALS could not be read as a JSON object of strings';
}

export function decodeLocals(text: string): DecodedLocals {
  if (text.trim() === '') return { entries: null, jsonValid: false, error: 'missing LOCALS (a JSON object)' };
  const tokens = scanStringObject(text);
  if (tokens === null) {
    const parsed = tryJson(text);
    if (!parsed.ok) return { entries: null, jsonValid: false, error: `LOCALS is not valid JSON (${parsed.message})` };
    return { entries: null, jsonValid: true, error: shapeError(parsed.value) };
  }
  const entries: CwmLocal[] = [];
  const seen = new Set<string>();
  let error: string | null = null;
  const invalid = (what: string, message: string): DecodedLocals =>
    ({ entries: null, jsonValid: false, error: `LOCALS is not valid JSON: bad string ${what} (${message})` });
  for (let i = 0; i < tokens.length; i += 2) {
    const name = tryJson(tokens[i]);
    if (!name.ok) return invalid(`for a name, ${quote(tokens[i])}`, name.message);
    const key = name.value as string; // a scanned string token decodes to a string
    const value = tryJson(tokens[i + 1]);
    if (!value.ok) return invalid(`in the value of ${quote(key)}`, value.message);
    if (seen.has(key)) error ??= `LOCALS lists ${quote(key)} twice`;
    seen.add(key);
    entries.push([key, value.value as string]);
  }
  return { entries, jsonValid: true, error };
}

export function decodeValue(text: string): DecodedValue {
  if (text.trim() === '') return { value: null, jsonValid: false, error: 'missing VALUE (a JSON string)' };
  const parsed = tryJson(text);
  if (!parsed.ok) return { value: null, jsonValid: false, error: `VALUE is not a valid JSON string (${parsed.message})` };
  if (typeof parsed.value !== 'string') return { value: null, jsonValid: true, error: `VALUE is ${jsonType(parsed.value)}, not a JSON string holding a repr` };
  return { value: parsed.value, jsonValid: true, error: null };
}
