//! `cchc sheet`: printable procedure sheets (one, or a booklet of a field, an agency or all) as
//! one self-contained HTML file, for counters and post offices.
//!
//! A thin shell: the layout is `cchc_widgets::sheet::build` (the same the browser's print module
//! draws), the HTML is `sheet::html`. This file finds the procedures, reads their details through
//! `details_url` (relative to the data file, as the widget fetches them) and the contacts file,
//! and says in Vietnamese what is wrong.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use cchc_widgets::contacts::Contacts;
use cchc_widgets::i18n::Lang;
use cchc_widgets::sheet::{self, html, Inputs};
use cchc_widgets::text::fold;
use cchc_widgets::tthc::{Catalog, Details, DetailsMap, Procedure};

/// Write printable procedure sheets (HTML, A4) with QR codes and hotlines.
#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["code", "field", "agency", "all"])))]
pub struct Args {
    /// tthc.json (details inline or in the files its `details_url` name, relative to it).
    #[arg(long)]
    data: PathBuf,
    /// One procedure, by its code (e.g. 1.001193).
    #[arg(long)]
    code: Option<String>,
    /// A booklet of every procedure of this field (lĩnh vực), e.g. "Hộ tịch".
    #[arg(long)]
    field: Option<String>,
    /// A booklet of every procedure this agency carries out (cơ quan thực hiện).
    #[arg(long)]
    agency: Option<String>,
    /// A booklet of every procedure.
    #[arg(long)]
    all: bool,
    /// The agency's contacts file (lien-he.json): hotlines and one-stop centres on each sheet.
    #[arg(long)]
    contacts: Option<PathBuf>,
    /// The date the data was published (YYYY-MM-DD); default: `published` in the data file,
    /// else the data file's modification date.
    #[arg(long)]
    published: Option<String>,
    /// Where to write the HTML (`-` for stdout).
    #[arg(short, long)]
    output: PathBuf,
}

/// The national exports are large; the command line reads them whole.
const CLI_MAX_BYTES: usize = 512 * 1024 * 1024;

pub fn run(args: Args) -> u8 {
    match sheets(&args) {
        Ok(n) => {
            if args.output != Path::new("-") {
                eprintln!("Đã ghi {n} phiếu vào {}", args.output.display());
            }
            0
        }
        Err(e) => {
            eprintln!("cchc sheet: {e}");
            1
        }
    }
}

fn sheets(args: &Args) -> Result<usize, String> {
    let data = &args.data;
    let text = std::fs::read_to_string(data)
        .map_err(|e| format!("không đọc được tệp dữ liệu {}: {e}", data.display()))?;
    let (catalog, _warnings) = Catalog::from_json_str_with_limit(&text, CLI_MAX_BYTES)
        .map_err(|e| format!("{}: {}", data.display(), e.message(Lang::Vi)))?;
    let published = args
        .published
        .clone()
        .or_else(|| sheet::published_of(&text))
        .or_else(|| modified(data));
    let contacts = match &args.contacts {
        Some(path) => {
            let t = std::fs::read_to_string(path)
                .map_err(|e| format!("không đọc được tệp liên hệ {}: {e}", path.display()))?;
            Some(Contacts::parse(&t).map_err(|e| {
                format!(
                    "tệp liên hệ {} có lỗi: {} (kiểm tra bằng: cchc check {})",
                    path.display(),
                    e.message(Lang::Vi),
                    path.display()
                )
            })?)
        }
        None => None,
    };
    let (chosen, title) = choose(&catalog, args)?;
    let mut files: HashMap<String, DetailsMap> = HashMap::new();
    let read = cchc_widgets::check::details_beside(data);
    let mut built = Vec::with_capacity(chosen.len());
    for p in &chosen {
        let details = details_of(p, &read, &mut files)?;
        let points = contacts
            .as_ref()
            .map(|c| c.for_procedure(&p.agencies, p.field.as_deref()));
        built.push(sheet::build(
            p,
            Inputs {
                details: details.as_ref(),
                contact: points.as_ref(),
                example_contacts: contacts.as_ref().is_some_and(|c| c.example),
                published: published.as_deref(),
                source: catalog.agency(),
            },
        ));
    }
    let out = match (&title, built.as_slice()) {
        (None, [one]) => html::document(one),
        (Some(t), _) => {
            let sub = published
                .as_deref()
                .map(|d| format!("Dữ liệu công bố ngày {}", sheet::printed_date(d)));
            html::booklet(t, sub.as_deref(), &built)
        }
        (None, _) => html::booklet("Thủ tục hành chính", None, &built),
    };
    if args.output == Path::new("-") {
        print!("{out}");
    } else {
        std::fs::write(&args.output, out)
            .map_err(|e| format!("không ghi được {}: {e}", args.output.display()))?;
    }
    Ok(built.len())
}

