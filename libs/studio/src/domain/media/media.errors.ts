import { DomainError } from '@lib/platform/ddd';

/** Why a file was refused after upload: each a stable code a client can branch on. */
export type MediaRejection =
  | 'studio.media.empty-file'
  | 'studio.media.unreadable'
  | 'studio.media.unsupported-container'
  | 'studio.media.no-video-stream'
  | 'studio.media.unsupported-codec'
  | 'studio.media.truncated'
  | 'studio.media.too-long'
  | 'studio.media.too-short'
  | 'studio.media.resolution-too-high'
  | 'studio.media.resolution-too-low';

export class MediaRejectedError extends DomainError {
  readonly kind = 'rule-violated' as const;
  constructor(
    readonly code: MediaRejection,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(message, details);
  }
}

export class UploadNotFoundError extends DomainError {
  readonly code = 'studio.upload.not-found';
  readonly kind = 'not-found' as const;
  constructor(uploadId: string) {
    super(`No upload ${uploadId} in this channel`, { uploadId });
  }
}

export class UploadNotFinishedError extends DomainError {
  readonly code = 'studio.upload.not-finished';
  readonly kind = 'conflict' as const;
  constructor(uploadId: string, state: string, rejection?: { code: string; message: string }) {
    super(
      rejection
        ? `Upload ${uploadId} was rejected: ${rejection.message}`
        : `Upload ${uploadId} is not finished and validated yet (${state})`,
      { uploadId, state, ...(rejection ? { rejection } : {}) },
    );
  }
}

export class UploadAlreadyUsedError extends DomainError {
  readonly code = 'studio.upload.already-used';
  readonly kind = 'conflict' as const;
  constructor(uploadId: string, assetId: string) {
    super(`Upload ${uploadId} is already used by another video`, { uploadId, assetId });
  }
}

export class UploadTooLargeError extends DomainError {
  readonly code = 'studio.upload.too-large';
  readonly kind = 'rule-violated' as const;
  constructor(details: { size: number; limit: number; planId: string }) {
    super(`The file is ${details.size} bytes; your plan allows uploads up to ${details.limit} bytes`, details);
  }
}

export class UploadMetadataError extends DomainError {
  readonly kind = 'invalid' as const;
  constructor(
    readonly code: 'studio.upload.metadata-invalid' | 'studio.upload.length-required',
    message: string,
  ) {
    super(message);
  }
}

export class MediaAssetNotFoundError extends DomainError {
  readonly code = 'studio.media.not-found';
  readonly kind = 'not-found' as const;
  constructor(assetId: string) {
    super(`No media asset ${assetId}`, { assetId });
  }
}

export class MediaNotRetryableError extends DomainError {
  readonly code = 'studio.media.not-failed';
  readonly kind = 'conflict' as const;
  constructor(assetId: string, state: string) {
    super(`Only failed processing can be retried; asset ${assetId} is ${state}`, { assetId, state });
  }
}

export class MediaNotReadyError extends DomainError {
  readonly code = 'studio.media.not-ready';
  readonly kind = 'conflict' as const;
  constructor(assetId: string, state: string) {
    super(`Asset ${assetId} has no renditions yet (${state})`, { assetId, state });
  }
}

export class ThumbnailOutOfRangeError extends DomainError {
  readonly code = 'studio.thumbnail.out-of-range';
  readonly kind = 'invalid' as const;
  constructor(index: number, count: number) {
    super(`Thumbnail ${index} does not exist; there are ${count} candidates`, { index, count });
  }
}

export class InvalidMediaSignatureError extends DomainError {
  readonly kind = 'forbidden' as const;
  constructor(readonly code: 'studio.media-url.expired' | 'studio.media-url.invalid') {
    super(code === 'studio.media-url.expired' ? 'This media link has expired' : 'This media link is not valid');
  }
}
