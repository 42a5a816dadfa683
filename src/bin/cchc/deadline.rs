//! `cchc deadline [--as-of YYYY-MM-DD] [--plan-year YYYY] "PHRASE"`: reads a plan's deadline phrase.
//!
//! Prints one JSON object on stdout: the parse (`kind` range|recurring|dependent|unknown, `start`,
//! `end`, …) and, with `--as-of`, the state on that day. Exit 0 when understood, 1 when the phrase
//! is unknown (the JSON is still printed, with `problem`), 2 on a usage error.

use cchc_widgets::i18n::Lang;
use cchc_widgets::tracker::{parse_deadline, Date};

/// Arguments.
#[derive(clap::Args)]
#[command(
    after_help = "Exit codes: 0 = understood, 1 = unknown phrase (JSON still printed, with \"problem\"), 2 = usage error.\n\
Examples:\n  cchc deadline \"Quý II, III/2025\"\n  cchc deadline --as-of 2025-08-01 \"trước ngày 31/01/2025\"\n  cchc deadline --plan-year 2025 \"Quý I\""
)]
pub struct Args {
    /// Evaluate the state on this day (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    as_of: Option<Date>,
    /// Year to assume when the phrase omits it ("Quý I"), i.e. the plan's year.
    #[arg(long, value_name = "YYYY")]
    plan_year: Option<i32>,
    /// Language of messages on stderr: vi (default) or en.
    #[arg(long, default_value = "vi")]
    lang: String,
    /// The phrase, as written in the plan.
    phrase: String,
}

pub(crate) fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse_iso(s).ok_or_else(|| format!("not a valid date YYYY-MM-DD: {s}"))
}

#[derive(serde::Serialize)]
struct Out<'a> {
    #[serde(flatten)]
    deadline: &'a cchc_widgets::tracker::Deadline,
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<cchc_widgets::tracker::DeadlineStatus>,
}

/// Runs the subcommand.
pub fn run(args: Args) -> u8 {
    let lang = Lang::from_tag(&args.lang);
    let d = parse_deadline(&args.phrase, args.plan_year);
    let out = Out {
        deadline: &d,
        as_of: args.as_of,
        state: args.as_of.map(|a| d.state_at(a)),
    };
    match serde_json::to_string(&out) {
        Ok(s) => println!("{s}"),
        Err(e) => {
            eprintln!("cchc deadline: {e}");
            return 1;
        }
    }
    match d.problem {
        Some(p) => {
            eprintln!("cchc deadline: {}", p.message(lang));
            1
        }
        None => 0,
    }
}
