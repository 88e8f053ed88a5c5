/**
 * JSON text laid out for people as well as programs: a table (an array of arrays or objects) gets
 * one record per line, everything else is written compactly with `, ` and `: ` separators (the way
 * Python's json.dumps writes it). Deterministic: the same value always gives the same text.
 */
function isContainer(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function isTable(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0 && value.every(isContainer);
}

/** An object is spread over lines when something inside it is. */
function spreads(value: unknown): boolean {
  if (isTable(value)) return true;
  return isContainer(value) && !Array.isArray(value) && Object.values(value as object).some(spreads);
}

export function compactJson(value: unknown): string {
  if (Array.isArray(value)) return '[' + value.map(compactJson).join(', ') + ']';
  if (isContainer(value)) {
    const entries = Object.entries(value as object).filter(([, v]) => v !== undefined);
    return '{' + entries.map(([key, v]) => JSON.stringify(key) + ': ' + compactJson(v)).join(', ') + '}';
  }
  return JSON.stringify(value);
}

function layout(value: unknown, indent: string, spread: boolean): string {
  const inner = indent + '  ';
  if (isTable(value)) return '[\n' + value.map((row) => inner + compactJson(row)).join(',\n') + '\n' + indent + ']';
  if (spread && isContainer(value) && !Array.isArray(value)) {
    const entries = Object.entries(value as object).filter(([, v]) => v !== undefined);
    const lines = entries.map(([key, v]) => inner + JSON.stringify(key) + ': ' + layout(v, inner, spreads(v)));
    return '{\n' + lines.join(',\n') + '\n' + indent + '}';
  }
  return compactJson(value);
}

/** The value as text with its top-level fields (and any table) one per line, ending in a newline. */
export function layoutJson(value: object): string {
  return layout(value, '', true) + '\n';
}
