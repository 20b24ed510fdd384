/** ES5 parse check: what a Chromium 47 / WPE 2.22 engine must be able to parse from dist/es5. */
import { parse } from 'acorn';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface ParseProblem {
  file: string;
  message: string;
}

export function listFiles(dir: string, test: (f: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, test));
    else if (test(p)) out.push(p);
  }
  return out.sort();
}

/** Parse `code` as an ES5 script; returns the error message or null. */
export function es5Error(code: string): string | null {
  try {
    parse(code, { ecmaVersion: 5, sourceType: 'script', allowHashBang: false });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Every .js file under `dir` (and inline <script> blocks of .html files) that is not ES5. */
export function checkEs5(dir: string): ParseProblem[] {
  const problems: ParseProblem[] = [];
  for (const file of listFiles(dir, (f) => f.endsWith('.js'))) {
    const err = es5Error(readFileSync(file, 'utf8'));
    if (err) problems.push({ file: relative(dir, file), message: err });
  }
  for (const file of listFiles(dir, (f) => f.endsWith('.html'))) {
    const html = readFileSync(file, 'utf8');
    const re = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
    let m: RegExpExecArray | null;
    let n = 0;
    while ((m = re.exec(html))) {
      n++;
      const err = es5Error(m[1] ?? '');
      if (err) problems.push({ file: `${relative(dir, file)} (inline script ${n})`, message: err });
    }
  }
  return problems;
}
