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

/** What each colour is called, for screen readers and tooltips: a hex code means nothing read aloud. */
export const COLOR_NAMES: Record<(typeof IDENTITY_COLORS)[number], string> = {
  '#E8590C': 'Orange',
  '#E03131': 'Red',
  '#C2255C': 'Pink',
  '#9C36B5': 'Purple',
  '#6741D9': 'Violet',
  '#3B5BDB': 'Indigo',
  '#1971C2': 'Blue',
  '#0C8599': 'Cyan',
  '#099268': 'Teal',
  '#2F9E44': 'Green',
}

export function randomIdentityColor(): string {
  return IDENTITY_COLORS[Math.floor(Math.random() * IDENTITY_COLORS.length)] ?? IDENTITY_COLORS[0]
}
