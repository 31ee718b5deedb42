import { describe, expect, it } from 'vitest'
import { sessionCsv } from './sessionCsv.ts'

describe('session CSV', () => {
  it('lists every team with its absolute links, quoting what needs it', () => {
    const csv = sessionCsv(
      {
        id: 's1',
        name: 'Lab, "4"',
        createdAt: 0,
        template: null,
        dashboard: '/s/s1#k=x',
        teams: [
          {
            team: 1,
            boardId: 'b'.repeat(22),
            title: 'Lab, "4" · Team 1',
            instructor: '/b/x#k=i',
            links: { editor: '/b/x#k=e', reviewer: '/b/x#k=r', viewer: '/b/x#k=v' },
          },
        ],
      },
      'https://concord.example',
    )
    expect(csv).toBe(
      'team,board,editor link,reviewer link,viewer link\n' +
        '1,"Lab, ""4"" · Team 1",https://concord.example/b/x#k=e,https://concord.example/b/x#k=r,https://concord.example/b/x#k=v\n',
    )
  })
})
