// The reference: a bare socket.io server that acks each command and broadcasts it to the room,
// with no validation, rules or storage. Same transport and payload sizes as the app.
// A client picks its room with `auth.room` (default: one room for everybody).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { serveStats } from './server-stats.ts';

const http = createServer();
const io = new Server(http, { serveClient: false });
const totals = new Map<string, number>();

io.on('connection', (socket) => {
  const requested: unknown = socket.handshake.auth.room;
  const room = typeof requested === 'string' ? requested : 'room';
  socket.join(room);
  socket.on('card:add', (payload: { id: string; text: string; columnId: string }, ack: (r: unknown) => void) => {
    const card = { ...payload, author: { kind: 'anonymous' }, handVotes: 0, createdAt: Date.now(), updatedAt: Date.now() };
    ack({ ok: true, data: card });
    io.to(room).emit('card:upserted', card);
  });
  socket.on('vote:cast', (payload: { id: string; cardId: string }, ack: (r: unknown) => void) => {
    const total = (totals.get(payload.cardId) ?? 0) + 1;
    totals.set(payload.cardId, total);
    ack({ ok: true, data: [{ id: payload.id, cardId: payload.cardId }] });
    io.to(room).emit('votes:updated', { cardId: payload.cardId, total });
  });
  // Any other command (phases, polls, answers): ack it and tell the room, nothing more.
  socket.onAny((event: string, ...args: unknown[]) => {
    if (event === 'card:add' || event === 'vote:cast') return;
    const ack = args.at(-1);
    if (typeof ack !== 'function') return;
    ack({ ok: true, data: args[0] });
    io.to(room).emit('fact', event, args[0]);
  });
});

http.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (http.address() as AddressInfo).port });
});
serveStats();
process.on('message', (message: { type: string }) => {
  if (message.type === 'rss') process.send?.({ rss: process.memoryUsage().rss });
});
process.on('message', (message: { type: string }) => {
  if (message.type === 'close') io.close(() => process.exit(0));
});
