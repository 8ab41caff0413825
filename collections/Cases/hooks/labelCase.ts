import type { FieldHook } from 'payload'

import type { NewsroomCase } from '../../../src/documents'

/** "Matter of A-B-, 27 I&N Dec. 316 (A.G. 2018)": how a case reads in lists and pickers. */
export const labelCase: FieldHook<NewsroomCase> = ({ siblingData }) => {
  const caption = String(siblingData?.caption ?? '').trim()
  const citation = String(siblingData?.citation ?? '').trim()
  return citation ? `${caption}, ${citation}` : caption
}
