/**
 * The piece's first related-coverage link, "President Trump claims migrant women are being
 * taped up at the border", as the claim it reports and a fact-check of ours that rates it. The
 * piece keeps its link to the outlet's story unchanged; the fact-check lists the same related
 * story record.
 */
export const factCheckClaimant = {
  kind: 'source' as const,
  name: 'Donald Trump',
  positions: [
    {
      from: '2017-01-20T17:00:00.000Z',
      organization: 'The White House',
      title: 'President of the United States',
      to: '2021-01-20T17:00:00.000Z',
    },
  ],
}

export const factCheckClaim = {
  appearance: 'Remarks at the White House, January 2019, as reported by The Washington Post',
  claimedAt: '2019-01-16T12:00:00.000Z',
  notes:
    'Date from The Washington Post report of 17 January 2019; check it against the transcript.',
  text: 'Migrant women are being bound and taped at the mouth as they are smuggled across the southern border.',
}

export const factCheckArticle = {
  dek: 'The president says smugglers bind women and tape their mouths. Experts who work on the border say they have no idea what he is talking about.',
  headline: 'Fact check: are migrant women being taped up at the border?',
  paragraphs: [
    'President Trump has said repeatedly that women crossing the southern border are tied up and have tape put over their mouths by smugglers.',
    'Border agents, prosecutors and advocates who work with migrant women told reporters they had not seen it, and the administration has given no case that shows it.',
    'Smuggling on the border is dangerous for women, and sexual assault on the journey is widely documented. The particular picture the president paints is not.',
  ],
  publishedAt: '2019-01-18T12:00:00.000Z',
  rating: 'mostly-inaccurate',
  section: 'National',
  topics: ['Immigration', 'Fact check'],
}
