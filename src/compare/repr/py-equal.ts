import { canonicalRepr } from './canonical.ts';
import { evalLiteral, type PyValue } from './literal.ts';
import { parseRepr } from './parse.ts';

/**
 * Python `==` on literal values, and on repr texts: what `assert EXPECTED == PREDICTED` decides
 * when both are Python literals (CRUXEval's output check), without running Python.
 */

function numeric(value: PyValue): boolean {
  return value.k === 'int' || value.k === 'float' || value.k === 'bool' || value.k === 'complex';
}

function intOf(value: PyValue): bigint {
  if (value.k === 'bool') return value.v ? 1n : 0n;
  return (value as { v: bigint }).v;
}

function numbersEqual(a: PyValue, b: PyValue): boolean {
  if (a.k === 'complex' || b.k === 'complex') {
    const [x, y] = [a, b].map((v) => (v.k === 'complex' ? v : { re: v.k === 'float' ? v.v : Number(intOf(v)), im: 0 }));
    return x.re === y.re && x.im === y.im;
  }
  if (a.k === 'float' && b.k === 'float') return a.v === b.v;
  if (a.k === 'float' || b.k === 'float') {
    const [f, i] = a.k === 'float' ? [a.v, intOf(b)] : [(b as { v: number }).v, intOf(a)];
    return Number.isInteger(f) && BigInt(f) === i;
  }
  return intOf(a) === intOf(b);
}

function sameItems(a: readonly PyValue[], b: readonly PyValue[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!pyEquals(a[i], b[i])) return false;
  return true;
}

/** Python's `a == b` for literal values (NaN is not a literal, so no identity shortcut is needed). */
export function pyEquals(a: PyValue, b: PyValue): boolean {
  if (numeric(a) || numeric(b)) return numeric(a) && numeric(b) && numbersEqual(a, b);
  switch (a.k) {
    case 'none':
    case 'ellipsis':
      return b.k === a.k;
    case 'str':
    case 'bytes':
      return b.k === a.k && a.v === b.v;
    case 'list':
    case 'tuple':
      return b.k === a.k && sameItems(a.items, b.items);
    case 'set':
      return b.k === 'set' && a.items.length === b.items.length && a.items.every((x) => b.items.some((y) => pyEquals(x, y)));
    case 'dict':
      return (
        b.k === 'dict' &&
        a.entries.length === b.entries.length &&
        a.entries.every(([key, value]) => b.entries.some(([other, v]) => pyEquals(key, other) && pyEquals(value, v)))
      );
    default:
      return false;
  }
}

export type PyEqualResult = { decided: true; equal: boolean } | { decided: false; reason: 'unknown' | 'error' | 'syntax' };

/** `a == b` for two repr texts evaluated as Python literals; undecided when either is not one. */
export function pyLiteralEquals(a: string, b: string): PyEqualResult {
  const results = [a, b].map((text) => {
    const node = parseRepr(text);
    return node === null ? ({ ok: false, reason: 'syntax' } as const) : evalLiteral(node, pyEquals);
  });
  const [x, y] = results;
  if (!x.ok) return { decided: false, reason: x.reason };
  if (!y.ok) return { decided: false, reason: y.reason };
  return { decided: true, equal: pyEquals(x.value, y.value) };
}

/**
 * Output correctness of a predicted repr against the expected one: Python `==` when both are
 * literals; otherwise equal canonical forms (object reprs, `inf`, `nan`, calls) — see docs/metrics.md.
 */
export function outputsEqual(expected: string, predicted: string): boolean {
  if (expected === predicted) return true;
  const result = pyLiteralEquals(expected, predicted);
  if (result.decided) return result.equal;
  if (result.reason === 'error') return false;
  const canonical = canonicalRepr(expected);
  return canonical !== null && canonical === canonicalRepr(predicted);
}
