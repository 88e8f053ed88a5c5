/**
 * Entry of the `trace` command: `npm run --silent trace -- FILE.py [options]` prints one trace;
 * `--suite FILE.jsonl` traces a whole suite. See `--help` (USAGE in ./args.ts) and ./main.ts.
 */
import { EXIT_OK } from './errors.ts';
import { main } from './main.ts';

// A reader that closes stdout early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT_OK);
});

const code = await main(process.argv.slice(2));
// Exit once stdout is flushed: nothing (the engine's worker, a stdin reader) may keep the process alive.
process.stdout.write('', () => process.exit(code));
