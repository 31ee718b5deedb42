import { isAbsolute, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../src/config.ts'

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
    return []
  } catch (error) {
    return error instanceof ConfigError ? error.problems : [String(error)]
  }
}

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', logLevel: 'info', boardCreateLimit: 30, secret: undefined })
    expect(config.dataDir).toBe(join(process.cwd(), 'data'))
    expect(config.webDist).toMatch(/apps\/web\/dist$/)
    expect(isAbsolute(config.webDist)).toBe(true)
  })

  it('reads the environment and treats empty values as unset', () => {
    const config = loadConfig({ PORT: '0', HOST: '0.0.0.0', DATA_DIR: '/tmp/x', LOG_LEVEL: 'warn', BOARD_CREATE_LIMIT: '5', CONCORD_SECRET: '' })
    expect(config).toMatchObject({ port: 0, host: '0.0.0.0', dataDir: '/tmp/x', logLevel: 'warn', boardCreateLimit: 5, secret: undefined })
  })

  it('names every bad value', () => {
    const env = { PORT: 'eighty', LOG_LEVEL: 'loud', BOARD_CREATE_LIMIT: '0', CONCORD_SECRET: 'short' }
    expect(() => loadConfig(env)).toThrow(ConfigError)
    const problems = problemsOf(env)
    expect(problems).toHaveLength(4)
    for (const name of Object.keys(env)) expect(problems.join('\n')).toContain(name)
  })
})
