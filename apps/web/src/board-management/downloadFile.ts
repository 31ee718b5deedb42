/** Saves `blob` as a download named after the board (`<title>.<extension>`, characters file systems refuse replaced). */
export function downloadFile(title: string, extension: string, blob: Blob): void {
  const name = `${title.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'board'}.${extension}`
  const url = URL.createObjectURL(blob)
  const link = Object.assign(document.createElement('a'), { href: url, download: name })
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
