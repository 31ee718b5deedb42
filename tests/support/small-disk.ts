import { execFileSync } from 'node:child_process'
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs'

/**
 * Mounts a small file system of its own (24 MB tmpfs) at `dir`, so filling it fills nobody
 * else's disk. Needs root (CI runs as root); false, with `dir` removed, when it cannot.
 */
export function mountSmallDisk(dir: string): boolean {
  mkdirSync(dir, { recursive: true })
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', dir], { stdio: 'ignore' })
    return true
  } catch {
    rmSync(dir, { recursive: true, force: true })
    return false
  }
}

/** Unmounts what `mountSmallDisk` mounted and removes the folder. */
export function unmountSmallDisk(dir: string): void {
  execFileSync('umount', [dir])
  rmSync(dir, { recursive: true, force: true })
}

/** Writes zeros into `path` until the file system is full. */
export function fillDisk(path: string): void {
  const fd = openSync(path, 'w')
  const chunk = Buffer.alloc(256 * 1024)
  try {
    for (;;) writeSync(fd, chunk)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
  } finally {
    closeSync(fd)
  }
}
