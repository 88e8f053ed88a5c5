/**
 * The chat-mode prompt: an instruction for the plain-text trace format (docs/prediction-formats.md)
 * with a worked example the engine traced for real, then the program to trace.
 */
import type { ChatMessage } from '../chat.ts';

/** The tiny program of the worked example; its trace comes from the engine when the prompt is built. */
export const CHAT_EXAMPLE_PROGRAM = [
  'def add_all(values):',
  '    total = 0',
  '    for v in values:',
  '        total += v',
  '    return total',
  '',
  'result = add_all([3, 4])',
  '',
].join('\n');

export function numberedSource(code: string): string {
  const lines = code.replace(/\n$/, '').split('\n');
  const width = String(lines.length).length;
  return lines.map((line, i) => `${String(i + 1).padStart(width)} | ${line}`).join('\n');
}

const FORMAT_RULES = `Write the execution trace of a Python program, one step per line, exactly in this format:

<kind> <line> <function> <payload>

- kind: call, line, return or exception — the events of Python's sys.settrace, in the order they happen.
- line: the line number in the program (as numbered in the listing).
- function: the name of the code that runs: the function's name, or <module> for the top level (also <lambda>, <listcomp>, <genexpr> where Python makes a frame for them).
- payload for call and line: a JSON object of the frame's local variables, name to repr() text as a JSON string, in the order they were first bound, as they are BEFORE the line runs. A "line" step shows the state before its line executes.
- payload for return: the repr() of the returned value as a JSON string. For exception: "Type: message" as a JSON string.
- Top-level steps list the program's global variables (functions and classes included, as their repr such as "<function f>"), not names starting and ending with two underscores.
- After the last step, write a line with only: end
Write nothing else: no explanations, no code fences.`;

export interface ChatPromptInput {
  code: string;
  /** A call expression to trace (the program's top level runs first, untraced), or null for the whole program. */
  call: string | null;
  /** The worked example's trace in the plain format, made by the engine (ends with `end`). */
  exampleTrace: string;
}

function entryText(call: string | null): string {
  return call
    ? `The program's top level has already run. Trace only the call ${call}: start with its call step.`
    : 'Trace the whole program, starting with the call step of <module> at line 0.';
}

export function chatMessages({ code, call, exampleTrace }: ChatPromptInput): ChatMessage[] {
  return [
    {
      role: 'system',
      content: `${FORMAT_RULES}\n\nExample. The program:\n${numberedSource(CHAT_EXAMPLE_PROGRAM)}\n\nIts trace (whole program):\n${exampleTrace.trimEnd()}`,
    },
    { role: 'user', content: `The program:\n${numberedSource(code)}\n\n${entryText(call)}` },
  ];
}

/** Teacher forcing in chat mode: the real steps so far are given; the model writes the next one. */
export function chatNextStepMessages(input: ChatPromptInput & { stepsSoFar: string }): ChatMessage[] {
  const [system, user] = chatMessages(input);
  return [
    system,
    { role: 'user', content: `${user.content}\n\nThe first steps of the trace are:\n${input.stepsSoFar.trimEnd()}\n\nWrite only the next step: one line.` },
  ];
}
