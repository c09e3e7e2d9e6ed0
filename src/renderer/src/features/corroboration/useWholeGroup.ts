// A ledger or Names card holds a group's counts and first few sources; this fetches the whole
// group while the reporter has it open (Show all, the source list) or once for an action that
// needs every source (Compare), and shows it from then on. A new card (the list was asked for
// again) starts from its own lists, and is fetched whole again if it is still open.
import { useEffect, useRef, useState } from 'react'
import type { NameGroup, QuoteGroup } from '../../../../shared/domain/corroboration'
import type { Api } from '../../../../shared/ipc/contract'
import type { Result } from '../../../../shared/ipc/result'
import { useWorkbench } from '../../app/workbench-store'
import { unwrap } from '../../lib/api'

export interface GroupKind<G> {
  /** Whether the group lists everything it counts. */
  isWhole(group: G): boolean
  fetch(api: Api, groupId: string): Promise<Result<G>>
}

export const QUOTE_GROUPS: GroupKind<QuoteGroup> = {
  isWhole: (group) => group.versions.length >= group.versionCount && group.sourceIds.length >= group.sourceCount,
  fetch: (api, groupId) => api.quoteGroup({ groupId })
}

export const NAME_GROUPS: GroupKind<NameGroup> = {
  isWhole: (group) => group.sources.length >= group.sourceCount && group.variants.every((variant) => variant.sourceIds.length >= variant.sourceCount),
  fetch: (api, groupId) => api.nameGroup({ groupId })
}

/** The whole group, fetched when the card lacks some of it; undefined when that fails (the failure is shown as a notice). */
export async function wholeGroup<G extends { id: string }>(kind: GroupKind<G>, group: G): Promise<G | undefined> {
  if (kind.isWhole(group)) return group
  const { api, run } = useWorkbench.getState()
  return api === null ? undefined : run(unwrap(kind.fetch(api, group.id)))
}

export interface WholeGroup<G> {
  /** The whole group once fetched, else the card. */
  group: G
  whole: boolean
  /** The last fetch for this card failed (and is not tried again until `retry`). */
  failed: boolean
  retry(): void
  /** The whole group now, for an action that needs every source; undefined when it cannot be had or the card was replaced meanwhile. */
  load(): Promise<G | undefined>
}

/** `wanted`: the card is open, so its whole group is fetched (once per card). */
export function useWholeGroup<G extends { id: string }>(kind: GroupKind<G>, card: G, wanted: boolean): WholeGroup<G> {
  // Kept with the card it completes: a new card from a new answer is not mixed with an old whole. null = the fetch failed.
  const [fetched, setFetched] = useState<{ card: G; group: G | null } | null>(null)
  const mine = fetched !== null && fetched.card === card ? fetched : null
  const group = mine?.group ?? card
  const whole = kind.isWhole(group)
  const failed = mine !== null && mine.group === null
  // The card shown now, for an answer to `load` that arrives after a new card replaced the one it was asked for.
  const current = useRef(card)
  useEffect(() => {
    current.current = card
  }, [card])

  useEffect(() => {
    if (!wanted || whole || failed) return undefined
    let live = true
    void wholeGroup(kind, card).then((answer) => {
      if (live) setFetched({ card, group: answer ?? null })
    })
    return () => {
      live = false
    }
  }, [kind, card, wanted, whole, failed])

  async function load(): Promise<G | undefined> {
    const asked = card
    const answer = await wholeGroup(kind, group)
    // A stale answer is dropped: it would replace the whole group of the card shown, and Compare would act on an old group.
    if (current.current !== asked) return undefined
    if (answer !== undefined && answer !== group) setFetched({ card: asked, group: answer })
    return answer
  }

  return { group, whole, failed, retry: () => setFetched(null), load }
}
