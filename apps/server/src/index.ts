export { createConcordServer, type ConcordServer, type ConcordServerOptions } from './app.ts'
export { loadConfig, ConfigError, type ConcordConfig } from './config.ts'
export type { Storage, BoardRecord } from './storage/types.ts'
