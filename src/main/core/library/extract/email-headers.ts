// Recognises an RFC 822 / 5322 message by its header block: the way e-mail and newsgroup
// posts are saved, often in files without an extension (one message per file).
const HEADER_LINE = /^[!-9;-~]+:[ \t]?/
const CONTINUATION = /^[ \t]/
/** Headers every saved message or post carries at least one of, besides From. */
const MESSAGE_HEADERS = /^(subject|date|to|message-id|newsgroups|received|mime-version|return-path|path):/im
const MAX_HEADER_LINES = 400

/** Whether the text opens with a header block that holds From: and another message header. */
export function looksLikeEmail(head: string): boolean {
  const lines = head.replace(/\r\n?/g, '\n').split('\n')
  // The probe may end inside a line: judge only whole ones.
  if (!head.endsWith('\n')) lines.pop()
  // An mbox "From sender date" separator may come first.
  const start = lines[0]?.startsWith('From ') === true ? 1 : 0
  let headers = 0
  let block = ''
  for (let index = start; index < Math.min(lines.length, start + MAX_HEADER_LINES); index++) {
    const line = lines[index] as string
    if (line === '') break
    if (HEADER_LINE.test(line)) {
      headers++
      block += `${line}\n`
    } else if (!(CONTINUATION.test(line) && headers > 0)) return false
  }
  return headers >= 2 && /^from:/im.test(block) && MESSAGE_HEADERS.test(block)
}
