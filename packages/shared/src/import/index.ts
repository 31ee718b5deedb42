export { flowchartRecords, flowchartTemplate, FlowchartImportError } from './flowchart-design.ts'
export { looksLikeMermaidFlowchart, plainLabel, type Flowchart } from './flowchart.ts'
export { componentKindNamed, containerKindNamed } from './kind-match.ts'
