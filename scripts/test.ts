// `pnpm test`: lint, typecheck, unit + integration tests (vitest), browser tests (Playwright), in this
// order, stopping at the first failing part. Ends with one line `N passed, N failed, N skipped`
// totalled over every suite.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { resolveChromium } from './lib/chromium.ts'
import { ensureWebBuild, ROOT } from './lib/web-build.ts'

interface Counts {
  passed: number
  failed: number
  skipped: number
}

const totals: Counts = { passed: 0, failed: 0, skipped: 0 }
const reports = join(ROOT, '.tmp/test-reports')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

function finish(code: number): never {
  console.info(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
  process.exit(code)
}

function run(step: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  console.info(`\n=== ${step}: ${command} ${args.join(' ')}`)
  const started = Date.now()
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const code = result.status ?? 1
  console.info(`=== ${step}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${seconds} s`)
  return code
}

function add(counts: Counts): void {
  totals.passed += counts.passed
  totals.failed += counts.failed
  totals.skipped += counts.skipped
}

function vitestCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number
    numFailedTests: number
    numPendingTests: number
    numTodoTests: number
  }
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  }
}

function playwrightCounts(file: string): Counts {
  const { stats } = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; skipped: number; flaky: number }
  }
  // A test that failed and then passed on retry is reported as failed: flakiness is a failure here.
  return { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped }
}

if (run('lint', 'pnpm', ['run', 'lint']) !== 0) finish(1)
if (run('typecheck', 'pnpm', ['run', 'typecheck']) !== 0) finish(1)

const vitestReport = join(reports, 'vitest.json')
const vitestCode = run('unit and integration tests', 'pnpm', [
  'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`,
])
try {
  add(vitestCounts(vitestReport))
} catch {
  console.error('vitest wrote no report')
  if (vitestCode === 0) finish(1)
}
if (vitestCode !== 0) finish(1)

try {
  ensureWebBuild()
} catch (error) {
  console.error('The web build failed:', error instanceof Error ? error.message : error)
  finish(1)
}

let chromium: string
try {
  chromium = resolveChromium()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  finish(1)
}

const playwrightReport = join(reports, 'playwright.json')
const playwrightCode = run(
  'browser tests',
  'pnpm',
  ['--filter', '@concord/tests', 'exec', 'playwright', 'test', '--reporter=list,json'],
  { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport },
)
try {
  add(playwrightCounts(playwrightReport))
} catch {
  console.error('Playwright wrote no report')
  if (playwrightCode === 0) finish(1)
}
finish(playwrightCode === 0 ? 0 : 1)
