// Which code made what is saved under findings/: saved work of other code is done again.
// Kept apart from that code so the main thread can check a saved result without loading it.

/**
 * Which extraction code made a text's findings. Bump it whenever quotes/ or names/ find
 * something else in the same text (findings/text-findings.test.ts fails until you do).
 */
export const ANALYSER_VERSION = 1

/**
 * Which grouping code made a saved ledger or set of name groups. Bump it whenever
 * quotes/group-*, the names grouping or what a saved table holds changes
 * (findings/group-tables.test.ts fails until you do). 2: cards with counts beside whole groups,
 * binary columns, sections read when needed (a start of 1 groups again from the saved findings).
 */
export const GROUPING_VERSION = 2
