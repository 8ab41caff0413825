'use client'

import { useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'
import { formatAdminURL } from 'payload/shared'

/** What a record shown in the editor came to: not chosen yet, on its way, or its fields. */
export type RecordState<T> =
  | { doc: T; status: 'found' }
  | { status: 'empty' }
  | { status: 'failed' }
  | { status: 'loading' }
  | { status: 'missing' }

// One request per record for the whole page: a story cites the same case many times, and each
// chip re-renders on every keystroke in the editor. Only answers are kept; a failed request is
// forgotten so the next render asks again.
const answers = new Map<string, Promise<unknown>>()

const load = (url: string): Promise<unknown> => {
  const known = answers.get(url)
  if (known) {
    return known
  }
  const pending = fetch(url, { credentials: 'include' }).then((response) => {
    if (response.status === 404) {
      return null
    }
    if (!response.ok) {
      throw new Error(`${response.status} from ${url}`)
    }
    return response.json()
  })
  answers.set(url, pending)
  pending.catch(() => answers.delete(url))
  return pending
}

/** A few fields of one record, read through the REST API as the signed-in user. */
export const useRecord = <T>(
  collection: string,
  id: number | string | undefined,
  fields: readonly string[],
): RecordState<T> => {
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const select = fields.map((field) => `&select[${field}]=true`).join('')
  const url =
    id === undefined
      ? undefined
      : `${formatAdminURL({
          apiRoute: api,
          path: `/${collection}/${encodeURIComponent(String(id))}`,
          serverURL,
        })}?depth=0${select}`
  const [answer, setAnswer] = useState<{ doc?: T | null; failed?: true; url: string }>()

  useEffect(() => {
    if (!url) {
      return
    }
    let current = true
    load(url).then(
      (doc) => current && setAnswer({ doc: doc as T | null, url }),
      () => current && setAnswer({ failed: true, url }),
    )
    return () => {
      current = false
    }
  }, [url])

  if (!url) {
    return { status: 'empty' }
  }
  // An answer for the previous choice is not an answer for this one.
  if (answer?.url !== url) {
    return { status: 'loading' }
  }
  if (answer.failed) {
    return { status: 'failed' }
  }
  return answer.doc ? { doc: answer.doc, status: 'found' } : { status: 'missing' }
}
