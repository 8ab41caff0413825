import type { CollectionSlug, Payload } from 'payload'

import { percentile } from './scenarios'

/** The lists the issue measured as costly, and sections, which have no newsroom hooks to speak of. */
export const HOOK_SHARE_COLLECTIONS = ['articles', 'quotes', 'cases', 'sections'] as const

/** "Within 1.5× of a bare collection's cost" (issue 25). */
export const HOOK_SHARE_TARGET = 1.5

/** One collection's anonymous list read, with its hooks and with none. */
export type HookShareRow = {
  /** Median milliseconds of one read with every hook removed: the same shape, bare. */
  bare: number
  collection: string
  /**
   * The hooks that ran on the read, each with the milliseconds a read saves without it alone
   * (a field's hooks run side by side for the page's documents, so their own times overlap),
   * largest first.
   */
  hooks: { ms: number; name: string }[]
  /** Median milliseconds of one read as readers meet it. */
  withHooks: number
}

type Hook = (...args: unknown[]) => unknown
type HookTable = Record<string, Hook[] | undefined>
type FieldLike = {
  blocks?: { fields?: FieldLike[] }[]
  fields?: FieldLike[]
  hooks?: HookTable
  name?: string
  tabs?: { fields?: FieldLike[]; name?: string }[]
}

/** Every hook list of the collection and its fields, named as a profile would name them. */
const hookLists = (collection: {
  fields: FieldLike[]
  hooks: HookTable
}): { hooks: Hook[]; name: string }[] => {
  const lists: { hooks: Hook[]; name: string }[] = []
  const add = (table: HookTable | undefined, where: string) => {
    for (const [kind, hooks] of Object.entries(table ?? {})) {
      if (Array.isArray(hooks) && hooks.length > 0) {
        lists.push({ hooks, name: `${where}${kind}` })
      }
    }
  }
  add(collection.hooks, '')
  const walk = (fields: FieldLike[] | undefined, path: string) => {
    for (const field of fields ?? []) {
      const here = field.name ? `${path}${field.name}.` : path
      add(field.hooks, here)
      walk(field.fields, here)
      for (const tab of field.tabs ?? []) walk(tab.fields, tab.name ? `${here}${tab.name}.` : here)
      for (const block of field.blocks ?? []) walk(block.fields, here)
    }
  }
  walk(collection.fields, '')
  return lists
}

const median = (values: number[]): number => percentile(Float64Array.from(values).sort(), 0.5)

/**
 * Each newsroom collection's anonymous list read (`limit: 10`, `depth: 0`, the reader's access),
 * in the bench's own Payload on the bench's database: once as readers meet it, with each hook
 * timed, and once with every collection and field hook taken out of the loaded config for the
 * duration, which is the same collection without the newsroom's hooks. The config is put back
 * as it was before this returns. Payload's own work (query, access, Lexical) is in both.
 */
export const measureHookShare = async ({
  payload,
  reads = 60,
}: {
  payload: Payload
  /** Reads per collection and variant; the first tenth warms up and is not counted. */
  reads?: number
}): Promise<HookShareRow[]> => {
  const rows: HookShareRow[] = []
  const warmup = Math.max(1, Math.floor(reads / 10))
  for (const slug of HOOK_SHARE_COLLECTIONS) {
    const collection = payload.collections[slug as CollectionSlug]?.config
    if (!collection) continue
    const read = async () => {
      const started = performance.now()
      await payload.find({
        collection: slug as CollectionSlug,
        depth: 0,
        limit: 10,
        overrideAccess: false,
      })
      return performance.now() - started
    }
    const lists = hookLists(collection as unknown as { fields: FieldLike[]; hooks: HookTable })
    const originals = lists.map(({ hooks }) => [...hooks])
    const restore = () =>
      lists.forEach(({ hooks }, index) => hooks.splice(0, hooks.length, ...originals[index]))
    try {
      // Which hooks a read runs at all: each wrapped once to note that it was called.
      const ran: [list: number, position: number][] = []
      lists.forEach(({ hooks }, index) => {
        const noted = originals[index].map(
          (hook, position) =>
            function (this: unknown, ...args: unknown[]) {
              if (!ran.some(([l, p]) => l === index && p === position)) ran.push([index, position])
              return hook.apply(this, args)
            },
        )
        hooks.splice(0, hooks.length, ...noted)
      })
      await read()
      restore()
      // The variants take turns read by read, so a machine that speeds up or slows down during
      // the measurement moves them all alike: as readers meet it, bare, and without each hook.
      const variants: { apply: () => void; name?: string; times: number[] }[] = [
        { apply: restore, times: [] },
        { apply: () => lists.forEach(({ hooks }) => hooks.splice(0, hooks.length)), times: [] },
        ...ran.map(([index, position]) => ({
          apply: () => {
            restore()
            lists[index].hooks.splice(position, 1)
          },
          name: `${lists[index].name}: ${originals[index][position].name || 'anonymous'}`,
          times: [] as number[],
        })),
      ]
      for (let round = 0; round < reads + warmup; round += 1) {
        for (const variant of variants) {
          variant.apply()
          const ms = await read()
          if (round >= warmup) variant.times.push(ms)
        }
      }
      restore()
      const [full, bare, ...each] = variants.map((variant) => median(variant.times))
      rows.push({
        bare,
        collection: slug,
        hooks: each
          .map((without, index) => ({
            ms: Math.max(0, full - without),
            name: variants[index + 2].name ?? '',
          }))
          .sort((a, b) => b.ms - a.ms)
          .slice(0, 3),
        withHooks: full,
      })
    } finally {
      restore()
    }
  }
  return rows
}

const ms = (value: number) => value.toFixed(1)

/** One row per collection: its read with and without hooks, and the hooks that cost most. */
export const hookShareTable = (rows: HookShareRow[] | undefined): string | undefined =>
  rows && rows.length > 0
    ? [
        '| uncached anonymous list read (Local API, limit 10, depth 0) | with hooks ms | bare ms | × bare | costliest hooks (ms a read saves without each) |',
        '| --- | ---: | ---: | ---: | --- |',
        ...rows.map(
          ({ bare, collection, hooks, withHooks }) =>
            `| ${collection} | ${ms(withHooks)} | ${ms(bare)} | ${(withHooks / bare).toFixed(2)}× | ${hooks.map((hook) => `${hook.name} ${ms(hook.ms)}`).join('; ')} |`,
        ),
      ].join('\n')
    : undefined

/** The issue's target for the lists it named: each within 1.5× of its bare cost. */
export const hookShareChecks = (
  rows: HookShareRow[] | undefined,
): { measured: string; pass: boolean; target: string }[] =>
  (rows ?? [])
    .filter(({ collection }) => collection !== 'sections')
    .map(({ bare, collection, withHooks }) => ({
      measured: `${ms(withHooks)} ms / ${ms(bare)} ms = ${(withHooks / bare).toFixed(2)}×`,
      pass: withHooks <= HOOK_SHARE_TARGET * bare,
      target: `uncached ${collection} list read ≤ ${HOOK_SHARE_TARGET}× the same collection without the newsroom's hooks`,
    }))
