import { readFile } from 'node:fs/promises'

/** A process' resident set size in bytes (Linux). */
export async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1]
  if (kib === undefined) throw new Error('no VmRSS in /proc status')
  return Number(kib) * 1024
}
