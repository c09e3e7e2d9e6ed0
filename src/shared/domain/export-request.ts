// The export request as every edge checks it (IPC, HTTP, the command line); apart from
// export.ts so the renderer, which only builds requests, never loads zod's object schemas.
import { z } from 'zod'
import { EXPORT_FORMATS, type ExportRequest } from './export'

export const exportRequestSchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  sources: z.enum(['cited', 'all']).default('cited'),
  includeOriginals: z.boolean().default(false)
}) satisfies z.ZodType<ExportRequest, unknown>
