//! `cchc target "PHRASE"`: reads a plan's target phrase.
//!
//! Prints one JSON object on stdout (`kind`, `value`, `max`, `unit`, `rank_of`, `parts`, …).
//! Exit 0 when at least one measurable part was understood, 1 when the phrase is unknown (the JSON
//! is still printed, with `problem`), 2 on a usage error.

use cchc_widgets::i18n::Lang;
use cchc_widgets::tracker::parse_target;

/// Arguments.
#[derive(clap::Args)]
#[command(
    after_help = "Exit codes: 0 = understood, 1 = unknown phrase (JSON still printed, with \"problem\"), 2 = usage error.\n\
Examples:\n  cchc target \"PCI năm 2024 đạt khoảng 69,5 điểm\"\n  cchc target \"cấp tỉnh 100%, cấp huyện 100%, cấp xã 95%\"\n  cchc target \"xếp vị thứ 20/63\""
)]
pub struct Args {
    /// Language of messages on stderr: vi (default) or en.
    #[arg(long, default_value = "vi")]
    lang: String,
    /// The phrase, as written in the plan.
    phrase: String,
}

/// Runs the subcommand.
pub fn run(args: Args) -> u8 {
    let lang = Lang::from_tag(&args.lang);
    let t = parse_target(&args.phrase);
    match serde_json::to_string(&t) {
        Ok(s) => println!("{s}"),
        Err(e) => {
            eprintln!("cchc target: {e}");
            return 1;
        }
    }
    match t.problem {
        Some(p) => {
            eprintln!("cchc target: {}", p.message(lang));
            1
        }
        None => 0,
    }
}
