/**
 * JSON text exactly as Python's `json.dumps` writes it with default settings: `", "` and `": "`
 * separators and ASCII-only output (every UTF-16 code unit outside space..~ escaped as lowercase
 * `\uXXXX`, with the short forms \n \r \t \b \f). `JSON.stringify` differs on both counts.
 */
const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f',
};

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\uffff]/g;

export function pyJsonString(text: string): string {
  return '"' + text.replace(NEEDS_ESCAPE, (ch) => SHORT_ESCAPES[ch] ?? '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0')) + '"';
}

/** `json.dumps(dict)` of string keys to string values, in the given order. */
export function pyJsonObject(entries: ReadonlyArray<readonly [string, string]>): string {
  return '{' + entries.map(([k, v]) => pyJsonString(k) + ': ' + pyJsonString(v)).join(', ') + '}';
}
