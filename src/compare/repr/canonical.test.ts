import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalRepr, lenientReprEqual } from './canonical.ts';
import { parseRepr } from './parse.ts';
import { tokenizeRepr } from './tokenize.ts';

describe('tokenizing and parsing repr text', () => {
  it('reads literals, containers, calls and object reprs', () => {
    expect(parseRepr("[1, 'a', None, (2,), {3: b'x'}]")).toEqual({
      t: 'list',
      items: [
        { t: 'num', text: '1' },
        { t: 'str', prefix: '', value: 'a' },
        { t: 'name', text: 'None' },
        { t: 'tuple', items: [{ t: 'num', text: '2' }] },
        { t: 'dict', entries: [[{ t: 'num', text: '3' }, { t: 'str', prefix: 'b', value: 'x' }]] },
      ],
    });
    expect(parseRepr('(1)')).toEqual({ t: 'paren', inner: { t: 'num', text: '1' } });
    expect(parseRepr('()')).toEqual({ t: 'tuple', items: [] });
    expect(parseRepr('{}')).toEqual({ t: 'dict', entries: [] });
    expect(parseRepr("defaultdict(<class 'list'>, {'a': [1]})")?.t).toBe('call');
    expect(parseRepr('<function f.<locals>.g>')).toEqual({ t: 'opaque', text: '<function f.<locals>.g>' });
    expect(parseRepr('(1+2j)')).toEqual({
      t: 'paren', inner: { t: 'binop', op: '+', left: { t: 'num', text: '1' }, right: { t: 'num', text: '2j' } },
    });
    expect(parseRepr('Point(x=1, y=2)')?.t).toBe('call');
    expect(parseRepr('[...]')).toEqual({ t: 'list', items: [{ t: 'ellipsis' }] });
  });

  it('decodes string escapes, both quote styles, and adjacent literals', () => {
    expect(tokenizeRepr(String.raw`'it\'s' "say \"hi\"" '\x41\u00e9\U0001F600\n\t\\' '\101'`)).toEqual([
      { type: 'str', prefix: '', value: "it's" },
      { type: 'str', prefix: '', value: 'say "hi"' },
      { type: 'str', prefix: '', value: 'Aé😀\n\t\\' },
      { type: 'str', prefix: '', value: 'A' },
    ]);
    expect(tokenizeRepr(String.raw`b'\xff\u00e9'`)).toEqual([{ type: 'str', prefix: 'b', value: '\xff\\u00e9' }]);
    expect(tokenizeRepr(String.raw`r'\n'`)).toEqual([{ type: 'str', prefix: '', value: '\\n' }]);
    expect(parseRepr("'a' 'b'")).toEqual({ t: 'str', prefix: '', value: 'ab' });
  });

  it('gives up (null) on what it does not understand, without throwing', () => {
    for (const junk of ['', '   ', '[1, 2', '{1: }', "'unterminated", '1 2', '<a', 'a = 1', '[1] [2]', String.raw`'\N{DASH}'`, "b'é'", 'ub"x"', '1 +', '{1, 2: 3}', 'f(a=1, 2)', '[' .repeat(500) + ']'.repeat(500)]) {
      expect(parseRepr(junk), junk).toBeNull();
      expect(canonicalRepr(junk), junk).toBeNull();
    }
  });
});

describe('lenient equality of reprs', () => {
  const equal: [string, string][] = [
    ['{1, 2}', '{2, 1}'],
    ["{'a': 1, 'b': 2}", "{'b': 2, 'a': 1}"],
    ["[{'b', 'a'}, ({2: {3, 1}, 1: 0},)]", "[{'a', 'b'}, ({1: 0, 2: {1, 3}},)]"],
    ["frozenset({'x', 'y'})", "frozenset({'y', 'x'})"],
    ["Counter({'b': 1, 'a': 2})", "Counter({'a': 2, 'b': 1})"],
    ['[1,2,  3]', '[1, 2, 3]'],
    ['( 1 , )', '(1,)'],
    ["'a'", '"a"'],
    [`"it's"`, String.raw`'it\'s'`],
    ['<list_iterator  object>', '<list_iterator object>'],
    ['1E5', '1e5'],
  ];
  const different: [string, string][] = [
    ['[1, 2]', '[2, 1]'],
    ['(1, 2)', '[1, 2]'],
    ['1', '1.0'],
    ["'a b'", "'a  b'"],
    ["'a'", "b'a'"],
    ['{1: 2}', '{2: 1}'],
    ['{1, 2}', '{1, 2, 3}'],
    ['(1,)', '(1)'],
    ['True', '1'],
    ['[1, 2', '[1,2'], // junk: compared exactly
  ];

  it.each(equal)('%s == %s', (a, b) => {
    expect(lenientReprEqual(a, b)).toBe(true);
    expect(lenientReprEqual(b, a)).toBe(true);
  });

  it.each(different)('%s != %s', (a, b) => {
    expect(lenientReprEqual(a, b)).toBe(false);
    expect(lenientReprEqual(b, a)).toBe(false);
  });
});

