import fs from 'node:fs'

import type { MemoryReport } from '../bench/scenarios'

import { describeMemory } from '../bench/report'
import { memoryReport } from '../bench/scenarios'

/** A process's resident memory, in bytes (Linux); NaN elsewhere or once it has exited. */
export const residentBytes = (pid: number): number => {
  try {
    const match = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m)
    return match ? Number(match[1]) * 1024 : Number.NaN
  } catch {
    return Number.NaN
  }
}

export type LoadOptions = {
  baseUrl: string
  durationMs: number
  /** Concurrent editors: each creates, updates and publishes stories in a loop. @default 2 */
  editors?: number
  /** Called about every 10 s with the figures so far. */
  onProgress?: (result: LoadResult) => void
  /** The server's pid, for its RSS. */
  pid: number
  /** Concurrent readers: pages, delivery, REST and feeds. @default 8 */
  readers?: number
  /** An editor's (or admin's) JWT. */
  token: string
}

export type LoadResult = {
  /** Requests per kind of traffic. */
  byKind: Record<string, { failed: number; requests: number; serverErrors: number }>
  durationMs: number
  /** Network errors and answers other than 2xx/3xx. */
  failed: number
  /** The first few failures, for the report. */
  failures: string[]
  /** Node's split of the server's memory after the first minute and at the end, when it tells. */
  memory: { afterFirstMinute?: MemoryReport; end?: MemoryReport }
  requests: number
  /** RSS after the first minute (or the first sample of a shorter run), in bytes. */
  rssAfterFirstMinute: number
  rssEnd: number
  rssMax: number
  /** 5xx answers. */
  serverErrors: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Readers and editors at once against a running instance, as a newsroom's day looks: readers
 * on story and front pages, the delivery API, Payload's REST and the feeds; editors creating
 * stories, updating them and publishing, so caches are purged under the readers' feet.
 */
export const runMixedLoad = async ({
  baseUrl,
  durationMs,
  editors = 2,
  onProgress,
  pid,
  readers = 8,
  token,
}: LoadOptions): Promise<LoadResult> => {
  const startedAt = Date.now()
  const endsAt = startedAt + durationMs
  const result: LoadResult = {
    byKind: {},
    durationMs,
    failed: 0,
    failures: [],
    memory: {},
    requests: 0,
    rssAfterFirstMinute: Number.NaN,
    rssEnd: Number.NaN,
    rssMax: 0,
    serverErrors: 0,
  }
  const slugs: string[] = []

  const send = async (kind: string, path: string, init: RequestInit = {}) => {
    const stats = (result.byKind[kind] ??= { failed: 0, requests: 0, serverErrors: 0 })
    stats.requests++
    result.requests++
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        ...init,
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      })
      const text = await response.text()
      if (response.status >= 200 && response.status < 400) {
        return text
      }
      if (response.status >= 500) {
        stats.serverErrors++
        result.serverErrors++
      }
      throw new Error(`${response.status} ${text.slice(0, 200)}`)
    } catch (error) {
      stats.failed++
      result.failed++
      if (result.failures.length < 10) {
        result.failures.push(`${kind} ${path}: ${error instanceof Error ? error.message : error}`)
      }
      return undefined
    }
  }

  const staff = { authorization: `JWT ${token}`, 'content-type': 'application/json' }

  const refreshSlugs = async () => {
    const text = await send(
      'rest',
      '/api/articles?limit=50&depth=0&sort=-publishedAt&where[_status][equals]=published&select[slug]=true',
    )
    if (text) {
      const docs = (JSON.parse(text) as { docs: { slug?: string }[] }).docs
      slugs.splice(
        0,
        slugs.length,
        ...docs.map((doc) => doc.slug).filter((slug): slug is string => !!slug),
      )
    }
  }

  const reader = async (n: number) => {
    for (let step = n; Date.now() < endsAt; step++) {
      const slug = slugs[step % Math.max(1, slugs.length)]
      switch (step % 6) {
        case 0:
          await send('pages', '/')
          break
        case 1:
          if (slug) await send('pages', `/news/${slug}`)
          break
        case 2:
          if (slug) await send('delivery', `/api/articles/delivery/${slug}`)
          break
        case 3:
          await send('rest', `/api/articles?limit=5&depth=1&where[_status][equals]=published`)
          break
        case 4:
          await send('feeds', step % 12 === 4 ? '/feed.xml' : '/sitemaps/news.xml')
          break
        case 5:
          if (slug) await send('delivery', `/api/articles/delivery/${slug}/ninjs`)
          break
      }
    }
  }

  const editor = async (n: number) => {
    const mine: string[] = []
    for (let step = 0; Date.now() < endsAt; step++) {
      const id = mine[step % Math.max(1, mine.length)]
      if (step % 3 === 0 || !id) {
        // A new story, first as a draft, as a writer starts it.
        const text = await send('editors', '/api/articles', {
          body: JSON.stringify({
            dek: `Load editor ${n}, story ${step}.`,
            headline: `Load story ${n}-${step}-${startedAt}`,
          }),
          headers: staff,
          method: 'POST',
        })
        if (text) mine.push(String((JSON.parse(text) as { doc: { id: unknown } }).doc.id))
        // Keep a small working set: old stories stop being edited, as on a real desk.
        if (mine.length > 20) mine.shift()
      } else if (step % 3 === 1) {
        await send('editors', `/api/articles/${id}?draft=true`, {
          body: JSON.stringify({ dek: `Updated at step ${step}.` }),
          headers: staff,
          method: 'PATCH',
        })
      } else {
        await send('editors', `/api/articles/${id}`, {
          body: JSON.stringify({ _status: 'published', dek: `Published at step ${step}.` }),
          headers: staff,
          method: 'PATCH',
        })
      }
      await sleep(250)
    }
  }

  let lastProgress = startedAt
  const sampler = async () => {
    while (Date.now() < endsAt) {
      await sleep(2000)
      const rss = residentBytes(pid)
      result.rssMax = Math.max(result.rssMax, rss || 0)
      result.rssEnd = rss
      const elapsed = Date.now() - startedAt
      if (Number.isNaN(result.rssAfterFirstMinute) && (elapsed >= 60_000 || durationMs < 90_000)) {
        result.rssAfterFirstMinute = rss
        result.memory.afterFirstMinute = await memoryReport(baseUrl)
      }
      if (progressDue() && onProgress) onProgress(result)
      if (slugs.length < 50 || elapsed % 20_000 < 2000) await refreshSlugs()
    }
  }
  const progressDue = () => {
    if (Date.now() - lastProgress < 10_000) return false
    lastProgress = Date.now()
    return true
  }

  await refreshSlugs()
  await Promise.all([
    sampler(),
    ...Array.from({ length: readers }, (_, n) => reader(n)),
    ...Array.from({ length: editors }, (_, n) => editor(n)),
  ])
  result.rssEnd = residentBytes(pid)
  result.memory.end = await memoryReport(baseUrl)
  return result
}

