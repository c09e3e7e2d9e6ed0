// The API over HTTP, for browser mode: one POST per channel with the per-launch token,
// and server-sent events for what the engine announces. Mirrors the Electron preload.
import { channels } from '../../../shared/ipc/channels'
import type { Api, EventName, EventPayloads, Unsubscribe } from '../../../shared/ipc/contract'
import { err, type Result } from '../../../shared/ipc/result'

const TOKEN_KEY = 'sourcebench.token'

/** Takes the token from the URL that `npm run serve` printed, keeps it for reloads, and hides it from the address bar. */
export function readToken(location: Location, storage: Storage, history: History): string | null {
  const url = new URL(location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl !== null) {
    storage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return storage.getItem(TOKEN_KEY)
}

export function createHttpApi(token: string): Api {
  async function call(channel: string, input: unknown): Promise<Result<unknown>> {
    try {
      const response = await fetch(`/api/${channel.replace(':', '/')}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Sourcebench-Token': token },
        // Lets a save sent while the page closes still arrive.
        keepalive: true,
        body: input === undefined ? '' : JSON.stringify(input)
      })
      return (await response.json()) as Result<unknown>
    } catch (error: unknown) {
      return err('unavailable', `The Sourcebench server did not answer (${error instanceof Error ? error.message : String(error)}). Is \`npm run serve\` still running?`)
    }
  }

  let source: EventSource | null = null
  const listeners = new Map<EventName, Set<(payload: never) => void>>()
  function subscribe<K extends EventName>(name: K, callback: (payload: EventPayloads[K]) => void): Unsubscribe {
    source ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`)
    let set = listeners.get(name)
    if (set === undefined) {
      const fresh = new Set<(payload: never) => void>()
      listeners.set(name, fresh)
      source.addEventListener(name, (event) => {
        const payload = JSON.parse((event as MessageEvent<string>).data) as never
        for (const listener of fresh) listener(payload)
      })
      set = fresh
    }
    set.add(callback as (payload: never) => void)
    return () => void set.delete(callback as (payload: never) => void)
  }

  const methods = Object.fromEntries(
    Object.entries(channels).map(([method, channel]) => [method, (input?: unknown) => call(channel, input)])
  )
  return {
    ...(methods as Omit<Api, 'onImportProgress' | 'onLibraryChanged' | 'onCorroborationProgress' | 'onHistoryChanged' | 'onMenuCommand' | 'pathForDroppedFile'>),
    onImportProgress: (callback) => subscribe('importProgress', callback),
    onLibraryChanged: (callback) => subscribe('libraryChanged', () => callback()),
    onCorroborationProgress: (callback) => subscribe('corroborationProgress', callback),
    onHistoryChanged: (callback) => subscribe('historyChanged', callback),
    // Browser mode has no application menu.
    onMenuCommand: () => () => undefined,
    // A browser never tells a page where a dropped file is on disk.
    pathForDroppedFile: () => null
  }
}
