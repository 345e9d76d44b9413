import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { HandshakeAuth } from '@shared/protocol/events.ts';
import { socket } from '../socket.ts';
import { useOutboxStore } from './outbox/index.ts';

export type ConnectionState = 'connected' | 'connecting' | 'offline';

const MAX_RETRY_MS = 10_000;

/**
 * The socket's connection and the handshake it was made with. A facilitator socket carries the
 * study key; a participant socket carries nothing. Changing who we are means a new handshake.
 */
export const useConnectionStore = defineStore('connection', () => {
  const state = ref<ConnectionState>('offline');
  /** The server refused the facilitator key in the handshake. */
  const unauthorised = ref(false);
  /** Some page needed the socket; pages that never do (home) show no connection state. */
  const inUse = ref(false);
  /** Changes waiting in the outbox of the open session. */
  const pending = computed(() => useOutboxStore().items.length);
  let currentAuth: string | null = null;
  let listening = false;
  let retries = 0;

  function scheduleReconnect(): void {
    const delay = Math.min(MAX_RETRY_MS, 1000 * 2 ** retries++);
    setTimeout(() => {
      if (!socket.connected && !socket.active && currentAuth !== null) socket.connect();
    }, delay);
  }

  function listen(): void {
    if (listening) return;
    listening = true;
    socket.on('connect', () => {
      retries = 0;
      state.value = 'connected';
      unauthorised.value = false;
    });
    socket.on('disconnect', (reason) => {
      state.value = 'offline';
      // A server that shuts down gracefully disconnects everyone, and socket.io does not retry
      // after that; a restarted server should get its rooms back without anyone reloading.
      if (reason === 'io server disconnect') scheduleReconnect();
    });
    socket.on('connect_error', (error) => {
      state.value = 'offline';
      if (error.message === 'unauthorised') unauthorised.value = true;
    });
    window.addEventListener('online', () => {
      if (!socket.connected && currentAuth !== null) socket.connect();
    });
  }

  /** Connects with this handshake, reconnecting if the socket was made with another one. */
  function use(auth: HandshakeAuth): void {
    const key = JSON.stringify(auth);
    inUse.value = true;
    if (key !== currentAuth) {
      currentAuth = key;
      unauthorised.value = false;
      if (socket.active) socket.disconnect();
      socket.auth = { ...auth };
    }
    if (!socket.connected && !socket.active) {
      state.value = 'connecting';
      socket.connect();
    }
  }

  /** Resolves true once connected, false after `ms` without a connection. */
  function whenConnected(ms: number): Promise<boolean> {
    if (socket.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (value: boolean): void => {
        clearTimeout(timer);
        socket.off('connect', onConnect);
        resolve(value);
      };
      const onConnect = (): void => done(true);
      const timer = setTimeout(() => done(false), ms);
      socket.on('connect', onConnect);
    });
  }

  return { state, unauthorised, inUse, pending, listen, use, whenConnected };
});
