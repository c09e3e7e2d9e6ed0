// The highlight colours, kept apart from the schemas so the UI can import them without zod.
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'orange'] as const
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number]
