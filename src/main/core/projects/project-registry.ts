// The list of projects under the data folder and which one was open last. Each project
// folder also holds its own project.json, so a damaged registry is rebuilt from the
// folders instead of hiding the user's projects.
import { randomUUID } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { projectEntrySchema, projectRegistrySchema, type ProjectEntry, type ProjectRegistry as RegistryData } from '../../../shared/domain/project'
import { UserError } from '../../../shared/ipc/result'
import { isAtomicWriteTemp, writeFileAtomic } from '../store/atomic-write'
import { ValidatedJsonFile } from '../store/validated-json-file'

const PROJECT_FILE = 'project.json'
/** A project folder still being made (e.g. unpacked from a bundle): moved into place only when complete. */
const PREPARING_PREFIX = '.preparing-'
/** Holds the pid of the process using the data folder: two processes must never clean up after each other. */
export const LOCK_FILE = 'sourcebench.lock'

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error: unknown) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Claims the data folder for this process, or refuses when another running Sourcebench
 * has it (the Electron app holds a single-instance lock; two browser-mode servers on one
 * folder would each take the other's unsaved work for crash leftovers).
 */
async function lockDataFolder(dataDir: string): Promise<void> {
  const path = join(dataDir, LOCK_FILE)
  const holder = Number.parseInt(await readFile(path, 'utf-8').catch(() => ''), 10)
  if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
    throw new UserError('unavailable', `projects: another Sourcebench (process ${holder}) is using ${dataDir}; close it first, or delete ${path} if none is running`)
  }
  await writeFileAtomic(path, String(process.pid))
}

/** Gives the data folder up, if this process still holds it. */
export async function unlockDataFolder(dataDir: string): Promise<void> {
  const path = join(dataDir, LOCK_FILE)
  if (Number.parseInt(await readFile(path, 'utf-8').catch(() => ''), 10) === process.pid) await rm(path, { force: true })
}

async function readProjectFile(dir: string): Promise<ProjectEntry | null> {
  try {
    const parsed = projectEntrySchema.safeParse(JSON.parse(await readFile(join(dir, PROJECT_FILE), 'utf-8')))
    return parsed.success ? { ...parsed.data, dir } : null
  } catch {
    return null
  }
}

/** A project folder being made; see ProjectRegistry.prepare. */
export interface PreparedProject {
  id: string
  dir: string
  finalDir: string
}

export class ProjectRegistry {
  readonly warnings: string[] = []
  readonly #db: Low<RegistryData>

  private constructor(
    /** The data folder: projects live under it, and no folder inside it is ever imported. */
    readonly dataDir: string
  ) {
    this.#db = new Low(
      new ValidatedJsonFile(join(dataDir, 'projects.json'), projectRegistrySchema, (message) => this.warnings.push(message)),
      { version: 1, lastProjectId: null, projects: [] }
    )
  }

  static async open(dataDir: string): Promise<ProjectRegistry> {
    await mkdir(join(dataDir, 'projects'), { recursive: true })
    await lockDataFolder(dataDir)
    for (const name of (await readdir(dataDir)).filter(isAtomicWriteTemp)) await rm(join(dataDir, name), { force: true })
    // A project a crash interrupted while it was being made was never listed: nothing refers to it.
    for (const name of (await readdir(join(dataDir, 'projects'))).filter((candidate) => candidate.startsWith(PREPARING_PREFIX))) {
      await rm(join(dataDir, 'projects', name), { recursive: true, force: true })
    }
    const registry = new ProjectRegistry(dataDir)
    await registry.#db.read()
    await registry.#recoverProjects()
    return registry
  }

  /** Adds any project folder the registry does not list (after damage, or a copy by hand). */
  async #recoverProjects(): Promise<void> {
    const known = new Set(this.#db.data.projects.map((project) => project.id))
    const root = join(this.dataDir, 'projects')
    const found: ProjectEntry[] = []
    for (const name of (await readdir(root, { withFileTypes: true })).filter((entry) => entry.isDirectory())) {
      const entry = await readProjectFile(join(root, name.name))
      if (entry !== null && !known.has(entry.id)) found.push(entry)
    }
    if (found.length === 0) return
    found.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    this.#db.data.projects.push(...found)
    await this.#db.write()
  }

  get projects(): ProjectEntry[] {
    return this.#db.data.projects
  }

  get last(): ProjectEntry | undefined {
    const data = this.#db.data
    return data.projects.find((project) => project.id === data.lastProjectId) ?? data.projects[0]
  }

  get(projectId: string): ProjectEntry {
    const project = this.#db.data.projects.find((candidate) => candidate.id === projectId)
    if (project === undefined) throw new UserError('not-found', `projects: no project ${projectId}`)
    return project
  }

  async create(name: string, now: Date): Promise<ProjectEntry> {
    const id = randomUUID()
    const project: ProjectEntry = { id, name, dir: join(this.dataDir, 'projects', id), createdAt: now.toISOString() }
    await mkdir(project.dir, { recursive: true })
    await writeFileAtomic(join(project.dir, PROJECT_FILE), JSON.stringify(project))
    this.#db.data.projects.push(project)
    await this.#db.write()
    return project
  }

  /** A name no project here has yet: the name itself, else "<name> (2)", "(3)"… */
  freeName(name: string): string {
    const taken = new Set(this.#db.data.projects.map((project) => project.name))
    let candidate = name
    for (let number = 2; taken.has(candidate); number++) candidate = `${name} (${number})`
    return candidate
  }

  /**
   * A project to make outside the list: its id, the folder to fill (beside the others,
   * removed at the next open if a crash stops the making) and the folder it will have.
   */
  async prepare(): Promise<PreparedProject> {
    const id = randomUUID()
    const dir = join(this.dataDir, 'projects', `${PREPARING_PREFIX}${id}`)
    await mkdir(dir)
    return { id, dir, finalDir: join(this.dataDir, 'projects', id) }
  }

  /**
   * Lists a project made in a folder from `prepare` (e.g. unpacked from a bundle): writes
   * its project.json, with `extra` fields beside the entry's (e.g. where it came from), and
   * renames the folder into place, so a half-made project never shows.
   */
  async adopt(prepared: PreparedProject, name: string, now: Date, extra: Record<string, unknown>): Promise<ProjectEntry> {
    const project: ProjectEntry = { id: prepared.id, name, dir: prepared.finalDir, createdAt: now.toISOString() }
    await writeFileAtomic(join(prepared.dir, PROJECT_FILE), JSON.stringify({ ...extra, ...project }))
    await rename(prepared.dir, project.dir)
    this.#db.data.projects.push(project)
    await this.#db.write()
    return project
  }

  /** Everything a project's project.json holds, beyond the entry too (e.g. the bundle it was opened from); null when unreadable. */
  async projectFile(project: ProjectEntry): Promise<unknown> {
    try {
      return JSON.parse(await readFile(join(project.dir, PROJECT_FILE), 'utf-8')) as unknown
    } catch {
      return null
    }
  }

  async markOpened(projectId: string): Promise<void> {
    this.#db.data.lastProjectId = projectId
    await this.#db.write()
  }
}
