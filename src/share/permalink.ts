/**
 * Permalinks: the whole view state in the URL hash, as `#v1/<deflated JSON, base64url>`. Pure
 * encode/decode functions. A link is untrusted input: decoding never throws, checks sizes before
 * and after inflating, validates every field, and reports what is wrong in a sentence.
 * Older versions keep their decoders (DECODERS) when a new version is added.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import { RUNTIME_IDS } from '../engine/runtimes.ts';

export const LINK_VERSION = 1;
/** Longer links are offered as a share file instead: browsers and chat apps cut them. */
export const MAX_LINK_LENGTH = 16_000;
/** A hash longer than this is refused before any work (hostile links). */
export const MAX_HASH_LENGTH = 2_000_000;
const MAX_INFLATED_BYTES = 20_000_000;

export interface SharedPrediction {
  text: string;
  format: 'cwm' | 'plain';
  model: string | null;
  promptMode: 'cwm' | 'chat' | null;
}

export interface SharedEndpoint {
  baseUrl: string;
  model: string;
}

/** What a link restores. Never an API key. */
export interface SharedState {
  code: string;
  call: string;
  stdin: string;
  runtime: (typeof RUNTIME_IDS)[number];
  maxSteps: number;
  step: number;
  compareMode: 'strict' | 'lenient';
  prediction: SharedPrediction | null;
  /** Only when the user chose to share it; opening asks before using it. */
  endpoint: SharedEndpoint | null;
}

// Short keys keep links short; this is the v1 wire shape.
const v1Schema = z.object({
  c: z.string().max(1_000_000),
  a: z.string().max(10_000).default(''),
  i: z.string().max(1_000_000).default(''),
  r: z.enum(RUNTIME_IDS),
  m: z.number().int().min(1).max(10_000_000).default(100_000),
  s: z.number().int().min(0).max(100_000_000).default(0),
  d: z.enum(['strict', 'lenient']).default('strict'),
  p: z.object({
    t: z.string().max(10_000_000),
    f: z.enum(['cwm', 'plain']),
    n: z.string().max(500).nullable().default(null),
    o: z.enum(['cwm', 'chat']).nullable().default(null),
  }).strict().nullable().default(null),
  e: z.object({ u: z.string().max(2000), n: z.string().max(500) }).strict().nullable().default(null),
}).strict();

type WireV1 = z.input<typeof v1Schema>;

function toWire(state: SharedState): WireV1 {
  const wire: WireV1 = { c: state.code, r: state.runtime };
  if (state.call) wire.a = state.call;
  if (state.stdin) wire.i = state.stdin;
  if (state.maxSteps !== 100_000) wire.m = state.maxSteps;
  if (state.step) wire.s = state.step;
  if (state.compareMode !== 'strict') wire.d = state.compareMode;
  if (state.prediction) wire.p = { t: state.prediction.text, f: state.prediction.format, n: state.prediction.model, o: state.prediction.promptMode };
  if (state.endpoint) wire.e = { u: state.endpoint.baseUrl, n: state.endpoint.model };
  return wire;
}

function fromWireV1(value: unknown): SharedState | string {
  const parsed = v1Schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `the link's ${issue.path.join('.') || 'content'} is not valid (${issue.message})`;
  }
  const w = parsed.data;
  return {
    code: w.c, call: w.a, stdin: w.i, runtime: w.r, maxSteps: w.m, step: w.s, compareMode: w.d,
    prediction: w.p ? { text: w.p.t, format: w.p.f, model: w.p.n, promptMode: w.p.o } : null,
    endpoint: w.e ? { baseUrl: w.e.u, model: w.e.n } : null,
  };
}

const DECODERS: Record<number, (value: unknown) => SharedState | string> = { 1: fromWireV1 };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/**
 * Inflate at most `limit` bytes. The input is fed in small pieces so a hostile "zip bomb" is
 * stopped after a bounded amount of work and memory; null when the data is corrupt or incomplete.
 */
function inflateBounded(bytes: Uint8Array, limit: number): Uint8Array | 'too large' | null {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    chunks.push(chunk);
    size += chunk.length;
    if (final) finished = true;
  });
  try {
    for (let at = 0; at < bytes.length; at += 4096) {
      inflater.push(bytes.subarray(at, at + 4096), at + 4096 >= bytes.length);
      if (size > limit) return 'too large';
    }
  } catch {
    return null;
  }
  if (!finished) return null;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** The hash (with `#`) for a state. */
export function encodeState(state: SharedState): string {
  const json = JSON.stringify(toWire(state));
  return `#v${LINK_VERSION}/${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
}

export type DecodeResult = { ok: true; state: SharedState } | { ok: false; error: string };

const fail = (error: string): DecodeResult => ({ ok: false, error: `This link cannot be opened: ${error}. Your own code was not changed.` });

/** Read a hash (`#v1/…`). An empty hash or one that is not a permalink gives null. */
export function decodeHash(hash: string): DecodeResult | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const match = /^v(\d+)\/(.*)$/s.exec(text);
  if (!match) return null;
  if (text.length > MAX_HASH_LENGTH) return fail(`it is too long (${text.length.toLocaleString('en-US')} characters)`);
  const decoder = DECODERS[Number(match[1])];
  if (!decoder) return fail(`it was made by a newer version of the playground (link version ${match[1]})`);
  const bytes = fromBase64Url(match[2]);
  if (!bytes || bytes.length === 0) return fail('it is damaged (not valid base64url); it may have been cut off when it was copied');
  const inflated = inflateBounded(bytes, MAX_INFLATED_BYTES);
  if (inflated === 'too large') return fail('its content is too large');
  if (inflated === null) return fail('it is damaged (the compressed data is corrupt); it may have been cut off when it was copied');
  let json: string;
  try {
    json = strFromU8(inflated);
  } catch {
    return fail('it is damaged (its content is not text)');
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return fail('it is damaged (its content is not valid JSON)');
  }
  const state = decoder(value);
  return typeof state === 'string' ? fail(state) : { ok: true, state };
}
