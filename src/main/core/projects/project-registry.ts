// The list of projects under the data folder and which one was open last.
import { randomUUID } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { projectRegistrySchema, type ProjectEntry, type ProjectRegistry as RegistryData } from '../../../shared/domain/project'
import { UserError } from '../../../shared/ipc/result'
import { ValidatedJsonFile } from '../store/validated-json-file'

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
    await mkdir(dataDir, { recursive: true })
    const registry = new ProjectRegistry(dataDir)
    await registry.#db.read()
    return registry
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
    this.#db.data.projects.push(project)
    await this.#db.write()
    return project
  }

  async markOpened(projectId: string): Promise<void> {
    this.#db.data.lastProjectId = projectId
    await this.#db.write()
  }
}
