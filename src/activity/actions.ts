/** What the activity log records. Plain, so client code may import it. */
export const activityActions = [
  'created',
  'submitted',
  'edited',
  'published',
  'unpublished',
  'corrected',
  'verified',
] as const

export type ActivityAction = (typeof activityActions)[number]
