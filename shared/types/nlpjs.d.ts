/** The Dutch Snowball stemmer of @nlpjs/lang-nl (plain JavaScript, no types shipped). */
declare module '@nlpjs/lang-nl/src/stemmer-nl.js' {
  export default class StemmerNl {
    stemWord(word: string): string;
  }
}
