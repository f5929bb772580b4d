// The width a label takes in the page's own font, so boxes are sized to their words in every language.

const canvas = document.createElement('canvas');
const context = canvas.getContext('2d');

/** A measurer for text at `size` px in the font `element` is drawn with. */
export function Measure(element, size) {
  const family = getComputedStyle(element).fontFamily || 'sans-serif';
  const cache = new Map();
  return function width(text, weight = 600, scale = 1) {
    const key = `${weight}|${scale}|${text}`;
    if (!cache.has(key)) {
      context.font = `${weight} ${size * scale}px ${family}`;
      cache.set(key, context.measureText(text).width);
    }
    return cache.get(key);
  };
}
