// Export as an editor receives it, in Chromium: every format from the Export dialog (Ctrl+E)
// downloads a file that reads back; the HTML report opens on its own with no request
// leaving it; a Web Annotation file re-imports onto the same words; a bundle opens as a
// new project.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import JSZip from 'jszip'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXPORT_FORMAT_INFO, EXPORT_FORMATS, type ExportFormat } from '../../src/shared/domain/export'
import { type ServedApp } from './support/serve'
import { openSession, type Session } from './support/session'

const screenshots = resolve(__dirname, '../../test-results/screenshots')

describe('export in Chromium (browser mode)', () => {
  let app: ServedApp
  let page: Page
  let session: Session
  const downloaded = new Map<ExportFormat, string>()

  async function call<T>(route: string, input?: unknown): Promise<T> {
    const response = await fetch(`${app.origin}/api/${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Sourcebench-Token': app.token },
      body: input === undefined ? '' : JSON.stringify(input)
    })
    const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } }
    if (!result.ok) throw new Error(`e2e: ${route}: ${result.error.message}`)
    return result.value
  }

  /** Two claims through the API, as a script would make them: one corroborated, one disputed. */
  async function makeClaims(): Promise<void> {
    const { sources } = await call<{ sources: Array<{ id: string; relativePath: string; contentHash: string }> }>('library/list-sources')
    const highlight = async (file: string, phrase: string, comment = ''): Promise<string> => {
      const source = sources.find((candidate) => candidate.relativePath === file)
      if (source === undefined) throw new Error(`e2e: no source ${file}`)
      const { text } = await call<{ text: string }>('library/get-text', { sourceId: source.id })
      const start = text.indexOf(phrase)
      const annotation = await call<{ id: string }>('annotations/create', { sourceId: source.id, contentHash: source.contentHash, start, end: start + phrase.length, color: 'yellow', comment, tags: comment === '' ? [] : ['check'] })
      return annotation.id
    }
    const anadolu = await highlight('002_33375fb4bd43eb33.txt', 'We hope to restore relations with the Republic (of Korea)', 'Anadolu’s wording')
    const joongang = await highlight('003_0e0382247a50a32b.txt', 'restore ties with South Korea')
    const capital = await highlight('002_33375fb4bd43eb33.txt', 'much of the positive capital')
    await highlight('000_9bdf7c19d74769ea.txt', 'Lee Sok-bae previously served in Moscow', 'Not linked yet')
    const first = await call<{ id: string }>('claims/create', { text: 'Putin hopes to restore relations with South Korea.' })
    await call('claims/link', { claimId: first.id, annotationId: anadolu })
    await call('claims/link', { claimId: first.id, annotationId: joongang })
    const second = await call<{ id: string }>('claims/create', { text: 'Relations are as good as ever.' })
    await call('claims/link', { claimId: second.id, annotationId: capital })
    await call('claims/set-stance', { claimId: second.id, annotationId: capital, contradicts: true })
  }

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true })
    session = await openSession('export', { acceptDownloads: true })
    ;({ app, page } = session)
    await makeClaims()
    await page.reload()
    await page.locator('.source-item').nth(4).waitFor()
  }, 120_000)

  afterAll(async () => {
    await session?.close()
  })

  const dialog = () => page.getByRole('dialog', { name: 'Export' })

  it('downloads every format from the Export dialog, each previewed first', async () => {
    await page.keyboard.press('Control+e')
    await dialog().waitFor()
    for (const format of EXPORT_FORMATS) {
      const { label, extension, binary } = EXPORT_FORMAT_INFO[format]
      await dialog().getByRole('radio', { name: label }).check()
      const summary = dialog().getByTestId('export-summary')
      await summary.getByText(/2 claims/).waitFor()
      if (binary) await dialog().getByRole('list', { name: 'Inside the file' }).waitFor()
      else await dialog().getByLabel('Preview').locator('pre').waitFor()
      if (format === 'markdown' || format === 'docx') await page.screenshot({ path: join(screenshots, `export-dialog-${format}.png`) })
      const [download] = await Promise.all([page.waitForEvent('download'), dialog().getByRole('button', { name: 'Download' }).click()])
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${extension}$`))
      const path = join(session.dataDir, `download.${extension}`)
      await download.saveAs(path)
      downloaded.set(format, path)
      await page.getByText(`Downloaded ${download.suggestedFilename()}`).waitFor()
      await page.keyboard.press('Control+e')
      await dialog().waitFor()
    }
    await page.keyboard.press('Escape')
    await dialog().waitFor({ state: 'detached' })

    const text = async (format: ExportFormat): Promise<string> => readFile(downloaded.get(format) ?? '', 'utf-8')
    expect(await text('markdown')).toContain('Putin hopes to restore relations with South Korea.[^1][^2]')
    expect((await text('csv')).startsWith('\uFEFF')).toBe(true)
    const annotations = JSON.parse(await text('web-annotation')) as { type: string }
    expect(annotations.type).toBe('AnnotationCollection')
    expect((JSON.parse(await text('csl-json')) as unknown[]).length).toBe(2)
    expect(await text('bibtex')).toMatch(/^@\w+\{/m)
    const docx = await JSZip.loadAsync(await readFile(downloaded.get('docx') ?? ''))
    expect(await docx.file('word/footnotes.xml')?.async('string')).toContain('much of the positive capital')
    const bundle = await JSZip.loadAsync(await readFile(downloaded.get('bundle') ?? ''))
    expect(Object.keys(bundle.files)).toEqual(expect.arrayContaining(['sourcebench-bundle.json', 'library.json', 'notes.json']))
  }, 180_000)

  it('opens the HTML report on its own: claims, badges and marked quotes, and not one request leaves it', async () => {
    const report = await session.browser.newPage({ viewport: { width: 1200, height: 900 } })
    const requests: string[] = []
    report.on('request', (request) => requests.push(request.url()))
    await report.goto(`file://${downloaded.get('html') ?? ''}`)
    await report.getByText('Corroborated').first().waitFor()
    expect(await report.locator('script').count()).toBe(0)
    expect(await report.locator('mark').filter({ hasText: 'restore ties with South Korea' }).count()).toBeGreaterThan(0)
    expect(await report.getByText('Disputed').count()).toBeGreaterThan(0)
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([])
    await report.screenshot({ path: join(screenshots, 'export-html-report.png'), fullPage: true })
    await report.close()
  }, 60_000)

  it('imports its own Web Annotation file back as highlights already there, and lists a foreign one it cannot place', async () => {
    const file = downloaded.get('web-annotation') ?? ''
    await page.getByRole('button', { name: 'File', exact: true }).click()
    await page.getByRole('menuitem', { name: 'Import annotations…' }).click()
    const importer = page.getByRole('dialog', { name: 'Import annotations' })
    await importer.getByLabel('Annotation file').setInputFiles(file)
    const report = importer.getByTestId('import-report')
    await report.getByText(/already/).waitFor()
    expect(await report.textContent()).toMatch(/4 highlights already in the project/)

    const foreign = join(session.dataDir, 'foreign.json')
    await writeFile(
      foreign,
      JSON.stringify({ total: 1, rows: [{ uri: 'https://elsewhere.example/story', text: 'x', tags: [], document: { title: ['Another story'] }, target: [{ source: 'https://elsewhere.example/story', selector: [{ type: 'TextQuoteSelector', exact: 'words from elsewhere', prefix: '', suffix: '' }] }] }] })
    )
    await importer.getByLabel('Annotation file').setInputFiles(foreign)
    await importer.getByTestId('import-unmatched').getByText('words from elsewhere').waitFor()
    await page.screenshot({ path: join(screenshots, 'import-annotations.png') })
    await page.keyboard.press('Escape')
    await importer.waitFor({ state: 'detached' })
  }, 60_000)

  it('opens the bundle as a new project with the same claims', async () => {
    await page.getByRole('button', { name: 'File', exact: true }).click()
    await page.getByRole('menuitem', { name: 'Open bundle…' }).click()
    const opener = page.getByRole('dialog', { name: 'Open bundle' })
    await opener.getByLabel('Bundle file').fill(downloaded.get('bundle') ?? '')
    await opener.getByRole('button', { name: /^Open/ }).click()
    await page.getByText(/Opened .*bundle|opened as a new project/i).first().waitFor()
    const projects = await call<{ current: { id: string; name: string }; projects: Array<{ id: string }> }>('projects/get-current')
    expect(projects.projects).toHaveLength(2)
    expect(projects.current.name).toMatch(/^Sample project: Putin and South Korea \(2\)$/)
    const claims = await call<Array<{ text: string }>>('claims/list')
    expect(claims.map((claim) => claim.text)).toEqual(['Putin hopes to restore relations with South Korea.', 'Relations are as good as ever.'])
  }, 60_000)
})
