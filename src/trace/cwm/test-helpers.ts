/** Builders of CWM frame text and a chunked parse, shared by the CWM parser tests. */
import { CwmParser, type CwmFrame, type CwmParseResult } from './parse.ts';
import { pyJsonObject, pyJsonString } from './py-json.ts';
import { CWM } from './tokens.ts';

export function callFrame(locals: [string, string][], action: string): string {
  return CWM.callSep + pyJsonObject(locals) + CWM.actionSep + action + '\n' + CWM.frameSep;
}

export function lineFrame(locals: [string, string][], action: string): string {
  return CWM.lineSep + pyJsonObject(locals) + CWM.actionSep + action + '\n' + CWM.frameSep;
}

export function returnFrame(action: string, value: string): string {
  return CWM.returnSep + CWM.actionSep + action + '\n' + CWM.argSep + pyJsonString(value) + CWM.frameSep;
}

export function exceptionFrame(action: string, value: string): string {
  return CWM.exceptionSep + CWM.actionSep + action + '\n' + CWM.argSep + pyJsonString(value) + CWM.frameSep;
}

/** Parses `text` cut at the given offsets (any order, duplicates allowed), one push per chunk. */
export function parseInChunks(text: string, cuts: readonly number[]): CwmParseResult {
  const points = [...new Set(cuts.map((cut) => Math.max(0, Math.min(text.length, cut))))].sort((a, b) => a - b);
  const parser = new CwmParser();
  const frames: CwmFrame[] = [];
  let from = 0;
  for (const point of [...points, text.length]) {
    frames.push(...parser.push(text.slice(from, point)));
    from = point;
  }
  frames.push(...parser.end());
  return { frames, ended: parser.ended };
}
