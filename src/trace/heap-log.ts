import { GrowableInt32, lastAtOrBefore } from './growable.ts';
import type { StringTable } from './string-table.ts';
import { OBJECT_KINDS, type HeapObject, type Ref } from './types.ts';

/**
 * The objects of a trace: every version of every object (recorded when what it looks like
 * changed), found for any step by a binary search over that object's versions.
 */
export class HeapLog {
  private readonly versions = new GrowableInt32(); // step, object id, pool offset
  private readonly objectVersions: GrowableInt32[] = []; // object id -> version indexes
  /** Per version: kind, type name id, repr id, length, n refs, refs… */
  private readonly pool = new GrowableInt32();

  constructor(private readonly strings: StringTable) {}

  append(versions: Int32Array, pool: Int32Array): void {
    this.pool.pushAll(pool);
    for (let i = 0; i < versions.length; i += 3) {
      const index = this.versions.length / 3;
      this.versions.pushAll(versions.subarray(i, i + 3));
      (this.objectVersions[versions[i + 1]] ??= new GrowableInt32(2)).push(index);
    }
  }

  get objectCount(): number {
    return this.objectVersions.length;
  }

  /** The version in effect at a step: the last recorded at or before it, else the first. */
  private versionAt(objectId: number, step: number): number {
    const list = this.objectVersions[objectId];
    if (!list) return -1;
    const i = lastAtOrBefore((k) => this.versions.get(list.get(k) * 3), 0, list.length, step);
    return i < 0 ? (list.length ? list.get(0) : -1) : list.get(i);
  }

  /** An object as it is at a step (its first recorded version if it was seen only later). */
  object(objectId: number, step: number): HeapObject | null {
    const version = this.versionAt(objectId, step);
    return version < 0 ? null : this.version(objectId, version);
  }

  /** The repr id of an object at a step (-1 if never recorded), without decoding the rest. */
  reprIdAt(objectId: number, step: number): number {
    const version = this.versionAt(objectId, step);
    return version < 0 ? -1 : this.pool.get(this.versions.get(version * 3 + 2) + 2);
  }

  /** The object got a new version at exactly this step. */
  changedAt(objectId: number, step: number): boolean {
    const version = this.versionAt(objectId, step);
    return version >= 0 && this.versions.get(version * 3) === step;
  }

  /** Every recorded version of an object, oldest first (empty for an id never recorded). */
  history(objectId: number): HeapObject[] {
    const list = this.objectVersions[objectId];
    const result: HeapObject[] = [];
    for (let i = 0; i < (list?.length ?? 0); i++) result.push(this.version(objectId, list.get(i)));
    return result;
  }

  private version(objectId: number, version: number): HeapObject {
    const at = this.versions.get(version * 3 + 2);
    const n = this.pool.get(at + 4);
    const refs: Ref[] = [];
    for (let i = 0; i < n; i++) {
      const ref = this.pool.get(at + 5 + i);
      refs.push(ref >= 0 ? { objectId: ref } : { inline: this.strings.get(-ref - 1) });
    }
    return {
      id: objectId,
      kind: OBJECT_KINDS[this.pool.get(at)] ?? 'other',
      typeName: this.strings.get(this.pool.get(at + 1)),
      repr: this.strings.get(this.pool.get(at + 2)),
      length: this.pool.get(at + 3),
      refs,
      since: this.versions.get(version * 3),
    };
  }

  columns(): GrowableInt32[] {
    return [this.versions, this.pool, ...this.objectVersions.filter(Boolean)];
  }
}
