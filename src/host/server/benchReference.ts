import type { Router } from 'express'
import type { Payload } from 'payload'

import {
  DELIVERY_CACHE_CONTROL,
  encodeRepresentation,
  loadDeliveryArticle,
  localCacheStats,
  type DeliveryRepresentation,
} from 'payload-plugin-newsroom/delivery'
import { SLUG_PATTERN } from 'payload-plugin-newsroom'

import express from 'express'

import { logRawAnswers } from './requestLogger'

export const BENCH_REFERENCE_PATH = '/__bench/reference'

/** The server's memory as node splits it, and what each cache holds: where RSS went. */
export const BENCH_MEMORY_PATH = '/__bench/memory'

/** POST `…/off` or `…/on`: the log of answers made before express, so the bench can weigh it. */
export const BENCH_REQUEST_LOG_PATH = '/__bench/request-log'

/** Off unless asked for: `npm run bench` sets it on the server it starts, nothing else does. */
export const benchReferenceEnabled = (
  env: Record<string, string | undefined> = process.env,
): boolean => env.NEWSROOM_BENCH_REFERENCE === '1'

/**
 * The benchmark's yardstick: the fastest this process can answer an article. The first request
 * for a slug renders its delivery JSON; every later one writes that buffer as it is, with its
 * ETag, or a 304. Never refreshed, no change-log check, no access rules beyond the first read:
 * it is a measure of express and node, not a way to serve readers.
 */
export const benchReferenceRouter = ({ payload }: { payload: Payload }): Router => {
  const router = express.Router()
  const buffers = new Map<string, Promise<DeliveryRepresentation | null>>()

  const bufferFor = (slug: string) => {
    let buffer = buffers.get(slug)
    if (!buffer) {
      buffer = loadDeliveryArticle({ payload, slug }).then((loaded) =>
        loaded ? encodeRepresentation(loaded.delivery, 'json', loaded.lastModified) : null,
      )
      buffers.set(slug, buffer)
    }
    return buffer
  }

  router.get(`${BENCH_REFERENCE_PATH}/:slug`, async (req, res) => {
    const slug = String(req.params.slug)
    const representation = SLUG_PATTERN.test(slug) ? await bufferFor(slug) : null
    if (!representation) {
      res.writeHead(404, { 'Content-Length': '0' })
      res.end()
      return
    }
    const { body, contentType, etag } = representation
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { 'Cache-Control': DELIVERY_CACHE_CONTROL, ETag: etag })
      res.end()
      return
    }
    res.writeHead(200, {
      'Cache-Control': DELIVERY_CACHE_CONTROL,
      'Content-Length': String(body.length),
      'Content-Type': contentType,
      ETag: etag,
    })
    res.end(body)
  })
  router.post(`${BENCH_REQUEST_LOG_PATH}/:state`, (req, res) => {
    logRawAnswers(req.params.state !== 'off')
    res.status(204).end()
  })
  router.get(BENCH_MEMORY_PATH, (_req, res) => {
    res.json({ caches: localCacheStats(), ...process.memoryUsage() })
  })
  return router
}