/// The procedures asked for, and the booklet's title (`None` for one sheet).
fn choose<'a>(
    catalog: &'a Catalog,
    args: &Args,
) -> Result<(Vec<&'a Procedure>, Option<String>), String> {
    let all = catalog.procedures();
    if let Some(code) = &args.code {
        let code = code.trim();
        return match catalog.find_code(code).and_then(|i| catalog.procedure(i)) {
            Some(p) => Ok((vec![p], None)),
            None => Err(unknown_code(all, code)),
        };
    }
    if args.all {
        return Ok((all.iter().collect(), Some("Bộ thủ tục hành chính".into())));
    }
    let (what, wanted, get): (&str, &str, ValuesOf) =
        if let Some(f) = &args.field {
            ("lĩnh vực", f, |p| p.field.as_deref().into_iter().collect())
        } else if let Some(a) = &args.agency {
            ("cơ quan", a, |p| p.agencies.iter().map(String::as_str).collect())
        } else {
            return Err("chọn --code, --field, --agency hoặc --all".into());
        };
    let key = fold(wanted.trim());
    let chosen: Vec<&Procedure> = all
        .iter()
        .filter(|p| get(p).iter().any(|v| fold(v) == key))
        .collect();
    if chosen.is_empty() {
        let mut names: Vec<&str> = all.iter().flat_map(get).collect();
        names.sort_unstable();
        names.dedup();
        let mut close: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| {
                let f = fold(n);
                f.contains(&key) || key.contains(&f)
            })
            .take(8)
            .collect();
        if close.is_empty() {
            close = names.iter().copied().take(8).collect();
        }
        return Err(format!(
            "không có thủ tục nào thuộc {what} \"{wanted}\". Có thể là: {}",
            close.join("; ")
        ));
    }
    let title = if args.field.is_some() {
        format!("Thủ tục hành chính lĩnh vực {wanted}")
    } else {
        format!("Thủ tục hành chính do {wanted} thực hiện")
    };
    Ok((chosen, Some(title)))
}

/// The values of a procedure a booklet is chosen by (its field, or its agencies).
type ValuesOf = fn(&Procedure) -> Vec<&str>;

/// "No such code", with the codes closest to it (one or two characters apart, or sharing the
/// start).
fn unknown_code(all: &[Procedure], code: &str) -> String {
    let mut close: Vec<(usize, &str)> = all
        .iter()
        .map(|p| (edits(&p.code, code), p.code.as_str()))
        .filter(|(d, c)| *d <= 2 || (code.len() >= 5 && c.starts_with(code)))
        .collect();
    close.sort();
    let list: Vec<String> = close
        .iter()
        .take(5)
        .filter_map(|(_, c)| {
            let p = all.iter().find(|p| p.code == *c)?;
            Some(format!("{c} ({})", p.name))
        })
        .collect();
    if list.is_empty() {
        format!("không có thủ tục mã \"{code}\" trong tệp dữ liệu")
    } else {
        format!(
            "không có thủ tục mã \"{code}\". Có phải: {}?",
            list.join("; ")
        )
    }
}

/// Levenshtein distance over characters (codes are short).
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// A procedure's details: inline, or its entry in the `details_url` file (read once per file).
fn details_of(
    p: &Procedure,
    read: &impl Fn(&str) -> Option<Result<String, String>>,
    files: &mut HashMap<String, DetailsMap>,
) -> Result<Option<Details>, String> {
    if let Some(d) = &p.details {
        return Ok(Some(d.clone()));
    }
    let Some(url) = &p.details_url else {
        return Ok(None);
    };
    if !files.contains_key(url) {
        let text = match read(url) {
            Some(Ok(t)) => t,
            Some(Err(e)) => {
                return Err(format!(
                    "thiếu tệp chi tiết của thủ tục {} (details_url \"{url}\"): {e}",
                    p.code
                ))
            }
            None => {
                return Err(format!(
                    "tệp chi tiết của thủ tục {} là địa chỉ trên máy chủ (\"{url}\"), không đọc được từ đây: chạy lệnh với bản sao thư mục dữ liệu",
                    p.code
                ))
            }
        };
        let map = Details::parse_file(&text).map_err(|e| {
            format!(
                "tệp chi tiết \"{url}\" (của thủ tục {}) có lỗi: {}",
                p.code,
                e.message(Lang::Vi)
            )
        })?;
        files.insert(url.clone(), map);
    }
    Ok(files.get(url).and_then(|m| m.get(&p.code)).cloned())
}

/// The file's modification date (Vietnam's day, UTC+7), `YYYY-MM-DD`.
fn modified(path: &Path) -> Option<String> {
    let t = std::fs::metadata(path).ok()?.modified().ok()?;
    let secs = t.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs() + 7 * 3600;
    let days = i64::try_from(secs / 86_400).ok()?;
    let d = cchc_widgets::date::Date::from_days_since_epoch(days);
    Some(format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()))
}

#[cfg(test)]
mod tests {
    use super::edits;

    #[test]
    fn edit_distance() {
        assert_eq!(edits("1.001193", "1.001193"), 0);
        assert_eq!(edits("1.001193", "1.00193"), 1);
        assert_eq!(edits("1.001193", "1.001139"), 2);
    }
}
