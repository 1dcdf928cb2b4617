// opencc-js ships its dictionaries as untyped ES modules whose default export is the raw text.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
