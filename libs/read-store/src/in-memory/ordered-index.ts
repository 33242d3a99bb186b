import { indexNameOf } from '../index-name';
import type { IndexSpec, ReadDocument } from '../read-store.port';
import { splitPath } from './document-paths';
import { compareValues, isPlainObject } from './document-values';

/**
 * One index of the embedded store: its entries kept sorted by the index's keys (each in its
 * direction), then by the document's insertion number, so equal keys stay in the order a scan
 * meets them. Maintained on every write; found by binary search. The sorted entries are cut in
 * chunks of at most 1,024, so a write moves at most one chunk: one sorted array of 100,000 chats
 * made loading them 5.5 times slower than without the index, all of it in `splice`. A document with an array on an
 * indexed path makes the index multikey, which the store then does not query through (MongoDB's
 * multikey order is per element); it is still maintained, and unique keys still enforced.
 */

export interface IndexEntry {
  readonly id: string;
  /** The document's insertion number: ties on the key keep insertion order. */
  readonly seq: number;
  /** The indexed values, a missing one as null (as MongoDB indexes it). */
  readonly key: readonly unknown[];
}

interface IndexedValue {
  readonly value: unknown;
  readonly throughArray: boolean;
}

const indexedValue = (document: ReadDocument, parts: readonly string[]): IndexedValue => {
  let current: unknown = document;
  let throughArray = false;
  for (const part of parts) {
    if (Array.isArray(current)) {
      throughArray = true;
      current = /^\d+$/.test(part) ? current[Number(part)] : undefined;
    } else if (isPlainObject(current)) current = current[part];
    else current = undefined;
  }
  return { value: current ?? null, throughArray: throughArray || Array.isArray(current) };
};

/** Chunks are split in two when they grow past this many entries. */
const MAX_CHUNK = 1024;

/** First position in `entries` where `before` no longer holds (they are sorted, so it holds on a prefix). */
const partitionPoint = (
  entries: readonly IndexEntry[],
  before: (entry: IndexEntry) => boolean,
): number => {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(entries[middle] as IndexEntry)) low = middle + 1;
    else high = middle;
  }
  return low;
};

export class OrderedIndex {
  readonly name: string;
  readonly fields: readonly string[];
  readonly directions: readonly (1 | -1)[];
  readonly unique: boolean;
  private readonly paths: readonly (readonly string[])[];
  private chunks: IndexEntry[][] = [];
  private count = 0;
  private readonly byId = new Map<string, IndexEntry>();
  private readonly multikeyIds = new Set<string>();

  constructor(readonly spec: IndexSpec) {
    this.name = indexNameOf(spec);
    this.fields = Object.keys(spec.keys);
    this.directions = Object.values(spec.keys);
    this.unique = Boolean(spec.unique);
    this.paths = this.fields.map(splitPath);
  }

  /** False while any document has an array on an indexed path. */
  get queryable(): boolean {
    return this.multikeyIds.size === 0;
  }

  get size(): number {
    return this.count;
  }

  /** The entries at positions `[start, end)`, walked forward (1) or backward (-1). */
  *entriesBetween(start: number, end: number, direction: 1 | -1 = 1): Generator<IndexEntry> {
    if (start >= end) return;
    let [chunk, offset] = this.chunkOf(direction === 1 ? start : end - 1);
    for (let left = end - start; left > 0; left -= 1) {
      const entries = this.chunks[chunk] as IndexEntry[];
      yield entries[offset] as IndexEntry;
      offset += direction;
      if (offset >= entries.length) [chunk, offset] = [chunk + 1, 0];
      else if (offset < 0) {
        chunk -= 1;
        offset = (this.chunks[chunk]?.length ?? 0) - 1;
      }
    }
  }

  keyOf(document: ReadDocument): unknown[] {
    return this.paths.map((parts) => indexedValue(document, parts).value);
  }

  /** Order of two keys (or key prefixes) over their first `length` fields. */
  compareKeys(a: readonly unknown[], b: readonly unknown[], length = this.fields.length): number {
    for (let i = 0; i < length; i += 1) {
      const order = compareValues(a[i], b[i]) * (this.directions[i] ?? 1);
      if (order !== 0) return order;
    }
    return 0;
  }

