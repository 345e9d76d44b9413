/** Pure helpers to apply facts idempotently by id to immutable lists. */

export function upsertById<T extends { id: string }>(list: readonly T[], item: T): T[] {
  const index = list.findIndex((x) => x.id === item.id);
  if (index === -1) return [...list, item];
  const next = list.slice();
  next[index] = item;
  return next;
}

export function removeById<T extends { id: string }>(list: readonly T[], id: string): T[] {
  return list.some((x) => x.id === id) ? list.filter((x) => x.id !== id) : (list as T[]);
}

export function addUnique(list: readonly string[], id: string): string[] {
  return list.includes(id) ? (list as string[]) : [...list, id];
}
