//! `cargo xtask <command>`: the project's commands, so that a fresh machine with rustup and node
//! needs nothing else.
//!
//! - `demo`  set up, build the bundle if stale, serve the demo portal at http://127.0.0.1:8080
//! - `test`  set up, then every test: pkg freshness, native, browser (wasm), end-to-end, size budget
//! - `build` build the release bundle into `pkg/`
//! - `size`  print the gzip size of what a page with each widget downloads, against its budget
//! - `bench` run the benchmarks and rewrite their sections of BENCHMARKS.md

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::{env, fs};

use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

const CRATE: &str = "cchc_widgets";

/// The toolchain the release bundle is built with. Nightly for two flags stable lacks:
/// `-Zbuild-std` (std rebuilt with our size profile) and `-Cpanic=immediate-abort` (no panic
/// formatting or location strings anywhere in the wasm): -21 KB gzip, see ARCHITECTURE.md. Pinned,
/// so a rebuild on another machine gives the same bytes. Everything else (tests, CLI) is stable.
const BUNDLE_TOOLCHAIN: &str = "nightly-2026-05-19";
/// Where the bundle's build lives, apart from the stable builds (different std, different flags).
const BUNDLE_TARGET_DIR: &str = "target/bundle";
/// `immediate-abort`: a panic is a bare `unreachable` trap (the loader already reports a dead
/// wasm in every widget); `location-detail=none` and `fmt-debug=none` drop source paths and
/// `Debug` output, which nothing in the browser shows.
const BUNDLE_RUSTFLAGS: &str =
    "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none";

mod fuzz;
mod intern;
mod split;

