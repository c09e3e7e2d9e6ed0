// Writes a file the user asked for without ever leaving half of it behind: steno writes
// a temporary file beside the target and renames it over.
import { TextFile } from 'lowdb/node'

export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await new TextFile(path).write(content)
}
