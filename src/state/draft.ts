/**
 * The user's draft — code, call expression, stdin, runtime, step cap, breakpoints — kept in local
 * storage under a versioned key, so a reload, a crash, a Stop or a bad link never loses it.
 */
import { z } from 'zod';
import { DEFAULT_RUNTIME, RUNTIME_IDS, type RuntimeId } from '../engine/runtimes.ts';
import { DEFAULT_LIMITS } from '../trace/types.ts';

export interface Draft {
  code: string;
  /** Call expression such as `f([1, 2])`; empty traces the whole module. */
  call: string;
  stdin: string;
  runtime: RuntimeId;
  maxSteps: number;
  /** Lines of the code with a breakpoint. */
  breakpoints: number[];
}

export const STEP_CAP_CHOICES = [1_000, 10_000, 100_000, 1_000_000] as const;

export const DRAFT_STORAGE_KEY = 'pytrace:draft';
const DRAFT_VERSION = 1;

const draftSchema = z.object({
  code: z.string().max(5_000_000),
  call: z.string().max(100_000),
  stdin: z.string().max(5_000_000),
  runtime: z.enum(RUNTIME_IDS),
  maxSteps: z.number().int().min(1).max(10_000_000),
  breakpoints: z.array(z.number().int().positive()).max(100_000),
});

const storedSchema = z.object({ version: z.literal(DRAFT_VERSION), draft: draftSchema });

export function defaultDraft(code: string): Draft {
  return { code, call: '', stdin: '', runtime: DEFAULT_RUNTIME, maxSteps: DEFAULT_LIMITS.maxSteps, breakpoints: [] };
}

/** The stored draft, or null if there is none or it cannot be read (never throws). */
export function loadDraft(storage: Pick<Storage, 'getItem'> | undefined): Draft | null {
  try {
    const text = storage?.getItem(DRAFT_STORAGE_KEY);
    if (!text) return null;
    const parsed = storedSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.draft : null;
  } catch {
    return null;
  }
}

/** Save the draft; false if storage refused it (full, disabled). */
export function saveDraft(storage: Pick<Storage, 'setItem'> | undefined, draft: Draft): boolean {
  try {
    storage?.setItem(DRAFT_STORAGE_KEY, JSON.stringify({ version: DRAFT_VERSION, draft }));
    return storage !== undefined;
  } catch {
    return false;
  }
}
