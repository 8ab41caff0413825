const DEVELOPMENT_SECRET = 'newsroom-development-only-secret-do-not-deploy'

/**
 * PAYLOAD_SECRET signs sessions. Production refuses to start without one; development falls
 * back to a fixed, public secret (so logins survive restarts) and says so.
 */
export const resolvePayloadSecret = (env: NodeJS.ProcessEnv = process.env): string => {
  if (env.PAYLOAD_SECRET) {
    return env.PAYLOAD_SECRET
  }
  // `next build` evaluates the config without serving anyone; the running server still checks.
  if (env.NEXT_PHASE === 'phase-production-build') {
    return DEVELOPMENT_SECRET
  }
  if (env.NODE_ENV === 'production') {
    throw new Error('PAYLOAD_SECRET is required when NODE_ENV=production.')
  }
  console.warn(
    '[newsroom] PAYLOAD_SECRET is not set: using the public development secret. Never deploy this.',
  )
  return DEVELOPMENT_SECRET
}
