import { describe, expect, it } from 'vitest'
import { formatCsv, parseCsv } from './csv.ts'
import { parseRosterCsv } from './roster.ts'

describe('roster CSV', () => {
  it('reads quoted fields, any column order, CRLF and "Team N"', () => {
    const text = '\uFEFFname,team,student_id,email\r\n"Doe, Jane",Team 2,4711,x@y\r\n"Li ""Max"" Wu",1,4712,\r\n\r\n'
    expect(parseRosterCsv(text)).toEqual({
      ok: true,
      students: [
        { studentId: '4711', name: 'Doe, Jane', team: 2 },
        { studentId: '4712', name: 'Li "Max" Wu', team: 1 },
      ],
    })
  })

  it('reports every bad row with its line', () => {
    const text = 'student_id,name,team\n1,Ann,1\n2,,1\n3,Bo,zero\n1,Cy,2\n4,"Dee\nDunn",41\n'
    const parsed = parseRosterCsv(text)
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.errors).toEqual([
      'line 3: name must not be empty',
      'line 4: team must be a team number',
      'line 5: student_id 1 is already on line 2',
      'line 6: team is at most 40',
    ])
  })

  it('needs the header, and a closed quote', () => {
    expect(parseRosterCsv('1,Ann,1\n')).toEqual({ ok: false, errors: ['line 1: the header lacks student_id, name, team (expected student_id,name,team)'] })
    expect(parseRosterCsv('')).toMatchObject({ ok: false })
    expect(parseRosterCsv('student_id,name,team\n1,"Ann,1\n')).toEqual({ ok: false, errors: ['line 2: a quoted field is never closed'] })
  })

  it('writes what it reads', () => {
    const rows = [['a', 'b, c', 'say "hi"', 'two\nlines']]
    expect(parseCsv(formatCsv(rows)).map((row) => row.fields)).toEqual(rows)
  })
})
