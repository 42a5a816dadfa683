//! `cchc precompress`: `FILE.gz` and `FILE.br` beside data files, for servers that send
//! precompressed files (nginx `gzip_static`/`brotli_static`, `cchc serve`).
//!
//! Many portal servers compress at gzip level 1 or not at all; a list of procedures sent as
//! brotli 11 is ~30% smaller than gzip 6 and a tenth of the plain file, which a citizen on 3G
//! waits for. The import and publish commands write the siblings themselves; this command is for
//! files edited by hand. A sibling that no longer matches its file would be sent instead of the
//! new data: `--check` finds them (so does `cchc check`).

use std::path::{Path, PathBuf};

use crate::files;

/// Write FILE.gz and FILE.br beside data files (the import and publish commands do it
/// themselves), or check that existing ones match.
#[derive(clap::Args)]
pub struct Args {
    /// JSON files, or folders (every .json inside, recursively).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Only report siblings that differ from their file (exit 1 if any); write nothing.
    #[arg(long)]
    check: bool,
    /// Brotli at quality 9 instead of 11: 5% larger, four times faster (folders of details).
    #[arg(long)]
    fast: bool,
}

pub fn run(args: Args) -> u8 {
    let mut list = Vec::new();
    for p in &args.paths {
        if let Err(e) = collect(p, &mut list) {
            eprintln!("cchc precompress: {}: {e}", p.display());
            return 1;
        }
    }
    if list.is_empty() {
        eprintln!("cchc precompress: không có tệp .json nào (no .json file found)");
        return 1;
    }
    let (mut plain, mut gz, mut br, mut stale) = (0u64, 0u64, 0u64, 0usize);
    for f in &list {
        let bytes = match std::fs::read(f) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}: {e}", f.display());
                return 1;
            }
        };
        if args.check {
            for (s, why) in files::stale_siblings(f, &bytes) {
                println!(
                    "{}: {why}; máy chủ sẽ gửi tệp này thay cho {} — chạy `cchc precompress {}` hoặc xoá nó",
                    s.display(),
                    f.display(),
                    f.display()
                );
                stale += 1;
            }
            continue;
        }
        let Ok(text) = String::from_utf8(bytes) else {
            eprintln!(
                "{}: không phải văn bản UTF-8 (not UTF-8 text)",
                f.display()
            );
            return 1;
        };
        if let Err(e) = files::publish_at(f, &text, if args.fast { 9 } else { 11 }) {
            eprintln!("cchc precompress: {e}");
            return 1;
        }
        plain += text.len() as u64;
        gz += len(&files::sibling(f, "gz"));
        br += len(&files::sibling(f, "br"));
    }
    if args.check {
        eprintln!(
            "{} tệp, {stale} tệp nén không khớp ({} files, {stale} stale siblings)",
            list.len(),
            list.len()
        );
        return u8::from(stale > 0);
    }
    eprintln!(
        "{} tệp: {plain} B → .gz {gz} B, .br {br} B ({} files)",
        list.len(),
        list.len()
    );
    0
}

fn len(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

/// `p` itself, or every `.json` under it, in a stable order.
fn collect(p: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if !p.is_dir() {
        std::fs::metadata(p)?;
        out.push(p.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(p)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for e in entries {
        if e.is_dir() {
            collect(&e, out)?;
        } else if e.extension().is_some_and(|x| x == "json") {
            out.push(e);
        }
    }
    Ok(())
}
