import { describe, expect, it } from 'vitest';
import { DRAFT_STORAGE_KEY, defaultDraft, loadDraft, saveDraft } from './draft.ts';
import { similarPrograms } from './similarity.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    data,
  };
}

describe('draft storage', () => {
  it('round-trips a draft under a versioned key', () => {
    const storage = memoryStorage();
    const draft = { ...defaultDraft('print(1)\n'), call: 'f(2)', stdin: 'x\n', runtime: '3.14' as const, maxSteps: 1000, breakpoints: [1, 3] };
    expect(saveDraft(storage, draft)).toBe(true);
    expect(JSON.parse(storage.data.get(DRAFT_STORAGE_KEY)!).version).toBe(1);
    expect(loadDraft(storage)).toEqual(draft);
  });

  it('ignores missing, corrupt, foreign-version or ill-typed drafts instead of throwing', () => {
    expect(loadDraft(memoryStorage())).toBeNull();
    expect(loadDraft(memoryStorage({ [DRAFT_STORAGE_KEY]: '{not json' }))).toBeNull();
    expect(loadDraft(memoryStorage({ [DRAFT_STORAGE_KEY]: JSON.stringify({ version: 99, draft: defaultDraft('') }) }))).toBeNull();
    expect(loadDraft(memoryStorage({ [DRAFT_STORAGE_KEY]: JSON.stringify({ version: 1, draft: { code: 5 } }) }))).toBeNull();
    expect(loadDraft(memoryStorage({ [DRAFT_STORAGE_KEY]: JSON.stringify({ version: 1, draft: { ...defaultDraft(''), runtime: '2.7' } }) }))).toBeNull();
  });

  it('reports a storage that refuses to save (quota) without throwing', () => {
    const full = { setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    expect(saveDraft(full, defaultDraft('x'))).toBe(false);
  });
});

describe('similar programs (keep the cursor on re-run)', () => {
  const program = 'def f(n):\n    total = 0\n    for i in range(n):\n        total += i\n    return total\n\nprint(f(5))\n';
  it('treats small edits as similar', () => {
    expect(similarPrograms(program, program.replace('range(n)', 'range(n + 1)'))).toBe(true);
    expect(similarPrograms(program, program + 'print(f(6))\n')).toBe(true);
  });
  it('treats a different program as not similar', () => {
    expect(similarPrograms(program, 'x = [1, 2]\ny = x\ny.append(3)\nprint(x)\n')).toBe(false);
  });
});
