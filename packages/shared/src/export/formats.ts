import type { DesignGraph } from '../analysis/graph.ts'
import { toC4PlantUml } from './c4-plantuml.ts'
import { toD2 } from './d2.ts'
import { toMermaid } from './mermaid.ts'
import { toStructurizr } from './structurizr.ts'

export interface ExportFormat {
  /** The file name extension of a download in this format. */
  extension: string
  render: (graph: DesignGraph, title: string) => string
}

/** The diagram-as-code formats a board's design exports to, by the name `GET /api/boards/:id/export/:format` takes. */
export const EXPORT_FORMATS = {
  structurizr: { extension: 'dsl', render: toStructurizr },
  mermaid: { extension: 'mmd', render: toMermaid },
  'c4-plantuml': { extension: 'puml', render: toC4PlantUml },
  d2: { extension: 'd2', render: toD2 },
} as const satisfies Record<string, ExportFormat>

export type ExportFormatName = keyof typeof EXPORT_FORMATS

export function isExportFormat(name: string): name is ExportFormatName {
  return Object.hasOwn(EXPORT_FORMATS, name)
}
