// Writes an extracted text into a project's texts/ folder, as the store names texts
// (ProjectStore.adoptText then takes it in). On an extraction thread it is appended to the
// thread's pack (text-packs.ts): blocking that thread only, one write per text where a file
// of its own took a create, a rename and later a flush. On the main thread it becomes
// texts/<sha256>.txt, renamed into place and not flushed (the store flushes texts before the
// commit that names them), asynchronously, so the app never waits for a disk.
import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { isMainThread } from 'node:worker_threads'
import { writeFileAtomic } from '../store/atomic-write'
import { sha256, sha256Bytes } from '../store/content-hash'
import { PACKS_FOLDER, PackAppender, type TextPlace } from '../store/text-packs'

export interface StoredText {
  contentHash: string
  /** Where a thread packed it; absent: texts/<contentHash>.txt. */
  place?: TextPlace
}

/** This thread's pack per project texts/ folder. */
const appenders = new Map<string, PackAppender>()

/** Stores `text` in `folder` (a project's texts/) and says where. `blocking`: see the module comment. */
export async function storeText(folder: string, text: string, blocking = !isMainThread): Promise<StoredText> {
  if (blocking) {
    const bytes = Buffer.from(text, 'utf8')
    const contentHash = sha256Bytes(bytes)
    let appender = appenders.get(folder)
    if (appender === undefined) {
      appender = new PackAppender(join(folder, PACKS_FOLDER))
      appenders.set(folder, appender)
    }
    return { contentHash, place: appender.append(contentHash, bytes) }
  }
  const contentHash = sha256(text)
  const path = join(folder, `${contentHash}.txt`)
  const exists = await access(path).then(
    () => true,
    () => false
  )
  if (!exists) await writeFileAtomic(path, text, { durable: false })
  return { contentHash }
}
