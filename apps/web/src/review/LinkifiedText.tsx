import { Fragment } from 'react'

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g

/**
 * Comment text as plain text with its http(s) links clickable. Text only ever becomes React text
 * nodes and `href`s of recognised links, so a comment has no way to inject markup or script.
 */
export function LinkifiedText({ text }: { text: string }) {
  const parts: Array<{ link: boolean; value: string }> = []
  let last = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0
    if (start > last) parts.push({ link: false, value: text.slice(last, start) })
    parts.push({ link: true, value: match[0] })
    last = start + match[0].length
  }
  if (last < text.length) parts.push({ link: false, value: text.slice(last) })
  return (
    <>
      {parts.map((part, index) =>
        part.link ? (
          <a key={index} href={part.value} target="_blank" rel="noopener noreferrer nofollow">
            {part.value}
          </a>
        ) : (
          <Fragment key={index}>{part.value}</Fragment>
        ),
      )}
    </>
  )
}
