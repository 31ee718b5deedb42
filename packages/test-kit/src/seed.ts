/** `CONCORD_TEST_SEED` when set (to replay a failure), else a fresh seed. */
export function testSeed(): number {
  const fromEnv = process.env.CONCORD_TEST_SEED
  return fromEnv ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31)
}
