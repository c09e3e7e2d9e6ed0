import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useWorkbench } from '../../../../src/renderer/src/app/workbench-store'
import { SourceDetails } from '../../../../src/renderer/src/features/library/SourceDetails'
import { EMPTY_META } from '../../../../src/shared/domain/source'
import { makeSource } from '../../../helpers/factories'

function open(date: string | null, locale = 'en-GB') {
  vi.spyOn(navigator, 'language', 'get').mockReturnValue(locale)
  const updateSource = vi.fn(async () => true)
  const onClose = vi.fn()
  useWorkbench.setState({ updateSource })
  const source = makeSource({ id: 's1', title: 'Summit report', relativePath: 'summit.md', meta: { ...EMPTY_META, date } })
  render(<SourceDetails source={source} onClose={onClose} />)
  return { updateSource, onClose, field: screen.getByLabelText('Date') as HTMLInputElement }
}

describe('SourceDetails', () => {
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('shows the day a typed date is read as, and saves it in ISO form', async () => {
    const { updateSource, onClose, field } = open(null)
    fireEvent.change(field, { target: { value: '16 Jan 2026' } })
    expect(screen.getByTestId('date-reading').textContent).toBe('→ 16 January 2026')
    expect(field.getAttribute('aria-invalid')).toBe('false')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(updateSource).toHaveBeenCalledWith({ sourceId: 's1', date: '2026-01-16' })
  })

  it('shows why a typed date cannot be read, and does not save it', () => {
    const { updateSource, onClose, field } = open('2026-01-16')
    fireEvent.change(field, { target: { value: 'next Tuesday-ish' } })
    const reading = screen.getByTestId('date-reading')
    expect(reading.textContent).toBe('Date: “next Tuesday-ish” is not a date; type it like 2026-01-16 or 16 January 2026')
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(field.getAttribute('aria-describedby')).toBe(reading.id)
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(updateSource).not.toHaveBeenCalled()
    expect(onClose).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(field)
  })

  it('reads a numeric date in the order of the reader’s locale', async () => {
    const { updateSource, field } = open(null, 'en-US')
    fireEvent.change(field, { target: { value: '03/04/2026' } })
    expect(screen.getByTestId('date-reading').textContent).toBe('→ March 4, 2026')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(updateSource).toHaveBeenCalledWith({ sourceId: 's1', date: '2026-03-04' }))
  })

  it('shows an imported date-time as its day, and leaves an unchanged date out of the save', async () => {
    const { updateSource, field } = open('2015-07-24T05:36:09+01:00')
    expect(screen.getByTestId('date-reading').textContent).toBe('→ 24 July 2015')
    fireEvent.change(screen.getByLabelText('Outlet'), { target: { value: 'The Guardian' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(updateSource).toHaveBeenCalledWith({ sourceId: 's1', outlet: 'The Guardian' }))
    expect(field.value).toBe('2015-07-24T05:36:09+01:00')
  })

  it('does not hold up other edits over an old date it cannot read, and clears the date when emptied', async () => {
    const { updateSource, field } = open('Spring 2015')
    expect(screen.getByTestId('date-reading').textContent).toBe('')
    fireEvent.change(screen.getByLabelText('Author'), { target: { value: 'Jane Doe' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(updateSource).toHaveBeenCalledWith({ sourceId: 's1', author: 'Jane Doe' }))
    fireEvent.change(field, { target: { value: '' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(updateSource).toHaveBeenLastCalledWith({ sourceId: 's1', author: 'Jane Doe', date: '' }))
  })
})
