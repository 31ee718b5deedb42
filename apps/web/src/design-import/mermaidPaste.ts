import { looksLikeMermaidFlowchart } from '@concord/shared'
import { defaultHandleExternalTextContent, type Editor } from 'tldraw'
import { importMermaid } from './importMermaid.ts'

/**
 * Pasted text that Mermaid parses as a flowchart becomes a design (`importMermaid`); any other
 * text, or a flowchart Mermaid refuses, is pasted as tldraw pastes text.
 */
export function registerMermaidPaste(editor: Editor): void {
  editor.registerExternalContentHandler('text', async (content) => {
    if (!editor.getIsReadonly() && looksLikeMermaidFlowchart(content.text)) {
      try {
        await importMermaid(editor, content.text)
        return
      } catch {
        // Not a flowchart after all: keep the text as it was pasted.
      }
    }
    await defaultHandleExternalTextContent(editor, content)
  })
}
