export * from './api.ts'
export * from './ids.ts'
export * from './roles.ts'
export * from './token.ts'
