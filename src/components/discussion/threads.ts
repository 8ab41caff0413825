import type { ThreadComment } from './commentsApi'

import { relationId } from '../../utilities/ids'

/** A comment with the replies that answer it, each with theirs, oldest first. */
export type ThreadNode = { comment: ThreadComment; replies: ThreadNode[] }

const byAge = (a: ThreadNode, b: ThreadNode) =>
  a.comment.createdAt.localeCompare(b.comment.createdAt)

/**
 * The story's comments as threads: each comment without a parent starts one, and every reply
 * sits under the comment it answers. A reply whose parent is not in the list (deleted, or not
 * readable) starts a thread of its own rather than disappearing.
 */
export const buildThreads = (comments: ThreadComment[]): ThreadNode[] => {
  const nodes = new Map<string, ThreadNode>(
    comments.map((comment) => [String(comment.id), { comment, replies: [] }]),
  )
  const roots: ThreadNode[] = []
  for (const node of nodes.values()) {
    const parentId = relationId(node.comment.parent)
    const parent = parentId === undefined ? undefined : nodes.get(String(parentId))
    if (parent && parent !== node) {
      parent.replies.push(node)
    } else {
      roots.push(node)
    }
  }
  for (const node of nodes.values()) {
    node.replies.sort(byAge)
  }
  return roots.sort(byAge)
}

/** How many replies a thread holds, at every depth. */
export const replyCount = (node: ThreadNode): number =>
  node.replies.reduce((count, reply) => count + 1 + replyCount(reply), 0)
