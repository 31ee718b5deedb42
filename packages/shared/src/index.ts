export * from './model/index.ts'
export * from './protocol/index.ts'
