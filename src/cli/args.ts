/** Command-line arguments of `trace`: parsed with Node's `util.parseArgs`, checked, turned into a command. */
import { parseArgs } from 'node:util';
import { DEFAULT_RUNTIME, isRuntimeId, RUNTIME_IDS, type RuntimeId } from '../engine/runtimes.ts';
import { DEFAULT_LIMITS, type Limits } from '../trace/types.ts';
import { CliError, EXIT_USAGE } from './errors.ts';

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

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean };

function usageError(message: string): CliError {
  return new CliError(message, EXIT_USAGE);
}

/**
 * `--max-steps -5` or `--stdin -`: parseArgs refuses an option value that starts with a dash
 * unless it is written `--option=value`. Join such pairs so the value gets checked (or used).
 */
function joinDashValues(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      joined.push(...argv.slice(i));
      break;
    }
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : null;
    const next = argv[i + 1];
    const takesValue = name !== null && name in OPTIONS && OPTIONS[name as keyof typeof OPTIONS].type === 'string';
    if (takesValue && next !== undefined && next.startsWith('-') && !next.startsWith('--') && next !== '-h') {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

function parseRaw(argv: readonly string[]): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: joinDashValues(argv), options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(describeParseError(error));
  }
}

/** parseArgs' messages run over several lines: keep one short line. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /--[a-z][\w-]*/.exec(message)?.[0] ?? /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return OPTIONS[option.replace(/^--/, '') as keyof typeof OPTIONS]?.type === 'boolean'
      ? `option ${option} takes no value`
      : `option ${option} needs a value`;
  }
  return message.split('\n')[0];
}

function positiveInteger(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(value) || value <= 0) throw usageError(`--${option} must be a positive integer, not '${text}'`);
  return value;
}

function parseRuntime(text: string | undefined): RuntimeId {
  if (text === undefined) return DEFAULT_RUNTIME;
  if (!isRuntimeId(text)) throw usageError(`unknown runtime '${text}' (choose ${RUNTIME_IDS.join(' or ')})`);
  return text;
}

function parseFormat(text: string | undefined): Format {
  if (text === undefined) return 'json';
  if (!(FORMATS as readonly string[]).includes(text)) throw usageError(`unknown format '${text}' (choose ${FORMATS.join(' or ')})`);
  return text as Format;
}

/** The command the arguments ask for; a usage problem throws a CliError with exit code 2. */
export function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parseRaw(argv);
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
  return { kind: 'trace', file, call, format: parseFormat(values.format), stdinFile, runtime, limits };
}
