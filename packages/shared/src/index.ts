export * from './model/index.ts'
export * from './protocol/index.ts'
export * from './catalog/index.ts'
export * from './report/review-markdown.ts'
