import type { CompareMode } from './frame.ts';
import { lenientReprEqual } from './repr/canonical.ts';
import { matchesTruncated } from './truncation.ts';

/** Comparing the texts of two frames under a mode (docs/metrics.md, "Comparison modes"). */

/**
 * A real repr and a predicted one (null: absent or unresolved, equal to nothing — not even another
 * null). Both modes accept a prediction that continues a real value the engine cut (truncation.ts).
 */
export function valuesEqual(real: string | null, predicted: string | null, mode: CompareMode): boolean {
  if (real === null || predicted === null) return false;
  if (real === predicted) return true;
  if (mode === 'lenient' && lenientReprEqual(real, predicted)) return true;
  return matchesTruncated(real, predicted);
}

/** Two source lines: exact in strict mode; lenient ignores whitespace at either end. */
export function actionsEqual(real: string, predicted: string, mode: CompareMode): boolean {
  return real === predicted || (mode === 'lenient' && real.trim() === predicted.trim());
}
