import { PlainTraceParser, type PlainFrame } from '../trace/plain/parse.ts';
import { ELIDED, type TraceFrame, type TraceLocal } from './frame.ts';

/**
 * Parsed plain-text frames → TraceFrames. The plain format gives line numbers, not source text,
 * so `action` is null and the diff compares lines. `..` resolves against the same scope's
 * previous call/line frame; a call opens a scope, a return closes it.
 */
export class PlainFrameMapper {
  private readonly scopes: Map<string, string>[] = [];

  push(frame: PlainFrame): TraceFrame {
    const step = frame.step;
    if (!step) {
      return { kind: null, action: null, line: null, depth: null, locals: null, value: null, wellFormed: false, malformed: frame.error ?? 'unreadable step' };
    }
    if (step.kind === 'call') this.scopes.push(new Map());
    if (this.scopes.length === 0) this.scopes.push(new Map());
    const depth = this.scopes.length - 1;
    const scope = this.scopes[depth];
    let locals: TraceLocal[] | null = null;
    if (step.locals) {
      locals = step.locals.map(([name, written]) => {
        const elided = written === ELIDED;
        const value = elided ? (scope.get(name) ?? null) : written;
        return { name, value, elided };
      });
      scope.clear();
      for (const local of locals) if (local.value !== null) scope.set(local.name, local.value);
    }
    if (step.kind === 'return' && this.scopes.length > 0) this.scopes.pop();
    return { kind: step.kind, action: null, line: step.line, depth, locals, value: step.value, wellFormed: true, malformed: null };
  }
}

export function traceFramesFromPlain(frames: readonly PlainFrame[]): TraceFrame[] {
  const mapper = new PlainFrameMapper();
  return frames.map((frame) => mapper.push(frame));
}

/** Plain-format text → TraceFrames, chunk by chunk (the counterpart of CwmTraceReader). */
export class PlainTraceReader {
  private readonly parser = new PlainTraceParser();
  private readonly mapper = new PlainFrameMapper();

  get ended(): boolean {
    return this.parser.ended;
  }

  push(chunk: string): TraceFrame[] {
    return this.parser.push(chunk).map((frame) => this.mapper.push(frame));
  }

  end(): TraceFrame[] {
    return this.parser.end().map((frame) => this.mapper.push(frame));
  }
}
