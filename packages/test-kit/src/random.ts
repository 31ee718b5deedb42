/** Small, seedable PRNG (mulberry32), so a failing randomized test can be replayed from its seed. */
export { seededRandom } from '@concord/shared'
