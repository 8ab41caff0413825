import type { FieldHook } from 'payload'

type Resolvable = { resolved?: boolean | null; resolvedAt?: null | string; resolvedBy?: unknown }

const resolvedChange = (
  siblingData: Resolvable | undefined,
  originalDoc: Resolvable | undefined,
) => {
  const now = siblingData?.resolved === undefined ? originalDoc?.resolved : siblingData.resolved
  return Boolean(now) === Boolean(originalDoc?.resolved) ? null : Boolean(now)
}

/** Who resolved the comment: the account that ticked "resolved"; reopening clears it. */
export const stampResolvedBy: FieldHook = ({ originalDoc, req, siblingData }) => {
  const changed = resolvedChange(siblingData, originalDoc)
  if (changed === null) {
    return (originalDoc as Resolvable | undefined)?.resolvedBy ?? null
  }
  return changed ? (req.user?.id ?? null) : null
}

/** When it was resolved, kept beside `resolvedBy`. */
export const stampResolvedAt: FieldHook = ({ originalDoc, siblingData }) => {
  const changed = resolvedChange(siblingData, originalDoc)
  if (changed === null) {
    return (originalDoc as Resolvable | undefined)?.resolvedAt ?? null
  }
  return changed ? new Date().toISOString() : null
}
