import { newId } from '@lib/platform';
import { ChannelRoleRequiredError } from '../../../domain/channel/channel.errors.js';
import { ContentTemplate, Series } from '../../../domain/library/library.js';
import { EpisodeSlotTakenError } from '../../../domain/video/video.errors.js';
import { VideoCreated } from '../../../domain/video/video.events.js';
import { aChannel, aVideo, inMemoryStudio, type InMemoryStudio } from '../../../testing/index.js';
import { CreateVideoCommand } from './create-video.command.js';
import { CreateVideoHandler } from './create-video.handler.js';
import { ContentRefusedError } from '@lib/trust-safety/contracts';

describe('Creating a video', () => {
  const [owner, editor, viewer] = [newId(), newId(), newId()];
  const channel = aChannel().ownedBy(owner).withMember(editor, 'editor').withMember(viewer, 'viewer').build();
  let studio: InMemoryStudio;
  let handler: CreateVideoHandler;

  beforeEach(() => {
    studio = inMemoryStudio();
    studio.given(channel);
    handler = new CreateVideoHandler(
      studio.teams,
      studio.gate,
      studio.edits,
      studio.videos,
      studio.media,
      studio.unitOfWork,
      studio.views,
      studio.texts,
    );
  });

  const create = (
    userId: string,
    input: { title: string } & Record<string, unknown> = { title: 'Pilot' },
    templateId?: string,
  ) => handler.execute(new CreateVideoCommand(userId, channel.id, 'upload-1', input, templateId));

  it('stores a draft, hands the upload to the media side for that video, and answers it processing', async () => {
    const view = await create(editor);

    const [asset] = [...studio.media.assets.values()];
    expect(asset).toMatchObject({ uploadId: 'upload-1', channelId: channel.id, videoId: view.id });
    expect(view).toMatchObject({ state: 'processing', title: 'Pilot', channelId: channel.id });
    expect(await studio.videos.byId(view.id)).toMatchObject({
      state: 'processing',
      assetId: asset.id,
      createdBy: editor,
    });
    expect(studio.unitOfWork.publishedOf(VideoCreated).map((event) => event.aggregateId)).toEqual([view.id]);
  });

  it('refuses a viewer before anything is stored or sent to the media side', async () => {
    await expect(create(viewer)).rejects.toBeInstanceOf(ChannelRoleRequiredError);

    expect(studio.videos.videos.all()).toEqual([]);
    expect(studio.media.assets.size).toBe(0);
  });

  it('refuses an upload the media side cannot use before any draft is stored or any event published', async () => {
    studio.media.refuseUploads();

    await expect(create(editor)).rejects.toMatchObject({ code: 'studio.upload.not-finished' });

    expect(studio.videos.videos.all()).toEqual([]);
    expect(studio.unitOfWork.publishedOf(VideoCreated)).toEqual([]);
  });

  it('removes the draft again when a concurrent request claimed the upload first, and passes its error on', async () => {
    studio.media.loseClaims();

    await expect(create(editor)).rejects.toMatchObject({ code: 'studio.upload.already-used' });

    expect(studio.videos.videos.all()).toEqual([]);
  });

  it('fills what the body leaves out from the template, and lets the body win', async () => {
    const template = new ContentTemplate(channel.id, 'Weekly', {
      description: 'From the template',
      tags: ['weekly', 'talk'],
      category: 'podcasts',
      language: 'en',
      accessLevel: 'ad_free',
      earlyAccessDays: null,
      publishTimeOfDay: null,
      timeZone: null,
    });
    studio.given(template);

    const view = await create(editor, { title: 'Episode 9', description: 'Written for this one' }, template.id);

    expect(view).toMatchObject({
      description: 'Written for this one',
      tags: ['weekly', 'talk'],
      category: 'podcasts',
      accessLevel: 'ad_free',
    });
  });

  it('refuses an episode slot another video of the series already holds', async () => {
    const series = new Series(channel.id, 'Night Talks', '');
    studio.given(series, aVideo().onChannel(channel).asEpisode(series.id, 1, 1).build());

    await expect(
      create(editor, { title: 'Same slot', episode: { seriesId: series.id, season: 1, episode: 1 } }),
    ).rejects.toBeInstanceOf(EpisodeSlotTakenError);
    expect(studio.media.assets.size).toBe(0);
  });

  it('screens the title and description: a refused or held text stores nothing, a flagged one is queued with the video', async () => {
    studio.screening.answer('Buy cheap pills', 'refuse');
    studio.screening.answer('Something borderline', 'hold');
    await expect(create(editor, { title: 'Buy cheap pills' })).rejects.toBeInstanceOf(ContentRefusedError);
    await expect(create(editor, { title: 'Fine', description: 'Something borderline' })).rejects.toMatchObject({
      code: 'trust-safety.content.refused',
      details: { surface: 'video.description', rule: 'video.description.test' },
    });
    expect(studio.media.assets.size).toBe(0);

    studio.screening.answer('A little rude', 'flag');
    const view = await create(editor, { title: 'A little rude' });
    expect(studio.screening.screened).toContainEqual(
      expect.objectContaining({ surface: 'video.title', content: { type: 'video', id: view.id } }),
    );
  });
});
