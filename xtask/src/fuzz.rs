//! Fuzzing every parser that takes outside input (`fuzz/`, cargo-fuzz + libFuzzer).
//!
//! `cargo xtask test` runs each target briefly ([`SHORT_S`] seconds); `cargo xtask bench fuzz
//! [SECONDS]` runs each longer and writes the executions and findings to BENCHMARKS.md. Each run
//! starts from the committed seeds (`fuzz/seeds/<target>/`) in a scratch corpus under `target/`,
//! so the repository is never modified; a crash leaves its input in `fuzz/artifacts/<target>/`
//! and fails the run with the command that reproduces it.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// The targets, with what each covers (BENCHMARKS.md).
pub const TARGETS: &[(&str, &str)] = &[
    ("json", "JSON reader (parse, stream, round trip)"),
    (
        "tthc",
        "tthc.json / national records / details loaders + search",
    ),
    ("tracker", "chi-tieu.json loader + evaluation"),
    ("phrases", "deadline and target phrases"),
    (
        "form",
        "schema loader, every validator, whole forms, dvhc lists",
    ),
    (
        "receiver",
        "POST body, attachments, magic numbers, personal-data masking",
    ),
    ("catalogue", "language catalogues"),
];

/// Seconds per target in `cargo xtask test`.
pub const SHORT_S: u64 = 10;

/// Installs cargo-fuzz when missing (not `--locked`, like wasm-bindgen-cli).
pub fn setup(toolchain: &str) -> Result<(), String> {
    let have = Command::new("cargo")
        .args([&format!("+{toolchain}"), "fuzz", "--version"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !have {
        super::run("cargo", &["install", "cargo-fuzz"])?;
    }
    Ok(())
}

/// One run of every target; returns `(target, executions, seconds, corpus size)` per target.
pub fn run_all(toolchain: &str, seconds: u64) -> Result<Vec<(String, u64, f64, usize)>, String> {
    setup(toolchain)?;
    let tc = format!("+{toolchain}");
    // One build for all targets (same crate, same flags).
    super::run("cargo", &[&tc, "fuzz", "build", "--fuzz-dir", "fuzz"])?;
    let mut out = Vec::new();
    for (target, _) in TARGETS {
        let corpus = format!("target/fuzz-corpus/{target}");
        let _ = fs::remove_dir_all(&corpus);
        fs::create_dir_all(&corpus).map_err(|e| format!("{corpus}: {e}"))?;
        let seeds = format!("fuzz/seeds/{target}");
        let max_time = format!("-max_total_time={seconds}");
        let started = Instant::now();
        eprintln!("$ cargo {tc} fuzz run --fuzz-dir fuzz {target} {corpus} {seeds} -- {max_time}");
        let result = Command::new("cargo")
            .args([
                &tc,
                "fuzz",
                "run",
                "--fuzz-dir",
                "fuzz",
                target,
                &corpus,
                &seeds,
            ])
            .args([
                "--",
                &max_time,
                "-max_len=65536",
                "-timeout=10",
                "-rss_limit_mb=2048",
            ])
            .output()
            .map_err(|e| format!("cargo fuzz: {e}"))?;
        let log = String::from_utf8_lossy(&result.stderr);
        if !result.status.success() && log.contains("could not compile") {
            return Err(format!(
                "fuzz target `{target}` did not build (the sources changed while fuzzing?):\n{}",
                log.lines()
                    .filter(|l| l.starts_with("error"))
                    .collect::<Vec<_>>()
                    .join("\n")
            ));
        }
        if !result.status.success() {
            let tail: Vec<&str> = log.lines().rev().take(40).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            return Err(format!(
                "fuzz target `{target}` found a failure:\n{}\n\nReproduce with: cargo {tc} fuzz run --fuzz-dir fuzz {target} fuzz/artifacts/{target}/<file>; fix it and add a regression test with that input",
                tail.join("\n")
            ));
        }
        let execs = log
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix("Done ").and_then(|r| r.split(' ').next()))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let corpus_size = fs::read_dir(Path::new(&corpus))
            .map(|d| d.count())
            .unwrap_or(0);
        out.push((
            target.to_string(),
            execs,
            started.elapsed().as_secs_f64(),
            corpus_size,
        ));
    }
    Ok(out)
}
