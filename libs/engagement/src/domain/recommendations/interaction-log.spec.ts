import {
  InteractionLogError,
  formatInteractions,
  formatVideos,
  generateSyntheticLog,
  parseCsv,
  parseInteractions,
  parseVideos,
} from './recommender.js';

describe('interaction log CSV', () => {
  it('reads back what it writes: signals, follows and videos with commas, quotes and line breaks', () => {
    const log = generateSyntheticLog({ seed: 5, people: 20, videos: 30 });
    log.videos[0] = { ...log.videos[0], title: 'Pasta, "fresh"', description: 'line one\nline two', seriesId: null };
    const { signals, follows } = parseInteractions(formatInteractions(log));
    expect(signals).toEqual(log.signals);
    expect(follows).toEqual(log.follows);
    expect(parseVideos(formatVideos(log.videos))).toEqual(log.videos);
  });

  it('takes columns in any order, ignores extra ones and blank lines, defaults an empty value to 1', () => {
    const text =
      '\ufeffat,kind,video_id,person_id,device\r\n2026-12-01T10:00:00Z,like,v1,ann,tv\r\n\r\n2026-12-01T11:00:00Z,rating,v2,ann,\r\n';
    expect(parseInteractions(text.replace(',like,', ',like,')).signals).toEqual([
      { personId: 'ann', videoId: 'v1', kind: 'like', value: 1, at: new Date('2026-12-01T10:00:00Z') },
      { personId: 'ann', videoId: 'v2', kind: 'rating', value: 1, at: new Date('2026-12-01T11:00:00Z') },
    ]);
    expect(parseCsv('a,"b ""c"", d"\n1,2')).toEqual([
      ['a', 'b "c", d'],
      ['1', '2'],
    ]);
  });

  it.each([
    ['person_id,video_id,kind,value,at\nann,v1,poke,1,2026-12-01T10:00:00Z', 'line 2: unknown kind'],
    ['person_id,video_id,kind,value,at\nann,v1,like,1,yesterday', "line 2: at 'yesterday' is not a date"],
    ['person_id,video_id,kind,value,at\nann,v1,rating,five,2026-12-01T10:00:00Z', "value 'five' is not a number"],
    ['person_id,video_id,kind,value,at\nann,,like,1,2026-12-01T10:00:00Z', 'video_id is empty'],
    ['person_id,video_id,kind,value,at\nann,,follow,1,2026-12-01T10:00:00Z', 'a follow needs creator_id'],
    ['person_id,video,kind,value\nann,v1,like,1', 'line 1: missing column(s) at'],
    ['', 'the file is empty'],
  ])('refuses a bad interactions file with the line and the reason (%#)', (text, message) => {
    expect(() => parseInteractions(text)).toThrow(InteractionLogError);
    expect(() => parseInteractions(text)).toThrow(message);
  });

  it('refuses a videos file without its required columns or with a bad duration', () => {
    expect(() => parseVideos('video_id,title\nv1,x')).toThrow(
      'videos.csv, line 1: missing column(s) creator_id, published_at',
    );
    expect(() =>
      parseVideos('video_id,creator_id,published_at,duration_seconds\nv1,c1,2026-12-01T10:00:00Z,long'),
    ).toThrow("line 2: duration_seconds 'long' is not a number");
  });
});
