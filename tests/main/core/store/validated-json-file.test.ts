import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ValidatedJsonFile } from '../../../../src/main/core/store/validated-json-file'
import { useTempDirs } from '../../../helpers/temp-dir'

const schema = z.object({ version: z.literal(1), items: z.array(z.string()) })

describe('ValidatedJsonFile', () => {
  const tempDir = useTempDirs()

  it('reads back what it wrote, leaving no temporary file behind', async () => {
    const dir = await tempDir()
    const file = new ValidatedJsonFile(join(dir, 'data.json'), schema, () => undefined)
    await file.write({ version: 1, items: ['a', 'b'] })
    expect(await file.read()).toEqual({ version: 1, items: ['a', 'b'] })
    expect(await readdir(dir)).toEqual(['data.json'])
  })

  it('sets a file that is not JSON aside, keeps its bytes and reports it by name', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'data.json'), '{"version":1,"items":["a"')
    const problems: string[] = []
    const file = new ValidatedJsonFile(join(dir, 'data.json'), schema, (message) => problems.push(message))
    expect(await file.read()).toBeNull()
    const names = await readdir(dir)
    const aside = names.find((name) => name.startsWith('data.json.damaged-'))
    expect(aside).toBeDefined()
    expect(await readFile(join(dir, aside!), 'utf-8')).toBe('{"version":1,"items":["a"')
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/data\.json was damaged.*set aside as data\.json\.damaged-/)
  })

  it('sets aside a file that parses but fails validation, naming the field', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'data.json'), JSON.stringify({ version: 1, items: [3] }))
    const problems: string[] = []
    const file = new ValidatedJsonFile(join(dir, 'data.json'), schema, (message) => problems.push(message))
    expect(await file.read()).toBeNull()
    expect(problems[0]).toContain('items.0')
    expect((await readdir(dir)).some((name) => name.startsWith('data.json.damaged-'))).toBe(true)
  })
})
