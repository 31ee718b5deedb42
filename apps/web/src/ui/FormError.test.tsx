import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { FormError } from './FormError.tsx'

describe('form error', () => {
  it('renders the markup the forms had inline, and nothing without an error', () => {
    expect(renderToStaticMarkup(<FormError error="The name is taken." />)).toBe('<p class="form-error" role="alert">The name is taken.</p>')
    expect(renderToStaticMarkup(<FormError error="No." id="create-board-error" testId="create-board-error" />)).toBe(
      '<p id="create-board-error" class="form-error" role="alert" data-testid="create-board-error">No.</p>',
    )
    for (const error of [null, undefined, '']) expect(renderToStaticMarkup(<FormError error={error} />)).toBe('')
  })
})
