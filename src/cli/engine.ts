/** Starting the Node engine for the CLI: boot failures become one-line errors. */
import type { EngineClient } from '../engine/client.ts';
import { createNodeEngine } from '../engine/node/engine.ts';
import type { BootInfo } from '../engine/protocol.ts';
import { RUNTIMES, type RuntimeId } from '../engine/runtimes.ts';
import { CliError, messageOf } from './errors.ts';

/** Boot a runtime; the caller must `dispose()` the engine so its worker thread ends. */
export async function startEngine(runtime: RuntimeId): Promise<{ engine: EngineClient; info: BootInfo }> {
  const engine = createNodeEngine(runtime);
  try {
    return { engine, info: await engine.boot() };
  } catch (error) {
    engine.dispose();
    const firstLine = messageOf(error).split('\n')[0].slice(0, 200);
    throw new CliError(`could not start ${RUNTIMES[runtime].label}: ${firstLine}`);
  }
}
