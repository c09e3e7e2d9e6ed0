// A count with its noun in the right number ("1 source", "2 sources", "1,204 quotations"),
// for the claims and corroboration panels, which must never say "1 names".
export function countLabel(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`
}
