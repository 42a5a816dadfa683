//! `cchc check` (stub until its issue lands).

/// Arguments (none yet).
#[derive(clap::Args)]
pub struct Args {
    /// Anything; ignored until the subcommand lands.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    rest: Vec<String>,
}

pub fn run(_args: Args) -> u8 {
    crate::not_yet("check")
}