type Res = Result<(), String>;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let root = match project_root() {
        Some(r) => r,
        None => {
            eprintln!("xtask: cannot find the project root");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = env::set_current_dir(&root) {
        eprintln!("xtask: {e}");
        return ExitCode::from(2);
    }
    let result = match args.first().map(String::as_str) {
        Some("demo") => demo(args.get(1).map(String::as_str)),
        Some("test") => test(),
        Some("build") => setup().and_then(|_| build()),
        // Development: rebuilds one module's glue and wasm into pkg/ (nothing else: the loader's
        // table and the other modules are stale until `cargo xtask build`), to measure a change.
        Some("module") => module(args.get(1).map(String::as_str)),
        Some("size") => size().map(|_| ()),
        // Development: finds what the combined module's startup never calls (`REST_LIST`).
        Some("rest-profile") => {
            setup().and_then(|_| rest_profile(args.get(1).map(String::as_str) == Some("--reuse")))
        }
        Some("bench") => bench(&args[1..]),
        Some("setup") => setup(),
        _ => {
            eprintln!(
                "usage: cargo xtask <demo [PORT] | test | build | module STEM | size | rest-profile [--reuse] | bench [search|tracker|form|size|startup|nginx|receiver] | bench fuzz [SECONDS] | setup>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn project_root() -> Option<PathBuf> {
    let dir = env::var("CARGO_MANIFEST_DIR").ok()?;
    Path::new(&dir).parent().map(Path::to_path_buf)
}

fn run(cmd: &str, args: &[&str]) -> Res {
    eprintln!("$ {cmd} {}", args.join(" "));
    let status = Command::new(cmd)
        .args(args)
        .status()
        .map_err(|e| format!("{cmd}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{cmd} {}` failed ({status})", args.join(" ")))
    }
}

fn output(cmd: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(cmd).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Installs what the build needs, idempotently: the wasm32 target, the exact wasm-bindgen CLI of
/// Cargo.lock, and the npm dev packages of package-lock.json.
fn setup() -> Res {
    let targets = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        run("rustup", &["target", "add", "wasm32-unknown-unknown"])?;
    }
    let want = wasm_bindgen_version()?;
    let have = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if !have.contains(&want) {
        // Not --locked: its lock file pins a crate the registry mirror lacks (see TOOLCHAIN notes).
        run(
            "cargo",
            &["install", "wasm-bindgen-cli", "--version", &want],
        )?;
    }
    let lock_newer = match (
        fs::metadata("package-lock.json"),
        fs::metadata("node_modules/.package-lock.json"),
    ) {
        (Ok(a), Ok(b)) => a.modified().ok() > b.modified().ok(),
        _ => true,
    };
    if lock_newer {
        run("npm", &["ci", "--no-audit", "--no-fund"])?;
    }
    Ok(())
}

fn wasm_bindgen_version() -> Result<String, String> {
    let lock = fs::read_to_string("Cargo.lock").map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|v| v.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("wasm-bindgen not found in Cargo.lock".into())
}

/// The inputs of the bundle, hashed to detect a stale `pkg/`.
fn source_hash() -> Result<String, String> {
    let mut files = Vec::new();
    for dir in ["src", "js"] {
        collect(Path::new(dir), &mut files).map_err(|e| format!("{dir}: {e}"))?;
    }
    files.push(PathBuf::from("build.rs"));
    // What moves out of the combined module's startup code (xtask/src/split.rs).
    files.push(PathBuf::from(REST_LIST));
    files.push(PathBuf::from("Cargo.toml"));
    files.push(PathBuf::from("Cargo.lock"));
    // The CLI is not part of the bundle.
    files.retain(|f| !f.starts_with("src/bin"));
    files.sort();
    let mut h = Sha256::new();
    for f in &files {
        let bytes = fs::read(f).map_err(|e| format!("{}: {e}", f.display()))?;
        // Normalise line endings so a Windows checkout hashes the same.
        let text: Vec<u8> = bytes.into_iter().filter(|b| *b != b'\r').collect();
        h.update(f.to_string_lossy().replace('\\', "/").as_bytes());
        h.update([0]);
        h.update(&text);
        h.update([0]);
    }
    Ok(format!("{:x}", h.finalize()))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let p = entry?.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
}

fn version() -> Result<String, String> {
    let toml = fs::read_to_string("Cargo.toml").map_err(|e| e.to_string())?;
    toml.lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .map(|v| v.trim_end_matches('"').to_string())
        .ok_or_else(|| "no version in Cargo.toml".into())
}

/// Installs the bundle's pinned nightly with `rust-src` (for `-Zbuild-std`) when missing. Only
/// building the bundle needs it; tests run on stable against the committed `pkg/`.
fn bundle_toolchain() -> Res {
    let toolchains = output("rustup", &["toolchain", "list"]).unwrap_or_default();
    let components = output(
        "rustup",
        &[
            "component",
            "list",
            "--installed",
            "--toolchain",
            BUNDLE_TOOLCHAIN,
        ],
    )
    .unwrap_or_default();
    if !toolchains.contains(BUNDLE_TOOLCHAIN) || !components.contains("rust-src") {
        run(
            "rustup",
            &[
                "toolchain",
                "install",
                BUNDLE_TOOLCHAIN,
                "--profile",
                "minimal",
                "--component",
                "rust-src",
            ],
        )?;
    }
    Ok(())
}

/// One wasm per widget kind (issue 10): a page downloads the loader plus the glue and wasm of the
/// kinds it shows, nothing else.
struct Widget {
    /// The cargo feature that puts this widget's view into the bundle.
    feature: &'static str,
    /// The stem of its files in `pkg/`: `<stem>.js` (glue) and `<stem>_bg.wasm`.
    stem: &'static str,
    /// The element kind (`<cchc-KIND>`, `data-cchc="KIND"`).
    kind: &'static str,
    /// Gzip budget of everything a page with only this widget downloads from `pkg/` (the goal
    /// of issue 10).
    budget: u64,
    /// What `cargo xtask test` enforces today: the budget, or, while a widget is still above
    /// it, a temporary ceiling just above its measured size, so that it cannot grow while the
    /// cuts are made (BENCHMARKS.md "Payload" says where the bytes go).
    ceiling: u64,
}

const WIDGETS: [Widget; 4] = [
    // Every widget is within its budget since 2026-12-06 (search 100,162 B, tracker 90,807 B,
    // form 90,018 B with the agency's schema and 91,872 B with the built-in form): the enforced
    // limit is the budget itself, and what is left under it is the room new features pay from.
    Widget {
        feature: "search",
        stem: "cchc_search",
        kind: "tthc-search",
        budget: 100 * 1024,
        ceiling: 100 * 1024,
    },
    Widget {
        feature: "tracker",
        stem: "cchc_tracker",
        kind: "index-tracker",
        budget: 90 * 1024,
        ceiling: 90 * 1024,
    },
    Widget {
        feature: "form",
        stem: "cchc_form",
        kind: "feedback-form",
        budget: 90 * 1024,
        ceiling: 90 * 1024,
    },
    // The published answers (issue 13): its own module only, not in the combined one (the
    // loader never picks the combined module for it).
    Widget {
        feature: "answers",
        stem: "cchc_answers",
        kind: "feedback-answers",
        budget: 90 * 1024,
        ceiling: 90 * 1024,
    },
];

/// All three widgets in one wasm, for pages that show several kinds: one download of the shared
/// code (std, JSON, text, the shell) instead of one per kind. The loader picks it when the kinds
/// on the page weigh more apart than together (issue 10: "a combined module for pages with
/// several kinds when that measures faster"); held by the startup goal, not by a byte budget.
const COMBINED: Widget = Widget {
    feature: "search,tracker,form",
    stem: "cchc_all",
    kind: "*",
    budget: 0,
    ceiling: 0,
};

/// The search widget with the national portal's record reader (cargo feature `national`, 4.6 KB
/// gzip): the loader mounts a search widget again with it when its own module finds such records
/// in its data (a rare page; no byte budget). Key `+`: not a widget kind.
const SEARCH_FULL: Widget = Widget {
    feature: "search,national",
    stem: "cchc_search_full",
    kind: "+",
    budget: 0,
    ceiling: 0,
};

/// The print module (issue 15): the printable procedure sheet (`crate::sheet`, the QR code, the
/// drawing into a frame of its own), loaded by the search widget's print button when a sheet is
/// printed, never at startup. Built first: every module with the search widget carries its stem
/// and hashes (`CCHC_PRINT`, see [`print_entry`]), the loader's table does not. With `national`, so
/// that it reads every list the search modules read. No byte budget (`cargo xtask size` shows it).
const PRINT: Widget = Widget {
    feature: "print,national",
    stem: "cchc_print",
    kind: "print",
    budget: 0,
    ceiling: 0,
};

/// The `SearchIndex` JS API (README): its own module (`cchc_widgets.js` + `_bg.wasm`) with the
/// built-in thesaurus compiled in, so that the search widget's wasm carries neither; not a widget
/// kind (the loader never loads it), no byte budget.
const API: Widget = Widget {
    feature: "api,national",
    stem: "cchc_widgets",
    kind: "api",
    budget: 0,
    ceiling: 0,
};

/// The built-in thesaurus in `pkg/` (`src/web/views/search.rs` asks for the same name): the
/// engine's words as data, fetched by the search widget once it is ready.
const THESAURUS: &str = "tinh-huong.tsv";

/// The built-in form's schema in `pkg/` (`src/web/views/form.rs` asks for the same name).
const DEFAULT_FORM: &str = "phan-anh-mac-dinh.json";

/// The classic script every page includes.
const LOADER: &str = "cchc-widgets.js";

fn build() -> Res {
    bundle_toolchain()?;
    let v = version()?;
    // The thesaurus as the widget reads it: without the comments, which only reviewers need.
    let words = fs::read_to_string(format!("data/{THESAURUS}")).map_err(|e| e.to_string())?;
    let compact: String = words
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(format!("pkg/{THESAURUS}"), compact).map_err(|e| e.to_string())?;
    // Its hash is in the glue of every module with the search (`T`), not in the loader's table:
    // a page without a search does not download it.
    let words_hash = sri256(&format!("pkg/{THESAURUS}"))?;
    // The print module first: the search modules carry its glue's hash.
    build_widget(&PRINT, &words_hash, None)?;
    let print = print_entry()?;
    let mut table = Vec::new();
    for w in WIDGETS.iter().chain([&COMBINED, &SEARCH_FULL]) {
        build_widget(w, &words_hash, Some(&print))?;
        let glue = format!("pkg/{}.js", w.stem);
        let wasm = format!("pkg/{}_bg.wasm", w.stem);
        let bytes = |p: &str| {
            fs::read(p)
                .map(|b| gzip_len(&b))
                .map_err(|e| format!("{p}: {e}"))
        };
        // The wasm's hash is in its glue (`W`, see `build_widget`), whose own hash is here: one
        // hash per module in the table every page downloads, checked in a chain.
        table.push(format!(
            "\"{}\":[\"{}\",\"{}\",{}]",
            w.kind,
            w.stem,
            sri256(&glue)?,
            bytes(&glue)? + bytes(&wasm)?
        ));
    }
    build_widget(&API, &words_hash, None)?;
    // The English catalogue is generated from the Vietnamese/English pairs of the sources (the
    // wasm carries Vietnamese only); `cchc check` judges catalogues a province adds.
    fs::create_dir_all("pkg/i18n").map_err(|e| format!("pkg/i18n: {e}"))?;
    run(
        "cargo",
        &[
            "run",
            "--quiet",
            "--bin",
            "cchc",
            "--",
            "i18n",
            "extract",
            "-o",
            "pkg/i18n/en.json",
        ],
    )?;
    let catalogues = write_catalogues()?;
    // The built-in Nghị định 20/2008 form, as data beside the bundle: only a page without its own
    // `schema` downloads it (3 KB gzip less code in the form's wasm). Vietnamese only: its
    // English is in the English catalogue with every other built-in text.
    let form = output(
        "cargo",
        &[
            "run",
            "--quiet",
            "--bin",
            "cchc",
            "--",
            "validate-form",
            "--print-default-schema",
            "--vi-only",
        ],
    )
    .filter(|f| f.starts_with('{'))
    .ok_or("`cchc validate-form --print-default-schema` failed")?;
    fs::write(format!("pkg/{DEFAULT_FORM}"), form).map_err(|e| e.to_string())?;
    let form_hash = sri256(&format!("pkg/{DEFAULT_FORM}"))?;
    let loader = fs::read_to_string("js/cchc-widgets.js").map_err(|e| e.to_string())?;
    let loader = loader
        .replace("__CCHC_VERSION__", &v)
        .replace(
            "{ /*__CCHC_FILES__*/ }",
            &format!("{{{}}}", table.join(",")),
        )
        .replace("{ /*__CCHC_I18N__*/ }", &format!("{{{catalogues}}}"))
        .replace("__CCHC_FORM_HASH__", &form_hash);
    if loader.contains("__CCHC_") {
        return Err("js/cchc-widgets.js: a build placeholder was not replaced".into());
    }
    let loader_path = format!("pkg/{LOADER}");
    fs::write(
        &loader_path,
        format!("/*! cchc-widgets {v} | MIT */\n{loader}"),
    )
    .map_err(|e| e.to_string())?;
    minify_js(&loader_path, false)?;
    fs::copy("src/web/style.css", "pkg/cchc-widgets.css").map_err(|e| e.to_string())?;
    fs::write("pkg/VERSION", format!("{v}\n")).map_err(|e| e.to_string())?;
    fs::write("pkg/SOURCE_HASH", format!("{}\n", source_hash()?)).map_err(|e| e.to_string())?;
    let _ = fs::remove_file("pkg/.gitignore");
    let sri = sri(&loader_path)?;
    fs::write("pkg/SRI", format!("{sri}\n")).map_err(|e| e.to_string())?;
    precompress(Path::new("pkg"))?;
    eprintln!("pkg/ built: version {v}, script integrity {sri}");
    size().map(|_| ())
}

/// The built-in catalogues (`pkg/i18n/*.json`) as `"tag":"sha384-…"` entries for the loader, which
/// checks them like code. Catalogues a province adds later are not listed: they are data.
fn write_catalogues() -> Result<String, String> {
    let dir = Path::new("pkg/i18n");
    let mut entries = Vec::new();
    if let Ok(list) = fs::read_dir(dir) {
        let mut names: Vec<String> = list
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json"))
            .collect();
        names.sort();
        for n in names {
            let tag = n.trim_end_matches(".json");
            entries.push(format!(
                "\"{tag}\":\"{}\"",
                sri256(&format!("pkg/i18n/{n}"))?
            ));
        }
    }
    Ok(entries.join(","))
}

/// What the search modules carry of the print module (`CCHC_PRINT`, `src/web/mod.rs`
/// `PRINT_MODULE`): its stem and the SHA-256 of its glue, as built in `pkg/`. The glue is a module
/// script with `integrity` and exports its wasm's hash (`W`), checked before the wasm runs: the
/// chain of hashes goes loader → search glue → print glue → print wasm, and the loader pays
/// nothing for it.
fn print_entry() -> Result<String, String> {
    Ok(format!(
        "{} {}",
        PRINT.stem,
        sri256(&format!("pkg/{}.js", PRINT.stem))?
    ))
}

/// `cargo xtask module STEM`: one module rebuilt into `pkg/`, its gzip bytes printed.
fn module(stem: Option<&str>) -> Res {
    let all = [&PRINT, &COMBINED, &SEARCH_FULL, &API];
    let w = WIDGETS
        .iter()
        .chain(all)
        .find(|w| Some(w.stem) == stem)
        .ok_or("usage: cargo xtask module <stem> (cchc_search, cchc_print, ...)")?;
    bundle_toolchain()?;
    let print = if w.stem == PRINT.stem {
        None
    } else {
        Some(print_entry()?)
    };
    let words_hash = sri256(&format!("pkg/{THESAURUS}"))?;
    build_widget(w, &words_hash, print.as_deref())?;
    let (files, total) = measure(&[format!("{}.js", w.stem), format!("{}_bg.wasm", w.stem)])?;
    for (f, raw, gz) in files {
        println!("  {f:<26} {raw:>10} {gz:>10}");
    }
    println!("  {:<26} {:>10} {total:>10}", "total (gzip)", "");
    Ok(())
}

/// Builds one widget's wasm and glue into `pkg/` (`<stem>.js`, `<stem>_bg.wasm`); `print` is what
/// it carries of the print module ([`print_entry`]), `words_hash` the thesaurus's hash the
/// search glues export (`T`).
fn build_widget(w: &Widget, words_hash: &str, print: Option<&str>) -> Res {
    let toolchain = format!("+{BUNDLE_TOOLCHAIN}");
    eprintln!(
        "$ RUSTFLAGS=\"{BUNDLE_RUSTFLAGS}\" CARGO_TARGET_DIR={BUNDLE_TARGET_DIR} (widget {})",
        w.kind
    );
    let mut cargo = Command::new("cargo");
    match print {
        Some(p) => cargo.env("CCHC_PRINT", p),
        None => cargo.env_remove("CCHC_PRINT"),
    };
    let status = cargo
        .args([
            &toolchain,
            "build",
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "wasm",
            "-Zbuild-std=std,panic_abort",
            "--no-default-features",
            "--features",
            w.feature,
        ])
        .env("RUSTFLAGS", BUNDLE_RUSTFLAGS)
        .env("CARGO_TARGET_DIR", BUNDLE_TARGET_DIR)
        .status()
        .map_err(|e| format!("cargo: {e}"))?;
    if !status.success() {
        return Err(format!(
            "building the bundle with {BUNDLE_TOOLCHAIN} failed ({status}); \
             `cargo xtask setup` installs that toolchain with rust-src"
        ));
    }
    let wasm = format!("{BUNDLE_TARGET_DIR}/wasm32-unknown-unknown/wasm/{CRATE}.wasm");
    run(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--out-dir",
            "pkg",
            "--out-name",
            w.stem,
            &wasm,
        ],
    )?;
    let opt = format!("pkg/{}_bg.wasm", w.stem);
    run(
        "npx",
        &[
            "--no-install",
            "wasm-opt",
            "-Oz",
            // Repeat the passes until the module stops shrinking (~1.5 KB raw).
            "--converge",
            // Outside the search: a function inlined into its only caller only when it is tiny.
            // Binaryen's default (every one-caller function, whatever its size) grows the
            // tracker by 1.8 KB gzip and the form by 2.1 KB, mostly by piling view code into
            // one async state machine (15 was the smallest of 0, 4, 7, 10, 15, 20, 40, 100,
            // 300, 1000). The search keeps the default: it would be 3.1 KB smaller, but its index
            // build, which runs in V8's baseline tier at startup, got 30–60 ms slower at 4× CPU
            // (BENCHMARKS.md, session 14); so do the combined module and the `SearchIndex` API.
            if w.feature.split(',').any(|f| f == "search" || f == "api") {
                "--one-caller-inline-max-function-size=-1"
            } else {
                "--one-caller-inline-max-function-size=15"
            },
            // Rust places the 1 MB stack below the data, growing down towards 0: addresses under
            // 1 KB are only reached by a stack already overflowing, so the optimizer may assume no
            // valid pointer points there and fold constant offsets (~4 KB raw, ~1.6 KB gzip).
            "--low-memory-unused",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-reference-types",
            "--enable-multivalue",
            "--enable-mutable-globals",
            // `CCHC_WASM_NAMES=1` (development only) keeps the function names, for profiles;
            // the combined module keeps them until it is split (`split.rs`).
            if env::var_os("CCHC_WASM_NAMES").is_some() || w.stem == COMBINED.stem {
                "-g"
            } else {
                "--strip-debug"
            },
            "--strip-producers",
            &opt,
            "-o",
            &opt,
        ],
    )?;
    let glue_path = format!("pkg/{}.js", w.stem);
    let glue = fs::read_to_string(&glue_path).map_err(|e| format!("{glue_path}: {e}"))?;
    let wasm = fs::read(&opt).map_err(|e| format!("{opt}: {e}"))?;
    let (wasm, glue) = short_imports(&wasm, &glue, &format!("./{}_bg.js", w.stem))?;
    let (wasm, glue) = short_exports(&wasm, &glue)?;
    // The `SearchIndex` API module (`default()` with no argument fetches its wasm) keeps
    // wasm-bindgen's whole init.
    let glue = if w.kind == API.kind {
        glue
    } else {
        module_only_init(&glue)?
    };
    let glue = match print {
        Some(p) if w.feature.split(',').any(|f| f == "search") => print_glue(&glue, p)?,
        _ => glue,
    };
    let (wasm, glue) = if w.stem == COMBINED.stem {
        split_combined(&wasm, &glue)?
    } else {
        (wasm, glue)
    };
    // The glue decodes each of the wasm's constant strings once (`intern.rs`).
    let glue = match intern::data_range(&wasm)? {
        Some(range) if w.kind != API.kind => intern::intern(&glue, range)?,
        _ => glue,
    };
    fs::write(&opt, wasm).map_err(|e| format!("{opt}: {e}"))?;
    // The loader's modules carry their wasm's hash: the loader checks the wasm against the glue's
    // `W`, and the glue against the hash in its own table.
    let glue = if w.kind == API.kind {
        glue
    } else {
        let words = if w.feature.contains("search") {
            format!("export const T = \"{words_hash}\";\n")
        } else {
            String::new()
        };
        format!("{glue}export const W = \"{}\";\n{words}", sri256(&opt)?)
    };
    fs::write(&glue_path, glue).map_err(|e| format!("{glue_path}: {e}"))?;
    minify_js(&glue_path, true)
}

/// The functions `cargo xtask rest-profile` found no page calling while it starts.
const REST_LIST: &str = "xtask/rest-functions.txt";

/// Splits the combined module (`split.rs`): the primary replaces `wasm`, the rest is written to
/// `pkg/cchc_all_rest.wasm`, and the glue learns to load it ([`rest_glue`]). With
/// `CCHC_REST_PROFILE` set (`cargo xtask rest-profile`) the module keeps its names and is not
/// split.
fn split_combined(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    let rest_path = format!("pkg/{}_rest.wasm", COMBINED.stem);
    if env::var_os("CCHC_REST_PROFILE").is_some() {
        let _ = fs::remove_file(&rest_path);
        return Ok((wasm.to_vec(), glue.to_string()));
    }
    let list = fs::read_to_string(REST_LIST).map_err(|e| format!("{REST_LIST}: {e}"))?;
    let rest: std::collections::BTreeSet<String> = list
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let out = split::split(wasm, &rest, env::var_os("CCHC_WASM_NAMES").is_some())?;
    eprintln!(
        "split: {} functions ({} B of code) moved to {rest_path} ({} B); the primary is {} B",
        out.moved.0,
        out.moved.1,
        out.rest.len(),
        out.primary.len()
    );
    fs::write(&rest_path, &out.rest).map_err(|e| format!("{rest_path}: {e}"))?;
    let glue = rest_glue(glue, &out.loaded, &sri256(&rest_path)?)?;
    Ok((out.primary, glue))
}

/// `cargo xtask rest-profile`: builds the bundle with the combined module whole and named, loads
/// the demo's all-three page in Chromium in every way it can start (`tools/rest-profile.mjs`),
/// writes the names of the functions it never called to [`REST_LIST`], and builds the bundle
/// again with them split off. Run it when a change moves what the page runs while it starts
/// (tests/e2e/rest.test.mjs fails then); `--reuse` skips the first build.
fn rest_profile(reuse: bool) -> Res {
    let dir = Path::new("target/rest-profile");
    // `--reuse`: the profiling build of the last run, when only the scenarios changed.
    if !(reuse && dir.join("www/pkg").is_dir()) {
        env::set_var("CCHC_REST_PROFILE", "1");
        env::set_var("CCHC_WASM_NAMES", "1");
        let built = build();
        env::remove_var("CCHC_REST_PROFILE");
        env::remove_var("CCHC_WASM_NAMES");
        built?;
        let _ = fs::remove_dir_all(dir);
        copy_dir(Path::new("www"), &dir.join("www"))?;
        copy_dir(Path::new("pkg"), &dir.join("www/pkg"))?;
    }
    let wasm = fs::read(dir.join(format!("www/pkg/{}_bg.wasm", COMBINED.stem)))
        .map_err(|e| e.to_string())?;
    let names: Vec<String> = split::names(&wasm)?
        .into_iter()
        .map(|(f, n)| format!("[{f},\"{}\"]", n.replace('\\', "\\\\").replace('"', "\\\"")))
        .collect();
    fs::write(
        format!("{REST_LIST}.names.json"),
        format!("[{}]", names.join(",")),
    )
    .map_err(|e| e.to_string())?;
    let profiled = run(
        "node",
        &["tools/rest-profile.mjs", &dir.to_string_lossy(), REST_LIST],
    );
    let _ = fs::remove_file(format!("{REST_LIST}.names.json"));
    profiled?;
    build()
}

/// Copies a directory tree (symbolic links followed: www/pkg points at pkg/).
fn copy_dir(from: &Path, to: &Path) -> Res {
    fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if entry.file_name() == "pkg" && from == Path::new("www") {
            continue; // the copy of pkg/ goes beside it, as the server expects
        }
        if src.is_dir() {
            copy_dir(&src, &dst)?;
        } else {
            fs::copy(&src, &dst).map_err(|e| format!("{}: {e}", src.display()))?;
        }
    }
    Ok(())
}

/// The glue's side of the split ([`split_combined`]): the import `c.r` the stubs call when a
/// function of the rest runs before the rest is in (it fetches the rest synchronously, checks its
/// SHA-256 with a small JS implementation, since `crypto.subtle` has no synchronous form, and
/// instantiates it; failing, it has the loader put its failure panel in the module's widgets),
/// `rest(broke, go)` with which the loader registers a widget's failure panel and, once the
/// page's widgets are ready, asks for the rest, and the rest's hash `R`. Both paths instantiate the rest against the primary's exports and set the
/// primary's loaded flag.
fn rest_glue(glue: &str, loaded: &str, hash: &str) -> Result<String, String> {
    const CALL: &str = "WebAssembly.instantiate(module_or_path, __wbg_get_imports());";
    if !glue.contains(CALL) {
        return Err("glue: wasm-bindgen's instantiate call has changed (xtask rest_glue)".into());
    }
    let glue = glue.replace(
        CALL,
        "WebAssembly.instantiate(module_or_path, Object.assign(__wbg_get_imports(), { c: { r: __cchc_rest_sync } }));",
    );
    let stem = COMBINED.stem;
    Ok(format!(
        r#"{glue}
let __cchc_rest;
function __cchc_rest_url() {{
    return new URL('{stem}_rest.wasm?h=' + R.slice(7, 17).replace(/\W/g, ''), import.meta.url).href;
}}
function __cchc_rest_run(m) {{
    if (!wasm.{loaded}.value) {{
        new WebAssembly.Instance(m, {{ p: wasm }});
        wasm.{loaded}.value = 1;
        __cchc_broke.length = 0;
    }}
}}
const __cchc_broke = [];
export function rest(broke, go) {{
    if (broke && !wasm.{loaded}.value) __cchc_broke.push(broke);
    if (go && !__cchc_rest) __cchc_rest = fetch(__cchc_rest_url(), {{ integrity: R }})
        .then((r) => {{ if (!r.ok) throw new Error('HTTP ' + r.status); return r.arrayBuffer(); }})
        .then((b) => WebAssembly.compile(b)).then(__cchc_rest_run)
        .catch(() => {{ __cchc_rest = null; }});
}}
function __cchc_rest_sync() {{
    const x = new XMLHttpRequest(), u = __cchc_rest_url();
    x.open('GET', u, false);
    x.overrideMimeType('text/plain; charset=x-user-defined');
    x.send();
    const s = x.responseText, b = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 255;
    if (x.status != 200 || 'sha256-' + __cchc_sha256(b) != R) {{
        // The call that needed it cannot go on: it is abandoned with an exception, and every
        // widget of this module shows the failure panel (after the exception has unwound).
        const e = new Error('not loaded or integrity check failed: ' + u), f = __cchc_broke.splice(0);
        setTimeout(() => f.forEach((g) => g(e)));
        throw e;
    }}
    __cchc_rest_run(new WebAssembly.Module(b));
    performance.mark('cchc:rest-sync');
}}
function __cchc_sha256(b) {{
    const K = [], H = [], W = new Int32Array(64), r = (x, n) => x >>> n | x << 32 - n;
    for (let n = 2, i = 0; i < 64; n++) {{
        let p = 1;
        for (let d = 2; d * d <= n; d++) if (n % d == 0) p = 0;
        if (p) {{
            if (i < 8) H[i] = Math.pow(n, 1 / 2) * 4294967296 | 0;
            K[i++] = Math.pow(n, 1 / 3) * 4294967296 | 0;
        }}
    }}
    const l = b.length, n = (((l + 8) >> 6) + 1) * 16, w = new Int32Array(n);
    for (let i = 0; i < l; i++) w[i >> 2] |= b[i] << 24 - (i & 3) * 8;
    w[l >> 2] |= 128 << 24 - (l & 3) * 8;
    w[n - 1] = l * 8;
    w[n - 2] = l / 536870912 | 0;
    for (let j = 0; j < n; j += 16) {{
        let [A, B, C, D, E, F, G, X] = H;
        for (let i = 0; i < 64; i++) {{
            if (i < 16) W[i] = w[j + i];
            else W[i] = (r(W[i - 15], 7) ^ r(W[i - 15], 18) ^ W[i - 15] >>> 3) + W[i - 7] + (r(W[i - 2], 17) ^ r(W[i - 2], 19) ^ W[i - 2] >>> 10) + W[i - 16] | 0;
            const t = X + (r(E, 6) ^ r(E, 11) ^ r(E, 25)) + (E & F ^ ~E & G) + K[i] + W[i] | 0;
            const u = (r(A, 2) ^ r(A, 13) ^ r(A, 22)) + (A & B ^ A & C ^ B & C) | 0;
            X = G; G = F; F = E; E = D + t | 0; D = C; C = B; B = A; A = t + u | 0;
        }}
        [A, B, C, D, E, F, G, X].forEach((v, i) => {{ H[i] = H[i] + v | 0; }});
    }}
    let s = '';
    for (const v of H) s += String.fromCharCode(v >>> 24, v >>> 16 & 255, v >>> 8 & 255, v & 255);
    return btoa(s);
}}
export const R = "{hash}";
"#
    ))
}

/// Adds to a search module's glue the function its wasm calls when the print button is pressed
/// (`src/web/mod.rs` `print_sheet`, imported as the global `__cchc_print`): it asks the loader for
/// the print module with the stem and glue hash of `entry` ([`print_entry`]) and calls its
/// `print(button)`, or writes the (translated) message the wasm passes into the live region after
/// the button. The hash lives in the glue, which the loader checks: every page pays nothing for
/// them, a search page ~0.1 KB gzip.
fn print_glue(glue: &str, entry: &str) -> Result<String, String> {
    if !glue.contains("__cchc_print(") {
        return Err("glue: the search module does not call `__cchc_print` (src/web/mod.rs)".into());
    }
    let parts: Vec<String> = entry.split(' ').map(|p| format!("\"{p}\"")).collect();
    Ok(format!(
        "{glue}\nfunction __cchc_print(loader, button, failed) {{\n    loader.p([{}]).then(function (m) {{ m.print(button); }}).catch(function () {{ button.nextSibling.textContent = failed; }});\n}}\n",
        parts.join(",")
    ))
}

/// Replaces wasm-bindgen's init (a URL, `Request`, `Response` or bytes; `instantiateStreaming`
/// with a MIME-type fallback; `initSync`; warnings about deprecated parameters) with the one call
/// the loader makes: `default({ module_or_path })` with the `WebAssembly.Module` it compiled while
/// the wasm streamed in and checked against its hash. Every page with the widget downloads the
/// glue: −0.5 KB gzip. The replaced tail must have the expected shape, else the build stops (a
/// wasm-bindgen upgrade that changes it must be looked at).
fn module_only_init(glue: &str) -> Result<String, String> {
    const START: &str = "async function __wbg_load(module, imports) {";
    const END: &str = "export { initSync, __wbg_init as default };\n";
    const TAIL: &str = "let __wbg_init_promise;
async function __wbg_init(module_or_path) {
    if (wasm !== undefined) return wasm;
    if (__wbg_init_promise === undefined) {
        __wbg_init_promise = __wbg_init_once(module_or_path);
        __wbg_init_promise.catch(() => { __wbg_init_promise = undefined; });
    }
    return __wbg_init_promise;
}

async function __wbg_init_once({ module_or_path }) {
    const instance = await WebAssembly.instantiate(module_or_path, __wbg_get_imports());
    return __wbg_finalize_init(instance, module_or_path);
}

export { __wbg_init as default };
";
    let expected = [
        "function initSync(module) {",
        "async function __wbg_init_once(module_or_path) {",
        "const { instance, module } = await __wbg_load(await module_or_path, imports);",
    ];
    let at = match glue
        .match_indices(START)
        .map(|(i, _)| i)
        .collect::<Vec<_>>()[..]
    {
        [at] => at,
        _ => return Err(format!("glue: expected one `{START}`")),
    };
    let tail = &glue[at..];
    if !tail.ends_with(END) || expected.iter().any(|e| tail.matches(e).count() != 1) {
        return Err("glue: wasm-bindgen's init does not have the expected shape".into());
    }
    if !glue[..at].contains("function __wbg_finalize_init(instance, module) {") {
        return Err("glue: no `__wbg_finalize_init(instance, module)`".into());
    }
    Ok(format!("{}{TAIL}", &glue[..at]))
}

/// Writes `FILE.gz` (gzip -9) and `FILE.br` (brotli 11) beside every file a browser downloads
/// from `dir`, for servers that send precompressed files (nginx `gzip_static`, see the guide):
/// many portal servers compress at level 1 or not at all.
fn precompress(dir: &Path) -> Res {
    let mut files = Vec::new();
    collect(dir, &mut files).map_err(|e| format!("{}: {e}", dir.display()))?;
    for f in files {
        let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "js" | "wasm" | "css" | "json" | "tsv") {
            continue;
        }
        let bytes = fs::read(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        let gz = gzip_bytes(&bytes);
        fs::write(format!("{}.gz", f.display()), gz).map_err(|e| e.to_string())?;
        let mut br = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut &bytes[..], &mut br, &params)
            .map_err(|e| format!("{}: brotli: {e}", f.display()))?;
        fs::write(format!("{}.br", f.display()), br).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The short name the import module (wasm-bindgen names it after the glue file) gets.
const SHORT_MODULE: &str = "w";

/// Renames the wasm's imports from the glue to short names, in the wasm and in the glue.
///
/// wasm-bindgen names each of its ~160 imports `__wbg_<name>_<16 hex digits>` and repeats the
/// module name `./cchc_widgets_bg.js` for each: the names appear in both files and the hex digits
/// do not compress, which costs citizens several KB of gzip for nothing. Imports are bound by
/// index inside the wasm, so only the import section and the glue's import object change. Every
/// renamed key must occur exactly once in the glue, else the build stops (a wasm-bindgen upgrade
/// that changes the glue's shape must not produce a bundle that fails at instantiation).
fn short_imports(wasm: &[u8], glue: &str, module: &str) -> Result<(Vec<u8>, String), String> {
    let mut glue = glue.to_string();
    let out = rewrite_section(wasm, 2, |body| {
        rename_imports(body, &mut glue, module).ok_or_else(|| "wasm: malformed module".into())
    })?;
    let module_key = format!("\"{module}\": import0,");
    if glue.matches(&module_key).count() != 1 {
        return Err(format!("glue: expected one `{module_key}`"));
    }
    let glue = glue.replace(&module_key, &format!("\"{SHORT_MODULE}\": import0,"));
    Ok((out, glue))
}

/// Renames the wasm's long exports (wasm-bindgen's closure shims are named after their mangled
/// Rust types: `wasm_bindgen_<hash>___convert__closures_____invoke___…`, up to 300 characters,
/// with hex hashes that do not compress) to `__x0`, `__x1`, ... in the wasm and in the glue. Each
/// renamed name must occur in the glue, else the build stops.
fn short_exports(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    let bad = || "wasm: malformed module".to_string();
    let mut glue = glue.to_string();
    let out = rewrite_section(wasm, 7, |body| {
        let (count, mut p) = read_leb(body, 0).ok_or_else(bad)?;
        let mut entries = Vec::new();
        for _ in 0..count {
            let (name, next) = read_name(body, p).ok_or_else(bad)?;
            // A kind byte, then the index.
            let (_, after) = read_leb(body, next + 1).ok_or_else(bad)?;
            entries.push((name.to_string(), body.get(next..after).ok_or_else(bad)?));
            p = after;
        }
        let mut renames: Vec<(String, String)> = Vec::new();
        for (name, _) in &entries {
            if name.len() > 32 && name.starts_with("wasm_bindgen_") {
                let short = format!("__x{}", renames.len());
                if entries.iter().any(|(n, _)| *n == short) {
                    return Err(format!("wasm: an export is already named {short}"));
                }
                renames.push((name.clone(), short));
            }
        }
        // Longest first, so that no name is replaced inside a longer one.
        let mut order: Vec<&(String, String)> = renames.iter().collect();
        order.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        for (name, short) in order {
            if !glue.contains(name.as_str()) {
                return Err(format!("glue: export {name} not found"));
            }
            glue = glue.replace(name.as_str(), short);
        }
        let mut section = Vec::new();
        write_leb(&mut section, count);
        for (name, desc) in &entries {
            let new = renames
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, s)| s.as_str())
                .unwrap_or(name);
            write_name(&mut section, new);
            section.extend_from_slice(desc);
        }
        Ok(section)
    })?;
    Ok((out, glue))
}

