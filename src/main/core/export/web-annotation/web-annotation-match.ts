// Which source of the open project an imported annotation was made on: by web address
// (compared loosely, as the same page is linked in many spellings), else by the file it was
// made in, else by a title no other source has. What matches nothing says why.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ImportRoot, Source } from '../../../../shared/domain/source'
import { collapseSpaces, foldText } from '../../../../shared/text/fold'
import type { IncomingDocument } from './web-annotation-entry'

/**
 * A web address as a key: http and https alike, host in lower case, no fragment, no
 * trailing slash, no utm_* tracking parameters. Null for what is not a web address.
 */
export function urlKey(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  for (const name of [...url.searchParams.keys()]) if (/^utm_/i.test(name)) url.searchParams.delete(name)
  const query = url.searchParams.toString()
  return `${url.host}${url.pathname.replace(/\/+$/, '')}${query === '' ? '' : `?${query}`}`
}

/** A title as a key: the same words, whatever their case, spacing and kind of quotation marks or dashes. */
export function titleKey(title: string): string {
  return collapseSpaces(foldText(title.normalize('NFC')))
}

function fileKey(uri: string): string | null {
  try {
    const url = new URL(uri)
    return url.protocol === 'file:' ? decodeURIComponent(url.pathname) : null
  } catch {
    return null
  }
}

const slashes = (path: string): string => path.replace(/\\/g, '/')

export type SourceMatch = { candidates: Source[] } | { reason: string }

function group<K>(sources: readonly Source[], key: (source: Source) => K | null): Map<K, Source[]> {
  const groups = new Map<K, Source[]>()
  for (const source of sources) {
    const value = key(source)
    if (value === null) continue
    const members = groups.get(value)
    if (members === undefined) groups.set(value, [source])
    else members.push(source)
  }
  return groups
}

export class SourceMatcher {
  readonly #byUrl: Map<string, Source[]>
  readonly #byFile: Map<string, Source[]>
  readonly #byPath: Map<string, Source[]>
  readonly #byTitle: Map<string, Source[]>
  readonly #rootNames: Map<string, string>

  constructor(sources: readonly Source[], roots: readonly ImportRoot[]) {
    const rootPaths = new Map(roots.map((root) => [root.id, root.path]))
    this.#rootNames = new Map(roots.map((root) => [root.id, root.name]))
    this.#byUrl = group(sources, (source) => (source.meta.url === null ? null : urlKey(source.meta.url)))
    this.#byFile = group(sources, (source) => {
      const root = rootPaths.get(source.rootId)
      return root === undefined ? null : fileKey(pathToFileURL(join(root, source.relativePath)).href)
    })
    this.#byPath = group(sources, (source) => slashes(source.relativePath))
    this.#byTitle = group(sources, (source) => (source.title.trim() === '' ? null : titleKey(source.title)))
  }

  /** The sources the annotation may have been made on, the likeliest first. */
  match(document: IncomingDocument): SourceMatch {
    if (document.removed) return { reason: 'its source had been taken out of the project it was exported from' }
    const found = (keys: Array<string | null>, index: Map<string, Source[]>): Source[] => [
      ...new Set(keys.flatMap((key) => (key === null ? [] : (index.get(key) ?? []))))
    ]
    const byUrl = found(document.urls.map(urlKey), this.#byUrl)
    if (byUrl.length > 0) return { candidates: byUrl }
    const byFile = found(document.fileUris.map(fileKey), this.#byFile)
    if (byFile.length > 0) return { candidates: byFile }
    if (document.relativePath !== null) {
      const byPath = found([slashes(document.relativePath)], this.#byPath)
      // The same path in the folder of the same name first: other folders may hold a file of that name too.
      const sameFolder = byPath.filter((source) => this.#rootNames.get(source.rootId) === document.folder)
      if (byPath.length > 0) return { candidates: [...sameFolder, ...byPath.filter((source) => !sameFolder.includes(source))] }
    }
    for (const title of document.titles) {
      const byTitle = this.#byTitle.get(titleKey(title)) ?? []
      if (byTitle.length === 1) return { candidates: byTitle }
      if (byTitle.length > 1) return { reason: `${byTitle.length} sources in this project are titled “${title.trim()}”; nothing else in the annotation says which one it was made on` }
    }
    const named = [document.urls.length > 0 ? 'web address' : null, document.fileUris.length > 0 || document.relativePath !== null ? 'file' : null, document.titles.length > 0 ? 'title' : null].filter(
      (part) => part !== null
    )
    return { reason: named.length === 0 ? 'it does not say which document it was made on' : `no source in this project has its ${named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} or ${named.at(-1)}`}` }
  }
}
