import type { PayloadRequest, UploadConfig } from 'payload'

import fs from 'node:fs/promises'
import path from 'node:path'

import { collectionOf } from './collectionOf'
import { shown } from './inputErrors'

type UploadHandler = NonNullable<UploadConfig['handlers']>[number]

/** What `stat` says when there is no such file to serve. */
const MISSING = new Set(['ENAMETOOLONG', 'ENOENT', 'ENOTDIR'])

const notFound = ({ collection, filename }: { collection: string; filename: string }) =>
  Response.json(
    { errors: [{ message: `Not Found: ${collection} has no file named ${shown(filename)}.` }] },
    { status: 404 },
  )

const missingFile = async (
  req: PayloadRequest,
  params: { collection: string; filename: string },
): Promise<Response | undefined> => {
  const upload = collectionOf(req.payload, params.collection)?.config.upload
  if (
    !upload ||
    upload.disableLocalStorage ||
    (upload.handlers ?? []).some((handler: UploadHandler) => handler !== answerMissingFile)
  ) {
    return
  }
  // No file has a NUL in its name; the file system refuses the name instead of missing it.
  if (params.filename.includes('\u0000')) {
    return notFound(params)
  }
  const directory = path.resolve(upload.staticDir || params.collection)
  const file = path.resolve(directory, params.filename)
  // A name that leaves the directory is Payload's to refuse.
  if (!file.startsWith(directory + path.sep)) {
    return
  }
  try {
    await fs.stat(file)
    return
  } catch (error) {
    if (!MISSING.has((error as NodeJS.ErrnoException).code ?? '')) {
      return
    }
  }
  return notFound(params)
}

/**
 * `GET /api/<upload collection>/file/<name>` for a file that is not on the disk: a 404 naming
 * it, where Payload answers a 500 (for anonymous readers too). Runs after Payload's access
 * check, and only where Payload serves files from its own directory: with a storage adapter's
 * handlers (or local storage off) it steps aside. Every other request falls through to Payload.
 */
export const answerMissingFile: UploadHandler = (req, { params }) =>
  // Payload's type asks for a Response or nothing; it tells them apart with instanceof.
  missingFile(req, params) as Promise<Response>
