/** Command-line arguments of `eval`: parsed with `util.parseArgs` (./options.ts), checked, turned into a command. */
import { DEFAULT_RUNTIME, RUNTIME_IDS, type RuntimeId } from '../../engine/runtimes.ts';
import { ENDPOINT_PRESETS, normalizeBaseUrl, type PresetId } from '../../model/index.ts';
import { DEFAULT_LIMITS, type Limits } from '../../trace/types.ts';
import { oneOf, parseOptions, positiveInteger, usageError, type OptionValues } from '../options.ts';

export const MODES = ['cwm', 'chat'] as const;
export type Mode = (typeof MODES)[number];

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_OUT = './eval-out';
export const DEFAULT_APP_URL = 'http://localhost:5173/';
export const DEFAULT_API_KEY_ENV = 'OPENAI_API_KEY';
export const DEFAULT_MAX_TOKENS = 8192;

const PRESET_IDS = [...ENDPOINT_PRESETS.map((preset) => preset.id), 'custom'] as const;

/** Where the predictions come from: a model endpoint, or a file of existing outputs. */
export type SourceOptions =
  | {
      kind: 'endpoint';
      baseUrl: string;
      model: string;
      mode: Mode;
      /** The environment variable holding the API key (its value is read when the run starts). */
      apiKeyEnv: string;
      /** Whether --api-key-env was given (then the variable must be set). */
      apiKeyEnvGiven: boolean;
      /** Server options for the mode (docs/model-endpoints.md, "Presets"); by default the one whose base URL this is. */
      preset: PresetId | 'custom';
      maxTokens: number;
    }
  | { kind: 'predictions'; file: string; /** A label for the predictions' model, shown in links. */ model: string | null };

export type Command =
  | { kind: 'help' }
  | {
      kind: 'eval';
      suite: string;
      source: SourceOptions;
      concurrency: number;
      out: string;
      runtime: RuntimeId;
      limits: Limits;
      /** The playground's address; permalinks are `<appUrl>#v1/…`. */
      appUrl: string;
    };

export type EvalCommand = Extract<Command, { kind: 'eval' }>;

export const USAGE = `Usage: npm run --silent eval -- SUITE.jsonl --endpoint URL --model NAME [--mode cwm|chat] [options]
       npm run --silent eval -- SUITE.jsonl --predictions FILE.jsonl [options]

Trace every item of a suite (Pyodide, in Node), get a model's predicted trace for it (from an
OpenAI-compatible endpoint, or from a file of existing outputs), and score the prediction against
the real trace: first divergence and the CWM report's Table 9 metrics (docs/metrics.md).

  SUITE.jsonl             lines {"id", "code", "input"}: the call is f(<input>) (or the line's
                          "call"); optional "stdin", and "expected" (the expected output's repr;
                          default: what the real call returns)
  --endpoint URL          an OpenAI-compatible server, e.g. http://localhost:8000/v1
  --model NAME            the model to ask (with --predictions: a label shown in links)
  --mode cwm|chat         cwm: CWM's native prompt on /completions (default); chat: the plain-text
                          trace format on /chat/completions
  --api-key-env VAR       the environment variable holding the API key (default ${DEFAULT_API_KEY_ENV};
                          a key is never taken from the command line)
  --preset NAME           the server's options for the mode (docs/model-endpoints.md): vllm,
                          sglang, llama-cpp, ollama, lm-studio, openai or custom (default: the
                          preset whose base URL --endpoint is, else custom)
  --max-tokens N          the longest prediction to ask for (default ${DEFAULT_MAX_TOKENS})
  --concurrency N         requests at a time (default ${DEFAULT_CONCURRENCY})
  --predictions FILE      lines {"id", "generation"}: score these outputs offline (CWM text after
                          main()'s seeded call frame, or the plain-text format)
  --out DIR               where results.jsonl, summary.json and report.html go (default ${DEFAULT_OUT});
                          items already in DIR/results.jsonl are not done again (resume)
  --runtime 3.11|3.14     the Python version of the real traces (default ${DEFAULT_RUNTIME})
  --app-url URL           the playground the report's links open (default ${DEFAULT_APP_URL})
  --max-steps N           record at most N steps per real trace (default ${DEFAULT_LIMITS.maxSteps})
  --time-limit-ms N       stop a real run after N ms (default ${DEFAULT_LIMITS.timeLimitMs})
  -h, --help              show this help

The summary prints as a table on stdout; progress goes to stderr. Exit status: 0 when every item
was done (an item whose trace or prediction failed has an error in its result line), 1 on I/O
errors and when the endpoint cannot be used, 2 on usage errors.
`;

export const USAGE_HINT =
  "usage: eval SUITE.jsonl (--endpoint URL --model NAME [--mode cwm|chat] | --predictions FILE.jsonl) [--out DIR]; see 'eval --help'";

