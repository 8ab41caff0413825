import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * How long a write may wait for the transaction before it: another request's, since a write made
 * while its own request's transaction holds the lock joins that transaction instead of waiting.
 */
const LOCK_WAIT_MS = 30_000

/** Each new SQLite connection waits this long for another process's write lock. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000

/** The adapter's writes: outside a transaction, each waits for the write lock. */
const WRITE_METHODS = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const

type Session = { db: unknown }

type SqliteAdapter = BaseDatabaseAdapter & {
  client?: { execute: (sql: string) => Promise<unknown> }
  execute: (args: { db?: unknown; drizzle?: unknown }) => unknown
  sessions: Record<string, Session>
}

type Method = (this: unknown, args?: { req?: { transactionID?: unknown } }) => Promise<unknown>

type Acquire = () => Promise<() => void>

const LOCKS = Symbol.for('newsroom.sqliteWriteLocks')

/**
 * Set while a write holds the lock: the adapter's own writes from inside it (upsert calls
 * updateOne or create, and raw SQL) are part of that write and must not queue behind it.
 */
const holdingLock = new AsyncLocalStorage<boolean>()

type LockHolder = { [LOCKS]?: Map<string, Acquire> }

/** The transaction an operation began, seen by everything that operation goes on to run. */
type TransactionScope = { id?: number | string; joined: Set<Promise<unknown>> }

/**
 * Set when an operation begins a transaction, for the rest of that operation: a write it makes
 * outside the transaction (Payload's password-reset reservation, a hook that does not pass
 * `req`) would otherwise wait for the lock its own transaction holds, which is released only
 * once the operation, and so that write, is done. It joins the transaction instead: SQLite has
 * one writer, so nothing else could have run between them anyway.
 */
const transactionScope = new AsyncLocalStorage<TransactionScope>()

/** A first-come, first-served lock with a bounded wait. */
const createLock = (): Acquire => {
  let tail: Promise<void> = Promise.resolve()
  return async (): Promise<() => void> => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const previous = tail
    tail = previous.then(() => held)
    let timer: ReturnType<typeof setTimeout> | undefined
    const waited = await Promise.race([
      previous.then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), LOCK_WAIT_MS))),
    ])
    clearTimeout(timer)
    if (!waited) {
      // Let the queue move on once our turn comes, then give up.
      void previous.then(release)
      throw new Error(
        `An SQLite write waited ${LOCK_WAIT_MS} ms for the transaction before it: a hook that writes must pass \`req\` so it joins its request's transaction.`,
      )
    }
    return release
  }
}

/**
 * Transactions on SQLite, safe under concurrent requests (and several Payload instances of one
 * process on one file). libsql runs a transaction on its own
 * connection (BEGIN IMMEDIATE takes the database's write lock) and serves everything else on a
 * new one. Its calls are synchronous, so a second writer in the same process that met the lock
 * would block the whole event loop in SQLite's busy handler, and the transaction holding the
 * lock could never finish: every writer of this process waits its turn here instead, a
 * transaction from begin to commit or rollback, a write outside any transaction for itself.
 * Readers never wait (WAL: they read the last commit). Other processes on the same file meet
 * SQLite's own lock and wait `busy_timeout`, which is set on every connection libsql opens.
 */
