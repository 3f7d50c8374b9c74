/** Every device of a user joins this room at the handshake; push to a user by emitting here. */
export const userRoom = (userId: string) => `user:${userId}`;

/** Socket.IO's Redis channels and the emitter must agree on this key. */
export const socketChannelKey = (redisPrefix: string) => `${redisPrefix}:socket.io`;
