import type { Browser, Page } from 'playwright-core'

import { afterAll, describe, expect, it } from '@jest/globals'
import { createRequire } from 'node:module'

import { browserSuite } from './helpers/browser'
import { mailpitService, messagesTo } from './helpers/mailpit'
import { describeWithService } from './helpers/requiredService'
import { waitFor } from './helpers/waitFor'

/**
 * Issue 23: a newsroom's day in the admin, with every email read back from a real SMTP server
 * (Mailpit). The editor assigns a story to the writer (the writer is emailed); the writer writes
 * and submits it (the editor is emailed, the story is in the queue) and never sees a publish
 * button; the editor comments in the story's Discussion tab with a mention (the writer is
 * emailed), the writer replies under that comment, the editor resolves the thread and publishes
 * (stage "published", the writer is emailed). Screenshots under test-results/newsroom-day.
 */

const SHOTS = 'test-results/newsroom-day'
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const describeMail = describeWithService('newsroomDay.browser.test.ts', mailpitService)
const suite =
  describeMail === describe
    ? browserSuite(SHOTS, {
        // Emails are jobs: the runner looks for them every second, not every ten.
        env: {
          NEWSROOM_JOBS_CRON: '* * * * * *',
          SMTP_URL: process.env.NEWSROOM_TEST_SMTP_URL ?? '',
        },
      })
    : undefined
const contexts: Awaited<ReturnType<Browser['newContext']>>[] = []

afterAll(async () => {
  for (const context of contexts) await context.close()
})

