/** RFC 4180: quote a field holding a comma, quote, CR or LF, doubling its quotes; null is empty. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
