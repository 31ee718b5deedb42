// Keeps a disk busy with synchronous writes for the disk-contention scenario: 64 KiB blocks, each
// followed by fdatasync, into one file of `<dir>` that wraps at `maxBytes`, until told to stop
// over IPC or `maxSeconds` pass. Argv: <dir> <maxBytes> <maxSeconds>.
import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'

const BLOCK = Buffer.alloc(64 * 1024, 0x5a)
/** Writes run in slices this long, so the IPC "stop" (and a signal) is handled between them. */
const SLICE_MS = 50

const [dir, maxBytesArg, maxSecondsArg] = process.argv.slice(2)
const maxBytes = Number(maxBytesArg)
const deadline = performance.now() + Number(maxSecondsArg) * 1000
const fd = openSync(join(dir!, 'disk-load.bin'), 'w')
let position = 0
let writes = 0
let stopped = false

function finish(): void {
  if (stopped) return
  stopped = true
  closeSync(fd)
  const cpu = process.cpuUsage()
  process.send!({ type: 'disk-load', writes, bytes: writes * BLOCK.length, cpuMs: (cpu.user + cpu.system) / 1000 }, () => process.exit(0))
}

function slice(): void {
  if (stopped) return
  const until = Math.min(deadline, performance.now() + SLICE_MS)
  while (performance.now() < until) {
    writeSync(fd, BLOCK, 0, BLOCK.length, position)
    fdatasyncSync(fd)
    writes++
    position = (position + BLOCK.length) % maxBytes
  }
  if (performance.now() >= deadline) finish()
  else setImmediate(slice)
}

process.on('message', (message: { type: string }) => {
  if (message.type === 'stop') finish()
})
process.on('disconnect', () => process.exit(0))
slice()
