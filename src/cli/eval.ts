/**
 * Entry of the `eval` command: `npm run --silent eval -- SUITE.jsonl (--endpoint URL --model NAME |
 * --predictions FILE.jsonl) [options]` scores a model's predicted traces against the real ones.
 * See `--help` (USAGE in ./eval/args.ts) and ./eval/run.ts.
 */
import { EXIT_OK } from './errors.ts';
import { main } from './eval/main.ts';

// A reader that closes stdout early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT_OK);
});

const code = await main(process.argv.slice(2));
// Exit once stdout is flushed: nothing (the engine's worker, open handles) may keep the process alive.
process.stdout.write('', () => process.exit(code));
