/**
 * A card of random junk, as if someone pasted a file or leaned on the keyboard: letters, digits,
 * symbols, emoji, combining marks and whitespace, from a fixed seed so a failure can be replayed.
 */
export function garbageText(length: number, seed: number): string {
  const pool = [
    ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
    ...'!@#$%^&*()_+-=[]{};:\'",.<>/?\\|`~§±€',
    ...'ëïéèçñß',
    '\u0308', '\u0301', '\u200b', '\ufeff',
    '😀', '🎉', '👍🏽', '🇳🇱', '👨‍👩‍👧',
    ' ', ' ', ' ', '\t', '\n',
  ];
  let state = seed >>> 0;
  const next = (): number => {
    // xorshift32: enough for junk, independent of the engine's own generator.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  let text = '';
  while (text.length < length) text += pool[Math.floor(next() * pool.length)];
  return text.slice(0, length);
}
