// One load-generator process of the messaging benchmark (forked, driven over IPC). It owns whole
// conversations, so a message's sender and receivers are in this process and send→receive latency is
// measured on one clock (performance.now()). Each user has its own socket (no multiplexing).
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';

/** role (which server, or an idle set) → userId → socket. */
const sockets = new Map();
/** conversationId → member userIds (only conversations owned by this worker). */
let groups = [];
/** clientMessageId → { sentAt, senderId, pending receivers } while a step is running. */
let inFlight = new Map();
let step;
/** Texts sent by this load process so far, across steps, rounds and servers. */
let textsSent = 0;

const handlers = {
  async connect({ role, url, clients, concurrency = 100 }) {
    const mine = sockets.get(role) ?? new Map();
    sockets.set(role, mine);
    const started = performance.now();
    let failed = 0;
    const errors = new Set();
    let next = 0;
    const connectOne = ({ userId, token }) =>
      new Promise((resolve) => {
        const socket = io(url, {
          auth: { token, userId },
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
          timeout: 20_000,
        });
        socket.once('connect', () => {
          mine.set(userId, socket);
          socket.on('message:new', (message) => received(userId, message));
          resolve();
        });
        socket.once('connect_error', (error) => {
          failed++;
          errors.add(error.message);
          socket.close();
          resolve();
        });
      });
    await Promise.all(
      Array.from({ length: Math.min(concurrency, clients.length) }, async () => {
        while (next < clients.length) await connectOne(clients[next++]);
      }),
    );
    return { connected: mine.size, failed, errors: [...errors].slice(0, 3), ms: performance.now() - started };
  },

  groups({ list }) {
    groups = list;
    return { groups: groups.length };
  },

  /** Open model: `rate` messages/s for `durationMs`, each from a random member of a random conversation. */
  async send({ role, rate, durationMs, drainMs, ackTimeoutMs = 10_000 }) {
    inFlight = new Map();
    step = {
      outstanding: 0,
      sent: 0,
      acked: 0,
      held: 0,
      ackErrors: 0,
      errorCodes: {},
      delivered: 0,
      late: 0,
      latencies: [],
      ackLatencies: [],
      // Delivery latencies by the second of the step their message was sent in (--timeline).
      bySecond: [],
    };
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    step.started = started;
    step.lastAnswerAt = started;
    let maxLagMs = 0;
    await new Promise((resolve) => {
      const timer = setInterval(() => {
        const now = performance.now();
        const elapsed = Math.min(now - started, durationMs);
        const due = Math.floor((elapsed / 1000) * rate) - step.sent;
        // How far behind schedule the oldest due message is: the generator's own saturation.
        if (due > 1) maxLagMs = Math.max(maxLagMs, (due / rate) * 1000);
        for (let i = 0; i < due; i++) sendOne(sockets.get(role), ackTimeoutMs);
        if (now - started >= durationMs) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    const sendSeconds = (performance.now() - started) / 1000;
    // Deliveries still on their way after the last send are waited for, up to drainMs.
    const drainStarted = performance.now();
    while (performance.now() - drainStarted < drainMs && step.outstanding > 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    let lost = 0;
    let unacked = 0;
    for (const message of inFlight.values()) {
      lost += message.pending.size;
      if (!message.acked) unacked++;
    }
    const cpu = process.cpuUsage(cpuBefore);
    const result = {
      ...step,
      lost,
      unacked,
      sendSeconds,
      maxLagMs,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      wallSeconds: (performance.now() - started) / 1000,
      // Until the last acknowledgement or delivery: a missing delivery's wait for the drain limit is not throughput.
      activeSeconds: Math.max(sendSeconds, (step.lastAnswerAt - started) / 1000),
    };
    delete result.lastAnswerAt;
    delete result.started;
    inFlight = new Map();
    step = undefined;
    return result;
  },

  async disconnect({ role }) {
    for (const socket of sockets.get(role)?.values() ?? []) socket.close();
    sockets.delete(role);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { connected: 0 };
  },
};

function sendOne(mine, ackTimeoutMs) {
  const group = groups[Math.floor(Math.random() * groups.length)];
  const senderId = group.members[Math.floor(Math.random() * group.members.length)];
  const socket = mine.get(senderId);
  const clientMessageId = randomUUID();
  const current = step;
  const sentAt = performance.now();
  const message = {
    sentAt,
    senderId,
    acked: false,
    pending: new Set(group.members.filter((member) => member !== senderId)),
  };
  inFlight.set(clientMessageId, message);
  current.sent++;
  current.outstanding += message.pending.size + 1; // the deliveries and the acknowledgement
  socket
    .timeout(ackTimeoutMs)
    .emitWithAck('message:send', {
      conversationId: group.conversationId,
      // Numbered across the whole run: a text a user repeats across steps is held by trust & safety's repetition rule.
      text: `bench ${++textsSent}`,
      clientMessageId,
    })
    .then(
      (answer) => {
        message.acked = true;
        current.outstanding--;
        current.lastAnswerAt = performance.now();
        if (answer?.error) {
          current.ackErrors++;
          current.errorCodes[answer.error.code] = (current.errorCodes[answer.error.code] ?? 0) + 1;
        } else {
          current.acked++;
          current.ackLatencies.push(performance.now() - sentAt);
          if (answer?.message?.held) current.held++;
        }
        // Nothing is delivered for a refused send, nor for one trust & safety held (e.g. digits the profanity
        // matcher reads as letters): that reaches only its sender until a moderator releases it.
        if (answer?.error || answer?.message?.held) {
          current.outstanding -= message.pending.size;
          message.pending.clear();
        }
      },
      () => {
        message.acked = true;
        current.outstanding--;
        current.ackErrors++;
        current.errorCodes.timeout = (current.errorCodes.timeout ?? 0) + 1;
      },
    );
}

function received(userId, payload) {
  if (!step) return;
  const message = inFlight.get(payload?.clientMessageId);
  if (!message) return void step.late++;
  // The sender's own socket gets the message too (its other devices): not a send→receive delivery.
  if (!message.pending.delete(userId)) return;
  step.outstanding--;
  step.delivered++;
  step.lastAnswerAt = performance.now();
  const latency = performance.now() - message.sentAt;
  step.latencies.push(latency);
  (step.bySecond[Math.floor((message.sentAt - step.started) / 1000)] ??= []).push(latency);
}

process.on('message', async ({ id, command, args }) => {
  try {
    process.send({ id, result: await handlers[command](args) });
  } catch (error) {
    process.send({ id, error: error.stack ?? String(error) });
  }
});
process.on('disconnect', () => process.exit(0));
