/**
 * CSV as spreadsheets write it (RFC 4180): fields separated by commas, rows by CRLF or LF, a
 * field in double quotes may hold commas, line breaks and doubled quotes.
 */

export interface CsvRow {
  /** 1-based line of the file where the row starts, for error messages. */
  line: number
  fields: string[]
}

/** The rows of `text`, blank lines left out; throws on a quote that is never closed. */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  const endRow = () => {
    fields.push(field)
    if (fields.length > 1 || fields[0]!.trim() !== '') rows.push({ line: rowLine, fields })
    fields = []
    field = ''
  }
  const input = text.replace(/^\uFEFF/, '') // Excel's byte order mark
  for (let i = 0; i < input.length; i++) {
    const char = input[i]!
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else {
        if (char === '\n') line++
        field += char
      }
    } else if (char === '"' && field.trim() === '') {
      field = ''
      quoted = true
    } else if (char === ',') {
      fields.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i++
      endRow()
      line++
      rowLine = line
    } else field += char
  }
  if (quoted) throw new Error(`line ${rowLine}: a quoted field is never closed`)
  endRow()
  return rows
}

/** One CSV field, quoted when it must be. */
export function csvField(value: string | number): string {
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows as CSV text, LF-separated, with a final line break. */
export function formatCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `${rows.map((row) => row.map(csvField).join(',')).join('\n')}\n`
}
