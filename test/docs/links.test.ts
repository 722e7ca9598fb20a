// Every relative link in README.md and docs/**/*.md resolves inside the repository: the file (or
// folder) exists, and a #fragment names a heading of the target Markdown file (GitHub's anchors).
// Someone who clones the repository has nothing else, so nothing may point outside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(new URL('../..', import.meta.url).pathname);

function markdownFiles(): string[] {
  const files = [join(root, 'README.md')];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) files.push(path);
    }
  };
  walk(join(root, 'docs'));
  return files;
}

/** The text outside fenced code blocks and inline code, where links are links. */
function prose(markdown: string): string {
  return markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
    .replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2... */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const withoutCode = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const m of withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = (m[1] ?? '')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(/[`*~]/g, '');
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  for (const m of markdown.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(m[1] ?? '');
  return anchors;
}

interface Link {
  file: string;
  target: string;
}

function linksOf(file: string): Link[] {
  const text = prose(readFileSync(file, 'utf8'));
  const links: Link[] = [];
  // [text](target "title") and ![alt](target); targets in <...> too.
  for (const m of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    links.push({ file, target: m[1] ?? '' });
  }
  // [label]: target (reference definitions)
  for (const m of text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)) {
    links.push({ file, target: m[1] ?? '' });
  }
  return links;
}

const external = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

function problemOf(link: Link): string | undefined {
  if (external.test(link.target)) return undefined;
  const [pathPart = '', fragment] = link.target.split('#', 2);
  const path = decodeURIComponent(pathPart);
  const target = path === '' ? link.file : resolve(dirname(link.file), path);
  if (path.startsWith('/')) return 'is an absolute path (use a path relative to the file)';
  if (relative(root, target).startsWith('..')) return 'points outside the repository';
  if (!existsSync(target)) return 'names a file that does not exist';
  if (fragment !== undefined && fragment !== '' && target.endsWith('.md') && statSync(target).isFile()) {
    const anchors = anchorsOf(readFileSync(target, 'utf8'));
    if (!anchors.has(decodeURIComponent(fragment).toLowerCase()))
      return `names a heading #${fragment} that ${relative(root, target)} does not have`;
  }
  return undefined;
}

test('every relative link in README.md and docs/ resolves inside the repository', () => {
  const files = markdownFiles();
  assert.ok(
    files.some((f) => f.endsWith(join('docs', 'contract.md'))),
    'docs/contract.md exists',
  );
  const problems: string[] = [];
  let checked = 0;
  for (const file of files) {
    for (const link of linksOf(file)) {
      checked++;
      const problem = problemOf(link);
      if (problem) problems.push(`${relative(root, file)}: (${link.target}) ${problem}`);
    }
  }
  assert.ok(checked > 20, `links found (${checked})`);
  assert.deepEqual(problems, []);
});

test('no document sends a reader to ../shared, which a clone does not have', () => {
  for (const file of markdownFiles()) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /\.\.\/shared\/|shared\/(CONTRACT|DESIGN|GLOSSARY)\.md/, relative(root, file));
  }
});

test('the anchor rules match GitHub on the headings the docs link to', () => {
  const anchors = anchorsOf(
    "# A\n## Fleet mode: the ERP's limits across every instance (Redis)\n### `list_bills`\n## Errors\n## Errors\n```\n# not a heading\n```\n",
  );
  assert.deepEqual(
    [...anchors],
    ['a', 'fleet-mode-the-erps-limits-across-every-instance-redis', 'list_bills', 'errors', 'errors-1'],
  );
});
