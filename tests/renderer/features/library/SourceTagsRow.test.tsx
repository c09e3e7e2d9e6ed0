import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { SourceTagsRow } from '../../../../src/renderer/src/features/library/SourceTagsRow'
import type { Api } from '../../../../src/shared/ipc/contract'
import { makeSource } from '../../../helpers/factories'

describe('SourceTagsRow', () => {
  afterEach(cleanup)

  it('saves the typed tags, each once, when the field is left or Enter is pressed, without submitting the form', async () => {
    const source = makeSource({ id: 's1', title: 'Putin has hope', relativePath: '002.txt', tags: ['Korea'] })
    const tagSource = vi.fn(async (input: { sourceId: string; tags?: string[] }) => ({ ok: true as const, value: { ...source, tags: input.tags ?? [] } }))
    const api = new Proxy({} as Api, { get: (_target, method: string) => (method === 'tagSource' ? tagSource : () => Promise.resolve({ ok: true, value: null })) })
    useWorkbench.setState({ api, sources: [source] })
    const submit = vi.fn((event: { preventDefault(): void }) => event.preventDefault())
    render(
      <form onSubmit={submit}>
        <SourceTagsRow source={source} />
      </form>
    )
    const field = screen.getByLabelText('Tags') as HTMLInputElement
    expect(field.value).toBe('Korea')
    fireEvent.blur(field)
    expect(tagSource).not.toHaveBeenCalled()
    fireEvent.change(field, { target: { value: 'Korea, trade , Korea' } })
    fireEvent.keyDown(field, { key: 'Enter' })
    expect(submit).not.toHaveBeenCalled()
    expect(tagSource).toHaveBeenCalledWith({ sourceId: 's1', tags: ['Korea', 'trade'] })
    await waitFor(() => expect(useWorkbench.getState().sources[0]?.tags).toEqual(['Korea', 'trade']))
  })
})