/// The module with the body of its section `id` replaced by what `f` makes of it (every other
/// section copied as it is).
fn rewrite_section(
    wasm: &[u8],
    id: u8,
    mut f: impl FnMut(&[u8]) -> Result<Vec<u8>, String>,
) -> Result<Vec<u8>, String> {
    let bad = || "wasm: malformed module".to_string();
    let mut out = wasm.get(..8).ok_or_else(bad)?.to_vec();
    let mut at = 8;
    while at < wasm.len() {
        let this = *wasm.get(at).ok_or_else(bad)?;
        let (size, body_at) = read_leb(wasm, at + 1).ok_or_else(bad)?;
        let end = body_at.checked_add(size).ok_or_else(bad)?;
        let body = wasm.get(body_at..end).ok_or_else(bad)?;
        if this == id {
            let section = f(body)?;
            out.push(id);
            write_leb(&mut out, section.len());
            out.extend_from_slice(&section);
        } else {
            out.extend_from_slice(wasm.get(at..end).ok_or_else(bad)?);
        }
        at = end;
    }
    Ok(out)
}

/// The import section with the glue's imports renamed, renaming their keys in `glue` too.
fn rename_imports(body: &[u8], glue: &mut String, glue_module: &str) -> Option<Vec<u8>> {
    let (count, mut at) = read_leb(body, 0)?;
    let mut out = Vec::with_capacity(body.len());
    write_leb(&mut out, count);
    let mut renamed = 0;
    for _ in 0..count {
        let (module, next) = read_name(body, at)?;
        let (field, next) = read_name(body, next)?;
        let desc_end = skip_import_desc(body, next)?;
        let desc = body.get(next..desc_end)?;
        at = desc_end;
        if module == glue_module {
            let short = short_name(renamed);
            renamed += 1;
            let key = format!("{field}: function(");
            if glue.matches(&key).count() != 1 {
                return None;
            }
            *glue = glue.replace(&key, &format!("{short}: function("));
            write_name(&mut out, SHORT_MODULE);
            write_name(&mut out, &short);
        } else {
            write_name(&mut out, module);
            write_name(&mut out, field);
        }
        out.extend_from_slice(desc);
    }
    (at == body.len()).then_some(out)
}

