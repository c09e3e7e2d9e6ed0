// Tags as the user types them: comma separated, trimmed, without duplicates.
export function parseTags(input: string): string[] {
  return [...new Set(input.split(',').map((tag) => tag.trim()).filter((tag) => tag.length > 0))].slice(0, 50).map((tag) => tag.slice(0, 60))
}
