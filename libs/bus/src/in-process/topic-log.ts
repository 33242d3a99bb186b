import { partitionForKey } from './partition-for-key';

/** One message as stored: the value kept as JSON text, like Kafka keeps bytes. */
export interface StoredRecord {
  readonly key: string;
  readonly json: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * A topic as a log per partition. Offsets only grow; old records are dropped by `trim` (the
 * bus's retention), after which a partition starts at a later offset, like a Kafka topic whose
 * oldest segments were deleted.
 */
export class TopicLog {
  private readonly records: StoredRecord[][];
  /** The offset of each partition's first record still held. */
  private readonly starts: number[];

  constructor(
    readonly name: string,
    partitionCount: number,
  ) {
    this.records = Array.from({ length: partitionCount }, () => []);
    this.starts = Array.from({ length: partitionCount }, () => 0);
  }

  get partitionCount(): number {
    return this.records.length;
  }

  append(record: StoredRecord): void {
    this.records[partitionForKey(record.key, this.records.length)]!.push(record);
  }

  /** The record at an offset, if it is held (not yet written, or dropped: undefined). */
  at(partition: number, offset: number): StoredRecord | undefined {
    return this.records[partition]![offset - this.starts[partition]!];
  }

  /** The first offset each partition still holds (Kafka's log start offsets). */
  startOffsets(): number[] {
    return [...this.starts];
  }

  /** The offset the next message of each partition will get (Kafka's high watermarks). */
  endOffsets(): number[] {
    return this.records.map((records, p) => this.starts[p]! + records.length);
  }

  /** Drop the records of a partition below `offset`. */
  trim(partition: number, offset: number): void {
    const drop = Math.min(offset - this.starts[partition]!, this.records[partition]!.length);
    if (drop <= 0) return;
    this.records[partition]!.splice(0, drop);
    this.starts[partition]! += drop;
  }
}
