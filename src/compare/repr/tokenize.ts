import { decodeStringBody } from './string-literal.ts';

/**
 * A tokenizer for Python repr text (the values of a trace): never evaluates, never throws;
 * returns null for text it does not understand, so callers fall back to exact comparison.
 */

export type ReprToken =
  | { type: 'num'; text: string }
  /** A string literal, escapes decoded; prefix lowercased, `b` for bytes ('' for str). */
  | { type: 'str'; prefix: '' | 'b'; value: string }
  /** An identifier, possibly dotted: `None`, `inf`, `collections.OrderedDict`. */
  | { type: 'name'; text: string }
  /** A `<...>` object repr (`<list_iterator object>`, `<function f.<locals>.g>`), whitespace collapsed. */
  | { type: 'opaque'; text: string }
  | { type: 'punct'; text: '(' | ')' | '[' | ']' | '{' | '}' | ',' | ':' | '=' | '+' | '-' | '...' };

const NUMBER = /(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?)/y;
const NAME = /[A-Za-z_\u00a0-\uffff][\w\u00a0-\uffff]*(?:\.[A-Za-z_\u00a0-\uffff][\w\u00a0-\uffff]*)*/y;
const STRING_START = /([bBrRuU]{0,2})(['"])/y;
const PUNCT = new Set(['(', ')', '[', ']', '{', '}', ',', ':', '=', '+', '-']);

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11;
}

/** End (exclusive) of a quoted string whose opening quote is at `at`, or -1. */
function stringEnd(text: string, at: number): number {
  const quote = text[at];
  for (let i = at + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === quote) return i + 1;
    else if (ch === '\n') return -1;
  }
  return -1;
}

/** End (exclusive) of a balanced `<...>` starting at `at` (quotes inside skipped), or -1. */
function opaqueEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const ch = text[i];
    if (ch === '<') depth++;
    else if (ch === '>' && --depth === 0) return i + 1;
    else if (ch === "'" || ch === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return -1;
      i = end - 1;
    }
  }
  return -1;
}

function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

export function tokenizeRepr(text: string): ReprToken[] | null {
  const tokens: ReprToken[] = [];
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (isSpace(code)) {
      at++;
      continue;
    }
    const ch = text[at];
    const string = matchAt(STRING_START, text, at);
    if (string) {
      const prefix = string[1].toLowerCase();
      if (/[^bru]|(.).*\1|b.*u|u.*[br]/.test(prefix)) return null;
      const open = at + string[1].length;
      const end = stringEnd(text, open);
      if (end < 0) return null;
      const bytes = prefix.includes('b');
      const value = decodeStringBody(text.slice(open + 1, end - 1), { raw: prefix.includes('r'), bytes });
      if (value === null) return null;
      tokens.push({ type: 'str', prefix: bytes ? 'b' : '', value });
      at = end;
      continue;
    }
    if (ch === '.' && text.startsWith('...', at)) {
      tokens.push({ type: 'punct', text: '...' });
      at += 3;
      continue;
    }
    const number = (code >= 48 && code <= 57) || ch === '.' ? matchAt(NUMBER, text, at) : null;
    if (number) {
      tokens.push({ type: 'num', text: number[0] });
      at += number[0].length;
      continue;
    }
    const name = matchAt(NAME, text, at);
    if (name) {
      tokens.push({ type: 'name', text: name[0] });
      at += name[0].length;
      continue;
    }
    if (ch === '<') {
      const end = opaqueEnd(text, at);
      if (end < 0) return null;
      tokens.push({ type: 'opaque', text: text.slice(at, end).replace(/\s+/g, ' ') });
      at = end;
      continue;
    }
    if (PUNCT.has(ch)) {
      tokens.push({ type: 'punct', text: ch as '(' });
      at++;
      continue;
    }
    return null;
  }
  return tokens;
}