/** Random Python values, printed as repr with a random (valid) set/dict order, quote style and spacing. */
type Value = { t: 'int'; v: number } | { t: 'str'; v: string } | { t: 'none' } | { t: 'list' | 'tuple' | 'set'; items: Value[] } | { t: 'dict'; entries: [Value, Value][] };

const value: fc.Arbitrary<Value> = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: -50, max: 50 }).map((v) => ({ t: 'int' as const, v })),
    fc.string({ maxLength: 4, unit: fc.constantFrom('a', 'b', "'", '"', '\\', ' ', '\n', 'é', ',', '{') }).map((v) => ({ t: 'str' as const, v })),
    fc.constant({ t: 'none' as const }),
    fc.record({ t: fc.constantFrom('list' as const, 'tuple' as const, 'set' as const), items: fc.array(tie('value'), { maxLength: 4 }) }),
    fc.array(fc.tuple(tie('value'), tie('value')), { maxLength: 4 }).map((entries) => ({ t: 'dict' as const, entries })),
  ),
})).value;

function quoteString(text: string, style: number): string {
  const quote = style % 2 ? '"' : "'";
  return quote + text.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), '\\' + quote).replace(/\n/g, '\\n') + quote;
}

function show(v: Value, style: number, space: string): string {
  const sep = ',' + space;
  switch (v.t) {
    case 'int':
      return String(v.v);
    case 'str':
      return quoteString(v.v, style);
    case 'none':
      return 'None';
    case 'list':
      return '[' + v.items.map((x) => show(x, style, space)).join(sep) + ']';
    case 'tuple':
      return '(' + v.items.map((x) => show(x, style, space)).join(sep) + (v.items.length === 1 ? ',' : '') + ')';
    case 'set': {
      const items = style & 2 ? [...v.items].reverse() : v.items;
      return v.items.length ? '{' + items.map((x) => show(x, style, space)).join(sep) + '}' : 'set()';
    }
    case 'dict': {
      const entries = style & 2 ? [...v.entries].reverse() : v.entries;
      return '{' + entries.map(([k, x]) => show(k, style, space) + ':' + space + show(x, style, space)).join(sep) + '}';
    }
  }
}

/** The reference: a key equal for two values exactly when they are equal up to the order of sets and dicts. */
function modelKey(v: Value): string {
  switch (v.t) {
    case 'int':
      return 'i' + v.v;
    case 'str':
      return 's' + JSON.stringify(v.v);
    case 'none':
      return 'N';
    case 'list':
    case 'tuple':
      return v.t + '[' + v.items.map(modelKey).join(',') + ']';
    case 'set':
      return 'set[' + v.items.map(modelKey).sort().join(',') + ']';
    case 'dict':
      return 'dict[' + v.entries.map(([k, x]) => modelKey(k) + ':' + modelKey(x)).sort().join(',') + ']';
  }
}

describe('lenient canonical form (properties)', () => {
  it('never throws, and is idempotent where defined', () => {
    const anyText = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ maxLength: 40, unit: 'binary' }),
      fc.string({ maxLength: 40, unit: fc.constantFrom(...'[](){}<>,:\'"\\ 1a.-+=_jbx…\u3000'.split('')) }),
    );
    fc.assert(fc.property(anyText, (text) => {
      const canonical = canonicalRepr(text);
      if (canonical !== null) expect(canonicalRepr(canonical)).toBe(canonical);
    }), { numRuns: 5000 });
    fc.assert(fc.property(value, fc.nat(3), (v, style) => {
      const canonical = canonicalRepr(show(v, style, ' '));
      expect(canonical).not.toBeNull();
      expect(canonicalRepr(canonical!)).toBe(canonical);
    }));
  });

  it('strict equality implies lenient equality; lenient equality is symmetric', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (a, b) => {
      expect(lenientReprEqual(a, a)).toBe(true);
      expect(lenientReprEqual(a, b)).toBe(lenientReprEqual(b, a));
    }));
  });

  it('equates one value written with another set/dict order, quote style and spacing', () => {
    fc.assert(fc.property(value, fc.nat(3), fc.nat(3), fc.constantFrom('', ' ', '  ', '\n'), (v, a, b, space) => {
      expect(lenientReprEqual(show(v, a, ' '), show(v, b, space))).toBe(true);
    }));
  });

  it('equates two values exactly when they are equal up to set and dict order', () => {
    fc.assert(fc.property(value, value, fc.nat(3), (x, y, style) => {
      const same = modelKey(x) === modelKey(y);
      expect(lenientReprEqual(show(x, 0, ' '), show(y, style, ''))).toBe(same);
    }), { numRuns: 500 });
    fc.assert(fc.property(value, fc.nat(3), (x, style) => {
      expect(lenientReprEqual(show(x, 0, ' '), show(x, style, ''))).toBe(true);
    }));
  });
});
