// Projects: each one is a folder of data files; the registry remembers which opened last.
import { z } from 'zod'

export const projectEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  dir: z.string().min(1),
  createdAt: z.string()
})
export type ProjectEntry = z.infer<typeof projectEntrySchema>

export const projectRegistrySchema = z.object({
  version: z.literal(1),
  lastProjectId: z.string().nullable(),
  projects: z.array(projectEntrySchema)
})
export type ProjectRegistry = z.infer<typeof projectRegistrySchema>

export interface ProjectInfo {
  current: ProjectEntry
  projects: ProjectEntry[]
  /** Problems met while loading the project's files, e.g. a damaged file set aside. */
  warnings: string[]
}
