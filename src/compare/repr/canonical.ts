import { parseRepr, type ReprNode } from './parse.ts';

/**
 * The lenient canonical form of a repr: whitespace normalized, strings in one quote style
 * (`'a'` and `"a"` alike), set and dict displays in a fixed order (`{2, 1}` and `{1, 2}` alike,
 * at any nesting depth, also inside calls such as `frozenset({...})` or `Counter({...})`).
 * Everything else is kept: `1` and `1.0`, lists and tuples, element order in lists stay distinct.
 * null when the text is not a repr the parser understands.
 */

function joined(nodes: readonly ReprNode[]): string {
  let out = '';
  for (let i = 0; i < nodes.length; i++) out += (i ? ', ' : '') + print(nodes[i]);
  return out;
}

function sortedJoin(parts: string[]): string {
  return parts.sort().join(', ');
}

function print(node: ReprNode): string {
  switch (node.t) {
    case 'num':
      return node.text.toLowerCase();
    case 'str':
      return node.prefix + JSON.stringify(node.value);
    case 'name':
    case 'opaque':
      return node.text;
    case 'ellipsis':
      return '...';
    case 'unary':
      return node.op + print(node.operand);
    case 'binop':
      return print(node.left) + ' ' + node.op + ' ' + print(node.right);
    case 'paren':
      return '(' + print(node.inner) + ')';
    case 'list':
      return '[' + joined(node.items) + ']';
    case 'tuple':
      return '(' + joined(node.items) + (node.items.length === 1 ? ',' : '') + ')';
    case 'set':
      return '{' + sortedJoin(node.items.map(print)) + '}';
    case 'dict':
      return '{' + sortedJoin(node.entries.map(([key, value]) => print(key) + ': ' + print(value))) + '}';
    case 'call': {
      const args = node.args.map(print);
      for (const [name, value] of node.kwargs) args.push(name + '=' + print(value));
      return print(node.callee) + '(' + args.join(', ') + ')';
    }
  }
}

export function canonicalRepr(text: string): string | null {
  const node = parseRepr(text);
  return node === null ? null : print(node);
}

/** Equal as written, or equal in canonical form. Never throws; junk compares exactly. */
export function lenientReprEqual(a: string, b: string): boolean {
  if (a === b) return true;
  const ca = canonicalRepr(a);
  return ca !== null && ca === canonicalRepr(b);
}
