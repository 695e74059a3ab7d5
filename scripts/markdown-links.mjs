// The links of a Markdown file and the anchors of its headings, as GitHub renders them: enough for the
// repository's own checks (check-publish, check-docs), without a Markdown parser as a dependency.
// Fenced code blocks and inline code hold no links; a link is [text](target), ![alt](target), a
// reference definition `[name]: target`, or an HTML <a href> / <img src>.

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** Each line outside fenced code blocks, with its 1-based number, inline code blanked out. */
function proseLines(text) {
  const lines = [];
  let fence = null;
  text.split('\n').forEach((line, i) => {
    const open = FENCE.exec(line);
    if (fence) {
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length) fence = null;
      return;
    }
    if (open) {
      fence = open[1];
      return;
    }
    lines.push({
      line: i + 1,
      raw: line,
      text: line.replace(/(`+)[^`]*?\1/g, (m) => ' '.repeat(m.length)),
    });
  });
  return lines;
}

/** Every link target in the file: `{ target, line }`, in order. */
export function markdownLinks(text) {
  const links = [];
  for (const { line, text: prose } of proseLines(text)) {
    // [text](target "title") and ![alt](target); the text may hold one level of [brackets].
    for (const m of prose.matchAll(
      /!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g,
    ))
      links.push({ target: m[1], line });
    const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/.exec(prose);
    if (definition) links.push({ target: definition[1], line });
    for (const m of prose.matchAll(/<(?:a|img)\s[^>]*?\b(?:href|src)\s*=\s*["']([^"']+)["']/gi))
      links.push({ target: m[1], line });
  }
  return links;
}

/** A target that leaves the page's folder: not a URL with a scheme, not `#anchor`, not `mailto:`. */
export function isRelativeLink(target) {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#');
}

/** GitHub's anchor for a heading text: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading) {
  return heading
    .replace(/<[^>]+>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors GitHub gives the file's headings (a repeated one gets -1, -2, …). */
export function headingAnchors(text) {
  const anchors = new Set();
  const seen = new Map();
  for (const { raw } of proseLines(text)) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(raw);
    if (!heading) continue;
    const base = slug(heading[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}
