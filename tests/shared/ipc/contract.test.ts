import { describe, expect, it } from 'vitest'
import { contract } from '../../../src/shared/ipc/contract'
import { describeIssues } from '../../../src/shared/ipc/validation'

describe('contract', () => {
  describe('listSources', () => {
    const parse = (input: unknown): { ok: true } | { ok: false; message: string } => {
      const parsed = contract.listSources.input.safeParse(input)
      return parsed.success ? { ok: true } : { ok: false, message: describeIssues(parsed.error) }
    }

    it('accepts no input (the whole list), a page, changes since a revision, or ids', () => {
      for (const input of [undefined, {}, { offset: 0, limit: 2_000 }, { offset: 120_000, limit: 10_000 }, { since: 'ab12cd34:17', limit: 10_000 }, { ids: ['s1', 's2'] }]) {
        expect(parse(input), JSON.stringify(input)).toEqual({ ok: true })
      }
    })

    it('refuses a bad page, revision or id list with a message naming the field', () => {
      const cases: Array<[unknown, string]> = [
        [{ limit: 0 }, 'limit'],
        [{ limit: 10_001 }, 'limit'],
        [{ limit: 2.5 }, 'limit'],
        [{ offset: -1 }, 'offset'],
        [{ offset: '10' }, 'offset'],
        [{ since: '' }, 'since'],
        [{ since: 42 }, 'since'],
        [{ since: 'x'.repeat(201) }, 'since'],
        [{ since: 'ab:1', offset: 10 }, 'offset'],
        [{ ids: [] }, 'ids'],
        [{ ids: ['s1'], limit: 10 }, 'ids'],
        [{ ids: [''] }, 'ids.0'],
        [{ extra: true }, 'input'],
        [null, 'input']
      ]
      for (const [input, field] of cases) {
        const parsed = parse(input)
        expect(parsed.ok, JSON.stringify(input)).toBe(false)
        if (!parsed.ok) expect(parsed.message.startsWith(`${field}: `), `${JSON.stringify(input)} → ${parsed.message}`).toBe(true)
      }
    })
  })
})
