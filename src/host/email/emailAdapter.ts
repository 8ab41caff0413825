import type { NodemailerAdapterArgs } from '@payloadcms/email-nodemailer'
import type { EmailAdapter } from 'payload'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'

/** How long one email may take to connect and be answered before it is given up (logged). */
const SMTP_TIMEOUT_MS = 10_000

/**
 * The app's outgoing email (notifications, password resets): SMTP_URL names the server
 * (`smtp://user:password@host:587`, `smtps://…` for TLS); SMTP_FROM and SMTP_FROM_NAME say who
 * it is from. Unset: Payload's default, which writes each email to the console.
 */
export const emailAdapter = (
  env: NodeJS.ProcessEnv = process.env,
): Promise<EmailAdapter> | undefined => {
  const url = env.SMTP_URL?.trim()
  if (!url) {
    return undefined
  }
  return nodemailerAdapter({
    defaultFromAddress: env.SMTP_FROM?.trim() || 'newsroom@localhost',
    defaultFromName: env.SMTP_FROM_NAME?.trim() || 'Newsroom',
    // A mail server that is down at start must not hold the start up: sends log their failures.
    skipVerify: true,
    transportOptions: {
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
      // nodemailer reads the server, port, TLS and credentials from the URL.
      url,
    } as NodemailerAdapterArgs['transportOptions'],
  })
}
