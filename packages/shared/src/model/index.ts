export * from './codec.ts'
export * from './json.ts'
export * from './layout.ts'
export * from './review.ts'
