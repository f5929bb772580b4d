// The diagram's type sizes (px). A projector needs 14 px at 1280 wide and 18 px at 1920 (presenter mode), and
// pans a host too large for that rather than shrink it; the desk view may shrink to 12 px; a narrow screen keeps
// 12 px (legible on a phone) and pans instead.

export function typeSizes(presenting) {
  const width = innerWidth;
  if (presenting) {
    const min = Math.min(18, Math.max(14, 14 + ((width - 1280) / 640) * 4));
    return {min, max: min * 1.5, narrow: 0, pan: true};
  }
  return {min: 12, max: Math.max(13, Math.min(17, width * 0.0085)), narrow: 700, pan: false};
}