/** The report's markdown, between the `<!-- load -->` markers of docs/BENCHMARKS.md. */
export const loadSection = (result: LoadResult, facts: Record<string, string>): string => {
  const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`
  const rows = Object.entries(result.byKind)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([kind, stats]) =>
        `| ${kind} | ${stats.requests} | ${stats.failed} | ${stats.serverErrors} |`,
    )
  const ratio = result.rssEnd / result.rssAfterFirstMinute
  return [
    '## Mixed load (`npm run load`)',
    '',
    ...Object.entries(facts).map(([name, value]) => `- ${name}: ${value}`),
    '',
    '| traffic | requests | failed | 5xx |',
    '| --- | ---: | ---: | ---: |',
    ...rows,
    `| **all** | **${result.requests}** | **${result.failed}** | **${result.serverErrors}** |`,
    '',
    `RSS after the first minute ${mb(result.rssAfterFirstMinute)}, at the end ${mb(result.rssEnd)} ` +
      `(${ratio.toFixed(2)}×; target ≤ 1.2×: ${ratio <= 1.2 ? 'met' : 'NOT met'}), highest ${mb(result.rssMax)}.`,
    ...(result.memory.afterFirstMinute && result.memory.end
      ? [
          '',
          `- After the first minute: ${describeMemory(result.memory.afterFirstMinute)}.`,
          `- At the end: ${describeMemory(result.memory.end)}.`,
        ]
      : []),
  ].join('\n')
}

const START = '<!-- load -->'
const END = '<!-- /load -->'

/** Replaces (or appends) only the load section of a markdown file, leaving the rest as it is. */
export const withLoadSection = (markdown: string, section: string): string => {
  const block = `${START}\n\n${section}\n\n${END}`
  const start = markdown.indexOf(START)
  const end = markdown.indexOf(END)
  if (start !== -1 && end > start) {
    return markdown.slice(0, start) + block + markdown.slice(end + END.length)
  }
  return `${markdown.trimEnd()}\n\n${block}\n`
}