/// `a`..`z`, `A`..`Z`, `aa`, `ab`, ...: short names that cannot clash with the glue's own keys
/// (all of which start with `__`).
fn short_name(mut n: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[n % 52]);
        n /= 52;
        if n == 0 {
            break;
        }
        n -= 1;
    }
    name.reverse();
    String::from_utf8_lossy(&name).into_owned()
}

/// Skips an import description (function, table, memory, global or tag), returning its end.
fn skip_import_desc(b: &[u8], at: usize) -> Option<usize> {
    let kind = *b.get(at)?;
    match kind {
        0 => read_leb(b, at + 1).map(|(_, next)| next),
        1 => skip_limits(b, at + 2),
        2 => skip_limits(b, at + 1),
        3 => Some(at + 3).filter(|&end| end <= b.len()),
        4 => read_leb(b, at + 2).map(|(_, next)| next),
        _ => None,
    }
}

/// Skips wasm limits: a flags byte, a minimum and, if flagged, a maximum.
fn skip_limits(b: &[u8], at: usize) -> Option<usize> {
    let flags = *b.get(at)?;
    let (_, next) = read_leb(b, at + 1)?;
    if flags & 1 == 1 {
        read_leb(b, next).map(|(_, next)| next)
    } else {
        Some(next)
    }
}

