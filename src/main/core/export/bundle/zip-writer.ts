// Writes a zip to a file one entry at a time. yazl deflates an entry only when it reaches it,
// and the next entry is handed over only once the last one's bytes went in, so one deflate
// runs and about one entry's bytes are held, however many entries (20,000 texts) there are.
import { createHash } from 'node:crypto'
import { createWriteStream, type WriteStream } from 'node:fs'
import { Transform, type Readable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { ZipFile } from 'yazl'

/** yazl writes each header and each deflated piece apart; gathered, 20,000 texts take a few hundred writes, not 100,000. */
const WRITE_BYTES = 1024 * 1024

function gathered(): Transform {
  let chunks: Buffer[] = []
  let size = 0
  const take = (): Buffer => {
    const all = Buffer.concat(chunks, size)
    chunks = []
    size = 0
    return all
  }
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      size += chunk.byteLength
      done(null, size >= WRITE_BYTES ? take() : undefined)
    },
    flush(done) {
      done(null, size > 0 ? take() : undefined)
    }
  })
}

export interface WrittenEntry {
  path: string
  size: number
  sha256: string
}

export class ZipWriter {
  readonly #zip = new ZipFile()
  readonly #gathered = gathered()
  readonly #output: WriteStream
  /** Rejects when yazl or the file fails; every wait races it, so a full disk ends the export. */
  readonly #failed: Promise<never>
  #current: Readable | null = null

  constructor(
    path: string,
    /** Every entry's time: the same project and date give the same bytes. */
    private readonly mtime: Date
  ) {
    this.#output = createWriteStream(path, { flags: 'wx' })
    this.#failed = new Promise<never>((_resolve, reject) => {
      this.#zip.on('error', reject)
      this.#zip.outputStream.on('error', reject)
      this.#gathered.on('error', reject)
      this.#output.on('error', reject)
    })
    this.#failed.catch(() => undefined) // Seen where it is raced; not an unhandled rejection before that.
    this.#zip.outputStream.pipe(this.#gathered).pipe(this.#output)
  }

  /** Adds one entry (deflated unless told not to) and resolves with its size and checksum once all its bytes went in. */
  async add(path: string, source: Readable | Uint8Array, options: { compress?: boolean } = {}): Promise<WrittenEntry> {
    const hash = createHash('sha256')
    let size = 0
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk)
        size += chunk.byteLength
        done(null, chunk)
      }
    })
    const through = finished(counted)
    through.catch(() => undefined) // Raced below; after a failure elsewhere, nobody waits for it.
    if (source instanceof Uint8Array) {
      counted.end(source)
    } else {
      this.#current = source
      source.once('error', (error) => counted.destroy(error))
      source.pipe(counted)
    }
    this.#zip.addReadStream(counted, path, { mtime: this.mtime, compress: options.compress ?? true })
    await Promise.race([through, this.#failed])
    this.#current = null
    return { path, size, sha256: hash.digest('hex') }
  }

  /** Writes the central directory and closes the file; resolves with the zip's size. */
  async finish(): Promise<number> {
    this.#zip.end()
    await Promise.race([finished(this.#output), this.#failed])
    return this.#output.bytesWritten
  }

  /** Stops writing after a failure: the entry being read is closed, the file left for the caller to remove. */
  async abort(): Promise<void> {
    this.#current?.destroy()
    this.#zip.outputStream.unpipe(this.#gathered)
    this.#gathered.destroy()
    this.#output.destroy()
    await finished(this.#output).catch(() => undefined)
  }
}
