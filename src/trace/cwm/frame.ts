import { decodeLocals, decodeValue, quote, type CwmLocal } from './frame-json.ts';
import type { CwmTokenName, StreamPiece } from './token-stream.ts';
import { CWM } from './tokens.ts';

/** One frame of CWM text, as read (docs: ../shared/docs/cwm-trace-format.md, "Frames"). */

export type CwmFrameKind = 'call' | 'line' | 'return' | 'exception';
export type { CwmLocal } from './frame-json.ts';

export interface CwmFrame {
  /** Position in the trace (0-based), counting malformed frames too. */
  index: number;
  /** null when the frame has no (or an unknown) kind token. */
  kind: CwmFrameKind | null;
  /** call/line: LOCALS as written, in order, `..` kept; null when missing or not a JSON object of strings. */
  locals: CwmLocal[] | null;
  /** The frame's JSON part (LOCALS for call/line, VALUE for return/exception) is valid JSON. */
  jsonValid: boolean;
  /** The source line as written, normally with its trailing newline; null when missing. */
  action: string | null;
  /** return/exception: the decoded VALUE (repr text); null when missing or malformed. */
  value: string | null;
  /** Why the frame is malformed, for a person to read; null when it is well-formed. */
  error: string | null;
  /** Ended by `<|frame_sep|>`; false for a last frame cut off by the end of the stream. */
  complete: boolean;
  /** Offsets in the input stream (UTF-16 units): [start, end), `<|frame_sep|>` included. */
  start: number;
  end: number;
  /** The input text from start to end. */
  raw: string;
}

/** The parts of a frame read from its text. */
export type FrameContent = Pick<CwmFrame, 'kind' | 'locals' | 'jsonValid' | 'action' | 'value' | 'error'>;

const KIND_OF_TOKEN: Partial<Record<CwmTokenName, CwmFrameKind>> = {
  callSep: 'call', lineSep: 'line', returnSep: 'return', exceptionSep: 'exception',
};

/** The frame kind a token starts, if it is a kind token. */
export function frameKindOf(token: CwmTokenName): CwmFrameKind | undefined {
  return KIND_OF_TOKEN[token];
}

/** A structural token and the text after it, up to the next one. */
interface Section {
  token: CwmTokenName;
  tokenText: string;
  text: string;
}

/** The text before the first structural token, and the sections from there on. */
function sectionsOf(pieces: readonly StreamPiece[]): { lead: string; sections: Section[] } {
  let lead = '';
  const sections: Section[] = [];
  for (const piece of pieces) {
    if (piece.type === 'token' && piece.token !== 'thinkStart' && piece.token !== 'thinkEnd') {
      sections.push({ token: piece.token, tokenText: piece.text, text: '' });
    } else if (sections.length) {
      sections[sections.length - 1].text += piece.text;
    } else {
      lead += piece.text;
    }
  }
  return { lead, sections };
}

function sourceLineError(action: string): string | null {
  const newline = action.indexOf('\n');
  if (newline < 0) return 'the source line does not end with a newline';
  if (newline < action.length - 1) return 'the source line spans several lines';
  return null;
}

/** Reads a frame from its pieces (everything before its `<|frame_sep|>`, leading whitespace skipped). */
export function readFrame(pieces: readonly StreamPiece[]): FrameContent {
  const content: FrameContent = { kind: null, locals: null, jsonValid: false, action: null, value: null, error: null };
  const errors: string[] = [];
  const done = (): FrameContent => ({ ...content, error: errors.length ? errors.join('; ') : null });
  const { lead, sections: [head, ...rest] } = sectionsOf(pieces);

  const kind = head ? frameKindOf(head.token) : undefined;
  if (!head || !kind) {
    if (!head && lead.trim() === '') errors.push('empty frame');
    else errors.push(`missing frame kind token: the frame starts with ${head && lead === '' ? head.tokenText : quote(lead)}`);
    return done();
  }
  content.kind = kind;
  if (lead !== '') errors.push(`unexpected text ${quote(lead)} before ${head.tokenText}`);

  // The sections expected after the kind token, in order.
  const hasLocals = kind === 'call' || kind === 'line';
  const expected: (keyof typeof CWM)[] = hasLocals ? ['actionSep'] : ['actionSep', 'argSep'];
  if (hasLocals) {
    const locals = decodeLocals(head.text);
    content.locals = locals.entries;
    content.jsonValid = locals.jsonValid;
    if (locals.error) errors.push(locals.error);
  } else if (head.text !== '') {
    errors.push(`unexpected text ${quote(head.text)} after ${head.tokenText} (${kind} frames carry no LOCALS)`);
  }
  for (let i = 0; i < rest.length; i++) {
    const section = rest[i];
    if (i >= expected.length) {
      errors.push(`unexpected ${section.tokenText} after the ${hasLocals ? 'source line' : 'VALUE'}`);
      break;
    }
    if (section.token !== expected[i]) {
      errors.push(`expected ${CWM[expected[i]]} but found ${section.tokenText}`);
      return done();
    }
    if (section.token === 'actionSep') {
      content.action = section.text;
      const lineError = sourceLineError(section.text);
      if (lineError) errors.push(lineError);
    } else {
      const value = decodeValue(section.text);
      content.value = value.value;
      content.jsonValid = value.jsonValid;
      if (value.error) errors.push(value.error);
    }
  }
  for (let i = rest.length; i < expected.length; i++) errors.push(`missing ${CWM[expected[i]]}`);
  return done();
}
