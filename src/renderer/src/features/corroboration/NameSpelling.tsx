// How the Names tab shows a spelling and opens a name where it is written: shared by the
// name cards and the possible-variant proposals, so both mark a name the same way.
import type { NameGroup } from '../../../../shared/domain/corroboration'
import { useWorkbench } from '../../app/workbench-store'
import { NAME_GROUPS, wholeGroup } from './useWholeGroup'

const TYPOGRAPHIC = /[\u2010\u2011\u2012\u2013\u2014\u2019\u00a0]/gu

/** Characters that look like plain ones but are not (U+2011 in "Lee Sok‑bae"), named so the reporter sees why a spelling is listed twice. */
function typographicNote(text: string) {
  const found = [...new Set(text.match(TYPOGRAPHIC) ?? [])]
  if (found.length === 0) return null
  const codes = found.map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ')
  return <span className="typographic-note"> ({codes})</span>
}

/** A spelling as a button that marks it in the open panes. */
export function NameSpelling({ text }: { text: string }) {
  return (
    <button type="button" className="variant-text" title="Mark this spelling in the open panes" onClick={() => useWorkbench.getState().setFindQuery(text)}>
      {text}
      {typographicNote(text)}
    </button>
  )
}

function spellingIn(group: NameGroup, sourceId: string): string | undefined {
  return group.variants.find((variant) => variant.sourceIds.includes(sourceId))?.text
}

/**
 * Opens the source and marks the name in it as that source spells it. A card lists each
 * variant's first few sources: for a source past those, the whole group tells the spelling.
 */
export async function openNameIn(group: NameGroup, sourceId: string): Promise<void> {
  const { openSource, setFindQuery } = useWorkbench.getState()
  let spelling = spellingIn(group, sourceId)
  if (spelling === undefined) {
    const whole = await wholeGroup(NAME_GROUPS, group)
    if (whole !== undefined) spelling = spellingIn(whole, sourceId)
  }
  await openSource(sourceId)
  setFindQuery(spelling ?? group.label)
}
