/** A first divergence in words. Pure. */
import type { Divergence, FieldDifference } from './diff-types.ts';

const show = (text: string | number | null) => (text === null ? 'nothing' : `\`${String(text)}\``);

export function differenceText(difference: FieldDifference): string {
  switch (difference.field) {
    case 'malformed':
      return `the predicted frame is malformed: ${difference.reason}`;
    case 'kind':
      return `the real step is a ${difference.real ?? '?'} event, the prediction has ${difference.predicted ?? 'no kind'}`;
    case 'action':
      return `the real step runs ${show(difference.real)}, the prediction has ${show(difference.predicted)}`;
    case 'line':
      return `the real step is on line ${difference.real ?? '?'}, the prediction says line ${difference.predicted ?? '?'}`;
    case 'variables':
      return difference.variables
        .map((v) => v.change === 'missing' ? `\`${v.name}\` is ${show(v.real)} but missing from the prediction`
          : v.change === 'extra' ? `the prediction has \`${v.name}\` = ${show(v.predicted)}, which the real frame does not have`
          : `\`${v.name}\` is ${show(v.real)} in the real run but ${v.unresolved ? 'an unresolvable `..`' : show(v.predicted)} in the prediction`)
        .join('; ');
    case 'value':
      return `the real value is ${show(difference.real)}, the prediction has ${show(difference.predicted)}`;
    case 'length':
      return difference.ended === 'predicted'
        ? `the prediction ends after ${difference.predicted} frames; the real trace goes on to ${difference.real}`
        : `the prediction goes on past the real trace's end (${difference.real} frames; the prediction has ${difference.predicted})`;
  }
}

export function divergenceText(divergence: Divergence, step: number): string {
  return `Step ${(step + 1).toLocaleString('en-US')}: ${divergence.differences.map(differenceText).join('; ')}.`;
}
