// The engagement context's public contract: the only thing other contexts may import from it.
export { UserFollowedV1 } from './events/user-followed.v1.js';
export { UserUnfollowedV1 } from './events/user-unfollowed.v1.js';
export { MessageSentV1 } from './events/message-sent.v1.js';
// Likes, ratings and watch progress (docs/adr/0028-exact-counters.md).
export { VideoLikedV1, VideoUnlikedV1 } from './events/video-likes.v1.js';
export { VideoRatedV1, VideoRatingWithdrawnV1 } from './events/video-ratings.v1.js';
export { VideoCompletedV1, WatchProgressedV1 } from './events/watch-progress.v1.js';
export { MessageVisibility, type VisibleMessage } from './message-visibility.js';
export { SocialGraphView, type FollowCounts } from './social-graph-view.js';
export { CommentDeletedV1, CommentPostedV1 } from './events/comment-events.v1.js';
export { VideoTrendScore, VideoTrendScoresChangedV1 } from './events/video-trend-scores.v1.js';
export { PostPublishedV1, PostWithdrawnV1 } from './events/post-events.v1.js';