fn read_leb(b: &[u8], mut at: usize) -> Option<(usize, usize)> {
    let mut value: usize = 0;
    let mut shift = 0;
    loop {
        let byte = *b.get(at)?;
        at += 1;
        value |= usize::from(byte & 0x7f).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some((value, at));
        }
        shift += 7;
        if shift > 28 {
            return None;
        }
    }
}

fn write_leb(out: &mut Vec<u8>, mut value: usize) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn read_name(b: &[u8], at: usize) -> Option<(&str, usize)> {
    let (len, start) = read_leb(b, at)?;
    let end = start.checked_add(len)?;
    let name = std::str::from_utf8(b.get(start..end)?).ok()?;
    Some((name, end))
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_leb(out, name.len());
    out.extend_from_slice(name.as_bytes());
}

/// Minifies a JavaScript file in place with terser (npm dev dependency): the glue and the loader
/// are downloaded by every page, and terser's compress + mangle takes ~1.3 KB gzip off them.
/// `/*!` comments (the loader's banner) are kept.
fn minify_js(path: &str, module: bool) -> Res {
    let mut args = vec!["--no-install", "terser", path, "--compress", "--mangle"];
    if module {
        args.push("--module");
    }
    args.extend(["--comments", "/^!/", "-o", path]);
    run("npx", &args)
}

