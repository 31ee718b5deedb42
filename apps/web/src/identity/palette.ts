/** Cursor and avatar colours: distinct, and legible on both the light and the dark canvas. */
export const IDENTITY_COLORS = [
  '#E8590C',
  '#E03131',
  '#C2255C',
  '#9C36B5',
  '#6741D9',
  '#3B5BDB',
  '#1971C2',
  '#0C8599',
  '#099268',
  '#2F9E44',
] as const

export function randomIdentityColor(): string {
  return IDENTITY_COLORS[Math.floor(Math.random() * IDENTITY_COLORS.length)] ?? IDENTITY_COLORS[0]
}
