/** Builds the web app (src/web) into dist/web, and checks that the first page stays under its JavaScript budget. */
import { gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';

/** The budget: the first page loads under 200 KB of JavaScript, gzipped. */
const FIRST_PAGE_BUDGET = 200 * 1024;

/** Sums the gzipped size of the entry chunk and every chunk it imports statically: what the first page loads. */
function firstPageBudget(): Plugin {
  return {
    name: 'meddle-first-page-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle)
          .filter((item) => item.type === 'chunk')
          .map((chunk) => [chunk.fileName, chunk]),
      );
      const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
      if (entry === undefined) return;
      const seen = new Set<string>();
      const visit = (name: string) => {
        if (seen.has(name)) return;
        seen.add(name);
        for (const imported of chunks.get(name)?.imports ?? []) visit(imported);
      };
      visit(entry.fileName);
      const bytes = [...seen].reduce((sum, name) => sum + gzipSync(chunks.get(name)?.code ?? '').length, 0);
      const kb = (bytes / 1024).toFixed(1);
      console.log(`first page: ${kb} KB of JavaScript gzipped (${seen.size} chunk${seen.size === 1 ? '' : 's'}; budget 200 KB)`);
      if (bytes > FIRST_PAGE_BUDGET) this.error(`the first page needs ${kb} KB of JavaScript gzipped, over the 200 KB budget`);
    },
  };
}

export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [preact(), firstPageBudget()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // Source maps would double what a reader of dist/ downloads, for a small app whose source ships beside it.
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
});