fn sri(path: &str) -> Result<String, String> {
    let bytes = fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let digest = Sha384::digest(&bytes);
    Ok(format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    ))
}

/// The hashes the loader carries for the files it fetches: SHA-256 (an SRI algorithm like
/// SHA-384, 20 characters shorter per file, and every page downloads the table).
fn sri256(path: &str) -> Result<String, String> {
    let bytes = fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(&bytes))
    ))
}

fn pkg_fresh() -> Result<bool, String> {
    let recorded = fs::read_to_string("pkg/SOURCE_HASH").unwrap_or_default();
    Ok(recorded.trim() == source_hash()?)
}

/// What a page with one widget downloads from `pkg/`: per file raw and gzip bytes, the total, and
/// the budget.
struct PageSize {
    kind: &'static str,
    files: Vec<Measured>,
    total: u64,
    budget: u64,
    ceiling: u64,
}

fn page_sizes() -> Result<Vec<PageSize>, String> {
    let mut out = Vec::new();
    // The feedback form is measured twice: with the agency's own `schema`, and with the built-in
    // form, whose schema the page then also downloads from `pkg/`.
    let pages = WIDGETS.iter().map(|w| (w, w.kind, None)).chain([(
        &WIDGETS[2],
        "feedback-form, built-in form",
        Some(DEFAULT_FORM),
    )]);
    for (w, kind, extra) in pages {
        let mut names = vec![
            LOADER.to_string(),
            format!("{}.js", w.stem),
            format!("{}_bg.wasm", w.stem),
        ];
        names.extend(extra.map(String::from));
        let (files, total) = measure(&names)?;
        out.push(PageSize {
            kind,
            files,
            total,
            budget: w.budget,
            ceiling: w.ceiling,
        });
    }
    Ok(out)
}

