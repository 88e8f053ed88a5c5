import { CWM, START_OF_TRACE_MARKER } from './tokens.ts';

/** The `main()` wrapper that traces one call expression (the CRUXEval convention). */
export function entrySource(call: string): string {
  return `def main():\n    return ${call}\n`;
}

/** Source context of a CWM prompt: the program, then main() marked as the entry point. */
export function cwmContext(code: string, call: string): string {
  return '\n' + code + '\n' + entrySource(call).replace('def main():', 'def main():' + START_OF_TRACE_MARKER);
}

/** The seeded first frame: main's call, which every traced call entry starts with. */
export const SEEDED_MAIN_CALL = `${CWM.callSep}{}${CWM.actionSep}def main():\n${CWM.frameSep}`;

/** A full-trace CWM prompt for `/v1/completions`; the model continues after main's call frame. */
export function cwmPrompt(code: string, call: string): string {
  return CWM.beginOfText + CWM.traceContextStart + cwmContext(code, call) + CWM.frameSep + SEEDED_MAIN_CALL;
}
