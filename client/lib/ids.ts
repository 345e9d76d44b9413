import { nanoid } from 'nanoid';

/**
 * Ids for cards, votes and people the client creates. nanoid rather than crypto.randomUUID,
 * which only exists in secure contexts, and participants may join over plain http on a LAN.
 * 21 characters of A-Za-z0-9_- match the server's id whitelist.
 */
export const newId = (): string => nanoid();
