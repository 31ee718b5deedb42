/**
 * A catalog icon at a given size. The icon is a whole 24×24 `<svg>` drawn in `currentColor`; it
 * fills this sized one. The markup comes from Concord's own bundled catalog (looked up by kind
 * id), never from board data.
 */
export function CatalogIcon({ icon, size = 24, className }: { icon: string; size?: number; className?: string }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      // oxlint-disable-next-line react/no-danger -- trusted, bundled catalog markup
      dangerouslySetInnerHTML={{ __html: icon }}
    />
  )
}
