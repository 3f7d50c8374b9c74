/** The few numbers the creator and hashtag pages need from engagement's own tables. */
export abstract class PagesReadModel {
  /** Public, undeleted comments carrying the (normalised) tag on published videos. */
  abstract hashtagCommentCount(tag: string): Promise<number>;
  /** Whether the viewer follows the creator now. */
  abstract follows(viewerId: string, creatorId: string): Promise<boolean>;
}
