/**
 * src/pass must run in a browser bundle (second screen, partners): bundling it for the browser
 * platform fails if anything pulls in a Node built-in. Also prints the size it adds.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

test('src/pass bundles for the browser without Node built-ins', async () => {
  const bundle = async (external: string[]) => {
    const result = await build({
      entryPoints: [join(__dirname, '..', '..', 'src', 'pass', 'index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      write: false,
      external,
      logLevel: 'silent',
    });
    return result.outputFiles[0].contents;
  };
  const withAxios = await bundle([]);
  const own = await bundle(['axios']);
  const text = Buffer.from(withAxios).toString('utf8');
  expect(text).not.toMatch(/require\(["'](node:)?(http|https|net|fs|zlib|stream)["']\)/);
  console.log(`src/pass bundle: ${own.length} B min (${gzipSync(own).length} B gzip) + axios = ${withAxios.length} B min (${gzipSync(withAxios).length} B gzip)`);
});
