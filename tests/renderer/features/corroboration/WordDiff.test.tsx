import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { WordDiff } from '../../../../src/renderer/src/features/corroboration/WordDiff'

describe('WordDiff', () => {
  afterEach(cleanup)

  it('strikes out the common wording, underlines this version’s words and dims what it quotes beyond', () => {
    const { container } = render(
      <WordDiff
        parts={[
          { kind: 'extra', text: 'achieved' },
          { kind: 'same', text: 'truly' },
          { kind: 'removed', text: 'positive' },
          { kind: 'added', text: 'good' },
          { kind: 'same', text: 'results' }
        ]}
      />
    )
    expect(container.textContent).toBe('achieved truly positive good results')
    expect(container.querySelector('del')?.textContent).toBe('positive')
    expect(container.querySelector('ins')?.textContent).toBe('good')
    expect(container.querySelector('.diff-extra')?.textContent).toBe('achieved')
  })
})
