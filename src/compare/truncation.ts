/**
 * The engine bounds a repr (Limits.maxReprLength, maxItems) and marks each cut with `…`:
 * `[0, 0, …]`, `'abc…'`, `xyz…`. A real value with that mark is known only around it, so a
 * predicted value matches it when it fills each mark with at least one character:
 * `[0, 0, …]` matches `[0, 0, 0, 0]`. (A real value that merely contains `…` matches itself
 * exactly as usual, and is read the same way otherwise.)
 */

export const TRUNCATION_MARK = '\u2026';

/** Whether `predicted` matches the pattern `real`, each `…` standing for one or more characters. */
export function matchesTruncated(real: string, predicted: string): boolean {
  if (!real.includes(TRUNCATION_MARK)) return false;
  const parts = real.split(TRUNCATION_MARK);
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!predicted.startsWith(first) || !predicted.endsWith(last)) return false;
  let at = first.length + 1; // each mark covers at least one character
  const end = predicted.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const found = predicted.indexOf(parts[i], at);
    if (found < 0 || found + parts[i].length > end - 1) return false;
    at = found + parts[i].length + 1;
  }
  return at <= end;
}
