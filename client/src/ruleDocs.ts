/** Pure helpers for Show Rule Documentation: the one-line summary of a docs/rules/<id>.md page. */

/** The first paragraph after the `# <id>` title, on one line, without Markdown code ticks; '' when there is none. */
export function ruleSummary(markdown: string): string {
  const lines = markdown.split(/\r?\n/);
  let i = lines.findIndex((l) => l.startsWith('# '));
  if (i < 0) return '';
  while (++i < lines.length && lines[i]!.trim() === '');
  const paragraph: string[] = [];
  for (; i < lines.length && lines[i]!.trim() !== '' && !/^(#|- |\* |```)/.test(lines[i]!); i++) paragraph.push(lines[i]!.trim());
  return paragraph.join(' ').replace(/`/g, '');
}
