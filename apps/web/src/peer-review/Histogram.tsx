/** A small bar chart of counts, readable without colour: each bar carries its count, and a screen reader hears each bin as a sentence. */
export function Histogram({ title, bins, unit }: { title: string; bins: ReadonlyArray<{ label: string; count: number }>; unit: string }) {
  const highest = Math.max(1, ...bins.map(({ count }) => count))
  return (
    <figure className="histogram">
      <figcaption className="histogram__title">{title}</figcaption>
      <ol className="histogram__bins">
        {bins.map(({ label, count }) => (
          <li key={label} className="histogram__bin">
            <span className="histogram__count" aria-hidden>
              {count}
            </span>
            <span className="histogram__track" aria-hidden>
              <span className="histogram__bar" style={{ height: `${(count / highest) * 100}%` }} />
            </span>
            <span className="histogram__label" aria-hidden>
              {label}
            </span>
            <span className="visually-hidden">
              {label}: {count} {unit}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  )
}
