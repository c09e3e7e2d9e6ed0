// Finds the charset an HTML file declares about itself (<meta charset>, the http-equiv
// Content-Type, or an XML declaration) in its first bytes, as browsers do before decoding.
const SNIFF_BYTES = 4096

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.()-]+)/i
const XML_ENCODING = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_:.()-]+)["']/i

export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_BYTES)).toString('latin1')
  const found = META_CHARSET.exec(head) ?? XML_ENCODING.exec(head)
  return found?.[1]?.toLowerCase() ?? null
}
