/**
 * Reading a command line with Node's `util.parseArgs` the way the CLIs here do: strict, one-line
 * messages, values that start with a dash accepted (`--max-steps -5` is checked, not misread).
 */
import { parseArgs } from 'node:util';
import { CliError, EXIT_USAGE } from './errors.ts';

export type OptionTable = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export type OptionValues<T extends OptionTable> = { [K in keyof T]?: T[K]['type'] extends 'string' ? string : boolean };

export function usageError(message: string): CliError {
  return new CliError(message, EXIT_USAGE);
}

/** `--max-steps -5`: join such pairs into `--max-steps=-5`, which parseArgs accepts. */
function joinDashValues(argv: readonly string[], options: OptionTable): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      joined.push(...argv.slice(i));
      break;
    }
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : null;
    const next = argv[i + 1];
    const takesValue = name !== null && options[name]?.type === 'string';
    if (takesValue && next !== undefined && next.startsWith('-') && !next.startsWith('--') && next !== '-h') {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** parseArgs' messages run over several lines and may quote a value: keep one short line, no values. */
function describeParseError(error: unknown, options: OptionTable, hints: Record<string, string>): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /--[a-z][\w-]*/.exec(message)?.[0] ?? /'(-[^' =]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return hints[option] ?? `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return options[option.replace(/^--/, '')]?.type === 'boolean' ? `option ${option} takes no value` : `option ${option} needs a value`;
  }
  return message.split('\n')[0];
}

/**
 * Parse `argv` against `options`. `hints`: a message to give instead of "unknown option" for an
 * option that is refused on purpose (e.g. `--api-key`).
 */
export function parseOptions<T extends OptionTable>(argv: readonly string[], options: T, hints: Record<string, string> = {}): { values: OptionValues<T>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: joinDashValues(argv, options), options, allowPositionals: true, strict: true });
    return { values: parsed.values as OptionValues<T>, positionals: parsed.positionals };
  } catch (error) {
    throw usageError(describeParseError(error, options, hints));
  }
}

export function positiveInteger(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(value) || value <= 0) throw usageError(`--${option} must be a positive integer, not '${text}'`);
  return value;
}

/** A value from a fixed list (`--mode cwm|chat`). */
export function oneOf<T extends string>(option: string, text: string | undefined, choices: readonly T[], fallback: T): T {
  if (text === undefined) return fallback;
  if (!(choices as readonly string[]).includes(text)) throw usageError(`unknown --${option} '${text}' (choose ${choices.join(', ')})`);
  return text as T;
}
