// D3 comes from its modules' webjars as classic scripts (UMD builds that fill one global d3); this module hands it on.
export default globalThis.d3;
