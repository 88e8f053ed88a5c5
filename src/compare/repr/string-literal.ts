/**
 * Decoding the body of a Python string literal (between its quotes): the escapes of the Python
 * reference (`\n`, `\x41`, `\u00e9`, `\U0001f600`, octal, line continuation; unknown escapes kept
 * as written). Returns null where Python would reject the literal or we cannot decode it
 * (`\N{...}` names, an incomplete escape, non-ASCII in bytes).
 */

const SIMPLE: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

function hexAt(body: string, at: number, digits: number): number | null {
  const hex = body.slice(at, at + digits);
  return hex.length === digits && /^[0-9a-fA-F]+$/.test(hex) ? parseInt(hex, 16) : null;
}

export function decodeStringBody(body: string, options: { raw: boolean; bytes: boolean }): string | null {
  if (options.bytes && /[\u0080-\uffff]/.test(body)) return null;
  if (options.raw || !body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[++i];
    if (next === undefined) return null;
    if (next in SIMPLE) out += SIMPLE[next];
    else if (next === '\n') continue;
    else if (next >= '0' && next <= '7') {
      let digits = next;
      while (digits.length < 3 && body[i + 1] >= '0' && body[i + 1] <= '7') digits += body[++i];
      const code = parseInt(digits, 8);
      if (options.bytes && code > 0xff) return null;
      out += String.fromCharCode(code);
    } else if (next === 'x' || (!options.bytes && (next === 'u' || next === 'U'))) {
      const digits = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const code = hexAt(body, i + 1, digits);
      if (code === null || code > 0x10ffff) return null;
      out += String.fromCodePoint(code);
      i += digits;
    } else if (next === 'N' && !options.bytes) return null;
    else out += '\\' + next;
  }
  return out;
}