/// A file of `pkg/`: its name, raw bytes and gzip bytes.
type Measured = (String, u64, u64);

/// Raw and gzip bytes of files of `pkg/`, and the gzip total.
fn measure(names: &[String]) -> Result<(Vec<Measured>, u64), String> {
    let mut files = Vec::new();
    let mut total = 0;
    for f in names {
        let path = format!("pkg/{f}");
        let bytes =
            fs::read(&path).map_err(|e| format!("{path}: {e} (run `cargo xtask build`)"))?;
        let gz = gzip_len(&bytes);
        total += gz;
        files.push((f.clone(), bytes.len() as u64, gz));
    }
    Ok((files, total))
}

/// Prints the gzip size of what a page with each widget downloads; returns the pages over budget.
fn size() -> Result<Vec<String>, String> {
    let pages = page_sizes()?;
    let mut over = Vec::new();
    for p in &pages {
        println!("\n{:<28} {:>10} {:>10}", p.kind, "raw B", "gzip B");
        for (f, raw, gz) in &p.files {
            println!("  {f:<26} {raw:>10} {gz:>10}");
        }
        let verdict = if p.total > p.ceiling {
            over.push(format!(
                "a page with {} downloads {} B gzip, over its ceiling of {} B (budget {} B)",
                p.kind, p.total, p.ceiling, p.budget
            ));
            "OVER THE CEILING".to_string()
        } else if p.total > p.budget {
            format!(
                "{} B over the budget; enforced ceiling {} B",
                p.total - p.budget,
                p.ceiling
            )
        } else {
            "within budget".to_string()
        };
        println!(
            "  {:<26} {:>10} {:>10}  (budget {} B: {verdict})",
            "total", "", p.total, p.budget
        );
    }
    // Not at startup: the search widget asks for its thesaurus once it is ready.
    let (_, words) = measure(&[THESAURUS.to_string()])?;
    println!(
        "\n  {:<26} {:>10} {words:>10}  (the search widget's words, fetched once it is ready)",
        THESAURUS, ""
    );
    // Not at startup either: the print module, when a citizen prints a sheet.
    let (files, print) = measure(&[
        format!("{}.js", PRINT.stem),
        format!("{}_bg.wasm", PRINT.stem),
    ])?;
    for (f, raw, gz) in &files {
        println!("  {f:<26} {raw:>10} {gz:>10}");
    }
    println!(
        "  {:<26} {:>10} {print:>10}  (the print module, fetched when a sheet is printed)",
        "", ""
    );
    let (files, combined) = measure(&[
        LOADER.to_string(),
        format!("{}.js", COMBINED.stem),
        format!("{}_bg.wasm", COMBINED.stem),
    ])?;
    println!(
        "\n{:<28} {:>10} {:>10}",
        "several kinds (combined)", "raw B", "gzip B"
    );
    for (f, raw, gz) in &files {
        println!("  {f:<26} {raw:>10} {gz:>10}");
    }
    println!(
        "  {:<26} {:>10} {combined:>10}  (no budget: held by the startup goal)",
        "total", ""
    );
    // Not at startup: what the combined module's startup never calls (xtask/src/split.rs);
    // absent from the whole module `cargo xtask rest-profile` builds first.
    let rest_file = format!("{}_rest.wasm", COMBINED.stem);
    if Path::new("pkg").join(&rest_file).exists() {
        let (files, rest) = measure(&[rest_file])?;
        for (f, raw, _) in &files {
            println!("  {f:<26} {raw:>10} {rest:>10}  (fetched once the page's widgets are ready)");
        }
    } else {
        println!("  {rest_file:<26} (not built: the combined module is whole)");
    }
    println!("\n(`cargo xtask test` fails when a page with one widget is over its enforced ceiling; a page with several kinds loads the combined module when that is smaller than their own modules together)");
    Ok(over)
}

fn gzip_len(bytes: &[u8]) -> u64 {
    gzip_bytes(bytes).len() as u64
}

fn gzip_bytes(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = enc.write_all(bytes);
    enc.finish().unwrap_or_default()
}

fn demo(port: Option<&str>) -> Res {
    setup()?;
    if !pkg_fresh()? {
        build()?;
    }
    let port = port.unwrap_or("8080");
    // The demo runs on the receiver agencies run: the portal folder and the feedback form's
    // endpoint, submissions kept in a SQLite file (`cchc phan-anh list --db DEMO_DB`).
    fs::create_dir_all("target/demo").map_err(|e| format!("target/demo: {e}"))?;
    eprintln!(
        "\nDemo portal: http://127.0.0.1:{port}/  (Ctrl+C to stop)\n\
         Feedback sent from the demo form: cargo run --bin cchc -- phan-anh list --db {DEMO_DB}\n"
    );
    let listen = format!("127.0.0.1:{port}");
    run(
        "cargo",
        &[
            "run",
            "--quiet",
            "--bin",
            "cchc",
            "--",
            "serve",
            "--root",
            "www",
            "--schema",
            "www/data/phan-anh.json",
            "--db",
            DEMO_DB,
            "--listen",
            &listen,
        ],
    )
}

