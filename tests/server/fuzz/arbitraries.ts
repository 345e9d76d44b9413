import fc from 'fast-check';

/** Names socket.io itself keeps; its client refuses to send them (the parser test covers the wire). */
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];

/** Ids and texts that try to leave a folder, break a parser, or name a member of every object. */
export const hostileString = fc.constantFrom(
  '../x',
  '..%2fx',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '../../../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '..\\..\\x',
  'abcdefgh\u0000',
  '\u0000',
  'abcdefgh/../../x',
  ...PROTOTYPE_NAMES,
  'ａｂｃｄｅｆｇｈ',
  '\u202eabcdefgh',
  '😀'.repeat(10),
  '\ud800\udc00\ud800',
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  "{{ constructor.constructor('window.__pwned=1')() }}",
  '=HYPERLINK("http://example.invalid")',
  ' ',
  '',
  '{"$gt":""}',
);

/** Strings right at, just over and far over the limits (card 1000, title 200, name 80, finding 2000). */
export const hugeString = fc
  .tuple(fc.constantFrom(79, 80, 81, 120, 121, 199, 200, 201, 300, 301, 999, 1000, 1001, 1999, 2000, 2001, 12_000), fc.constantFrom('x', 'é', '😀', '\u0000', ' ', '<', '\n'))
  .map(([n, c]) => c.repeat(n));

/** Nesting thousands deep, as arrays or objects. */
export const deeplyNested = fc.tuple(fc.integer({ min: 50, max: 2000 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
  return value;
});

/** Travels as socket.io binary attachments. */
export const binary = fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes));

const anyKey = fc.oneof(fc.string(), fc.constantFrom(...PROTOTYPE_NAMES));

/** Any value: JSON, typed arrays, null-prototype objects, sparse arrays, prototype keys. */
export const anything = fc.oneof(
  fc.anything({ maxDepth: 3, key: anyKey, withTypedArray: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true }),
  fc.jsonValue({ maxDepth: 4 }),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hugeString },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, 1e308, -0) },
  { weight: 2, arbitrary: anything },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 1, arbitrary: binary },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
);

/** Own `__proto__` and `constructor` keys, as JSON.parse makes them: what a polluting client sends. */
export const pollutingKeys = (): Record<string, unknown> =>
  JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}') as Record<string, unknown>;

/** The object and nested-object keys of a payload, as paths. */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.keys(value).flatMap((key) => [[...prefix, key], ...paths((value as Record<string, unknown>)[key], [...prefix, key])]);
}

function setPath(value: unknown, path: string[], next: unknown | typeof REMOVE): unknown {
  const copy = { ...(value as Record<string, unknown>) };
  const [head, ...rest] = path;
  if (rest.length > 0) copy[head!] = setPath(copy[head!], rest, next);
  else if (next === REMOVE) delete copy[head!];
  else copy[head!] = next;
  return copy;
}
const REMOVE = Symbol('remove');

/** What to send: the arguments (payload first) and whether to ask for an ack. */
export interface Emission {
  args: unknown[];
  ack: boolean;
}

/**
 * A hostile form of a valid payload: arbitrary values instead of it, one field (or a nested one)
 * replaced, removed, polluting keys added, wrapped in arrays, no payload or extra arguments, and
 * sometimes no ack callback at all.
 */
export function hostileEmission(base: unknown): fc.Arbitrary<Emission> {
  const fields = paths(base);
  const payload: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 2, arbitrary: anything },
    { weight: 1, arbitrary: hostileValue },
    ...(fields.length
      ? [
          { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...fields), hostileValue).map(([path, value]) => setPath(base, path, value)) },
          // Often still valid where the field is free text: hostile text reaches the handlers.
          { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...fields), hostileString).map(([path, value]) => setPath(base, path, value)) },
          { weight: 1, arbitrary: fc.constantFrom(...fields).map((path) => setPath(base, path, REMOVE)) },
        ]
      : []),
    { weight: 3, arbitrary: fc.constant(null).map(() => Object.assign(pollutingKeys(), base)) },
    { weight: 1, arbitrary: fc.constantFrom([base], Object.values(base as object), [[[base]]], JSON.stringify(base)) },
  );
  return fc.oneof(
    { weight: 12, arbitrary: payload.map((p) => ({ args: [p], ack: true })) },
    { weight: 1, arbitrary: fc.array(payload, { maxLength: 3 }).filter((a) => a.length !== 1).map((args) => ({ args, ack: true })) },
    { weight: 1, arbitrary: payload.map((p) => ({ args: [p], ack: false })) },
  );
}

/** Event names that are no command: prototype names, near misses, very long ones, random text. */
export const strangeEventName = fc
  .oneof(
    fc.constantFrom(...PROTOTYPE_NAMES, 'card:add ', 'CARD:ADD', 'card:add\u0000', '../card:add', 'card:%61dd', '', 'x'.repeat(10_000), 'test:sync', 'card:explode'),
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 50 }),
  )
  .filter((name) => !RESERVED.has(name));