const OPTIONS = {
  endpoint: { type: 'string' },
  model: { type: 'string' },
  mode: { type: 'string' },
  'api-key-env': { type: 'string' },
  preset: { type: 'string' },
  'max-tokens': { type: 'string' },
  concurrency: { type: 'string' },
  predictions: { type: 'string' },
  out: { type: 'string' },
  runtime: { type: 'string' },
  'app-url': { type: 'string' },
  'max-steps': { type: 'string' },
  'time-limit-ms': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const KEY_HINT = 'an API key is never taken from the command line: put it in an environment variable (OPENAI_API_KEY, or name another with --api-key-env VAR)';
const HINTS: Record<string, string> = { '--api-key': KEY_HINT, '--key': KEY_HINT, '--token': KEY_HINT };

const ENDPOINT_ONLY = ['mode', 'api-key-env', 'preset', 'max-tokens'] as const;

function nonEmpty(option: string, text: string | undefined): string | undefined {
  if (text !== undefined && !text.trim()) throw usageError(`--${option} needs a value`);
  return text?.trim();
}

function parseAppUrl(text: string | undefined): string {
  if (text === undefined) return DEFAULT_APP_URL;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw usageError(`--app-url must be an http:// or https:// URL, not '${text}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw usageError(`--app-url must be an http:// or https:// URL, not '${text}'`);
  url.hash = '';
  return url.href;
}

function parseEndpoint(values: OptionValues<typeof OPTIONS>, endpoint: string): SourceOptions {
  let baseUrl: string;
  try {
    baseUrl = normalizeBaseUrl(endpoint);
  } catch (error) {
    throw usageError(`--endpoint: ${error instanceof Error ? error.message : String(error)}`);
  }
  const model = nonEmpty('model', values.model);
  if (model === undefined) throw usageError('--endpoint needs --model NAME (the model to ask)');
  const apiKeyEnv = values['api-key-env']?.trim() ?? DEFAULT_API_KEY_ENV;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(apiKeyEnv)) throw usageError(`--api-key-env takes the name of an environment variable, not '${apiKeyEnv}'`);
  const matching = ENDPOINT_PRESETS.find((preset) => preset.baseUrl === baseUrl)?.id ?? 'custom';
  return {
    kind: 'endpoint',
    baseUrl,
    model,
    mode: oneOf('mode', values.mode, MODES, 'cwm'),
    apiKeyEnv,
    apiKeyEnvGiven: values['api-key-env'] !== undefined,
    preset: oneOf('preset', values.preset, PRESET_IDS, matching),
    maxTokens: positiveInteger('max-tokens', values['max-tokens']) ?? DEFAULT_MAX_TOKENS,
  };
}

/** The command the arguments ask for; a usage problem throws a CliError with exit code 2. */
export function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parseOptions(argv, OPTIONS, HINTS);
  if (values.help) return { kind: 'help' };
  if (positionals.length === 0) throw usageError('missing the suite file (SUITE.jsonl)');
  if (positionals.length > 1) throw usageError(`unexpected argument '${positionals[1]}' (one suite at a time)`);
  const suite = positionals[0];
  if (!suite.trim()) throw usageError('the suite file name is empty');

  const endpoint = nonEmpty('endpoint', values.endpoint);
  const predictions = nonEmpty('predictions', values.predictions);
  let source: SourceOptions;
  if (endpoint !== undefined && predictions !== undefined) throw usageError('give either --endpoint or --predictions, not both');
  if (endpoint !== undefined) {
    source = parseEndpoint(values, endpoint);
  } else if (predictions !== undefined) {
    const given = ENDPOINT_ONLY.find((option) => values[option] !== undefined);
    if (given) throw usageError(`--${given} applies to --endpoint only (the format of --predictions is detected per line)`);
    source = { kind: 'predictions', file: predictions, model: nonEmpty('model', values.model) ?? null };
  } else {
    throw usageError('nothing to score: give --endpoint URL --model NAME, or --predictions FILE.jsonl');
  }

  return {
    kind: 'eval',
    suite,
    source,
    concurrency: positiveInteger('concurrency', values.concurrency) ?? DEFAULT_CONCURRENCY,
    out: nonEmpty('out', values.out) ?? DEFAULT_OUT,
    runtime: oneOf('runtime', values.runtime, RUNTIME_IDS, DEFAULT_RUNTIME),
    limits: {
      ...DEFAULT_LIMITS,
      maxSteps: positiveInteger('max-steps', values['max-steps']) ?? DEFAULT_LIMITS.maxSteps,
      timeLimitMs: positiveInteger('time-limit-ms', values['time-limit-ms']) ?? DEFAULT_LIMITS.timeLimitMs,
    },
    appUrl: parseAppUrl(values['app-url']),
  };
}
