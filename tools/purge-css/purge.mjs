// Bootstrap's CSS reduced to what ЖильеГО's pages use. Regenerate after using a Bootstrap
// class that is not in it yet (BootstrapCssTest says which):
//   cd tools/purge-css && npm ci && npm run purge
// Keep "bootstrap" in package.json at the version of the org.webjars.npm:bootstrap
// dependency in pom.xml (the test compares the two).
import { PurgeCSS } from 'purgecss';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const resources = join(root, 'src', 'main', 'resources');
const source = join(dirname(fileURLToPath(import.meta.url)), 'node_modules', 'bootstrap', 'dist', 'css', 'bootstrap.min.css');
const target = join(resources, 'static', 'css', 'bootstrap-used.css');

// Classes no template or script of ours writes: Bootstrap's own JavaScript adds them
// (the navbar's collapse); BootstrapCssTest checks that the navbar's rules stay.
const safelist = ['show', 'collapsing', 'collapsed'];

const [result] = await new PurgeCSS().purge({
  content: [join(resources, 'templates', '**', '*.html'), join(resources, 'static', 'js', '**', '*.js')],
  css: [{ raw: readFileSync(source, 'utf8') }],
  safelist,
});
const css = result.css.replace(/\/\*# sourceMappingURL=.*?\*\//g, '').trim() + '\n';
writeFileSync(target, css);
console.log(`${target}: ${css.length} bytes (from ${readFileSync(source, 'utf8').length})`);
