// Runs the storage conformance suite against every ProjectStorage the app has.
import { FolderStorage } from '../../../../src/main/core/store/folder-storage'
import { MemoryStorage, memoryVolume } from '../../../../src/main/core/store/memory-storage'
import { emptyNotes, type ProjectStorage } from '../../../../src/main/core/store/storage'
import { useTempDirs } from '../../../helpers/temp-dir'
import { afterEach } from 'vitest'
import { describeStorageConformance } from './storage-conformance'

const tempDir = useTempDirs()
const opened: ProjectStorage[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((storage) => storage.close()))
})

function track<T extends ProjectStorage>(storage: T): T {
  opened.push(storage)
  return storage
}

describeStorageConformance('folder of lowdb segments and a notes journal', async () => {
  const dir = await tempDir()
  const open = async (): Promise<ProjectStorage> => {
    const storage = track(new FolderStorage(dir, (message) => void message, emptyNotes))
    await storage.loadLibrary()
    return storage
  }
  const storage = await open()
  return {
    storage,
    reopen: async () => {
      // A restart: the running storage finishes what it acknowledged, then another opens the same folder.
      await storage.close()
      return open()
    }
  }
})

describeStorageConformance('in memory (the reference)', async () => {
  const volume = memoryVolume()
  return { storage: new MemoryStorage(volume), reopen: async () => new MemoryStorage(volume) }
})
