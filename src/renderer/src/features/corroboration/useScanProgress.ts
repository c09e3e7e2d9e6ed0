// How far the engine's first read of every source has got, for the ledger and names
// panels to show while a large library is scanned; null when no scan is under way.
import { useEffect, useState } from 'react'
import { useWorkbench } from '../../app/workbench-store'

export function useScanProgress(waiting: boolean): { done: number; total: number } | null {
  const api = useWorkbench((state) => state.api)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  useEffect(() => {
    if (api === null || !waiting) {
      setProgress(null)
      return undefined
    }
    return api.onCorroborationProgress((next) => setProgress(next.done < next.total ? next : null))
  }, [api, waiting])
  return progress
}
