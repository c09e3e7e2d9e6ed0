// Messages for the user: confirmations fade, errors stay until dismissed.
import { useWorkbench } from '../app/workbench-store'

export function Notices() {
  const notices = useWorkbench((state) => state.notices)
  const dismiss = useWorkbench((state) => state.dismissNotice)
  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
