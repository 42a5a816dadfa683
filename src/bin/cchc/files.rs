//! Files several subcommands share: reading a form's schema, and replacing a published file.

use std::path::Path;

use cchc_widgets::feedback::Schema;
use cchc_widgets::i18n::Lang;

/// Reads and checks a `phan-anh.json`; the error names the file and every problem.
pub fn read_schema(path: &Path) -> Result<Schema, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Schema::from_json(&text).map_err(|errs| {
        let list: Vec<String> = errs.iter().map(|e| e.message(Lang::Vi)).collect();
        format!("{}: {}", path.display(), list.join("; "))
    })
}

/// Writes `text` beside `path`, then renames it over `path`: a portal serving the file never
/// sees half of it, and a failed write leaves the old file as it was.
pub fn replace(path: &Path, text: &str) -> Result<(), String> {
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, text)
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| format!("{}: {e}", path.display()))
}
