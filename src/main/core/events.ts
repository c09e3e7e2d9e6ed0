// A small typed event hub: the engine announces, each host forwards to its own transport.
import type { EventName, EventPayloads } from '../../shared/ipc/contract'

type Listener<K extends EventName> = (payload: EventPayloads[K]) => void

export class EngineEvents {
  readonly #listeners = new Map<EventName, Set<Listener<never>>>()

  on<K extends EventName>(name: K, listener: Listener<K>): () => void {
    const set = this.#listeners.get(name) ?? new Set()
    set.add(listener as Listener<never>)
    this.#listeners.set(name, set)
    return () => void set.delete(listener as Listener<never>)
  }

  emit<K extends EventName>(name: K, payload: EventPayloads[K]): void {
    for (const listener of this.#listeners.get(name) ?? []) (listener as Listener<K>)(payload)
  }
}
