import type { ReprNode } from './parse.ts';

/**
 * Evaluating a repr's syntax tree as a Python literal (what `ast.literal_eval` accepts, plus
 * `set()` / `frozenset(...)`), without running anything. `unknown`: not a literal (a name other
 * than None/True/False, an object repr, another call); `error`: Python would raise (an
 * unhashable set element or dict key).
 */

export type PyValue =
  | { k: 'none' }
  | { k: 'ellipsis' }
  | { k: 'bool'; v: boolean }
  | { k: 'int'; v: bigint }
  | { k: 'float'; v: number }
  | { k: 'complex'; re: number; im: number }
  | { k: 'str'; v: string }
  | { k: 'bytes'; v: string }
  | { k: 'list' | 'tuple'; items: PyValue[] }
  | { k: 'set'; items: PyValue[]; frozen: boolean }
  | { k: 'dict'; entries: [PyValue, PyValue][] };

export type LiteralResult = { ok: true; value: PyValue } | { ok: false; reason: 'unknown' | 'error' };

class NotLiteral extends Error {
  constructor(readonly reason: 'unknown' | 'error') {
    super(reason);
  }
}

/** Python `==` between two values (filled in by py-equal.ts; set/dict dedup needs it). */
export type PyEquals = (a: PyValue, b: PyValue) => boolean;

function hashable(value: PyValue): boolean {
  if (value.k === 'list' || value.k === 'dict' || (value.k === 'set' && !value.frozen)) return false;
  if (value.k === 'tuple') return value.items.every(hashable);
  return true;
}

function numberValue(text: string): PyValue {
  const clean = text.replace(/_/g, '').toLowerCase();
  if (clean.endsWith('j')) return { k: 'complex', re: 0, im: Number(clean.slice(0, -1)) };
  if (/^0[xob]/.test(clean)) return { k: 'int', v: BigInt(clean) };
  if (/^\d+$/.test(clean)) {
    if (/^0+\d/.test(clean)) throw new NotLiteral('error'); // `007` is a SyntaxError
    return { k: 'int', v: BigInt(clean) };
  }
  return { k: 'float', v: Number(clean) };
}

function asComplex(value: PyValue): { re: number; im: number } | null {
  switch (value.k) {
    case 'complex':
      return value;
    case 'float':
      return { re: value.v, im: 0 };
    case 'int':
      return { re: Number(value.v), im: 0 };
    case 'bool':
      return { re: value.v ? 1 : 0, im: 0 };
    default:
      return null;
  }
}

function negate(value: PyValue): PyValue {
  switch (value.k) {
    case 'int':
      return { k: 'int', v: -value.v };
    case 'bool':
      return { k: 'int', v: value.v ? -1n : 0n };
    case 'float':
      return { k: 'float', v: -value.v };
    case 'complex':
      return { k: 'complex', re: -value.re, im: -value.im };
    default:
      throw new NotLiteral('error');
  }
}

class Evaluator {
  constructor(private readonly equals: PyEquals) {}

  eval(node: ReprNode): PyValue {
    switch (node.t) {
      case 'num':
        return numberValue(node.text);
      case 'str':
        return { k: node.prefix === 'b' ? 'bytes' : 'str', v: node.value };
      case 'name':
        if (node.text === 'None') return { k: 'none' };
        if (node.text === 'True' || node.text === 'False') return { k: 'bool', v: node.text === 'True' };
        if (node.text === 'Ellipsis') return { k: 'ellipsis' };
        throw new NotLiteral('unknown');
      case 'ellipsis':
        return { k: 'ellipsis' };
      case 'opaque':
        throw new NotLiteral('unknown');
      case 'paren':
        return this.eval(node.inner);
      case 'unary': {
        const operand = this.eval(node.operand);
        if (asComplex(operand) === null) throw new NotLiteral('error');
        return node.op === '-' ? negate(operand) : operand.k === 'bool' ? { k: 'int', v: operand.v ? 1n : 0n } : operand;
      }
      case 'binop':
        return this.complex(node.op, this.eval(node.left), this.eval(node.right));
      case 'list':
      case 'tuple':
        return { k: node.t, items: node.items.map((item) => this.eval(item)) };
      case 'set':
        return this.set(node.items.map((item) => this.eval(item)), false);
      case 'dict':
        return this.dict(node.entries.map(([key, value]) => [this.eval(key), this.eval(value)]));
      case 'call':
        return this.call(node);
    }
  }

  /** Only `a ± bj` (complex reprs) is a literal; other arithmetic is not evaluated. */
  private complex(op: '+' | '-', left: PyValue, right: PyValue): PyValue {
    const a = asComplex(left);
    if (a === null || right.k !== 'complex') throw new NotLiteral('unknown');
    return op === '+' ? { k: 'complex', re: a.re + right.re, im: a.im + right.im } : { k: 'complex', re: a.re - right.re, im: a.im - right.im };
  }

  private call(node: Extract<ReprNode, { t: 'call' }>): PyValue {
    const callee = node.callee.t === 'name' ? node.callee.text : '';
    if ((callee === 'set' || callee === 'frozenset') && node.kwargs.length === 0 && node.args.length <= 1) {
      if (node.args.length === 0) return { k: 'set', items: [], frozen: callee === 'frozenset' };
      const arg = this.eval(node.args[0]);
      if (arg.k === 'set' || arg.k === 'list' || arg.k === 'tuple') return this.set(arg.items, callee === 'frozenset');
    }
    throw new NotLiteral('unknown');
  }

  private set(items: PyValue[], frozen: boolean): PyValue {
    const unique: PyValue[] = [];
    for (const item of items) {
      if (!hashable(item)) throw new NotLiteral('error');
      if (!unique.some((seen) => this.equals(seen, item))) unique.push(item);
    }
    return { k: 'set', items: unique, frozen };
  }

  /** Like a dict display: a repeated key keeps its first spelling and takes the last value. */
  private dict(entries: [PyValue, PyValue][]): PyValue {
    const unique: [PyValue, PyValue][] = [];
    for (const [key, value] of entries) {
      if (!hashable(key)) throw new NotLiteral('error');
      const seen = unique.find(([known]) => this.equals(known, key));
      if (seen) seen[1] = value;
      else unique.push([key, value]);
    }
    return { k: 'dict', entries: unique };
  }
}

export function evalLiteral(node: ReprNode, equals: PyEquals): LiteralResult {
  try {
    return { ok: true, value: new Evaluator(equals).eval(node) };
  } catch (error) {
    if (error instanceof NotLiteral) return { ok: false, reason: error.reason };
    if (error instanceof RangeError || error instanceof SyntaxError) return { ok: false, reason: 'error' };
    throw error;
  }
}
