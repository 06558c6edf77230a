/** The tables of an {@link IdHashSet}: the two hashes of each id, 0 in `low` for an empty slot. */
export interface IdHashTables {
  low: Int32Array;
  high: Int32Array;
}

/**
 * A set of ids kept as two 32-bit hashes each, about 16 bytes an id rather
 * than the id itself in a Map: a million span ids in 16 MB. Two different ids
 * with equal hashes (about one chance in 10^7 for a million ids) look like a
 * repeated id, which only sends the file to the decoder, whose Map is exact.
 */
export class IdHashSet {
  private low = new Int32Array(1 << 16);
  private high = new Int32Array(1 << 16);
  private count = 0;

  /** Adds `id`; true if it (or an id with the same hashes) was there already. */
  addOrFind(id: string): boolean {
    let a = 0x811c9dc5 | 0;
    let b = 0x9747b28c | 0;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    a ^= a >>> 16;
    b = Math.imul(b ^ (b >>> 13), 0x85ebca6b);
    b ^= b >>> 16;
    // 0 marks an empty slot.
    if (a === 0) a = 1;
    if ((this.count + 1) * 2 > this.low.length) this.grow();
    return this.insert(a, b);
  }

  /** The set's tables, to send to another thread. */
  tables(): IdHashTables {
    return { low: this.low, high: this.high };
  }

  /** Adds the ids of `tables`; true if any was there already. */
  addAll(tables: IdHashTables): boolean {
    let found = false;
    for (let i = 0; i < tables.low.length; i++) {
      if (tables.low[i] === 0) continue;
      if ((this.count + 1) * 2 > this.low.length) this.grow();
      if (this.insert(tables.low[i]!, tables.high[i]!)) found = true;
    }
    return found;
  }

  private insert(a: number, b: number): boolean {
    const mask = this.low.length - 1;
    for (let slot = (b ^ Math.imul(a, 0x9e3779b1)) & mask; ; slot = (slot + 1) & mask) {
      const found = this.low[slot]!;
      if (found === 0) {
        this.low[slot] = a;
        this.high[slot] = b;
        this.count++;
        return false;
      }
      if (found === a && this.high[slot] === b) return true;
    }
  }

  private grow(): void {
    const { low, high } = this;
    this.low = new Int32Array(low.length * 2);
    this.high = new Int32Array(high.length * 2);
    this.count = 0;
    for (let i = 0; i < low.length; i++) if (low[i] !== 0) this.insert(low[i]!, high[i]!);
  }
}
