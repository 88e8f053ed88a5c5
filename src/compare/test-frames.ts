import type { FrameKind, TraceFrame, TraceLocal } from './frame.ts';

/** Building TraceFrames by hand, for the compare tests. */

export function frame(kind: FrameKind | null, action: string | null, extra: Partial<TraceFrame> = {}): TraceFrame {
  return { kind, action, line: null, depth: 0, locals: null, value: null, wellFormed: true, malformed: null, ...extra };
}

/** Locals from pairs; a value of '..' is written as `..` and resolved to `resolved[name]` if given. */
export function locals(pairs: [string, string][], resolved: Record<string, string> = {}): TraceLocal[] {
  return pairs.map(([name, value]) => (value === '..' ? { name, value: resolved[name] ?? null, elided: true } : { name, value, elided: false }));
}

export function line(action: string, pairs: [string, string][], resolved?: Record<string, string>): TraceFrame {
  return frame('line', action, { locals: locals(pairs, resolved) });
}

export function call(action: string, pairs: [string, string][]): TraceFrame {
  return frame('call', action, { locals: locals(pairs) });
}

export function ret(action: string, value: string, depth = 0): TraceFrame {
  return frame('return', action, { value, depth });
}
