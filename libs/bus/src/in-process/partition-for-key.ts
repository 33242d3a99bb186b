/**
 * The partition of a key: FNV-1a hash of its UTF-8 bytes modulo the partition count. Any stable
 * hash does; what matters is that one key always lands in one partition (per-key order).
 */
export const partitionForKey = (key: string, partitions: number): number => {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(key, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
};
