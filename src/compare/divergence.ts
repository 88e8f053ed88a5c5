import type { Divergence, FieldDifference } from './diff-types.ts';

/** A divergence from the differences at its position. */
export function divergenceOf(differences: FieldDifference[]): Omit<Divergence, 'index'> {
  return { field: differences[0].field, differences };
}

/** Where one trace ended and the other went on. */
export function lengthDivergence(ended: 'predicted' | 'real', real: number, predicted: number): Divergence {
  const index = Math.min(real, predicted);
  return { index, field: 'length', differences: [{ field: 'length', ended, real, predicted }] };
}
