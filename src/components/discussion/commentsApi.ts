import { collectionSlugs } from '../../collectionSlugs'

/** A user as a comment holds it: populated with the name alone, or only an id if unreadable. */
export type UserRef = { id: number | string; name?: null | string } | number | string | null

/** What the discussion shows of a comment. */
export type ThreadComment = {
  author?: UserRef
  body: string
  createdAt: string
  id: number | string
  mentions?: null | UserRef[]
  parent?: { id: number | string } | null | number | string
  resolved?: boolean | null
  resolvedAt?: null | string
  resolvedBy?: UserRef
}

/**
 * A write or read the server turned down: its own words when it gave some (a validation
 * message, "You are not allowed to perform this action."), else only the status.
 */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly serverMessage: string | undefined,
  ) {
    super(serverMessage ?? `HTTP ${status}`)
  }
}

type ErrorBody = { errors?: { data?: { errors?: { message?: unknown }[] }; message?: unknown }[] }

/** Payload's error answer as a sentence: a field's own message rather than "invalid: body". */
const refusal = async (response: Response): Promise<Refusal> => {
  let messages: string[] = []
  try {
    const { errors = [] } = (await response.json()) as ErrorBody
    messages = errors.flatMap((error) => {
      const fields = (error.data?.errors ?? []).map((field) => field.message)
      return (fields.length > 0 ? fields : [error.message]).filter(
        (message): message is string => typeof message === 'string' && message !== '',
      )
    })
  } catch {
    // Not JSON (a proxy's error page): the status is all there is.
  }
  return new Refusal(response.status, messages.length > 0 ? messages.join(' ') : undefined)
}

const send = async <T>(url: string, init?: RequestInit): Promise<T> => {
  const response = await fetch(url, {
    ...init,
    // The signed-in user's cookie: every access rule and hook applies as in the admin's forms.
    credentials: 'include',
    headers: init?.body ? { 'Content-Type': 'application/json' } : undefined,
  })
  if (!response.ok) {
    throw await refusal(response)
  }
  return (await response.json()) as T
}

// The join's own page size; within the plugin's default `limits.maxLimit` (100).
const PAGE_SIZE = 50

const FIELDS = [
  'author',
  'body',
  'createdAt',
  'mentions',
  'parent',
  'resolved',
  'resolvedAt',
  'resolvedBy',
] as const

/** The list query: one story's comments, oldest first, people by name, parents as bare ids. */
const listQuery = (articleId: number | string, page: number): string => {
  const query = new URLSearchParams({
    depth: '1',
    limit: String(PAGE_SIZE),
    page: String(page),
    sort: 'createdAt',
    'where[article][equals]': String(articleId),
  })
  for (const field of FIELDS) {
    query.set(`select[${field}]`, 'true')
  }
  // Depth 1 populates people and parents: of a person the name (an address is not every
  // colleague's to read), of a parent only what names it.
  query.set(`populate[${collectionSlugs.users}][name]`, 'true')
  query.set(`populate[${collectionSlugs.editorialComments}][createdAt]`, 'true')
  return query.toString()
}

type Page = { docs: ThreadComment[]; hasNextPage: boolean }

/** Every comment on the story, page by page, as the signed-in user may read them. */
export const loadComments = async (
  collectionUrl: string,
  articleId: number | string,
  signal?: AbortSignal,
): Promise<ThreadComment[]> => {
  const comments: ThreadComment[] = []
  for (let page = 1; ; page++) {
    const { docs, hasNextPage } = await send<Page>(
      `${collectionUrl}?${listQuery(articleId, page)}`,
      { signal },
    )
    comments.push(...docs)
    if (!hasNextPage) {
      return comments
    }
  }
}

/** A new comment, or a reply when `parent` is given; the server sets its author and mentions. */
export const postComment = (
  collectionUrl: string,
  data: { article: number | string; body: string; parent?: number | string },
): Promise<unknown> =>
  send(`${collectionUrl}?depth=0`, { body: JSON.stringify(data), method: 'POST' })

/** Resolves or reopens a thread; the server stamps who and when. */
export const setResolved = (
  collectionUrl: string,
  id: number | string,
  resolved: boolean,
): Promise<unknown> =>
  send(`${collectionUrl}/${encodeURIComponent(String(id))}?depth=0`, {
    body: JSON.stringify({ resolved }),
    method: 'PATCH',
  })
