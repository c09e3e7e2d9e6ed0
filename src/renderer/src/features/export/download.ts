// Browser mode: fetches an export the server holds for the page (same origin, one
// download) through a link click, so the browser saves it under the export's file name.

/** Starts the download of `url` as `fileName`; refuses an address on another origin. */
export function downloadUrl(fileName: string, url: string): void {
  const target = new URL(url, window.location.href)
  // The engine hands out its own addresses only: anything else is not followed.
  if (target.origin !== window.location.origin) throw new Error(`export: the download address is not on this server (${target.origin})`)
  const link = document.createElement('a')
  link.href = target.href
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
}
