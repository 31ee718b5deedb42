import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'

/** A process that installs the guard, then has a promise reject unhandled and a timer callback throw. */
const SCRIPT = `
import { pino } from 'pino'
import { guardProcess } from './src/process-guard.ts'
guardProcess(pino())
void Promise.reject(new Error('rejected on purpose'))
setTimeout(() => { throw new Error('thrown on purpose') }, 10)
setTimeout(() => { console.log(JSON.stringify({ msg: 'still serving' })); process.exit(0) }, 200)
`

function run(script: string): Promise<{ code: number | null; lines: Array<{ msg?: string; err?: { message?: string } }> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: new URL('..', import.meta.url).pathname,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error('the guarded process did not finish within 15 s'))
    }, 15_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      const lines = out.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { msg?: string })
      resolve({ code, lines })
    })
  })
}

describe('the process guard', () => {
  it('logs an unhandled rejection and an uncaught exception and keeps the process running', async () => {
    const { code, lines } = await run(SCRIPT)
    expect(lines.map((line) => line.msg)).toEqual([
      'unhandled rejection: the process keeps serving',
      'uncaught exception: the process keeps serving',
      'still serving',
    ])
    expect(lines.map((line) => line.err?.message).slice(0, 2)).toEqual(['rejected on purpose', 'thrown on purpose'])
    expect(code).toBe(0)
  })
})
