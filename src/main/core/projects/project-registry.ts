// The list of projects under the data folder and which one was open last. Each project
// folder also holds its own project.json, so a damaged registry is rebuilt from the
// folders instead of hiding the user's projects.
import { randomUUID } from 'node:crypto'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { projectEntrySchema, projectRegistrySchema, type ProjectEntry, type ProjectRegistry as RegistryData } from '../../../shared/domain/project'
import { UserError } from '../../../shared/ipc/result'
import { isAtomicWriteTemp, writeFileAtomic } from '../store/atomic-write'
import { ValidatedJsonFile } from '../store/validated-json-file'

const PROJECT_FILE = 'project.json'
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

export class ProjectRegistry {
  readonly warnings: string[] = []
  readonly #db: Low<RegistryData>

  private constructor(private readonly dataDir: string) {
    this.#db = new Low(
      new ValidatedJsonFile(join(dataDir, 'projects.json'), projectRegistrySchema, (message) => this.warnings.push(message)),
      { version: 1, lastProjectId: null, projects: [] }
    )
  }

  static async open(dataDir: string): Promise<ProjectRegistry> {
    await mkdir(join(dataDir, 'projects'), { recursive: true })
    await lockDataFolder(dataDir)
    for (const name of (await readdir(dataDir)).filter(isAtomicWriteTemp)) await rm(join(dataDir, name), { force: true })
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

  async markOpened(projectId: string): Promise<void> {
    this.#db.data.lastProjectId = projectId
    await this.#db.write()
  }
}
