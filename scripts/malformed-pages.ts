// The ways saved web pages are malformed that browsers shrug off, applied to a good page
// for `npm run eval:import -- <readability corpus> --malform`: server warnings before the
// markup, a <head> before <html>, a page saved twice, an error page before the article.
const PHP_WARNING =
  "<br />\n<b>Warning</b>:  mysql_connect(): Access denied for user 'web'@'localhost' (using password: YES) in <b>/var/www/inc/db.php</b> on line <b>12</b><br />\n"
const ERROR_PAGE = '<!DOCTYPE html><html><head><title>Database error</title></head><body><h1>Error establishing a database connection</h1></body></html>\n'

const headOf = (html: string): string => /<head\b[^>]*>[\s\S]*?<\/head\s*>/i.exec(html)?.[0] ?? ''

function headFirst(html: string): string {
  const head = headOf(html)
  return head === '' ? html : head + html.replace(head, '').replace(/<!doctype[^>]*>/i, '')
}

export const MALFORMATIONS: Readonly<Record<string, (html: string) => string>> = {
  'php-warning-first': (html) => PHP_WARNING + html,
  'head-before-html': headFirst,
  'saved-twice': (html) => `${html}\n${html}`,
  'error-page-first': (html) => ERROR_PAGE + html,
  combined: (html) => PHP_WARNING + headFirst(html) + html
}
