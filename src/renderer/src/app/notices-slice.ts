// Messages for the user, each saying truthfully what happened: success and information
// fade by themselves, warnings stay a while longer, errors stay until the user has read
// them. A notice may carry one action ("Undo").
import type { StateCreator } from 'zustand'
import type { WorkbenchState } from './workbench-store'

export type NoticeKind = 'success' | 'info' | 'warning' | 'error'

export interface NoticeAction {
  label: string
  run: () => void
}

export interface Notice {
  id: number
  kind: NoticeKind
  text: string
  action?: NoticeAction
}

export interface NoticesSlice {
  notices: Notice[]
  notify(kind: NoticeKind, text: string, action?: NoticeAction): number
  dismissNotice(id: number): void
}

/** How long each kind stays on screen by itself; errors stay until dismissed. */
export const NOTICE_MS: Record<NoticeKind, number | null> = { success: 6000, info: 6000, warning: 15000, error: null }
/** At most this many are kept; the oldest give way. */
export const MAX_NOTICES = 3

let noticeId = 0

/**
 * Engine messages start with the module that raised them ("library: no folder at …"), which
 * helps a log and means nothing to a reader: the prefix is dropped and the sentence capitalised.
 */
export function readableMessage(text: string): string {
  const stripped = text.replace(/^(?:[a-z][a-z-]*: )+/, '')
  return stripped.charAt(0).toUpperCase() + stripped.slice(1)
}

export const createNoticesSlice: StateCreator<WorkbenchState, [], [], NoticesSlice> = (set, get) => ({
  notices: [],

  notify(kind, text, action) {
    const id = ++noticeId
    const message = kind === 'error' || kind === 'warning' ? readableMessage(text) : text
    const others = get().notices.filter((notice) => notice.text !== message)
    set({ notices: [...others, { id, kind, text: message, ...(action === undefined ? {} : { action }) }].slice(-MAX_NOTICES) })
    const lasts = NOTICE_MS[kind]
    // A notice that offers an action stays long enough to use it.
    if (lasts !== null) setTimeout(() => get().dismissNotice(id), action === undefined ? lasts : Math.max(lasts, 10000))
    return id
  },

  dismissNotice(id) {
    if (get().notices.some((notice) => notice.id === id)) set({ notices: get().notices.filter((notice) => notice.id !== id) })
  }
})
