//! `cchc check-field --kind KIND VALUE`: the widget's single-value check on the command line.
//!
//! Prints one JSON object `{"valid", "normalized", "code", "message", "warnings"}` (plus
//! `"suggestion"` when there is one, e.g. the new number of a dead 11-digit mobile number) and
//! exits 0 when the value is valid, 1 when it is not, 2 on a usage error.

use cchc_widgets::feedback::{check_value, Date, Kind};
use cchc_widgets::i18n::Lang;

/// Arguments of `cchc check-field`.
#[derive(clap::Args)]
pub struct Args {
    /// What the value is.
    #[arg(long, value_parser = ["mobile", "phone", "landline", "cccd", "name", "email", "date"])]
    kind: String,
    /// Language of the message: vi (default) or en.
    #[arg(long, default_value = "vi")]
    lang: String,
    /// "Today" as yyyy-mm-dd for the CCCD birth-year rule (default: today in Vietnam, UTC+7).
    #[arg(long)]
    today: Option<String>,
    /// The value to check (quote it; a leading "-" or "+" is allowed).
    #[arg(allow_hyphen_values = true)]
    value: String,
}

/// Today's date in Vietnam (UTC+7) from the system clock; the core never reads the clock.
pub fn today_vn() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    Date::from_days_since_epoch((secs + 7 * 3600).div_euclid(86_400))
}

/// Parses `--today`, or takes the clock.
pub fn resolve_today(arg: Option<&str>) -> Result<Date, String> {
    match arg {
        None => Ok(today_vn()),
        Some(s) => Date::parse_iso(s)
            .ok_or_else(|| format!("--today: cần yyyy-mm-dd (expected yyyy-mm-dd), got {s:?}")),
    }
}

/// Runs the subcommand; returns the exit code.
pub fn run(args: Args) -> u8 {
    let (Some(kind), today) = (
        Kind::parse(&args.kind),
        resolve_today(args.today.as_deref()),
    ) else {
        eprintln!("cchc check-field: --kind không hợp lệ (invalid --kind)");
        return 2;
    };
    let today = match today {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cchc check-field: {e}");
            return 2;
        }
    };
    let result = check_value(kind, &args.value, today, Lang::from_tag(&args.lang));
    match serde_json::to_string(&result) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("cchc check-field: {e}");
            return 2;
        }
    }
    if result.valid {
        0
    } else {
        1
    }
}
