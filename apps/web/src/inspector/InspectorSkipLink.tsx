import { useValue, type Editor } from 'tldraw'
import { INSPECTOR_ID, isAnnotatable } from './InspectorPanel.tsx'

/** The page's first Tab stop while the inspector is open: straight to it, past the library and the canvas. */
export function InspectorSkipLink({ editor }: { editor: Editor }) {
  const shown = useValue('inspector shown', () => isAnnotatable(editor.getSelectedShapes()), [editor])
  if (!shown) return null
  return (
    <a
      className="skip-link"
      href={`#${INSPECTOR_ID}`}
      data-testid="skip-to-inspector"
      onClick={(event) => {
        // Focus, not navigation: the fragment is the board's link token.
        event.preventDefault()
        document.getElementById(INSPECTOR_ID)?.focus()
      }}
    >
      Skip to the inspector
    </a>
  )
}
