/**
 * Incremental, tolerant parser of the plain-text trace format. Each chunk is scanned once; only
 * an unfinished last line is kept. Lines that are not steps (prose, code fences, blank lines)
 * are skipped; a line that starts like a step but cannot be read is reported as malformed, in
 * its place, and parsing goes on.
 */
import { PLAIN_END, PLAIN_KINDS, type PlainStep } from './format.ts';
import type { StepKind } from '../types.ts';

export interface PlainFrame {
  index: number;
  step: PlainStep | null;
  /** Why the line could not be read (null when it was). */
  error: string | null;
  raw: string;
}

const STEP_LINE = /^\s*(?:[-*]\s+|\d+[.)]\s+)?(call|line|return|exception)\b\s*(.*)$/;
const HEAD = /^(\d+)\s+(\S+)\s+([\s\S]*)$/;

function readPayload(kind: StepKind, text: string): Pick<PlainStep, 'locals' | 'value'> | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'the payload is not valid JSON';
  }
  if (kind === 'return' || kind === 'exception') {
    return typeof parsed === 'string' ? { locals: null, value: parsed } : `a ${kind} step needs a JSON string`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return `a ${kind} step needs a JSON object of variables`;
  const locals: [string, string][] = [];
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') return `variable ${name} is not a string (values are repr text in quotes)`;
    locals.push([name, value]);
  }
  return { locals, value: null };
}

export function readPlainLine(line: string): { step: PlainStep | null; error: string | null } | null {
  const match = STEP_LINE.exec(line);
  if (!match) return null;
  const kind = match[1] as StepKind;
  const head = HEAD.exec(match[2].trim());
  if (!head) return { step: null, error: `expected "${kind} <line> <function> <payload>"` };
  const payload = readPayload(kind, head[3].trim());
  if (typeof payload === 'string') return { step: null, error: payload };
  return { step: { kind, line: Number(head[1]), function: head[2], ...payload }, error: null };
}

export class PlainTraceParser {
  private pending = '';
  private count = 0;
  private finished = false;

  get ended(): boolean {
    return this.finished;
  }

  /** Frames completed by this chunk (only the chunk is scanned for line ends). */
  push(chunk: string): PlainFrame[] {
    if (this.finished) return [];
    const frames: PlainFrame[] = [];
    let start = 0;
    let newline = chunk.indexOf('\n');
    while (newline >= 0 && !this.finished) {
      this.readLine(this.pending + chunk.slice(start, newline), frames);
      this.pending = '';
      start = newline + 1;
      newline = chunk.indexOf('\n', start);
    }
    if (!this.finished) this.pending += chunk.slice(start);
    return frames;
  }

  /** The last line, if it had no newline. */
  end(): PlainFrame[] {
    const frames: PlainFrame[] = [];
    if (!this.finished && this.pending.trim()) this.readLine(this.pending, frames);
    this.pending = '';
    return frames;
  }

  private readLine(line: string, frames: PlainFrame[]): void {
    const text = line.replace(/\r$/, '');
    if (text.trim() === PLAIN_END) {
      this.finished = true;
      return;
    }
    const read = readPlainLine(text);
    if (read) frames.push({ index: this.count++, ...read, raw: text });
  }
}

export function parsePlainTrace(text: string): { frames: PlainFrame[]; ended: boolean } {
  const parser = new PlainTraceParser();
  const frames = [...parser.push(text), ...parser.end()];
  return { frames, ended: parser.ended };
}

export { PLAIN_KINDS };
