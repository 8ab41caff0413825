import { allowedOrigins } from './allowedOrigins'

type Env = Record<string, string | undefined>

/** What the express server enforces before a request reaches Next or Payload. */
export type ServerSettings = {
  /** Origins allowed to send writes besides the request's own (SERVER_URL, NEWSROOM_ALLOWED_ORIGINS). */
  allowedOrigins: string[]
  /** Development: a CSP that lets Next's dev tooling (eval, hot reload) run. */
  dev: boolean
  /** `server.headersTimeout`: the most a client may take to send its request headers. */
  headersTimeoutMs: number
  /** The largest request body that is not multipart/form-data (JSON, GraphQL, forms). */
  maxBodyBytes: number
  /** The largest multipart/form-data body (uploads, the admin's saves). */
  maxUploadBytes: number
  /** `server.requestTimeout`: the most a client may take to send its whole request. */
  requestTimeoutMs: number
  /**
   * On SIGTERM, how long the server keeps accepting requests (each answered with
   * `Connection: close`, `/readyz` with 503) before its listener closes, so a load balancer
   * sees it is going and stops sending traffic.
   */
  shutdownDrainMs: number
  /** The most a shutdown takes, from the signal: requests still running then are cut. */
  shutdownTimeoutMs: number
  /** express's `trust proxy`: whose X-Forwarded-Proto/-Host/-For to believe. */
  trustProxy: boolean | number | string
}

export const DEFAULT_SERVER_SETTINGS: ServerSettings = {
  allowedOrigins: [],
  dev: false,
  headersTimeoutMs: 10_000,
  maxBodyBytes: 1024 * 1024,
  // Payload's own limit on a multipart request (its upload.requestSizeLimit default).
  maxUploadBytes: 50 * 1024 * 1024,
  requestTimeoutMs: 30_000,
  // Production reads 5000 (NEWSROOM_SHUTDOWN_DRAIN_MS); development and tests stop at once.
  shutdownDrainMs: 0,
  shutdownTimeoutMs: 15_000,
  trustProxy: false,
}

/** Production's drain: long enough for a load balancer probing every few seconds. */
export const PRODUCTION_SHUTDOWN_DRAIN_MS = 5000

const wholeNumber = (env: Env, name: string, fallback: number): number => {
  const value = env[name]
  if (value === undefined || value.trim() === '') {
    return fallback
  }
  const number = Number(value)
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new Error(`${name} must be a whole number of at least 1, not ${JSON.stringify(value)}`)
  }
  return number
}

/** `true`/`false`, a hop count, or what express accepts: `loopback`, addresses, subnets. */
const trustProxy = (value: string | undefined): ServerSettings['trustProxy'] => {
  const setting = value?.trim() ?? ''
  if (setting === '' || setting === 'false') {
    return false
  }
  if (setting === 'true') {
    return true
  }
  return /^\d+$/.test(setting) ? Number(setting) : setting
}

/** The settings from the environment; README's settings table lists each variable. */
export const serverSettingsFromEnv = (env: Env = process.env): ServerSettings => {
  const settings: ServerSettings = {
    allowedOrigins: allowedOrigins(env),
    dev: env.NODE_ENV !== 'production',
    headersTimeoutMs: wholeNumber(
      env,
      'NEWSROOM_HEADERS_TIMEOUT_MS',
      DEFAULT_SERVER_SETTINGS.headersTimeoutMs,
    ),
    maxBodyBytes: wholeNumber(env, 'NEWSROOM_MAX_BODY_BYTES', DEFAULT_SERVER_SETTINGS.maxBodyBytes),
    maxUploadBytes: wholeNumber(
      env,
      'NEWSROOM_MAX_UPLOAD_BYTES',
      DEFAULT_SERVER_SETTINGS.maxUploadBytes,
    ),
    requestTimeoutMs: wholeNumber(
      env,
      'NEWSROOM_REQUEST_TIMEOUT_MS',
      DEFAULT_SERVER_SETTINGS.requestTimeoutMs,
    ),
    shutdownDrainMs:
      env.NEWSROOM_SHUTDOWN_DRAIN_MS?.trim() === '0'
        ? 0
        : wholeNumber(
            env,
            'NEWSROOM_SHUTDOWN_DRAIN_MS',
            env.NODE_ENV === 'production' ? PRODUCTION_SHUTDOWN_DRAIN_MS : 0,
          ),
    shutdownTimeoutMs: wholeNumber(
      env,
      'NEWSROOM_SHUTDOWN_TIMEOUT_MS',
      DEFAULT_SERVER_SETTINGS.shutdownTimeoutMs,
    ),
    trustProxy: trustProxy(env.NEWSROOM_TRUST_PROXY),
  }
  if (settings.headersTimeoutMs > settings.requestTimeoutMs) {
    // Node refuses a headers timeout longer than the whole request's.
    throw new Error('NEWSROOM_HEADERS_TIMEOUT_MS must not exceed NEWSROOM_REQUEST_TIMEOUT_MS')
  }
  if (settings.shutdownDrainMs >= settings.shutdownTimeoutMs) {
    // The drain is part of the shutdown: in-flight requests need time after it.
    throw new Error('NEWSROOM_SHUTDOWN_DRAIN_MS must be less than NEWSROOM_SHUTDOWN_TIMEOUT_MS')
  }
  return settings
}
