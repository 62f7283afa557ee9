import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { gzipSync } from 'node:zlib';

/** The hub a development server sends its API calls to (`npm run dev -w console`). */
const hub = process.env.IOC_HUB_URL ?? 'http://127.0.0.1:4000';

/** Prints the size of each script and stylesheet of the build, raw and gzipped, and their totals. */
function bundleSizes(): Plugin {
  return {
    name: 'ioc-bundle-sizes',
    apply: 'build',
    generateBundle(_options, bundle) {
      const rows = Object.values(bundle)
        .filter((file) => /\.(js|css)$/.test(file.fileName))
        .map((file) => {
          const source = file.type === 'chunk' ? file.code : file.source;
          return { name: file.fileName, raw: Buffer.byteLength(source), gzip: gzipSync(source).length };
        })
        .sort((a, b) => b.raw - a.raw);
      const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
      const lines = rows.map((r) => `  ${r.name.padEnd(48)} ${kib(r.raw)} ${kib(r.gzip)} gzip`);
      const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip }), { raw: 0, gzip: 0 });
      lines.push(`  ${'total'.padEnd(48)} ${kib(total.raw)} ${kib(total.gzip)} gzip`);
      process.stdout.write(`\nconsole bundle sizes:\n${lines.join('\n')}\n`);
    },
  };
}

export default defineConfig({
  base: '/console/',
  plugins: [react(), bundleSizes()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The map and chart libraries are large on their own; they get their own files, fetched by the screens that draw them.
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: false,
  },
  server: {
    proxy: {
      '/graphql': { target: hub, ws: true },
      '/console/settings.json': hub,
      '/console/sign-in': hub,
      '/open': hub,
    },
  },
});
