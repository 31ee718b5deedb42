// `pnpm validate:c4-plantuml [plantuml command...]`: PlantUML's own parser checks the C4-PlantUML
// export of every template. Not a test, because PlantUML (Java) is not on every machine. The
// command defaults to `plantuml`; Debian 12's (1.2020.02) bundles a C4 library too old for
// `AddProperty` and relationship tags, so pass a recent one, e.g.
// `pnpm validate:c4-plantuml java -jar plantuml-1.2026.8.jar`.
import { spawnSync } from 'node:child_process'
import { CATALOG, EXPORT_FORMATS, extractGraph, templateRecords } from '@concord/shared'

const [command = 'plantuml', ...prefix] = process.argv.slice(2)
let failed = 0
for (const template of CATALOG.templates) {
  const text = EXPORT_FORMATS['c4-plantuml'].render(extractGraph(templateRecords(template, 'tpl')), template.name)
  // `-syntax` reads the diagram on stdin and prints its type, or ERROR, the line and the message.
  const result = spawnSync(command, [...prefix, '-syntax'], { input: text, encoding: 'utf8' })
  if (result.error) {
    console.error(`cannot run ${command}: ${result.error.message}`)
    process.exit(2)
  }
  const ok = result.stdout.startsWith('DESCRIPTION') && !/error/i.test(result.stdout + result.stderr)
  if (!ok) failed += 1
  console.info(`${ok ? 'ok    ' : 'FAILED'} ${template.id}${ok ? '' : `\n${result.stdout}${result.stderr}`}`)
}
console.info(`${CATALOG.templates.length - failed} of ${CATALOG.templates.length} templates' C4-PlantUML exports accepted`)
process.exit(failed === 0 ? 0 : 1)
