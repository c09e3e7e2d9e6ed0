// What a user does with the mouse, expressed for Playwright: select a phrase in a pane.
import type { Page } from 'playwright-core'

/** Selects the first occurrence of `phrase` in pane N's text and releases the mouse there. */
export async function selectPhrase(page: Page, pane: number, phrase: string): Promise<void> {
  const found = await page.evaluate(
    ({ pane, phrase }) => {
      const container = document.querySelector(`[data-testid="pane-${pane}"] [data-testid="source-text"]`)
      if (container === null) return false
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT)
      const nodes: Text[] = []
      let text = ''
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        nodes.push(node as Text)
        text += node.textContent ?? ''
      }
      const start = text.indexOf(phrase)
      if (start === -1) return false
      const locate = (offset: number): [Text, number] => {
        let seen = 0
        for (const node of nodes) {
          const length = node.textContent?.length ?? 0
          if (offset <= seen + length) return [node, offset - seen]
          seen += length
        }
        throw new Error('offset outside the text')
      }
      const range = document.createRange()
      range.setStart(...locate(start))
      range.setEnd(...locate(start + phrase.length))
      const selection = window.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
      const box = range.getBoundingClientRect()
      container.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: box.right, clientY: box.bottom }))
      return true
    },
    { pane, phrase }
  )
  if (!found) throw new Error(`e2e: "${phrase}" is not in pane ${pane}`)
}
