/**
 * The permalink of one item: code, call, stdin, runtime, the step of the first divergence and the
 * prediction (text, format, model, prompt mode). Never the endpoint and never a key.
 */
import type { PredictionTextFormat } from '../../compare/index.ts';
import type { RuntimeId } from '../../engine/runtimes.ts';
import { encodeState, MAX_LINK_LENGTH, type SharedState } from '../../share/permalink.ts';
import type { SuiteItem } from '../suite-item.ts';
import type { SourceLabel } from './prediction.ts';

export interface LinkInput {
  item: SuiteItem;
  runtime: RuntimeId;
  maxSteps: number;
  step: number;
  prediction: { text: string; format: PredictionTextFormat } | null;
  source: SourceLabel;
}

export interface ItemLink {
  /** The hash (`#v1/…`), or null when even the link without the prediction is too long. */
  link: string | null;
  note?: string;
}

const number = (n: number) => n.toLocaleString('en-US');

/** `appUrl` counts towards the length limit: the whole URL must fit in MAX_LINK_LENGTH. */
export function itemLink(input: LinkInput, appUrl: string): ItemLink {
  const { item, source } = input;
  const state: SharedState = {
    code: item.code, call: item.call, stdin: item.stdin, runtime: input.runtime, maxSteps: input.maxSteps, step: input.step,
    compareMode: 'strict', endpoint: null,
    prediction: input.prediction && {
      text: input.prediction.text,
      format: input.prediction.format,
      model: source.model,
      promptMode: source.mode === 'predictions' ? null : source.mode,
    },
  };
  const full = encodeState(state);
  if (appUrl.length + full.length <= MAX_LINK_LENGTH) return { link: full };
  const length = `${number(appUrl.length + full.length)} characters, over the ${number(MAX_LINK_LENGTH)} that browsers and chat apps accept`;
  if (state.prediction) {
    const codeOnly = encodeState({ ...state, prediction: null });
    if (appUrl.length + codeOnly.length <= MAX_LINK_LENGTH) {
      return { link: codeOnly, note: `the link opens the code without the prediction: with it, the link would be ${length}` };
    }
  }
  return { link: null, note: `no link: it would be ${length}` };
}
