import { pyJsonObject, pyJsonString } from '../cwm/py-json.ts';
import type { TraceStore } from '../store.ts';
import { FILE_CODE } from '../types.ts';
import { PLAIN_END, type PlainStep } from './format.ts';

/** A step of a real trace in the plain format's terms (null for steps outside the program). */
export function plainStep(store: TraceStore, step: number): PlainStep | null {
  const frame = store.frameId(step);
  if (store.frameFile(frame) !== FILE_CODE) return null;
  const kind = store.kind(step);
  const base = { kind, line: store.line(step), function: store.frameName(frame) };
  if (kind === 'call' || kind === 'line') {
    return { ...base, locals: store.variables(frame, step).map((v) => [v.name, v.value] as [string, string]), value: null };
  }
  const value = store.value(step);
  return { ...base, locals: null, value: value?.text ?? 'None' };
}

export function formatPlainStep(step: PlainStep): string {
  const payload = step.locals ? pyJsonObject(step.locals) : pyJsonString(step.value ?? 'None');
  return `${step.kind} ${step.line} ${step.function} ${payload}`;
}

/** The program's steps (the call wrapper of a call entry left out) in the plain format. */
export function emitPlainTrace(store: TraceStore, options: { from?: number; to?: number; complete?: boolean } = {}): string {
  const lines: string[] = [];
  const to = Math.min(options.to ?? store.stepCount, store.stepCount);
  for (let step = options.from ?? 0; step < to; step++) {
    const plain = plainStep(store, step);
    if (plain) lines.push(formatPlainStep(plain));
  }
  if (options.complete && to === store.stepCount) lines.push(PLAIN_END);
  return lines.map((line) => line + '\n').join('');
}
