// d3 comes from its webjar as a classic script (the dist build is UMD); this module hands it on.
export default globalThis.d3;
