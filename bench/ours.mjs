// Our engine in the benchmark: the release bundle in pkg/ (the same wasm the widgets use), through
// its small programmatic API (src/web/api.rs). Build time starts from the same JSON text as the
// peers; memory is the growth of wasm linear memory (the JS heap column does not see it).
export async function runOurs(records, queries, { text, measureEngine, opts }) {
  const wasm = await import('../pkg/cchc_widgets.js');
  await wasm.default({ module_or_path: new URL('../pkg/cchc_widgets_bg.wasm', import.meta.url) });
  const version = await fetch(new URL('../pkg/VERSION', import.meta.url)).then((r) => r.text()).then((t) => t.trim());
  const mem0 = wasm.wasmMemoryBytes();
  let last = null;
  const result = await measureEngine({
    name: 'cchc-widgets (wasm)',
    version,
    config: 'built-in dictionary, BM25F on syllables + bigrams, exact-diacritic tier, typo/regional tolerance',
    // Free the previous index first, so memory reflects one index (the JS GC frees them lazily).
    build: (jsonText) => {
      if (last) last.free();
      last = wasm.SearchIndex.fromJson(jsonText);
      return last;
    },
    search: (index, query, k) => index.search(query, k),
  }, text, queries, opts);
  result.wasmMemoryMB = Math.round(((wasm.wasmMemoryBytes() - mem0) / 2 ** 20) * 100) / 100;
  return result;
}
