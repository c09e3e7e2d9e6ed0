// Which languages OCR reads scans and images in. English comes with the app; others come
// from a folder of Tesseract .traineddata files (Debian's tesseract-ocr-* packages put
// them in /usr/share/tesseract-ocr/5/tessdata). The choice applies to the next import.
import { useEffect, useRef, useState } from 'react'
import type { OcrLanguages } from '../../../../shared/domain/original'
import { useWorkbench } from '../../app/workbench-store'
import { ModalDialog } from '../../components/ModalDialog'
import { unwrap } from '../../lib/api'

/** "English + Chinese (Simplified)": the chosen languages by name. */
export function chosenNames(languages: OcrLanguages): string {
  const names = new Map(languages.available.map((language) => [language.code, language.name]))
  return languages.chosen.map((code) => names.get(code) ?? code).join(' + ')
}

export function OcrLanguagesDialog({ onClose }: { onClose: () => void }) {
  const { api, run } = useWorkbench.getState()
  const [languages, setLanguages] = useState<OcrLanguages | null>(null)
  const [folder, setFolder] = useState('')
  const [chosen, setChosen] = useState<string[]>([])
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState(false)
  const folderRef = useRef<HTMLInputElement>(null)

  function show(next: OcrLanguages): void {
    setLanguages(next)
    setFolder(next.folder ?? '')
    setChosen(next.chosen)
  }

  useEffect(() => {
    if (api === null) return
    void run(unwrap(api.getOcrLanguages())).then((loaded) => loaded !== undefined && show(loaded))
  }, [api, run])

  async function save(withFolder: string): Promise<void> {
    if (api === null || chosen.length === 0) return
    setSaving(true)
    const next = await run(unwrap(api.setOcrLanguages({ folder: withFolder.trim() === '' ? null : withFolder.trim(), chosen })))
    setSaving(false)
    if (next === undefined) return
    show(next)
    setSaved(true)
  }

  function toggle(code: string, on: boolean): void {
    setSaved(false)
    setChosen(on ? [...chosen, code] : chosen.filter((other) => other !== code))
  }

  return (
    <ModalDialog titleId="ocr-languages-title" className="ocr-languages-dialog" onClose={onClose} initialFocus={folderRef} busy={saving}>
      <h2 id="ocr-languages-title">OCR languages</h2>
      <p className="hint">
        Scanned PDFs and images are read by OCR, on this computer. Pick the languages their text is in: each one more makes OCR slower. Files already
        read are read again with the new languages when you import their folder again.
      </p>
      {languages === null ? (
        <p role="status">Looking for languages…</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void save(folder)
          }}
        >
          <fieldset className="ocr-language-list">
            <legend>Read scans in</legend>
            {languages.available.map((language) => (
              <label key={language.code} className="check">
                <input type="checkbox" checked={chosen.includes(language.code)} onChange={(event) => toggle(language.code, event.target.checked)} />{' '}
                {language.name} <code>{language.code}</code>
                {language.from === 'built-in' ? <span className="hint"> · comes with Sourcebench</span> : null}
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span>Folder of more languages (.traineddata files)</span>
            <input
              ref={folderRef}
              value={folder}
              placeholder="/usr/share/tesseract-ocr/5/tessdata"
              onChange={(event) => {
                setSaved(false)
                setFolder(event.target.value)
              }}
            />
          </label>
          <p className="hint">
            On Debian or Ubuntu, <code>sudo apt install tesseract-ocr-chi-sim</code> (or <code>-fra</code>, <code>-ara</code>, …) adds a language there; on a Mac,{' '}
            <code>brew install tesseract-lang</code>. Models from github.com/tesseract-ocr/tessdata_fast work too.
          </p>
          {languages.problem !== null && (
            <p className="search-problem" role="alert">
              {languages.problem}
            </p>
          )}
          {saved && (
            <p role="status" className="hint">
              Saved: the next import reads scans in {chosenNames(languages)}.
            </p>
          )}
          <div className="details-actions">
            <button type="submit" className="button primary" disabled={saving || chosen.length === 0}>
              Save
            </button>
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  )
}
