//! `cchc i18n extract|template`: the language catalogues the widgets read from `pkg/i18n/`.
//!
//! `extract` writes the English catalogue, generated from the Vietnamese/English pairs of the
//! sources (this is how `pkg/i18n/en.json` is made: `cargo run --bin cchc -- i18n extract -o
//! pkg/i18n/en.json`); `template` writes a catalogue to translate for another language, every
//! Vietnamese text with an empty translation. Check a catalogue with `cchc check`. Format:
//! docs/i18n-format.md. Exit 0 on success, 1 when the file cannot be written or the sources'
//! pairs are inconsistent, 2 on a usage error.

use std::path::PathBuf;

use cchc_widgets::i18n::{is_language_subtag, source};

/// Arguments.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  cchc i18n extract -o pkg/i18n/en.json\n  cchc i18n template --lang km --name \"ភាសាខ្មែរ\" -o pkg/i18n/km.json\n  cchc check pkg/i18n/km.json"
)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Write the English catalogue generated from the sources (pkg/i18n/en.json).
    Extract {
        /// Output file (default: stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Write a catalogue to translate: every Vietnamese text, with empty translations.
    Template {
        /// The language's primary subtag (BCP 47, lowercase: km, cjm, hnj...).
        #[arg(long)]
        lang: String,
        /// The language's name in itself.
        #[arg(long, default_value = "")]
        name: String,
        /// Output file (default: stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// Runs the subcommand.
pub fn run(args: Args) -> u8 {
    if !source::PROBLEMS.is_empty() {
        eprintln!("cchc i18n: các cặp văn bản trong mã nguồn chưa nhất quán / the sources' text pairs are inconsistent:");
        for p in source::PROBLEMS {
            eprintln!("  {p}");
        }
        return 1;
    }
    let (text, output) = match args.command {
        Command::Extract { output } => (source::en_json(), output),
        Command::Template { lang, name, output } => {
            let lang = lang.trim().to_ascii_lowercase();
            if !is_language_subtag(&lang) || lang == "vi" || lang == "en" {
                eprintln!(
                    "cchc i18n template: --lang {lang}: cần mã ngôn ngữ 2–8 chữ cái, khác vi và en (a 2–8 letter language subtag other than vi and en)"
                );
                return 2;
            }
            (template(&lang, &name), output)
        }
    };
    match output {
        None => {
            print!("{text}");
            0
        }
        Some(path) => match std::fs::write(&path, text) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                1
            }
        },
    }
}

/// A catalogue for `lang` with every key and empty translations, in the same order as en.json.
fn template(lang: &str, name: &str) -> String {
    let mut out = String::from("{\n  \"lang\": ");
    out.push_str(&cchc_widgets::json::quoted(lang));
    out.push_str(",\n  \"name\": ");
    out.push_str(&cchc_widgets::json::quoted(name));
    out.push_str(",\n  \"messages\": {");
    for (i, (vi, _)) in source::PAIRS.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        out.push_str(&cchc_widgets::json::quoted(vi));
        out.push_str(": \"\"");
    }
    out.push_str("\n  }\n}\n");
    out
}
