import LRU from 'zrender/lib/core/LRU.js';

/**
 * zrender (under echarts) caches text widths in an LRU keyed by the text, held in a plain object.
 * Looking up a label such as "__proto__" or "constructor" finds Object.prototype or Object, which
 * the cache then treats as one of its entries: it writes `prev` and `next` onto it, polluting every
 * object in the process (on the server: a stack overflow in every later report). Labels are user
 * text (themes, domains, poll options, survey answers), so lookups go to own keys only. `put`
 * already skips a key the map seems to have, so the guarded `get` is enough. Import this module
 * before drawing any chart; it patches once.
 */
type Lookup = (this: LRU<unknown>, key: string | number) => unknown;
const proto = LRU.prototype as unknown as { get: Lookup & { guarded?: true } };
if (!proto.get.guarded) {
  const get = proto.get;
  const guarded = function (this: LRU<unknown>, key: string | number) {
    const map = (this as unknown as { _map: object })._map;
    return Object.hasOwn(map, key) ? get.call(this, key) : undefined;
  } as Lookup & { guarded?: true };
  guarded.guarded = true;
  proto.get = guarded;
}
