/** Room for a one-line edge label in a font of `fontSize` px (an upper estimate: layout runs before text is drawn). */
export function labelSize(text: string, fontSize: number): { width: number; height: number } {
  return { width: Math.ceil(text.length * fontSize * 0.62) + 12, height: Math.ceil(fontSize * 1.2) + 6 };
}
