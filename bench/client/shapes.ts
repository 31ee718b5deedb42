import type { JsonRecord } from '@concord/shared'

/** A tldraw geo shape record as the web client stores it (through the record codec). */
export function geoShape(id: string, x: number, y: number, index: string): JsonRecord {
  return {
    id: `shape:${id}`,
    typeName: 'shape',
    type: 'geo',
    x,
    y,
    rotation: 0,
    index,
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: {
      w: 160,
      h: 90,
      geo: 'rectangle',
      color: 'black',
      labelColor: 'black',
      fill: 'none',
      dash: 'draw',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
      richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Service ${id}` }] }] },
    },
    meta: {},
  }
}

/** A tldraw `instance_presence` record, the awareness field the web client publishes (~500 B of JSON). */
export function presenceState(clientId: number, x: number, y: number): Record<string, unknown> {
  return {
    presence: {
      id: `instance_presence:${clientId}`,
      typeName: 'instance_presence',
      userId: `user-${clientId}`,
      userName: `Student ${clientId % 1000}`,
      color: '#e8590c',
      lastActivityTimestamp: Date.now(),
      followingUserId: null,
      cursor: { x, y, type: 'default', rotation: 0 },
      camera: { x: 0, y: 0, z: 1 },
      currentPageId: 'page:page',
      selectedShapeIds: [],
      brush: null,
      scribbles: [],
      screenBounds: { x: 0, y: 0, w: 1440, h: 900 },
      chatMessage: '',
      meta: {},
    },
  }
}
