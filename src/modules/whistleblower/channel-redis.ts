/** The whistleblower channel's own Redis connection: challenges and limits, independent of the public limiter. */
export const CHANNEL_REDIS = Symbol('WHISTLEBLOWER_CHANNEL_REDIS');
