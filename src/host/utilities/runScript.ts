/**
 * Runs a command-line script's `main` and exits with its outcome. No top-level await: a tsx
 * script that awaits getPayload at top level can exit 13 at random. The exit waits for stdout to
 * drain: a piped stdout is asynchronous and would lose the last line.
 */
export const runScript = (main: () => Promise<unknown>): void => {
  const exitWhenFlushed = (code: number) => process.stdout.write('', () => process.exit(code))
  main().then(
    () => exitWhenFlushed(0),
    (error: unknown) => {
      console.error(error)
      exitWhenFlushed(1)
    },
  )
}
