/** A heading's level, `h1` to `h6`: every part that renders a heading takes one. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** Joins class names, skipping empty ones. */
export const cx = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ') || undefined;

/** The library's styling class for a part, unless the host asked for no visual CSS. */
export const partClass = (part: string, unstyled?: boolean) => (unstyled ? undefined : `cc-${part}`);

const SAFE_URL = /^(https?:|mailto:)/i;
// A slash followed by another slash, or by a backslash (browsers read it as a slash), leaves the site.
const RELATIVE_URL = /^(\/(?![/\\])|\.{1,2}\/|#|\?)/;

/**
 * A URL fit for `href`: http(s) or mailto, and, where the host wrote it (not a policy string), a
 * relative one. Anything else (`javascript:`, `data:`, protocol-relative) is undefined, so the
 * caller renders plain text instead of a link.
 */
export function safeHref(url: unknown, { relative = false } = {}): string | undefined {
  if (typeof url !== 'string') return undefined;
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  const trimmed = url.trim();
  if (/[\u0000-\u001F\u007F]/.test(trimmed)) return undefined;
  if (SAFE_URL.test(trimmed) || (relative && RELATIVE_URL.test(trimmed))) return trimmed;
  return undefined;
}

