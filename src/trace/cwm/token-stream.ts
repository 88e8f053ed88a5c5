import { CWM } from './tokens.ts';

/**
 * Splits a stream of CWM text into plain text and special tokens, chunk by chunk. A token split
 * across chunks (`<|frame_` + `sep|>`) is recognised: only a tail that could still become a token
 * is held back, so each character is scanned once (plus at most one token's length of tail).
 */

/** Markers recognised besides CWM's tokens: a reasoning block before the trace. */
export const THINK = { start: '<think>', end: '</think>' } as const;

export type CwmTokenName = keyof typeof CWM | 'thinkStart' | 'thinkEnd';

export type StreamPiece =
  | { type: 'text'; text: string; start: number }
  | { type: 'token'; token: CwmTokenName; text: string; start: number };

const TOKEN_BY_TEXT = new Map<string, CwmTokenName>([
  ...(Object.entries(CWM) as [keyof typeof CWM, string][]).map(([name, text]) => [text, name] as [string, CwmTokenName]),
  [THINK.start, 'thinkStart'],
  [THINK.end, 'thinkEnd'],
]);
const TOKEN_TEXTS = [...TOKEN_BY_TEXT.keys()];
const LONGEST_TOKEN = Math.max(...TOKEN_TEXTS.map((token) => token.length));

/** The token starting at `at`, if any. */
function tokenAt(text: string, at: number): string | undefined {
  return TOKEN_TEXTS.find((token) => text.startsWith(token, at));
}

/** Whether `tail` (starting with `<`) is a proper prefix of some token. */
function couldBecomeToken(tail: string): boolean {
  return TOKEN_TEXTS.some((token) => token.length > tail.length && token.startsWith(tail));
}

export class CwmTokenStream {
  private held = '';
  private offset = 0; // stream offset of `held`

  /** Pieces completed by this chunk; a possible token prefix at its end is held for the next one. */
  push(chunk: string): StreamPiece[] {
    const text = this.held + chunk;
    const base = this.offset;
    // Every token has exactly one `<`, its first character, so only the last `<` can start a
    // partial token, and only within the last few characters.
    const tailStart = Math.max(0, text.length - LONGEST_TOKEN + 1);
    const lastLt = text.slice(tailStart).lastIndexOf('<');
    const cut = lastLt >= 0 && couldBecomeToken(text.slice(tailStart + lastLt)) ? tailStart + lastLt : text.length;
    this.held = text.slice(cut);
    this.offset = base + cut;
    return split(text, cut, base);
  }

  /** Whatever is still held, as text (a token cut off by the end of the stream). */
  end(): StreamPiece[] {
    const pieces: StreamPiece[] = this.held ? [{ type: 'text', text: this.held, start: this.offset }] : [];
    this.offset += this.held.length;
    this.held = '';
    return pieces;
  }
}

/** Pieces of `text.slice(0, limit)`, with offsets relative to `base`. */
function split(text: string, limit: number, base: number): StreamPiece[] {
  const pieces: StreamPiece[] = [];
  let textStart = 0;
  let at = text.indexOf('<');
  while (at >= 0 && at < limit) {
    const token = tokenAt(text, at);
    if (token === undefined) {
      at = text.indexOf('<', at + 1);
      continue;
    }
    if (at > textStart) pieces.push({ type: 'text', text: text.slice(textStart, at), start: base + textStart });
    pieces.push({ type: 'token', token: TOKEN_BY_TEXT.get(token)!, text: token, start: base + at });
    textStart = at + token.length;
    at = text.indexOf('<', textStart);
  }
  if (limit > textStart) pieces.push({ type: 'text', text: text.slice(textStart, limit), start: base + textStart });
  return pieces;
}
