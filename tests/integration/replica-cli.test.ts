import { spawn } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { boardDigest, getRecordsMap, stateVectorOf, formatStateVector } from '@concord/shared'
import { createBoard, linkToken } from '@concord/test-kit/api'
import { connectBoard } from '@concord/test-kit/collab-client'
import { waitFor } from '@concord/test-kit/wait'
import { ROOT, ServerProcess } from '../support/server-process.ts'

interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `pnpm replica`'s script (tsx, like the root script) and resolves when it exits; killed by PID after 60 s. */
function runReplica(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/replica/src/main.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

describe('pnpm replica', () => {
  let server: ServerProcess | null = null
  const providers: HocuspocusProvider[] = []
  afterEach(async () => {
    for (const provider of providers.splice(0)) provider.destroy()
    await server?.dispose()
    server = null
  })

  it('joins over /yws, edits (partly offline) and converges with a Hocuspocus client, printing its state vector and digest', async () => {
    server = new ServerProcess()
    await server.start()
    // Created a moment ago through the API, never opened by a browser: the server made it complete.
    const board = await createBoard(server.url, 'Replica')
    const run = await runReplica([`${server.url}/b/${board.id}#k=${linkToken(board.links.editor)}`, '--edits', '9', '--rate', '20', '--offline', '1s'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/joined board .* as editor over \/yws/)
    expect(run.stdout).toMatch(/made 9 edits \(\d+ offline\)/)
    const printedDigest = /^digest: (\S+)$/m.exec(run.stdout)?.[1]
    const printedVector = /^state vector: (.+)$/m.exec(run.stdout)?.[1]
    const browser = await connectBoard(server.url, board.id, linkToken(board.links.editor))
    providers.push(browser)
    await waitFor(() => boardDigest(browser.document) === printedDigest, { timeoutMs: 10_000, what: "the replica's edits at the Hocuspocus client" })
    expect(formatStateVector(stateVectorOf(browser.document))).toBe(printedVector)
    const components = [...getRecordsMap(browser.document).values()].filter((record) => record.get('type') === 'component')
    expect(components).toHaveLength(3)
    expect(components.every((record) => record.get('parentId') === 'page:page')).toBe(true)
  })

  it('says clearly what is wrong with a bad URL or a refused link', async () => {
    server = new ServerProcess()
    await server.start()
    const board = await createBoard(server.url, 'Refusals')
    const noToken = await runReplica([`${server.url}/b/${board.id}`])
    expect(noToken.code).toBe(2)
    expect(noToken.stderr).toContain('no link token')
    const notBoard = await runReplica([`${server.url}/boards/${board.id}#k=x`])
    expect(notBoard.code).toBe(2)
    expect(notBoard.stderr).toContain('not a board URL')
    const refused = await runReplica([`${server.url}/b/${board.id}#k=editor.0.${'A'.repeat(22)}`])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('the server refused this link')
  })
})
