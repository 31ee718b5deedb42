import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

/** Chromium binaries inside Playwright's own browser cache, newest first. */
function playwrightCacheBinaries(): string[] {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright')
  if (!existsSync(cache)) return []
  return readdirSync(cache)
    .filter((name) => name.startsWith('chromium'))
    .sort()
    .reverse()
    .flatMap((dir) => [join(cache, dir, 'chrome-linux64', 'chrome'), join(cache, dir, 'chrome-linux', 'chrome')])
}

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', ...playwrightCacheBinaries()]
  return candidates.find((path): path is string => Boolean(path) && existsSync(path!)) ?? null
}

const HOW_TO_GET_ONE =
  'No Chromium found for the browser tests. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
  'or point CHROMIUM_PATH at a Chromium or Chrome binary, then run `pnpm test` again.'

/**
 * The Chromium the browser tests use: CHROMIUM_PATH, then /usr/bin/chromium, then Playwright's cache.
 * When none is found and we may use apt-get (root), installs Debian's chromium; otherwise throws
 * with instructions.
 */
export function resolveChromium(): string {
  const found = findChromium()
  if (found) return found
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')
  if (!canApt) throw new Error(HOW_TO_GET_ONE)
  console.info('No Chromium found; installing Debian\'s chromium with apt-get ...')
  execFileSync('apt-get', ['update'], { stdio: 'inherit' })
  execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  const installed = findChromium()
  if (!installed) throw new Error(HOW_TO_GET_ONE)
  return installed
}
