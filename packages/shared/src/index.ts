export * from './model/index.ts'
export * from './protocol/index.ts'
export * from './report/review-markdown.ts'
