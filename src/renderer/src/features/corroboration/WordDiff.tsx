// A quotation's version shown against the group's reference wording: words only this
// version has underlined, words only the reference has struck through, and the version's
// words beyond the reference's passage dimmed (longer, not different).
import type { WordDiffPart } from '../../../../shared/domain/corroboration'

const TITLES: Record<WordDiffPart['kind'], string | undefined> = {
  same: undefined,
  added: 'Only this version has these words',
  removed: 'The most common wording has these words here',
  extra: 'This version quotes more than the most common wording covers'
}

export function WordDiff({ parts }: { parts: readonly WordDiffPart[] }) {
  return (
    <span className="word-diff">
      {parts.map((part, index) => {
        const spacer = index === 0 ? '' : ' '
        if (part.kind === 'same') return <span key={index}>{spacer + part.text}</span>
        const Tag = part.kind === 'removed' ? 'del' : part.kind === 'added' ? 'ins' : 'span'
        return (
          <span key={index}>
            {spacer}
            <Tag className={`diff-${part.kind}`} title={TITLES[part.kind]}>
              {part.text}
            </Tag>
          </span>
        )
      })}
    </span>
  )
}
