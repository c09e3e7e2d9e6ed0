// A library search the user named and kept, to run again with one click (Datashare's
// and Zotero's saved searches). Kept in the project's notes with the rest of the user's work.
import { z } from 'zod'

export const savedSearchSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(120),
  query: z.string().max(20_000),
  /** The search option "Include spelling variants of confirmed names". */
  nameVariants: z.boolean().default(false),
  createdAt: z.string()
})
export type SavedSearch = z.infer<typeof savedSearchSchema>
