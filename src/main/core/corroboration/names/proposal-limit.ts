// How many possible name variants the Names tab is offered at once, apart from the matcher
// so the service can cut a saved list without loading the matching code.

/** Proposals the Names tab is given at most: more than anyone reviews at once; the surest come first. */
export const MAX_PROPOSALS = 200
