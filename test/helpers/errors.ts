type PayloadErrorBody = {
  errors?: { data?: { errors?: { message: string; path: string }[] }; message: string }[]
}

/** The field paths a Payload 400 response names, e.g. ['headline']. */
export const failingFields = (body: unknown): string[] =>
  ((body as PayloadErrorBody)?.errors ?? []).flatMap(
    (error) => error.data?.errors?.map(({ path }) => path) ?? [],
  )

export const fieldMessage = (body: unknown, path: string): string | undefined =>
  ((body as PayloadErrorBody)?.errors ?? [])
    .flatMap((error) => error.data?.errors ?? [])
    .find((error) => error.path === path)?.message
