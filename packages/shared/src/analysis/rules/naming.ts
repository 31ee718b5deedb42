import type { DesignComponent } from '../graph.ts'
import type { AnalysisModel } from '../model.ts'

/** How a message names a component: its name, else its shape id. */
export function nameOf(model: AnalysisModel, id: string): string {
  const name = model.graph.components.get(id)?.name
  return name ? `“${name}”` : id
}

/** The board's components, of one kind when given. */
export function componentsOf(model: AnalysisModel, kind?: string): DesignComponent[] {
  const all = [...model.graph.components.values()]
  return kind === undefined ? all : all.filter((component) => component.kind === kind)
}

/** Formats a fraction as a percentage for messages (99.9702 %). */
export function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(4))} %`
}
