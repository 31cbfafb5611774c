/**
 * A Map that forgets its least recently used entries beyond `max`, so memory stays flat however long
 * the bot runs (dedupe keys, thread contexts).
 */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>()
  constructor(private readonly max: number) {}

  get size(): number {
    return this.entries.size
  }

  has(key: K): boolean {
    return this.entries.has(key)
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key)
    if (value !== undefined) {
      this.entries.delete(key)
      this.entries.set(key, value)
    }
    return value
  }

  set(key: K, value: V): void {
    this.entries.delete(key)
    this.entries.set(key, value)
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next()
      if (oldest.done) break
      this.entries.delete(oldest.value)
    }
  }
}

/** Remembers keys it has seen; `firstSight` is true only the first time a key (or any of several) shows up. */
export class SeenSet {
  private readonly seen: BoundedMap<string, true>
  constructor(max: number) {
    this.seen = new BoundedMap(max)
  }

  /** Records every key; true when none of them had been seen before. */
  firstSight(...keys: (string | undefined)[]): boolean {
    const present = keys.filter((k): k is string => Boolean(k))
    const fresh = present.every((k) => !this.seen.has(k))
    for (const k of present) this.seen.set(k, true)
    return fresh
  }
}
