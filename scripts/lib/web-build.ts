import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = new URL('../..', import.meta.url).pathname
const WEB = join(ROOT, 'apps/web')
const BUILT_INDEX = join(WEB, 'dist/index.html')

/** Everything the web build reads from this repo. */
const SOURCES = [
  join(WEB, 'src'),
  join(WEB, 'public'),
  join(WEB, 'index.html'),
  join(WEB, 'vite.config.ts'),
  join(WEB, 'onlineOnlyChunks.ts'),
  join(WEB, 'package.json'),
  join(ROOT, 'packages/shared/src'),
  join(ROOT, 'pnpm-lock.yaml'),
]

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs)
}

/** True when the built web app is missing or older than any of its sources. */
export function webBuildIsStale(): boolean {
  if (!existsSync(BUILT_INDEX)) return true
  const builtAt = statSync(BUILT_INDEX).mtimeMs
  return SOURCES.some((source) => newestMtime(source) > builtAt)
}

/** Builds the web app when the build is missing or stale. */
export function ensureWebBuild(): void {
  if (!webBuildIsStale()) return
  console.info('Building the web app (missing or older than its sources) ...')
  execFileSync('pnpm', ['--filter', '@concord/web', 'build'], { cwd: ROOT, stdio: 'inherit' })
}
