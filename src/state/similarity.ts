/**
 * Whether two versions of a program are "similar" — small edits rather than a different program —
 * so a re-run can keep the cursor at the same step number.
 */
export function similarPrograms(before: string, after: string): boolean {
  if (before === after) return true;
  const a = before.split('\n').map((line) => line.trimEnd());
  const b = after.split('\n').map((line) => line.trimEnd());
  if (a.length > 2000 || b.length > 2000) return Math.abs(a.length - b.length) <= 2;
  return (2 * longestCommonSubsequence(a, b)) / (a.length + b.length) >= 0.6;
}

function longestCommonSubsequence(a: string[], b: string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    previous = current;
  }
  return previous[b.length];
}
