/** The `eval` command as a function: arguments and environment in, files and output out, exit code out. */
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, messageOf } from '../errors.ts';
import { parseCommand, USAGE, USAGE_HINT, type EvalCommand } from './args.ts';
import { runEval, type Connection } from './run.ts';
import { usageError } from './options.ts';

function note(line: string): void {
  process.stderr.write(`eval: ${line}\n`);
}

/**
 * The endpoint and its API key, read from the environment variable the command names (a key is
 * never an argument). Without --api-key-env, an unset OPENAI_API_KEY simply means no key.
 */
function connect(command: EvalCommand, env: NodeJS.ProcessEnv): Connection {
  const { source } = command;
  if (source.kind !== 'endpoint') return null;
  const apiKey = env[source.apiKeyEnv]?.trim() ?? '';
  if (!apiKey && source.apiKeyEnvGiven) throw usageError(`the environment variable ${source.apiKeyEnv} (--api-key-env) is not set or empty`);
  return { baseUrl: source.baseUrl, model: source.model, apiKey };
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      process.stdout.write(USAGE);
      return EXIT_OK;
    }
    return await runEval(command, connect(command, env), note);
  } catch (error) {
    if (error instanceof CliError) {
      note(error.message);
      if (error.exitCode === EXIT_USAGE) process.stderr.write(USAGE_HINT + '\n');
      return error.exitCode;
    }
    if ((error as { code?: string }).code === 'EPIPE') return EXIT_OK; // stdout closed early (`| head`)
    note(`unexpected error: ${messageOf(error).split('\n')[0]}`);
    return EXIT_FAILURE;
  }
}
