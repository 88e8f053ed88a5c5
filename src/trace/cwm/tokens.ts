/** CWM's special tokens, written as their strings (docs: ../shared/docs/cwm-trace-format.md). */
export const CWM = {
  beginOfText: '<|begin_of_text|>',
  endOfText: '<|end_of_text|>',
  frameSep: '<|frame_sep|>',
  actionSep: '<|action_sep|>',
  returnSep: '<|return_sep|>',
  callSep: '<|call_sep|>',
  lineSep: '<|line_sep|>',
  exceptionSep: '<|exception_sep|>',
  argSep: '<|arg_sep|>',
  traceContextStart: '<|trace_context_start|>',
} as const;

export const CWM_TOKEN_IDS = {
  beginOfText: 128000,
  endOfText: 128001,
  frameSep: 128100,
  actionSep: 128101,
  returnSep: 128102,
  callSep: 128103,
  lineSep: 128104,
  exceptionSep: 128105,
  argSep: 128106,
  traceContextStart: 128107,
} as const;

/** Appended to the `def` line of the traced function in the prompt's source context. */
export const START_OF_TRACE_MARKER = '  # << START_OF_TRACE';

export const KIND_TOKENS = {
  call: CWM.callSep,
  line: CWM.lineSep,
  return: CWM.returnSep,
  exception: CWM.exceptionSep,
} as const;
