import { describe, expect, it } from 'vitest'
import { extractEmail } from '../../../../../src/main/core/library/extract/email'
import { looksLikeEmail } from '../../../../../src/main/core/library/extract/email-headers'

const bytes = (text: string, encoding: BufferEncoding = 'utf8'): Uint8Array => new Uint8Array(Buffer.from(text.replace(/\n/g, '\r\n'), encoding))

const MIME_MESSAGE = `From: =?UTF-8?Q?Jos=C3=A9_Pe=C3=B1a?= <jose@example.org>
To: Desk <desk@example.org>, ann@example.org
Date: Mon, 5 Apr 1993 23:10:00 -0400
Subject: =?UTF-8?Q?Leaked_memo_=E2=80=93_council?=
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="XYZ"

--XYZ
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

The council met on Friday. Caf=C3=A9 owners were there.
--XYZ
Content-Type: application/pdf; name="memo.pdf"
Content-Disposition: attachment; filename="memo.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQK
--XYZ--
`

describe('email', () => {
  it('takes subject, sender and the day the sender wrote as title, author and date; shows the addressing, then the body', async () => {
    const document = await extractEmail(bytes(MIME_MESSAGE))
    expect(document.format).toBe('email')
    expect(document.title).toBe('Leaked memo – council')
    expect(document.meta).toEqual({ author: 'José Peña', date: '1993-04-05' })
    expect(document.text).toBe(
      'From: José Peña <jose@example.org>\nTo: Desk <desk@example.org>, ann@example.org\nDate: Mon, 5 Apr 1993 23:10:00 -0400\nSubject: Leaked memo – council\n\nThe council met on Friday. Café owners were there.'
    )
  })

  it('names the attachments it did not import', async () => {
    const document = await extractEmail(bytes(MIME_MESSAGE))
    expect(document.warnings).toEqual(['1 attachment not imported (memo.pdf): save it into the folder to import it'])
  })

  it('decodes an old post that names no charset like a text file, guessing Windows-1252', async () => {
    const post = 'From: jsmith@cs.example.edu (John Smith)\nSubject: Re: budget\nOrganization: Example University\nLines: 2\n\nThe caf\u00e9 vote \u201cpassed\u201d.\n'
    const windows1252 = Buffer.from(post.replace(/\n/g, '\r\n'), 'latin1')
    windows1252[windows1252.indexOf(0x1c)] = 0x93
    windows1252[windows1252.indexOf(0x1d)] = 0x94
    const document = await extractEmail(new Uint8Array(windows1252))
    expect(document.text).toContain('The café vote “passed”.')
    expect(document.meta).toEqual({ author: 'John Smith' })
    expect(document.title).toBe('Re: budget')
  })

  it('reads the text of an HTML-only message', async () => {
    const html = 'From: a@example.org\nSubject: Notice\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>First.</p><script>alert(1)</script><p>Second.</p></body></html>\n'
    const document = await extractEmail(bytes(html))
    expect(document.text).toBe('From: a@example.org\nSubject: Notice\n\nFirst.\n\nSecond.')
  })
})

describe('email-headers', () => {
  it('recognises saved messages and newsgroup posts by their header block', () => {
    expect(looksLikeEmail('From: a@example.org\nSubject: Hi\n\nBody')).toBe(true)
    expect(looksLikeEmail('From a@example.org Mon Apr  5 10:00:00 1993\nFrom: a@example.org\nDate: Mon, 5 Apr 1993\n\nBody')).toBe(true)
    expect(looksLikeEmail('Received: from x\n  by y\nFrom: a@example.org\nTo: b@example.org\n\n')).toBe(true)
  })

  it('does not take ordinary text with a colon for a message', () => {
    expect(looksLikeEmail('Note: the vote is on Friday.\nSubject to change.\n')).toBe(false)
    expect(looksLikeEmail('From: the editor\nThis is a letter, not a message header.\n')).toBe(false)
    expect(looksLikeEmail('Subject: Budget\nDate: Friday\n\nNo sender line.')).toBe(false)
    expect(looksLikeEmail('')).toBe(false)
  })
})
