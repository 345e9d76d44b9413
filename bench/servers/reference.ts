// The reference: a bare socket.io server that acks each command and broadcasts it to the room,
// with no validation, rules or storage. Same transport and payload sizes as the app.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { serveClient: false });
const totals = new Map<string, number>();

io.on('connection', (socket) => {
  socket.join('room');
  socket.on('card:add', (payload: { id: string; text: string; columnId: string }, ack: (r: unknown) => void) => {
    const card = { ...payload, author: { kind: 'anonymous' }, handVotes: 0, createdAt: Date.now(), updatedAt: Date.now() };
    ack({ ok: true, data: card });
    io.to('room').emit('card:upserted', card);
  });
  socket.on('vote:cast', (payload: { id: string; cardId: string }, ack: (r: unknown) => void) => {
    const total = (totals.get(payload.cardId) ?? 0) + 1;
    totals.set(payload.cardId, total);
    ack({ ok: true, data: [{ id: payload.id, cardId: payload.cardId }] });
    io.to('room').emit('votes:updated', { cardId: payload.cardId, total });
  });
});

http.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (http.address() as AddressInfo).port });
});
process.on('message', (message: { type: string }) => {
  if (message.type === 'rss') process.send?.({ rss: process.memoryUsage().rss });
});
process.on('message', (message: { type: string }) => {
  if (message.type === 'close') io.close(() => process.exit(0));
});