  /** Do two keys hold equal values on the fields `[from, to)`? */
  equalOn(a: readonly unknown[], b: readonly unknown[], from: number, to: number): boolean {
    for (let i = from; i < to; i += 1) if (compareValues(a[i], b[i]) !== 0) return false;
    return true;
  }

  /** `[start, end)` of the entries whose first fields equal `prefix`. */
  range(prefix: readonly unknown[]): readonly [number, number] {
    const length = prefix.length;
    return [
      this.position(this.locate((e) => this.compareKeys(e.key, prefix, length) < 0)),
      this.position(this.locate((e) => this.compareKeys(e.key, prefix, length) <= 0)),
    ];
  }

  /** The `_id` of another document holding the same key, if any (for unique indexes). */
  holderOf(key: readonly unknown[], id: string): string | undefined {
    const [start, end] = this.range(key);
    for (const entry of this.entriesBetween(start, end)) if (entry.id !== id) return entry.id;
    return undefined;
  }

  /** Enter `document` (or move it, when its key changed). */
  put(document: ReadDocument, seq: number): void {
    const key = this.keyOf(document);
    const existing = this.byId.get(document._id);
    if (existing && this.compareKeys(existing.key, key) === 0 && existing.seq === seq) {
      this.trackMultikey(document);
      return;
    }
    if (existing) this.remove(document._id);
    const entry: IndexEntry = { id: document._id, seq, key };
    const [chunk, offset] = this.locate((e) => this.compare(e, entry) < 0);
    const entries = this.chunks[chunk];
    if (!entries) this.chunks.push([entry]);
    else {
      entries.splice(offset, 0, entry);
      if (entries.length > MAX_CHUNK) {
        this.chunks.splice(chunk, 1, entries.slice(0, MAX_CHUNK / 2), entries.slice(MAX_CHUNK / 2));
      }
    }
    this.count += 1;
    this.byId.set(entry.id, entry);
    this.trackMultikey(document);
  }

  remove(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    const [chunk, offset] = this.locate((e) => this.compare(e, entry) < 0);
    const entries = this.chunks[chunk] as IndexEntry[];
    entries.splice(offset, 1);
    if (entries.length === 0) this.chunks.splice(chunk, 1);
    this.count -= 1;
    this.byId.delete(id);
    this.multikeyIds.delete(id);
  }

  /**
   * Where `before` stops holding: the chunk and the offset in it (past the last entry of the
   * last chunk when it holds everywhere; chunk 0 of none when the index is empty).
   */
  private locate(before: (entry: IndexEntry) => boolean): readonly [number, number] {
    const last = this.chunks.length - 1;
    const lastOf = (entries: IndexEntry[]): IndexEntry => entries[entries.length - 1] as IndexEntry;
    let low = 0;
    let high = last;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(lastOf(this.chunks[middle] as IndexEntry[]))) low = middle + 1;
      else high = middle;
    }
    const entries = this.chunks[low];
    return entries ? [low, partitionPoint(entries, before)] : [0, 0];
  }

  /** The position in the whole index of an offset in a chunk. */
  private position([chunk, offset]: readonly [number, number]): number {
    let position = offset;
    for (let i = 0; i < chunk; i += 1) position += (this.chunks[i] as IndexEntry[]).length;
    return position;
  }

  /** The chunk and offset of a position in the whole index (which must hold an entry). */
  private chunkOf(position: number): [number, number] {
    let chunk = 0;
    let offset = position;
    while (offset >= (this.chunks[chunk] as IndexEntry[]).length) {
      offset -= (this.chunks[chunk] as IndexEntry[]).length;
      chunk += 1;
    }
    return [chunk, offset];
  }

  private compare(a: IndexEntry, b: IndexEntry): number {
    return this.compareKeys(a.key, b.key) || a.seq - b.seq;
  }

  private trackMultikey(document: ReadDocument): void {
    if (this.paths.some((parts) => indexedValue(document, parts).throughArray)) {
      this.multikeyIds.add(document._id);
    } else this.multikeyIds.delete(document._id);
  }
}
