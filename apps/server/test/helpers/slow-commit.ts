// A commit-thread hook (`betweenCompactionStepsModule`) that stands for a slow disk: it blocks the
// thread it runs on, inside the compaction's transaction, for `SLOW_COMMIT_MS`.
export const SLOW_COMMIT_MS = 300

export default function slowCompaction(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SLOW_COMMIT_MS)
}
