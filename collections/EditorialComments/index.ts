import type { CollectionConfig } from 'payload'

import { isEditor, isStaff, isStaffField, serverOwned } from '../../src/access/roles'
import { collectionSlugs } from '../../src/collectionSlugs'
import { perLanguage, translated } from '../../src/translations/translate'
import { authorOrEditor } from './access/authorOrEditor'
import { fillMentions } from './hooks/fillMentions'
import { keepThreadOnArticle } from './hooks/keepThreadOnArticle'
import { stampAuthor } from './hooks/stampAuthor'
import { stampResolvedAt, stampResolvedBy } from './hooks/stampResolved'

/** Long enough for a note on a story, short enough that a thread stays a conversation. */
export const COMMENT_MAX_LENGTH = 5000

const fixedOnceWritten = { create: isStaffField, read: isStaffField, update: serverOwned }
const server = { create: serverOwned, read: isStaffField, update: serverOwned }

/**
 * The desk's conversation about a story: threaded comments with @mentions and a resolved state.
 * Staff only, through every door; never part of what readers or partners get. A comment's
 * author is the signed-in account (never the client's word), who alone (or an editor) edits or
 * resolves it; editors delete.
 */
export const editorialCommentsCollection = (): CollectionConfig => ({
  slug: collectionSlugs.editorialComments,
  access: {
    create: isStaff,
    delete: isEditor,
    read: isStaff,
    update: authorOrEditor,
  },
  admin: {
    defaultColumns: ['body', 'article', 'author', 'resolved', 'createdAt'],
    group: perLanguage('adminGroup'),
    listSearchableFields: ['body'],
    useAsTitle: 'body',
  },
  defaultSort: 'createdAt',
  hooks: {
    beforeChange: [keepThreadOnArticle],
  },
  labels: {
    plural: translated('editorialCommentPlural'),
    singular: translated('editorialCommentSingular'),
  },
  fields: [
    {
      name: 'article',
      type: 'relationship',
      access: fixedOnceWritten,
      index: true,
      label: translated('articleSingular'),
      relationTo: collectionSlugs.articles,
      required: true,
    },
    {
      // A reply names the comment it answers, on the same story (keepThreadOnArticle).
      name: 'parent',
      type: 'relationship',
      access: fixedOnceWritten,
      admin: { description: translated('commentParentDescription') },
      filterOptions: ({ data }) =>
        data?.article ? { article: { equals: data.article as number | string } } : true,
      index: true,
      label: translated('commentParent'),
      relationTo: collectionSlugs.editorialComments,
    },
    {
      name: 'body',
      type: 'textarea',
      admin: { description: translated('commentBodyDescription') },
      label: translated('commentBody'),
      maxLength: COMMENT_MAX_LENGTH,
      required: true,
    },
    {
      // From the body's @handles, by the server: see fillMentions.
      name: 'mentions',
      type: 'relationship',
      access: server,
      admin: { description: translated('commentMentionsDescription'), readOnly: true },
      hasMany: true,
      hooks: { beforeChange: [fillMentions] },
      label: translated('commentMentions'),
      relationTo: collectionSlugs.users,
    },
    {
      name: 'author',
      type: 'relationship',
      access: server,
      admin: { position: 'sidebar', readOnly: true },
      hooks: { beforeChange: [stampAuthor] },
      index: true,
      label: translated('author'),
      relationTo: collectionSlugs.users,
    },
    {
      name: 'resolved',
      type: 'checkbox',
      access: { read: isStaffField },
      admin: { description: translated('commentResolvedDescription'), position: 'sidebar' },
      defaultValue: false,
      index: true,
      label: translated('commentResolved'),
    },
    {
      name: 'resolvedBy',
      type: 'relationship',
      access: server,
      admin: { position: 'sidebar', readOnly: true },
      hooks: { beforeChange: [stampResolvedBy] },
      label: translated('commentResolvedBy'),
      relationTo: collectionSlugs.users,
    },
    {
      name: 'resolvedAt',
      type: 'date',
      access: server,
      admin: { position: 'sidebar', readOnly: true },
      hooks: { beforeChange: [stampResolvedAt] },
      label: translated('commentResolvedAt'),
    },
    {
      name: 'replies',
      type: 'join',
      access: { read: isStaffField },
      collection: collectionSlugs.editorialComments,
      defaultLimit: 50,
      defaultSort: 'createdAt',
      label: translated('commentReplies'),
      on: 'parent',
    },
  ],
})
