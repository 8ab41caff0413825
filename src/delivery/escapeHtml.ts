const entities: Record<string, string> = {
  '"': '&quot;',
  '&': '&amp;',
  "'": '&#39;',
  '<': '&lt;',
  '>': '&gt;',
}

/** Safe in element content and in quoted attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/["&'<>]/g, (char) => entities[char])
