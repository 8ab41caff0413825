import { describe, expect, it } from '@jest/globals'

import type { ThreadComment } from '../src/components/discussion/commentsApi'

import { buildThreads, replyCount } from '../src/components/discussion/threads'
import { mentionHandles, mentionParts } from '../src/utilities/mentions'

/**
 * Issue 23: the Discussion tab's threads. The comments of a story as threads (replies under what
 * they answer, oldest first, nothing lost), and the @mentions the admin marks are the handles
 * the server notifies.
 */

const comment = (id: number, minute: number, parent?: number | { id: number }): ThreadComment => ({
  body: `comment ${id}`,
  createdAt: new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString(),
  id,
  parent: parent ?? null,
})

/** A thread as nested ids: [id, [replies…]]. */
type Shape = [number | string, Shape[]]
const shape = (nodes: ReturnType<typeof buildThreads>): Shape[] =>
  nodes.map((node) => [node.comment.id, shape(node.replies)])

describe('threads', () => {
  it('puts each reply under the comment it answers, threads and replies oldest first', () => {
    const threads = buildThreads([
      comment(4, 4, 1),
      comment(2, 2),
      comment(3, 3, { id: 1 }),
      comment(1, 1),
      comment(5, 5, 3),
    ])
    expect(shape(threads)).toEqual([
      [
        1,
        [
          [3, [[5, []]]],
          [4, []],
        ],
      ],
      [2, []],
    ])
    expect(threads.map(replyCount)).toEqual([3, 0])
  })

  it('shows a reply whose parent is not in the list as a thread of its own', () => {
    expect(shape(buildThreads([comment(7, 7, 99), comment(6, 6)]))).toEqual([
      [6, []],
      [7, []],
    ])
  })
})

describe('mentions', () => {
  const bodies = [
    '@writer which gauge? Add the port’s reply.',
    'Ask @Eddie.Editor. Not a@b.com, nor @@double; (@paren) and @last.',
    'Line one\n@writer\tand @writer again, @w-r+1.',
    'No mention at all',
    '',
  ]

  it('marks exactly the handles the server notifies', () => {
    for (const body of bodies) {
      const marked = mentionParts(body)
        .filter((part) => part.mention)
        .map((part) => part.text.slice(1).toLowerCase())
      expect([...new Set(marked)]).toEqual(mentionHandles(body))
    }
  })

  it('keeps every character of the body, in order', () => {
    for (const body of bodies) {
      expect(
        mentionParts(body)
          .map((part) => part.text)
          .join(''),
      ).toBe(body)
    }
    expect(mentionParts('Ask @Eddie.Editor.')).toEqual([
      { mention: false, text: 'Ask ' },
      { mention: true, text: '@Eddie.Editor' },
      { mention: false, text: '.' },
    ])
  })
})
