// Small walks over a parsed query tree: flattening nested groups, and listing the clauses
// that count as hits (those not under an odd number of NOTs).
import type { QueryNode, TermMatcher } from './query-types'

/** Flattens and-in-and and or-in-or, unwraps one-child groups and double negations. */
export function simplify(node: QueryNode): QueryNode {
  switch (node.kind) {
    case 'and':
    case 'or': {
      const children = node.children.map(simplify).flatMap((child) => (child.kind === node.kind ? child.children : [child]))
      return children.length === 1 && children[0] !== undefined ? children[0] : { kind: node.kind, children }
    }
    case 'not': {
      const child = simplify(node.child)
      return child.kind === 'not' ? child.child : { kind: 'not', child }
    }
    default:
      return node
  }
}

/** A leaf of the tree that matches positions: a term, a phrase or a proximity group. */
export type PositionalNode = Extract<QueryNode, { kind: 'word' | 'prefix' | 'fuzzy' | 'phrase' | 'near' }>

/** The leaves a document is found (and highlighted) by, leaving out excluded ones. */
export function positiveLeaves(node: QueryNode, negated = false): PositionalNode[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.children.flatMap((child) => positiveLeaves(child, negated))
    case 'not':
      return positiveLeaves(node.child, !negated)
    default:
      return negated ? [] : [node]
  }
}

export function leafMatchers(leaf: PositionalNode): TermMatcher[] {
  return leaf.kind === 'phrase' || leaf.kind === 'near' ? leaf.parts : [leaf]
}

/** Every term matcher in the tree, excluded ones included. */
export function allMatchers(node: QueryNode): TermMatcher[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.children.flatMap(allMatchers)
    case 'not':
      return allMatchers(node.child)
    default:
      return leafMatchers(node)
  }
}
