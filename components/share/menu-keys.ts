/**
 * Arrow-key movement inside a role="menu" (WAI-ARIA menu button pattern): Up/Down wrap,
 * Home/End jump. Returns the item to focus, or null when the key is not a movement key.
 */
export function nextMenuItem(items: readonly HTMLElement[], current: Element | null, key: string): HTMLElement | null {
  if (items.length === 0) return null;
  const at = items.findIndex((el) => el === current);
  switch (key) {
    case 'ArrowDown':
      return items[(at + 1) % items.length]!;
    case 'ArrowUp':
      return items[(at <= 0 ? items.length : at) - 1]!;
    case 'Home':
      return items[0]!;
    case 'End':
      return items[items.length - 1]!;
    default:
      return null;
  }
}
