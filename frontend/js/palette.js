// One colour per packet, told apart by hue and always named in text beside it (and by number on the token).
export const COLORS = ['#d9480f', '#7048e8', '#0c8599', '#c2255c', '#5c940d', '#1971c2', '#e67700', '#495057'];

export function flowColor(flow) {
  return COLORS[(flow - 1) % COLORS.length];
}
