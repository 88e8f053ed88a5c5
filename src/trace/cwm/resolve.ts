import type { CwmFrame } from './frame.ts';

/**
 * Resolving `..` ("repr unchanged since the previous frame of the same frame object") in a
 * sequence of parsed CWM frames. Scopes are inferred from the frame sequence alone: a call frame
 * opens a scope, a return frame closes the current one and goes back to the caller's; exception
 * frames carry no locals and leave the chain as it is. A line frame's `..` takes the value the
 * name had in the last call/line frame of the same scope.
 *
 * The format lists every local in full in the caller's first frame after a callee returned; a
 * `..` there is still resolved against the caller's last known locals, and flagged `acrossCall`.
 * A `..` that cannot be resolved (in a call frame, or a name the scope has not shown before) gets
 * the value null and an issue; it never throws. Frames that are malformed but have a kind take
 * part as usual; frames without readable locals leave the scope's last known locals unchanged.
 */

export const ELIDED = '..';

export interface CwmResolvedLocal {
  name: string;
  /** repr text, `..` resolved; null when a `..` could not be resolved. */
  value: string | null;
  /** Written as `..`. */
  elided: boolean;
  /** A `..` in the caller's first frame after a callee returned (the format wants the value in full). */
  acrossCall: boolean;
}

export interface CwmResolvedFrame {
  index: number;
  /** Depth of the frame's scope: 0 for the first one (nested calls count up from it). */
  depth: number;
  /** call/line frames with readable locals; null otherwise. */
  locals: CwmResolvedLocal[] | null;
  /** Human-readable notes on `..` that could not be resolved or broke the format's rule. */
  issues: string[];
}

export interface CwmResolution {
  frames: CwmResolvedFrame[];
  /** Number of `..` that could not be resolved. */
  unresolved: number;
  /** Number of `..` resolved across a callee's return (see CwmResolvedLocal.acrossCall). */
  acrossCall: number;
}

interface Scope {
  /** The resolved locals of the scope's last call/line frame (null value: unknown). */
  last: Map<string, string | null>;
  /** A callee returned since the scope's last frame. */
  afterReturn: boolean;
}

/** Resolves frames one at a time, e.g. as a prediction streams in. */
export class CwmDotResolver {
  private readonly scopes: Scope[] = [];
  private unresolvedCount = 0;
  private acrossCallCount = 0;

  /** `..` that could not be resolved, so far. */
  get unresolved(): number {
    return this.unresolvedCount;
  }

  /** `..` resolved across a callee's return, so far. */
  get acrossCall(): number {
    return this.acrossCallCount;
  }

  push(frame: CwmFrame): CwmResolvedFrame {
    const issues: string[] = [];
    if (frame.kind === 'call') this.scopes.push({ last: new Map(), afterReturn: false });
    if ((frame.kind === 'line' || frame.kind === 'exception') && this.scopes.length === 0) {
      // The trace starts inside a scope whose call frame is not part of it (e.g. seeded in the prompt).
      this.scopes.push({ last: new Map(), afterReturn: false });
    }
    const depth = Math.max(this.scopes.length - 1, 0);
    const scope = this.scopes[this.scopes.length - 1];
    let locals: CwmResolvedLocal[] | null = null;
    if ((frame.kind === 'call' || frame.kind === 'line') && frame.locals !== null) {
      locals = frame.locals.map(([name, written]) => this.resolve(frame, scope, name, written, issues));
      scope.last = new Map(locals.map((local) => [local.name, local.value]));
      scope.afterReturn = false;
    }
    if (frame.kind === 'return') {
      this.scopes.pop();
      if (this.scopes.length) this.scopes[this.scopes.length - 1].afterReturn = true;
    }
    return { index: frame.index, depth, locals, issues };
  }

  private resolve(frame: CwmFrame, scope: Scope, name: string, written: string, issues: string[]): CwmResolvedLocal {
    if (written !== ELIDED) return { name, value: written, elided: false, acrossCall: false };
    const known = frame.kind === 'call' ? undefined : scope.last.get(name);
    if (known === undefined || known === null) {
      this.unresolvedCount++;
      issues.push(
        frame.kind === 'call'
          ? `".." for ${JSON.stringify(name)} in a call frame, which must list its arguments in full`
          : known === null
            ? `".." for ${JSON.stringify(name)} refers to a value that was itself unresolved`
            : `".." for ${JSON.stringify(name)}, which the scope's previous frame does not list`,
      );
      return { name, value: null, elided: true, acrossCall: false };
    }
    if (scope.afterReturn) {
      this.acrossCallCount++;
      issues.push(`".." for ${JSON.stringify(name)} right after a call returned, where every local should be listed in full`);
    }
    return { name, value: known, elided: true, acrossCall: scope.afterReturn };
  }
}

/** Resolves `..` over a whole sequence of frames. */
export function resolveCwmDots(frames: readonly CwmFrame[]): CwmResolution {
  const resolver = new CwmDotResolver();
  const resolved = frames.map((frame) => resolver.push(frame));
  return { frames: resolved, unresolved: resolver.unresolved, acrossCall: resolver.acrossCall };
}
