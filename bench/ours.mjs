// ===================================================================================
// HOOK FOR OUR ENGINE (the wasm build, pkg/cchc-widgets.js) — to be filled by the lead.
// ===================================================================================
//
// While `runOurs` is null, the bench page reports "ours: skipped" and runs only the peers.
//
// To plug the engine in, replace the `null` below with a function of this shape:
//
//   export async function runOurs(records, queries, { text, measureEngine, opts }) {
//     const wasm = await import('../pkg/cchc-widgets.js');
//     await wasm.default();                     // wasm-bindgen --target web init
//     return measureEngine({
//       name: 'cchc-widgets (wasm)',
//       version: '<crate version>',
//       config: 'built-in dictionary, BM25F, bigrams, typo tolerance',
//       build: (jsonText) => wasm.SearchIndex.fromJson(jsonText),   // JSON text -> ready index
//       search: (index, query, k) => index.search(query, k).map((r) => r.code), // top-k codes
//     }, text, queries, opts);
//   }
//
// Arguments:
// - `records` is the parsed array (national compact shape: ma_thu_tuc, ten_thu_tuc, linh_vuc,
//   cap_thuc_hien, co_quan_thuc_hien, ...);
// - `queries` is [{ query, expected: [codes], category, note }];
// - `text` is the exact JSON text the peers are timed on (build time must start from it).
//
// Return value: the object returned by `measureEngine`, so the numbers are directly comparable with
// the peers. Any other object with the same fields (engine, buildMs, query, relevance, heapDeltaMB)
// is accepted as well.
// ===================================================================================

export const runOurs = null;
