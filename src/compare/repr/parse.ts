import { tokenizeRepr, type ReprToken } from './tokenize.ts';

/**
 * Python repr text → a small syntax tree: literals, containers, `name(...)` calls, `<...>` object
 * reprs, unary and binary +/- (complex numbers). Returns null for anything else (never throws,
 * never evaluates).
 */

export type ReprNode =
  | { t: 'num'; text: string }
  | { t: 'str'; prefix: '' | 'b'; value: string }
  | { t: 'name'; text: string }
  | { t: 'opaque'; text: string }
  | { t: 'ellipsis' }
  | { t: 'unary'; op: '+' | '-'; operand: ReprNode }
  | { t: 'binop'; op: '+' | '-'; left: ReprNode; right: ReprNode }
  | { t: 'paren'; inner: ReprNode }
  | { t: 'list' | 'tuple' | 'set'; items: ReprNode[] }
  | { t: 'dict'; entries: [ReprNode, ReprNode][] }
  | { t: 'call'; callee: ReprNode; args: ReprNode[]; kwargs: [string, ReprNode][] };

/** Nesting deeper than this is given up on (keeps recursion bounded on hostile input). */
const MAX_DEPTH = 200;

class Failure extends Error {}

class Parser {
  private at = 0;
  private depth = 0;

  constructor(private readonly tokens: ReprToken[]) {}

  parseAll(): ReprNode {
    const node = this.expression();
    if (this.at !== this.tokens.length) throw new Failure();
    return node;
  }

  private peek(): ReprToken | undefined {
    return this.tokens[this.at];
  }

  private isPunct(text: string): boolean {
    const token = this.tokens[this.at];
    return token !== undefined && token.type === 'punct' && token.text === text;
  }

  private expect(text: string): void {
    if (!this.isPunct(text)) throw new Failure();
    this.at++;
  }

  private expression(): ReprNode {
    if (++this.depth > MAX_DEPTH) throw new Failure();
    let node = this.unary();
    while (this.isPunct('+') || this.isPunct('-')) {
      const op = (this.tokens[this.at++] as { text: '+' | '-' }).text;
      node = { t: 'binop', op, left: node, right: this.unary() };
    }
    this.depth--;
    return node;
  }

  private unary(): ReprNode {
    if (this.isPunct('+') || this.isPunct('-')) {
      const op = (this.tokens[this.at++] as { text: '+' | '-' }).text;
      if (++this.depth > MAX_DEPTH) throw new Failure();
      const operand = this.unary();
      this.depth--;
      return { t: 'unary', op, operand };
    }
    let node = this.atom();
    while ((node.t === 'name' || node.t === 'call') && this.isPunct('(')) node = this.call(node);
    return node;
  }

  private atom(): ReprNode {
    const token = this.peek();
    if (token === undefined) throw new Failure();
    this.at++;
    switch (token.type) {
      case 'num':
        return { t: 'num', text: token.text };
      case 'name':
        return { t: 'name', text: token.text };
      case 'opaque':
        return { t: 'opaque', text: token.text };
      case 'str': {
        // Adjacent literals concatenate (Python's implicit concatenation); str and bytes do not mix.
        let value = token.value;
        for (let next = this.peek(); next?.type === 'str'; next = this.peek()) {
          if (next.prefix !== token.prefix) throw new Failure();
          value += next.value;
          this.at++;
        }
        return { t: 'str', prefix: token.prefix, value };
      }
      case 'punct':
        if (token.text === '...') return { t: 'ellipsis' };
        if (token.text === '[') return { t: 'list', items: this.items(']').items };
        if (token.text === '(') {
          const { items, trailingComma } = this.items(')');
          return items.length === 1 && !trailingComma ? { t: 'paren', inner: items[0] } : { t: 'tuple', items };
        }
        if (token.text === '{') return this.braces();
        throw new Failure();
    }
  }

  /** Comma-separated expressions up to `close` (consumed). */
  private items(close: string): { items: ReprNode[]; trailingComma: boolean } {
    const items: ReprNode[] = [];
    let trailingComma = false;
    while (!this.isPunct(close)) {
      items.push(this.expression());
      trailingComma = this.isPunct(',');
      if (trailingComma) this.at++;
      else if (!this.isPunct(close)) throw new Failure();
    }
    this.at++;
    return { items, trailingComma };
  }

  private braces(): ReprNode {
    if (this.isPunct('}')) {
      this.at++;
      return { t: 'dict', entries: [] };
    }
    const first = this.expression();
    if (!this.isPunct(':')) {
      const items = [first];
      if (this.isPunct(',')) {
        this.at++;
        items.push(...this.items('}').items);
      } else this.expect('}');
      return { t: 'set', items };
    }
    const entries: [ReprNode, ReprNode][] = [];
    let key = first;
    for (;;) {
      this.expect(':');
      entries.push([key, this.expression()]);
      if (this.isPunct('}')) break;
      this.expect(',');
      if (this.isPunct('}')) break;
      key = this.expression();
    }
    this.at++;
    return { t: 'dict', entries };
  }

  private call(callee: ReprNode): ReprNode {
    this.at++; // (
    const args: ReprNode[] = [];
    const kwargs: [string, ReprNode][] = [];
    while (!this.isPunct(')')) {
      const token = this.peek();
      const next = this.tokens[this.at + 1];
      if (token?.type === 'name' && next?.type === 'punct' && next.text === '=') {
        this.at += 2;
        kwargs.push([token.text, this.expression()]);
      } else if (kwargs.length) throw new Failure();
      else args.push(this.expression());
      if (this.isPunct(',')) this.at++;
      else if (!this.isPunct(')')) throw new Failure();
    }
    this.at++;
    return { t: 'call', callee, args, kwargs };
  }
}

/** The syntax tree of a repr, or null when the text is not one we understand. */
export function parseRepr(text: string): ReprNode | null {
  const tokens = tokenizeRepr(text);
  if (tokens === null || tokens.length === 0) return null;
  try {
    return new Parser(tokens).parseAll();
  } catch (error) {
    if (error instanceof Failure || error instanceof RangeError) return null;
    throw error;
  }
}
