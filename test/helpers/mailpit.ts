import type { RequiredService } from './requiredService'

/**
 * The SMTP server email goes to in tests: Mailpit, which `.ci/run` starts (`.ci/mailpit.sh`)
 * and names in NEWSROOM_TEST_SMTP_URL (its SMTP side) and NEWSROOM_TEST_MAILPIT_URL (its API).
 */
export const mailpitService: RequiredService = {
  available: Boolean(process.env.NEWSROOM_TEST_SMTP_URL && process.env.NEWSROOM_TEST_MAILPIT_URL),
  howToGet:
    'run `bash .ci/mailpit.sh start 1025 8025` and set NEWSROOM_TEST_SMTP_URL=smtp://127.0.0.1:1025 ' +
    'NEWSROOM_TEST_MAILPIT_URL=http://127.0.0.1:8025, or run .ci/run',
  missing: 'no SMTP server to read mail back from (NEWSROOM_TEST_MAILPIT_URL is unset)',
}

export type MailpitMessage = {
  ID: string
  Snippet: string
  Subject: string
  To: { Address: string; Name: string }[]
}

const api = (path: string) => `${process.env.NEWSROOM_TEST_MAILPIT_URL}/api/v1${path}`

/** The messages Mailpit holds for one address (newest first). */
export const messagesTo = async (address: string): Promise<MailpitMessage[]> => {
  const response = await fetch(api(`/search?query=${encodeURIComponent(`to:"${address}"`)}`))
  if (!response.ok) {
    throw new Error(`Mailpit search answered ${response.status}`)
  }
  const { messages } = (await response.json()) as { messages: MailpitMessage[] }
  return messages.filter((message) =>
    message.To.some((to) => to.Address.toLowerCase() === address.toLowerCase()),
  )
}

/** The plain text of one message. */
export const messageText = async (id: string): Promise<string> => {
  const response = await fetch(api(`/message/${id}`))
  return ((await response.json()) as { Text: string }).Text
}

/**
 * Makes Mailpit's SMTP side refuse every sender (451), or accept again: a mail server that
 * fails, for the tests that show a write never fails with it.
 */
export const refuseMail = async (refuse: boolean): Promise<void> => {
  const response = await fetch(api('/chaos'), {
    body: JSON.stringify({ Sender: { ErrorCode: 451, Probability: refuse ? 100 : 0 } }),
    headers: { 'content-type': 'application/json' },
    method: 'PUT',
  })
  if (!response.ok) {
    throw new Error(
      `Mailpit chaos answered ${response.status} (is it started with --enable-chaos?)`,
    )
  }
}
