type LogFields = Record<string, unknown> & { msg: string }

/** One JSON object per line on stdout: what log shippers and `jq` read without a parser. */
export const logLine = (level: 'error' | 'info' | 'warn', fields: LogFields): void => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, ...fields })}\n`)
}
