// The notices row at the foot of the window: what just happened, in its own space so it
// never covers the text. Success fades, errors stay until dismissed; one action each.
import { useWorkbench } from '../app/workbench-store'

const KIND_LABELS = { success: 'Done', info: 'Note', warning: 'Warning', error: 'Error' } as const

export function Notices() {
  const notices = useWorkbench((state) => state.notices)
  const dismiss = useWorkbench((state) => state.dismissNotice)
  return (
    <div className="notices" aria-live="polite" data-testid="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span className="notice-kind">{KIND_LABELS[notice.kind]}</span>
          <span className="notice-text">{notice.text}</span>
          {notice.action !== undefined && (
            <button
              type="button"
              className="button notice-action"
              onClick={() => {
                notice.action?.run()
                dismiss(notice.id)
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