const signedIn = async (email: string): Promise<Page> => {
  const context = await suite!.browser.newContext({ viewport: { height: 1000, width: 1400 } })
  contexts.push(context)
  const page = await context.newPage()
  // Leaving a story for the dashboard asks "leave this page?" (beforeunload) while the form
  // holds changes autosave has already sent: the person leaves, as they would.
  page.on('dialog', (dialog) => void dialog.accept())
  // A story someone left open in another window is locked in their name (Payload's document
  // locks; any form change there takes the lock again after a save): whoever opens it next takes
  // it over, as the desk does with a story handed on. Payload then builds the story's form anew
  // (it is keyed by the lock): the person goes on once the new one is there.
  await page.addLocatorHandler(page.locator('dialog#document-locked'), async (dialog) => {
    const form = page.locator('form.collection-edit__form')
    await form.evaluate((element) => element.setAttribute('data-before-take-over', ''))
    await dialog.getByRole('button', { name: 'Take over' }).click()
    await page.locator('form.collection-edit__form[data-before-take-over]').waitFor({
      state: 'detached',
    })
  })
  await page.goto(`${suite!.app.baseUrl}/admin/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', 'newsroom-demo')
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin$/)
  return page
}

/** Waits for an email to `to` whose subject holds every one of `parts`. */
const emailArrives = (to: string, parts: string[]) =>
  waitFor(
    async () =>
      (await messagesTo(to)).find((mail) => parts.every((part) => mail.Subject.includes(part))),
    { timeoutMs: 20_000, what: `an email to ${to} about ${parts.join(' / ')}` },
  )

const chooseIn = async (page: Page, fieldId: string, search: string) => {
  const control = page.locator(`#${fieldId} .rs__control`)
  await control.click()
  await page.keyboard.type(search)
  await page.locator('.rs__option', { hasText: search }).first().click()
  await control
    .locator('.rs__multi-value, .rs__single-value', { hasText: search })
    .first()
    .waitFor()
}

const openTab = (page: Page, label: string) =>
  page.locator('.tabs-field__tab-button', { hasText: label }).first().click()

/** The Discussion tab's thread that starts with a comment holding `text`. */
const threadOf = (page: Page, text: string) =>
  page.locator('.newsroom-discussion__thread', { hasText: text })

type Violation = { help: string; id: string; impact: null | string; nodes: { target: unknown }[] }

/** axe's serious and critical findings inside `selector`, as a person would meet them. */
const seriousViolationsIn = async (page: Page, selector: string) => {
  await page.addScriptTag({ path: AXE })
  const violations = await page.evaluate(async (include) => {
    const { axe } = window as unknown as {
      axe: { run: (context: unknown) => Promise<{ violations: Violation[] }> }
    }
    // Payload's own field description is grey below AA contrast: Payload's to fix, not ours.
    return (await axe.run({ exclude: [['.field-description']], include: [[include]] })).violations
  }, selector)
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(({ help, id, nodes }) => ({ help, id, where: nodes.slice(0, 3).map((n) => n.target) }))
}

const storyDoc = async (page: Page, id: string) =>
  // Read from the page, with the session the admin uses.
  (await page.evaluate(
    async (path) => (await fetch(path, { credentials: 'include' })).json(),
    `/api/articles/${id}?draft=true&depth=0`,
  )) as { _status: string; stage: string }

describeMail('a newsroom’s day', () => {
  it('assign, write, submit, comment with a mention, publish: each step emails the right person', async () => {
    const headline = `Tide gauge fails ${Date.now()}`

    // The editor plans the story and assigns it to the writer.
    let editor = await signedIn('editor@newsroom.test')
    // With autosave, Payload makes the draft as the create view opens, then saves each change.
    await editor.goto(`${suite!.app.baseUrl}/admin/collections/articles/create`)
    await editor.waitForURL((url) =>
      /\/admin\/collections\/articles\/(?!create$)[^/]+$/.test(url.pathname),
    )
    await editor.locator('#field-headline').fill(headline)
    await openTab(editor, 'Assignment')
    await chooseIn(editor, 'field-assignment__reporters', 'Wren Writer')
    const id = new URL(editor.url()).pathname.split('/').pop() as string
    await emailArrives('writer@newsroom.test', ['assigned', headline])

    // The writer writes and submits; no publish button anywhere on the story.
    let writer = await signedIn('writer@newsroom.test')
    await writer.goto(`${suite!.app.baseUrl}/admin/collections/articles/${id}`)
    const body = writer.locator('[data-lexical-editor="true"]').first()
    await body.click()
    await writer.keyboard.type('The harbour’s tide gauge stopped on Monday.')
    const submit = writer.getByRole('button', { name: 'Submit for review' })
    await submit.waitFor()
    await expect(writer.getByRole('button', { name: /^Publish/ }).count()).resolves.toBe(0)
    await submit.click()
    await writer.screenshot({ fullPage: true, path: `${SHOTS}/writer-submitting.png` })
    await waitFor(async () => (await storyDoc(writer, id)).stage === 'editing', {
      timeoutMs: 15_000,
      what: 'the story to be in review',
    })
    await writer.screenshot({ fullPage: true, path: `${SHOTS}/writer-submitted.png` })
    await emailArrives('editor@newsroom.test', ['submitted for review', headline])

    // The editor finds it in the queue and comments in the Discussion tab, mentioning the writer.
    // Back at the editor's desk. Signed in again: in this browser a later sign-in (the
    // writer's) replaced the editor's session in the first window too (see docs/development.md).
    editor = await signedIn('editor@newsroom.test')
    await editor.screenshot({ fullPage: true, path: `${SHOTS}/editor-dashboard.png` })
    const queue = editor.locator('.newsroom-review-queue')
    // The queue lists the oldest 20 (the seeded piece has stories waiting too): it is there,
    // and the story is opened from the editor's email link's path.
    await queue.getByRole('heading', { name: /Waiting for review/ }).waitFor()
    await editor.goto(`${suite!.app.baseUrl}/admin/collections/articles/${id}`)
    await openTab(editor, 'Discussion')
    const discussion = editor.locator('.newsroom-discussion')
    await discussion.getByText('No comments on this story yet.').waitFor()
    await discussion.getByLabel('New comment').fill('@writer which gauge? Add the port’s reply.')
    await discussion.getByRole('button', { name: 'Comment', exact: true }).click()
    const question = threadOf(editor, 'which gauge?')
    // The mention shows as one, with whom the server told.
    await question.locator('.newsroom-discussion__mention', { hasText: '@writer' }).waitFor()
    await question.getByText('Notified: Wren Writer').waitFor()
    await expect(question.locator('.newsroom-discussion__author').textContent()).resolves.toBe(
      'Eddie Editor',
    )
    await emailArrives('writer@newsroom.test', ['mentioned you', headline])

    // The writer answers under the editor's comment; the thread is not theirs to resolve.
    writer = await signedIn('writer@newsroom.test')
    await writer.goto(`${suite!.app.baseUrl}/admin/collections/articles/${id}`)
    await openTab(writer, 'Discussion')
    const asked = threadOf(writer, 'which gauge?')
    // What the server refuses stays in the box, with the server's reason under it (in
    // production Payload answers with the summary, not the field's own message).
    const newComment = writer.locator('.newsroom-discussion').getByLabel('New comment')
    await newComment.fill('x'.repeat(5001))
    await writer.getByRole('button', { name: 'Comment', exact: true }).click()
    await writer
      .locator('.newsroom-discussion [role="alert"]', {
        hasText: /invalid: Comment|max length of 5000/,
      })
      .waitFor()
    await expect(newComment.inputValue()).resolves.toHaveLength(5001)
    await newComment.fill('')
    await asked.getByRole('button', { name: 'Reply', exact: true }).click()
    await asked.getByLabel('Reply to Eddie Editor').fill('The harbour gauge: its sensor froze.')
    await asked.getByRole('button', { name: 'Reply', exact: true }).click()
    const answer = asked.locator('.newsroom-discussion__replies .newsroom-discussion__comment', {
      hasText: 'its sensor froze',
    })
    await answer.waitFor()
    await expect(answer.locator('.newsroom-discussion__author').textContent()).resolves.toBe(
      'Wren Writer',
    )
    await expect(asked.getByRole('button', { name: 'Resolve' }).count()).resolves.toBe(0)
    await writer.screenshot({ fullPage: true, path: `${SHOTS}/writer-reply.png` })

    // The editor reads the answer in the thread and resolves it: it folds, under the resolver.
    editor = await signedIn('editor@newsroom.test')
    await editor.goto(`${suite!.app.baseUrl}/admin/collections/articles/${id}`)
    await openTab(editor, 'Discussion')
    const answered = threadOf(editor, 'which gauge?')
    await answered
      .locator('.newsroom-discussion__replies', { hasText: 'its sensor froze' })
      .waitFor()
    await expect(seriousViolationsIn(editor, '.newsroom-discussion')).resolves.toEqual([])
    await answered.getByRole('button', { name: 'Resolve' }).click()
    await answered.getByText('Resolved by Eddie Editor').waitFor()
    await answered.getByText('1 reply', { exact: true }).waitFor()
    await expect(answered.locator('.newsroom-discussion__replies').count()).resolves.toBe(0)
    await editor.screenshot({ fullPage: true, path: `${SHOTS}/editor-discussion.png` })
    // Unfolded again, the answer is still under the question, and a reopen is at hand.
    await answered.getByRole('button', { name: 'Show thread' }).click()
    await answered
      .locator('.newsroom-discussion__replies', { hasText: 'its sensor froze' })
      .waitFor()
    await answered.getByRole('button', { name: 'Reopen' }).waitFor()
    await expect(seriousViolationsIn(editor, '.newsroom-discussion')).resolves.toEqual([])

    // The editor publishes: the stage follows, and the writer hears of it.
    await editor.reload()
    await editor
      .getByRole('button', { name: /^Publish/ })
      .first()
      .click()
    await waitFor(
      async () => {
        const doc = await storyDoc(editor, id)
        return doc._status === 'published' && doc.stage === 'published'
      },
      { timeoutMs: 15_000, what: 'the story to be published with the stage published' },
    )
    await emailArrives('writer@newsroom.test', ['was published', headline])

    // The writer's dashboard counts what they were told.
    await writer.goto(`${suite!.app.baseUrl}/admin`)
    await writer.locator('.newsroom-notifications', { hasText: headline }).first().waitFor()
    await writer.screenshot({ fullPage: true, path: `${SHOTS}/writer-notifications.png` })
  })
})
