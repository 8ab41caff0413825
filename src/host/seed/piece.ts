import fs from 'node:fs'

/** The story as filed: plain text, paragraphs separated by blank lines. */
const PIECE_FILE = new URL('./piece.txt', import.meta.url)

/** The piece ends with its related-coverage block: a headline line and a dek line per item. */
const RELATED_COVERAGE_ITEMS = 3

export type PieceText = {
  paragraphs: string[]
  relatedCoverage: { dek: string; headline: string }[]
}

export const splitPiece = (text: string): PieceText => {
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
  const relatedBlocks = blocks.slice(-RELATED_COVERAGE_ITEMS * 2)
  const relatedCoverage = Array.from({ length: RELATED_COVERAGE_ITEMS }, (_, index) => ({
    dek: relatedBlocks[index * 2 + 1],
    headline: relatedBlocks[index * 2],
  }))
  return { paragraphs: blocks.slice(0, -RELATED_COVERAGE_ITEMS * 2), relatedCoverage }
}

export const readPiece = (): PieceText => splitPiece(fs.readFileSync(PIECE_FILE, 'utf8'))