export const withSqliteWriteLock = (
  adapterObj: DatabaseAdapterObj,
  /** The database file: every Payload instance of this process on it shares one lock. */
  url: string,
): DatabaseAdapterObj => ({
  ...adapterObj,
  init: (args) => {
    const adapter = adapterObj.init(args) as unknown as SqliteAdapter
    const locks: Map<string, Acquire> = ((globalThis as LockHolder)[LOCKS] ??= new Map())
    const acquire = locks.get(url) ?? createLock()
    locks.set(url, acquire)
    const releases = new Map<string, () => void>()
    const scopes = new Map<string, TransactionScope>()

    const releaseFor = (id: unknown) => {
      const key = String(id)
      releases.get(key)?.()
      releases.delete(key)
    }

    /** The transaction this operation holds the lock with, if it still does. */
    const heldByThisOperation = (): TransactionScope | undefined => {
      const scope = transactionScope.getStore()
      return scope?.id !== undefined && releases.has(String(scope.id)) ? scope : undefined
    }

    /** Runs a write inside its operation's transaction, which commits only once it is done. */
    const joinHolder = <T>(scope: TransactionScope, write: () => Promise<T>): Promise<T> => {
      const joined = holdingLock.run(true, write)
      scope.joined.add(joined)
      void joined.then(
        () => scope.joined.delete(joined),
        () => scope.joined.delete(joined),
      )
      return joined
    }

    /** Joined writes still running finish inside the transaction, before it ends. */
    const settleJoined = async (id: unknown) => {
      const scope = scopes.get(String(id))
      if (scope && scope.joined.size > 0) {
        await Promise.allSettled([...scope.joined])
      }
      scopes.delete(String(id))
    }

    const beginTransaction = adapter.beginTransaction.bind(adapter)
    adapter.beginTransaction = (options) => {
      // An operation started by one that holds the lock (a hook's Local API call without
      // `req`) becomes part of the holder's transaction: Payload then runs it without one.
      if (heldByThisOperation()) {
        return Promise.resolve(null)
      }
      // Entered before the first await, so the operation that called this keeps the scope.
      const scope: TransactionScope = { joined: new Set() }
      transactionScope.enterWith(scope)
      return beginHeld(options, scope)
    }
    const beginHeld = async (
      options: Parameters<typeof beginTransaction>[0],
      scope: TransactionScope,
    ) => {
      const release = await acquire()
      try {
        const id = await beginTransaction(options)
        if (id === null || id === undefined) {
          release()
          return id
        }
        scope.id = id
        scopes.set(String(id), scope)
        releases.set(String(id), release)
        // The connection libsql opens next (for everything outside this transaction) starts
        // with no busy timeout: give it one.
        await adapter.client?.execute(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`)
        return id
      } catch (error) {
        release()
        throw error
      }
    }

    const commitTransaction = adapter.commitTransaction.bind(adapter)
    adapter.commitTransaction = async (id) => {
      const key = id instanceof Promise ? await id : id
      await settleJoined(key)
      try {
        await commitTransaction(key)
      } finally {
        releaseFor(key)
      }
    }

    const rollbackTransaction = adapter.rollbackTransaction.bind(adapter)
    adapter.rollbackTransaction = async (id) => {
      const key = id instanceof Promise ? await id : id
      await settleJoined(key)
      try {
        await rollbackTransaction(key)
      } finally {
        releaseFor(key)
      }
    }

    const inTransaction = async (req: { transactionID?: unknown } | undefined) => {
      const id = await req?.transactionID
      return id !== undefined && id !== null && String(id) in adapter.sessions
    }

    const records = adapter as unknown as Record<string, Method>
    for (const name of WRITE_METHODS) {
      const method = records[name]
      if (typeof method !== 'function') continue
      records[name] = async function lockedWrite(this: unknown, methodArgs) {
        if (holdingLock.getStore() || (await inTransaction(methodArgs?.req))) {
          return method.call(adapter, methodArgs)
        }
        const holder = heldByThisOperation()
        if (holder) {
          const req = { ...methodArgs?.req, transactionID: holder.id }
          return joinHolder(holder, () => method.call(adapter, { ...methodArgs, req }))
        }
        const release = await acquire()
        try {
          return await holdingLock.run(true, () => method.call(adapter, methodArgs))
        } finally {
          release()
        }
      }
    }

    // Raw SQL names the connection it runs on (`db`, a transaction's; `drizzle`, Payload's own
    // at connect and in migrations): only SQL that names none is a write of its own.
    const execute = adapter.execute.bind(adapter)
    adapter.execute = (executeArgs) => {
      if (executeArgs?.db || executeArgs?.drizzle || holdingLock.getStore()) {
        return execute(executeArgs)
      }
      const holder = heldByThisOperation()
      if (holder) {
        const db = adapter.sessions[String(holder.id)]?.db
        return joinHolder(holder, async () => execute({ ...executeArgs, db }))
      }
      return acquire().then(async (release) => {
        try {
          return await execute(executeArgs)
        } finally {
          release()
        }
      })
    }

    return adapter as unknown as ReturnType<DatabaseAdapterObj['init']>
  },
})
