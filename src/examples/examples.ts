/**
 * Short programs written for this playground, each about one thing Python really does. Every
 * example opens with one click; stepping through it makes the point visible.
 */
import type { RuntimeId } from '../engine/runtimes.ts';

export interface Example {
  id: string;
  title: string;
  /** What to watch for, in one sentence. */
  lesson: string;
  code: string;
  call?: string;
  stdin?: string;
  runtime?: RuntimeId;
}

const lines = (...source: string[]) => source.join('\n') + '\n';

export const EXAMPLES: readonly Example[] = [
  {
    id: 'aliasing',
    title: 'Aliasing vs. copying',
    lesson: '`b = a` gives the same list a second name; `a[:]` makes a new list. Watch the arrows.',
    code: lines(
      'a = [1, 2, 3]',
      'b = a          # same list, second name',
      'c = a[:]       # a new list with the same items',
      'b.append(4)    # changes the list a and b share',
      'c.append(5)    # changes only the copy',
      'print(a, b, c)',
      'print(a is b, a is c)',
    ),
  },
  {
    id: 'sorted-vs-sort',
    title: 'sorted() vs. list.sort()',
    lesson: '`sorted` returns a new list; `list.sort` changes the list in place and returns None.',
    code: lines(
      'scores = [70, 95, 82]',
      'ranked = sorted(scores)',
      'print(scores, ranked)',
      'result = scores.sort()',
      'print(scores, result)',
    ),
  },
  {
    id: 'mutable-default',
    title: 'Mutable default arguments',
    lesson: 'The default list is created once, when `def` runs, and shared by every call.',
    code: lines(
      'def add_item(item, basket=[]):',
      '    basket.append(item)',
      '    return basket',
      '',
      'first = add_item("apple")',
      'second = add_item("pear")',
      'print(first, second, first is second)',
      '',
      'def add_item_fixed(item, basket=None):',
      '    if basket is None:',
      '        basket = []',
      '    basket.append(item)',
      '    return basket',
      '',
      'print(add_item_fixed("apple"), add_item_fixed("pear"))',
    ),
  },
  {
    id: 'late-binding',
    title: 'Closures capture variables, not values',
    lesson: 'Each lambda looks `i` up when it is called — after the loop, so all see the last value.',
    code: lines(
      'callbacks = []',
      'for i in range(3):',
      '    callbacks.append(lambda: i)',
      'print([f() for f in callbacks])',
      '',
      'fixed = []',
      'for i in range(3):',
      '    fixed.append(lambda i=i: i)',
      'print([f() for f in fixed])',
    ),
  },
  {
    id: 'recursion',
    title: 'Recursion builds a stack',
    lesson: 'Every call gets its own frame with its own `n`; returns unwind them one by one.',
    code: lines(
      'def factorial(n):',
      '    if n <= 1:',
      '        return 1',
      '    return n * factorial(n - 1)',
      '',
      'print(factorial(5))',
    ),
  },
  {
    id: 'generators',
    title: 'Generators suspend and resume',
    lesson: 'Each `next` resumes the same frame where it stopped; locals survive between yields.',
    code: lines(
      'def countdown(n):',
      '    print("starting")',
      '    while n > 0:',
      '        yield n',
      '        n -= 1',
      '    print("done")',
      '',
      'gen = countdown(3)',
      'print(next(gen))',
      'print(next(gen))',
      'for value in gen:',
      '    print(value)',
    ),
  },
  {
    id: 'exceptions',
    title: 'Exceptions unwind through frames',
    lesson: 'An exception leaves each function on the way up until a handler catches it.',
    code: lines(
      'def parse(text):',
      '    return int(text)',
      '',
      'def total(items):',
      '    result = 0',
      '    for item in items:',
      '        result += parse(item)',
      '    return result',
      '',
      'try:',
      '    print(total(["1", "2", "three"]))',
      'except ValueError as error:',
      '    print("could not add up:", error)',
    ),
  },
  {
    id: 'try-finally',
    title: 'try / finally always runs',
    lesson: '`finally` runs on the way out, even when the function is returning.',
    code: lines(
      'def read_config():',
      '    print("open")',
      '    try:',
      '        return "settings"',
      '    finally:',
      '        print("close")',
      '',
      'value = read_config()',
      'print(value)',
    ),
  },
  {
    id: 'string-immutability',
    title: 'Strings are immutable',
    lesson: '`+=` on a string builds a new string and rebinds the name; the old one is unchanged.',
    code: lines(
      'greeting = "hello"',
      'alias = greeting',
      'greeting += " world"',
      'print(greeting, "|", alias)',
      '',
      'letters = list(alias)',
      'letters[0] = "j"',
      'print("".join(letters), "|", alias)',
    ),
  },
  {
    id: 'division',
    title: 'Integer vs. float division',
    lesson: '`/` always gives a float, `//` floors (towards minus infinity), `%` follows `//`.',
    code: lines(
      'print(7 / 2, 7 // 2, 7 % 2)',
      'print(-7 / 2, -7 // 2, -7 % 2)',
      'print(6 / 3, 0.1 + 0.2)',
      'print(round(2.5), round(3.5))',
    ),
  },
  {
    id: 'comprehension-scope',
    title: 'Comprehensions have their own scope',
    lesson: 'The loop variable of a comprehension does not leak; on Python 3.11 it even runs in its own frame.',
    code: lines(
      'x = "outer"',
      'squares = [x * x for x in range(4)]',
      'print(squares, x)',
      '',
      'for x in range(2):',
      '    pass',
      'print(x)',
    ),
  },
  {
    id: 'call-entry',
    title: 'Trace one call (CRUXEval style)',
    lesson: 'With a call expression, the module runs first and only `f(...)` is traced, through `main()`.',
    code: lines(
      'def f(nums):',
      '    output = []',
      '    for n in nums:',
      '        output.append((nums.count(n), n))',
      '    output.sort(reverse=True)',
      '    return output',
    ),
    call: 'f([1, 1, 3, 1, 3, 1])',
  },
  {
    id: 'input',
    title: 'Reading input',
    lesson: '`input()` reads one line of stdin; an empty Stdin box asks you while the program waits.',
    code: lines(
      'name = input("Your name? ")',
      'age = int(input("Your age? "))',
      'print(f"Hello {name}, next year you will be {age + 1}.")',
    ),
    stdin: 'Ada\n36\n',
  },
];

export const DEFAULT_EXAMPLE = EXAMPLES[0];

export function findExample(id: string): Example | undefined {
  return EXAMPLES.find((example) => example.id === id);
}
