/** Tolerant matching of decision answers to the resources asked (src/flows/resource-match.ts). */
import { matchAnswers, resourceKey } from '../../src/flows/resource-match';

const channelMrss = (title: string) =>
  `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>${title}</title></channel></rss>`;
const assetMrss = (channel: string, item: string, guid = 'g1') =>
  `<rss version="2.0"><channel><title>${channel}</title><item><title>${item}</title><guid>${guid}</guid>` +
  `<media:rating scheme="urn:v-chip">tv-pg</media:rating></item></channel></rss>`;
/** As an MVPD might re-serialise it: single quotes, new lines, CDATA titles, no guid. */
const rewritten = (channel: string, item?: string) =>
  [
    `<rss version='2.0'>`,
    '  <channel>',
    `    <title><![CDATA[${channel}]]></title>`,
    ...(item ? ['    <item>', `      <title><![CDATA[${item}]]></title>`, '    </item>'] : []),
    '  </channel>',
    '</rss>',
  ].join('\n');
const answer = (resource: string, authorized = true) => ({ resource, authorized });

describe('resourceKey', () => {
  it('a plain id is its own channel title; MRSS gives the channel and item titles', () => {
    expect(resourceKey('  DEMOTV  ')).toEqual({ channel: 'DEMOTV' });
    expect(resourceKey(channelMrss('DEMOTV-MOVIES'))).toEqual({ channel: 'DEMOTV-MOVIES' });
    expect(resourceKey(assetMrss('DEMOTV', 'Harbor  Lights'))).toEqual({ channel: 'DEMOTV', item: 'Harbor Lights' });
    expect(resourceKey(rewritten('DEMOTV', 'Harbor Lights'))).toEqual({ channel: 'DEMOTV', item: 'Harbor Lights' });
    expect(resourceKey(channelMrss('Tom &amp; Jerry &#38; Co &#x26; more'))).toEqual({
      channel: 'Tom & Jerry & Co & more',
    });
  });

  it('the channel title is the one outside the item, even when the item comes first', () => {
    const itemFirst = '<rss><channel><item><title>Film</title></item><title>MOVIES</title></channel></rss>';
    expect(resourceKey(itemFirst)).toEqual({ channel: 'MOVIES', item: 'Film' });
  });

  it('nothing to match by: empty, MRSS without a channel or its title', () => {
    expect(resourceKey('   ')).toBeUndefined();
    expect(resourceKey('<rss></rss>')).toBeUndefined();
    expect(resourceKey('<rss><channel><item><title>x</title></item></channel></rss>')).toBeUndefined();
    expect(resourceKey('<rss><channel><title>  </title></channel></rss>')).toBeUndefined();
  });
});

describe('matchAnswers', () => {
  it('exact answers match as they are', () => {
    const { matched, strays } = matchAnswers(['A', 'B'], [answer('B', false), answer('A')]);
    expect(matched.get('A')).toEqual(answer('A'));
    expect(matched.get('B')).toEqual(answer('B', false));
    expect(strays).toEqual([]);
  });

  it('Adobe’s trailing space and an MVPD’s re-serialised MRSS still match', () => {
    const asked = ['resource1', channelMrss('DEMOTV-MOVIES'), assetMrss('DEMOTV', 'Harbor Lights')];
    const answers = [
      answer('resource1 '),
      answer(rewritten('DEMOTV-MOVIES'), false),
      answer(rewritten('DEMOTV', 'Harbor Lights')),
    ];
    const { matched, strays } = matchAnswers(asked, answers);
    expect(asked.map((r) => matched.get(r)?.authorized)).toEqual([true, false, true]);
    expect(strays).toEqual([]);
  });

  it('a channel answer never settles an asset asked about (and the other way round)', () => {
    const { matched, strays } = matchAnswers([assetMrss('DEMOTV', 'Film')], [answer('DEMOTV')]);
    expect(matched.size).toBe(0);
    expect(strays).toHaveLength(1);
    expect(matchAnswers(['DEMOTV'], [answer(assetMrss('DEMOTV', 'Film'))]).matched.size).toBe(0);
  });

  it('plain and channel-level MRSS for the same channel are the same resource', () => {
    expect(matchAnswers([channelMrss('KIDS')], [answer('KIDS')]).matched.get(channelMrss('KIDS'))).toEqual(
      answer('KIDS'),
    );
  });

  it('an exact answer is preferred over a looser one; each answer settles one resource, in order', () => {
    const a = assetMrss('DEMOTV', 'Film', 'g1');
    const b = assetMrss('DEMOTV', 'Film', 'g2'); // same channel and item title, another guid
    const { matched } = matchAnswers([a, b], [answer(rewritten('DEMOTV', 'Film'), false), answer(b)]);
    expect(matched.get(b)).toEqual(answer(b)); // exact first
    expect(matched.get(a)).toEqual(answer(rewritten('DEMOTV', 'Film'), false)); // then by key
  });

  it('what matches nothing stays unknown (absent), answers for nothing asked are strays', () => {
    const { matched, strays } = matchAnswers(['A', 'B'], [answer('A'), answer('Z')]);
    expect([...matched.keys()]).toEqual(['A']);
    expect(strays).toEqual([answer('Z')]);
  });
});