/// Where the demo portal keeps the feedback it receives.
const DEMO_DB: &str = "target/demo/phan-anh.sqlite";

fn chromium_present() -> bool {
    Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists()
}

fn test() -> Res {
    if !chromium_present() {
        return Err("Chromium is missing. Install it with:\n\n    sudo apt-get update && sudo apt-get install -y chromium chromium-driver\n\n(the browser tests use Debian's /usr/bin/chromium and /usr/bin/chromedriver)".into());
    }
    setup()?;
    if !pkg_fresh()? {
        return Err("pkg/ is stale: the sources changed since the bundle was built. Run `cargo xtask build` and commit pkg/.".into());
    }
    let over = size()?;
    if !over.is_empty() {
        return Err(format!(
            "{}; BENCHMARKS.md (\"Payload\") says where the bytes go",
            over.join("; ")
        ));
    }
    // The receiver's tests run on SQLite always, and on PostgreSQL too when CCHC_TEST_PG names
    // a server that lets the role create databases (`.ci/run` starts Debian's and sets it).
    match env::var("CCHC_TEST_PG") {
        Ok(url) => eprintln!(
            "receiver tests: SQLite and PostgreSQL ({})",
            url.split('@').next_back().unwrap_or("")
        ),
        Err(_) => eprintln!(
            "receiver tests: SQLite only (set CCHC_TEST_PG=postgres://user:password@host/db, as .ci/run does, for PostgreSQL too)"
        ),
    }
    run("cargo", &["test", "--workspace"])?;
    run(
        "cargo",
        &[
            "test",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "browser",
        ],
    )?;
    run("node", &["--test", "--test-concurrency=1", "tests/e2e/"])?;
    // Every parser that takes outside input, fuzzed briefly (nightly: the bundle's toolchain).
    bundle_toolchain()?;
    fuzz::run_all(BUNDLE_TOOLCHAIN, fuzz::SHORT_S)?;
    eprintln!("\nAll tests passed.");
    Ok(())
}

fn bench(args: &[String]) -> Res {
    // Long fuzzing runs only when asked by name: `cargo xtask bench fuzz [SECONDS per target]`.
    if args.first().map(String::as_str) == Some("fuzz") {
        let seconds = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(300);
        return bench_fuzz(seconds);
    }
    // The feedback receiver as shipped (release build): load, kill -9, flood (issue 12). It
    // needs no bundle, so it runs without rebuilding pkg/.
    if args.first().map(String::as_str) == Some("receiver") {
        run("cargo", &["build", "--release", "--bin", "cchc"])?;
        return run("node", &["bench/receiver.mjs"]);
    }
    setup()?;
    if !pkg_fresh()? {
        build()?;
    }
    let want = |name: &str| args.is_empty() || args.iter().any(|a| a == name);
    if want("size") {
        write_size_section()?;
    }
    if want("search") {
        let extra: Vec<&str> = args
            .iter()
            .map(String::as_str)
            .filter(|a| a.starts_with("--") || a.parse::<u32>().is_ok() || a.contains(','))
            .collect();
        let mut a = vec!["bench/run.mjs"];
        a.extend(extra);
        run("node", &a)?;
        // The question-style set (issue 14) beside the peers, on the real records.
        run(
            "node",
            &["bench/run.mjs", "--set", "questions", "--sizes", "2642"],
        )?;
    }
    for name in ["tracker", "form"] {
        let script = format!("bench/{name}.mjs");
        if want(name) && Path::new(&script).exists() {
            run("node", &[&script])?;
            run("node", &["bench/sections.mjs", name])?;
        }
    }
    // Startup on a low-end phone profile (issue 10) and what a default nginx sends; each
    // rewrites its own section of BENCHMARKS.md.
    for name in ["startup", "nginx"] {
        if want(name) {
            run("node", &[&format!("bench/{name}.mjs")])?;
        }
    }
    Ok(())
}

/// Runs every fuzz target for `seconds` and writes the "fuzz" section of BENCHMARKS.md.
fn bench_fuzz(seconds: u64) -> Res {
    bundle_toolchain()?;
    let rows = fuzz::run_all(BUNDLE_TOOLCHAIN, seconds)?;
    let mut md = format!(
        "### Fuzzing\n\n`cargo xtask bench fuzz {seconds}` on {}, {} ({} cores), libFuzzer via cargo-fuzz with \
         AddressSanitizer, from the seeds in `fuzz/seeds/`. No crash, hang (10 s) or leak was found in \
         these runs (a finding fails the run).\n\n| target | covers | runs | seconds | corpus |\n|---|---|---:|---:|---:|\n",
        today(),
        machine(),
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
    );
    for (target, execs, secs, corpus) in rows {
        let covers = fuzz::TARGETS
            .iter()
            .find(|(t, _)| *t == target)
            .map_or("", |(_, c)| *c);
        md.push_str(&format!(
            "| `{target}` | {covers} | {execs} | {secs:.0} | {corpus} |\n"
        ));
    }
    write_section("fuzz", &md)
}

/// Rewrites the size section of BENCHMARKS.md with today's numbers.
fn write_size_section() -> Res {
    let mut rows = String::new();
    for p in page_sizes()? {
        let files: Vec<String> = p
            .files
            .iter()
            .map(|(f, raw, gz)| format!("`{f}` {gz} ({raw} raw)"))
            .collect();
        rows.push_str(&format!(
            "| {} | {} | **{}** | {} | {} |\n",
            p.kind,
            files.join(" + "),
            p.total,
            p.budget,
            p.ceiling
        ));
    }
    let date = output("date", &["-u", "+%Y-%m-%d"]).unwrap_or_default();
    let md = format!(
        "Measured {} by `cargo xtask bench size` on version {} (gzip -9 equivalent, flate2 best).\n\n\
         | page with | files from `pkg/` (gzip bytes) | total gzip | budget | enforced today |\n|---|---|---:|---:|---:|\n{rows}",
        date.trim(),
        version()?,
    );
    write_section("size", &md)
}

fn write_section(name: &str, markdown: &str) -> Res {
    let start = format!("<!-- {name}:start -->");
    let end = format!("<!-- {name}:end -->");
    let doc = fs::read_to_string("BENCHMARKS.md").unwrap_or_else(|_| "# Benchmarks\n".into());
    let block = format!("{start}\n{}\n{end}", markdown.trim());
    let doc = match (doc.find(&start), doc.find(&end)) {
        (Some(i), Some(j)) if j > i => format!("{}{block}{}", &doc[..i], &doc[j + end.len()..]),
        _ => format!("{}\n\n{block}\n", doc.trim_end()),
    };
    fs::write("BENCHMARKS.md", doc).map_err(|e| e.to_string())
}

/// Today's date (UTC), for benchmark sections.
fn today() -> String {
    output("date", &["-u", "+%Y-%m-%d"])
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// The CPU model, for benchmark sections.
fn machine() -> String {
    fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines().find_map(|l| {
                l.strip_prefix("model name")
                    .map(|m| m.trim_start_matches([' ', '\t', ':']).to_string())
            })
        })
        .unwrap_or_else(|| "unknown CPU".into())
}
