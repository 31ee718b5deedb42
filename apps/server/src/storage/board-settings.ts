/** Settings that belong to one board (kept in the settings table, removed with the board). */
export function boardControlsKey(boardId: string): string {
  return `board-controls:${boardId}`
}

export function boardSettingKeys(boardId: string): string[] {
  return [boardControlsKey(boardId)]
}
