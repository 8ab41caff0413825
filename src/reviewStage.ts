/**
 * The stage a writer's "Submit for review" puts a story in, and where editors' review queue
 * looks: one value for the hook, the button and the queue. Plain, so client code may import it.
 */
export const REVIEW_STAGE = 'editing'
