/** Command-line arguments of `trace`: parsed with Node's `util.parseArgs`, checked, turned into a command. */
import { DEFAULT_RUNTIME, isRuntimeId, RUNTIME_IDS, type RuntimeId } from '../engine/runtimes.ts';
import { DEFAULT_LIMITS, type Limits } from '../trace/types.ts';
import { oneOf, parseOptions, positiveInteger, usageError } from './options.ts';

export const FORMATS = ['json', 'cwm'] as const;
export type Format = (typeof FORMATS)[number];

/** `-` as a file name: read this process's stdin. */
export const STDIN_PATH = '-';

export type Command =
  | { kind: 'help' }
  | {
      kind: 'trace';
      /** The program file, or `-`. */
      file: string;
      /** The entry call expression; null traces the whole module. */
      call: string | null;
      format: Format;
      /** File the program's `input()` reads, or `-`; null: empty input. */
      stdinFile: string | null;
      runtime: RuntimeId;
      limits: Partial<Limits>;
    }
  | { kind: 'suite'; file: string; runtime: RuntimeId; limits: Partial<Limits> };

export const USAGE = `Usage: npm run --silent trace -- FILE.py [options]
       npm run --silent trace -- --suite FILE.jsonl [options]

Trace a Python program (Pyodide, in Node) and print the trace to stdout.

  FILE.py               the program ('-': read it from stdin)
  --call EXPR           trace one call after the module ran, e.g. 'f([1, 2])'
                        (default: trace the whole module)
  --format json|cwm     json: the JSON trace file (default, docs/trace-format.md);
                        cwm: CWM trace text (no newline added unless stdout is a terminal)
  --stdin FILE          the text input() reads ('-': this process's stdin)
  --suite FILE.jsonl    trace each line {"id", "code", "input"} as f(<input>) (or its
                        "call"; optional "stdin") and write one JSON line per item:
                        {"id", "result", "error", "steps", "cwm"}
  --runtime 3.11|3.14   the Python version (default ${DEFAULT_RUNTIME})
  --max-steps N         record at most N steps per run (default ${DEFAULT_LIMITS.maxSteps})
  --time-limit-ms N     stop a run after N ms (default ${DEFAULT_LIMITS.timeLimitMs})
  -h, --help            show this help

Exit status: 0 when the trace was produced (even if the program raised; a note on
stderr says when a run ended early), 1 on I/O or engine errors, 2 on usage errors.
`;

export const USAGE_HINT =
  "usage: trace FILE.py [--call EXPR] [--format json|cwm] [--stdin FILE] | trace --suite FILE.jsonl; see 'trace --help'";

const OPTIONS = {
  call: { type: 'string' },
  format: { type: 'string' },
  stdin: { type: 'string' },
  suite: { type: 'string' },
  runtime: { type: 'string' },
  'max-steps': { type: 'string' },
  'time-limit-ms': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseRuntime(text: string | undefined): RuntimeId {
  if (text === undefined) return DEFAULT_RUNTIME;
  if (!isRuntimeId(text)) throw usageError(`unknown runtime '${text}' (choose ${RUNTIME_IDS.join(' or ')})`);
  return text;
}

/** The command the arguments ask for; a usage problem throws a CliError with exit code 2. */
export function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parseOptions(argv, OPTIONS);
  if (values.help) return { kind: 'help' };
  const runtime = parseRuntime(values.runtime);
  const limits: Partial<Limits> = {};
  const maxSteps = positiveInteger('max-steps', values['max-steps']);
  const timeLimitMs = positiveInteger('time-limit-ms', values['time-limit-ms']);
  if (maxSteps !== undefined) limits.maxSteps = maxSteps;
  if (timeLimitMs !== undefined) limits.timeLimitMs = timeLimitMs;

  if (values.suite !== undefined) {
    if (positionals.length > 0) throw usageError(`unexpected argument '${positionals[0]}' (--suite takes the programs from its file)`);
    for (const option of ['call', 'format', 'stdin'] as const) {
      if (values[option] !== undefined) throw usageError(`--${option} cannot be used with --suite (items carry their own)`);
    }
    if (values.suite === '') throw usageError('--suite needs a file name');
    return { kind: 'suite', file: values.suite, runtime, limits };
  }

  if (positionals.length === 0) throw usageError('missing the program file (FILE.py, or --suite FILE.jsonl)');
  if (positionals.length > 1) throw usageError(`unexpected argument '${positionals[1]}' (one program at a time)`);
  const [file] = positionals;
  if (file === '') throw usageError('the program file name is empty');
  const stdinFile = values.stdin ?? null;
  if (stdinFile === '') throw usageError('--stdin needs a file name');
  if (file === STDIN_PATH && stdinFile === STDIN_PATH) throw usageError("the program and --stdin cannot both be '-' (stdin)");
  const call = values.call?.trim() ? values.call.trim() : null;
  return { kind: 'trace', file, call, format: oneOf('format', values.format, FORMATS, 'json'), stdinFile, runtime, limits };
}
