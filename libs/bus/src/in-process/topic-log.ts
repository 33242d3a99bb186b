import { partitionForKey } from './partition-for-key';

/** One message as stored: the value kept as JSON text, like Kafka keeps bytes. */
export interface StoredRecord {
  readonly key: string;
  readonly json: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** A topic as an append-only log per partition; the offset is the index in the partition. */
export class TopicLog {
  readonly partitions: StoredRecord[][];

  constructor(
    readonly name: string,
    partitionCount: number,
  ) {
    this.partitions = Array.from({ length: partitionCount }, () => []);
  }

  append(record: StoredRecord): void {
    this.partitions[partitionForKey(record.key, this.partitions.length)]!.push(record);
  }

  /** The offset the next message of each partition will get (Kafka's high watermarks). */
  endOffsets(): number[] {
    return this.partitions.map((records) => records.length);
  }
}
