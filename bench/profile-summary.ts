// `pnpm exec tsx bench/profile-summary.ts <file.cpuprofile> [top]`: where a server's busy time went,
// from a V8 CPU profile written by `pnpm bench --profile=...`: self and inclusive shares of the
// non-idle samples per function (name and file), the largest first.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const IDLE = new Set(['(idle)', '(program)'])
const [file, topArg] = process.argv.slice(2)
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]')
const top = Number(topArg ?? 25)
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const parentOf = new Map<number, number>()
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id)

const label = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame
  return `${functionName || '(anonymous)'} ${url ? `${basename(url)}:${lineNumber + 1}` : ''}`.trim()
}

// Time per sample is the delta to the next sample (V8's convention).
const selfUs = new Map<number, number>()
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)))

const self = new Map<string, number>()
const inclusive = new Map<string, number>()
let busyUs = 0
for (const [id, us] of selfUs) {
  const node = byId.get(id)
  if (!node || IDLE.has(node.callFrame.functionName)) continue
  busyUs += us
  self.set(label(node), (self.get(label(node)) ?? 0) + us)
  // Count each function once per stack, however deep its recursion.
  const seen = new Set<string>()
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const name = label(byId.get(at)!)
    if (seen.has(name)) continue
    seen.add(name)
    inclusive.set(name, (inclusive.get(name) ?? 0) + us)
  }
}

const share = (us: number) => `${((100 * us) / busyUs).toFixed(1)}%`.padStart(6)
const print = (title: string, table: Map<string, number>) => {
  console.info(`\n${title}`)
  for (const [name, us] of [...table].sort((a, b) => b[1] - a[1]).slice(0, top)) console.info(`${share(us)}  ${name}`)
}
console.info(`${basename(file)}: busy ${(busyUs / 1e6).toFixed(1)} s of ${(profile.timeDeltas.reduce((a, b) => a + b, 0) / 1e6).toFixed(1)} s sampled`)
print('self time (share of busy time)', self)
print('inclusive time (share of busy time)', inclusive)
