// Plain JavaScript on purpose: `pnpm start` and `pnpm install` run this before anything that
// needs a recent Node (tsx, node:sqlite, the web build), so an older Node gets one clear sentence.
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 13)) {
  console.error(
    `Concord needs Node.js 22.13 or newer (24 LTS recommended) and this is Node ${process.versions.node}: install Node 24 from https://nodejs.org (or run \`nvm install 24\`), then run the command again.`,
  )
  process.exit(1)
}
