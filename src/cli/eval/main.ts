/** The `eval` command as a function: arguments and environment in, files and output out, exit code out. */
import { EXIT_OK, runCommand } from '../errors.ts';
import { parseCommand, USAGE, USAGE_HINT, type EvalCommand } from './args.ts';
import { runEval, type Connection } from './run.ts';
import { usageError } from '../options.ts';

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

export function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return runCommand('eval', USAGE_HINT, async (note) => {
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      process.stdout.write(USAGE);
      return EXIT_OK;
    }
    return runEval(command, connect(command, env), note);
  });
}
