// The pages of a library search as the Search panel shows them: the first page shortly
// after the user stops typing, the next ones appended on request, and every answer to a
// query the user has since changed dropped. While search is still indexing the library,
// the first page is asked again every few seconds (unless the user asked for more pages),
// so results and progress fill in without a jump back to the top.
import { useEffect, useRef, useState } from 'react'
import type { SearchHit, SearchResponse } from '../../../../shared/domain/search-results'
import { useWorkbench } from '../../app/workbench-store'
import { unwrap } from '../../lib/api'

export const PAGE_SIZE = 30
const TYPING_PAUSE_MS = 120
/** How often the first page is asked again while search catches up in the background. */
export const INDEXING_REFRESH_MS = 2000

export interface ShownResults {
  /** The latest page's answer: its total, warnings, problem and timing. */
  response: SearchResponse
  /** The answer that started this list: the same object for all its pages. */
  firstPage: SearchResponse
  /** Every result shown so far, best first. */
  results: SearchHit[]
  /** Where the next page starts in the engine's ranking. */
  nextOffset: number
  /** The index of the first result the last "show more" appended; null after a first page. */
  appendedFrom: number | null
}

export interface SearchPages {
  shown: ShownResults | null
  hasMore: boolean
  loadingMore: boolean
  showMore(): void
}

export function useSearchPages(query: string, nameVariants: boolean): SearchPages {
  // sources: a new import should refresh the results.
  const sources = useWorkbench((state) => state.sources)
  const { api, run } = useWorkbench.getState()
  const [shown, setShown] = useState<ShownResults | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  /** Bumped by every change of the query: answers carry the value they were asked under. */
  const asked = useRef(0)
  const pending = useRef(false)
  /** Bumped when asking the first page again failed, to ask once more later. */
  const [retries, setRetries] = useState(0)

  useEffect(() => {
    if (api === null) return undefined
    // Every change of the query outdates the answers still on their way, an empty one included.
    const ticket = ++asked.current
    pending.current = false
    setLoadingMore(false)
    if (query.trim() === '') {
      setShown(null)
      return undefined
    }
    const timer = setTimeout(() => {
      void run(unwrap(api.search({ query, limit: PAGE_SIZE, offset: 0, nameVariants }))).then((answer) => {
        if (answer === undefined || ticket !== asked.current) return
        setShown({ response: answer, firstPage: answer, results: answer.results, nextOffset: PAGE_SIZE, appendedFrom: null })
      })
    }, TYPING_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [api, run, query, nameVariants, sources])

  // Search still indexing: the first page again in a while, while the user reads only it. Asking
  // again outdates nothing (a page the user asked for still comes), and its answer is dropped
  // if the user has added pages meanwhile.
  const indexing = shown?.response.indexing
  const onFirstPage = shown !== null && shown.results.length <= PAGE_SIZE && shown.appendedFrom === null
  useEffect(() => {
    if (api === null || indexing === undefined || !onFirstPage || loadingMore) return undefined
    const ticket = asked.current
    const timer = setTimeout(() => {
      void run(unwrap(api.search({ query, limit: PAGE_SIZE, offset: 0, nameVariants }))).then((answer) => {
        if (ticket !== asked.current) return
        if (answer === undefined) {
          setRetries((count) => count + 1)
          return
        }
        // The same list, where the user has it: its first page stays the one that started it.
        setShown((before) =>
          before === null || before.appendedFrom !== null || before.results.length > PAGE_SIZE
            ? before
            : { response: answer, firstPage: before.firstPage, results: answer.results, nextOffset: PAGE_SIZE, appendedFrom: null }
        )
      })
    }, INDEXING_REFRESH_MS)
    return () => clearTimeout(timer)
  }, [api, run, query, nameVariants, indexing, onFirstPage, loadingMore, retries])

  const hasMore = shown !== null && shown.response.problem === null && shown.nextOffset < shown.response.total

  const showMore = (): void => {
    if (api === null || shown === null || !hasMore || pending.current) return
    const ticket = asked.current
    const offset = shown.nextOffset
    pending.current = true
    setLoadingMore(true)
    void run(unwrap(api.search({ query, limit: PAGE_SIZE, offset, nameVariants }))).then((answer) => {
      if (ticket !== asked.current) return
      pending.current = false
      setLoadingMore(false)
      if (answer === undefined) return
      setShown((before) => {
        if (before === null) return before
        // The library may have changed between pages: never list a source twice.
        const listed = new Set(before.results.map((result) => result.sourceId))
        const added = answer.results.filter((result) => !listed.has(result.sourceId))
        return {
          response: answer,
          firstPage: before.firstPage,
          results: [...before.results, ...added],
          nextOffset: offset + PAGE_SIZE,
          appendedFrom: added.length > 0 ? before.results.length : before.appendedFrom
        }
      })
    })
  }

  return { shown, hasMore, loadingMore, showMore }
}
