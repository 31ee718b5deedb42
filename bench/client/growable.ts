/** An append-only column of numbers in one Float64Array that doubles when full. */
export class Column {
  private data = new Float64Array(1024)
  length = 0

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2)
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = value
  }

  at(index: number): number {
    return this.data[index]!
  }

  toArray(): Float64Array {
    return this.data.slice(0, this.length)
  }
}

/** Milliseconds on CLOCK_MONOTONIC: the same clock in every process of this machine. */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6
}
