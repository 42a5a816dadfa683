//! `cchc import chi-tieu`: a plan's task framework (the appendix "Khung nhiệm vụ": Mục tiêu/Chỉ
//! tiêu | Nhiệm vụ | Hoạt động | Kết quả | Chủ trì | Phối hợp | Thời gian | Kinh phí) from XLSX or
//! CSV into `chi-tieu.json`.
//!
//! Layout facts from the real plans: section rows ("I | CẢI CÁCH THỂ CHẾ") name the reform area;
//! merged cells leave the objective and task empty on the rows below them (filled down here);
//! deadlines and targets stay in the plan's words and are parsed by the tracker's own parsers, and
//! every phrase they cannot read is listed, never guessed.

use std::path::PathBuf;

use cchc_widgets::check::Kind;
use cchc_widgets::i18n::Lang;
use cchc_widgets::text::fold;
use cchc_widgets::tracker::{parse_deadline, parse_target};
use serde_json::{json, Map, Value};

use super::table::{self, Column, Row};
use super::InputFormat;

static COLUMNS: &[Column] = &[
    Column {
        name: "tt",
        exact: &["tt", "stt", "so tt"],
        prefixes: &[],
    },
    Column {
        name: "objective",
        exact: &["muc tieu", "chi tieu", "objective"],
        prefixes: &["muc tieu", "chi tieu"],
    },
    Column {
        name: "task",
        exact: &["nhiem vu", "task"],
        prefixes: &["nhiem vu"],
    },
    Column {
        name: "activity",
        exact: &["hoat dong", "activity"],
        prefixes: &["hoat dong", "noi dung"],
    },
    Column {
        name: "output",
        exact: &["ket qua", "san pham", "output"],
        prefixes: &["ket qua", "san pham"],
    },
    Column {
        name: "lead",
        exact: &["chu tri", "co quan chu tri", "lead"],
        prefixes: &["chu tri", "co quan chu tri"],
    },
    Column {
        name: "co_owners",
        exact: &["phoi hop", "co quan phoi hop", "co_owners"],
        prefixes: &["phoi hop", "co quan phoi hop"],
    },
    Column {
        name: "deadline",
        exact: &["thoi gian", "thoi han", "deadline"],
        prefixes: &["thoi gian", "thoi han"],
    },
    Column {
        name: "budget",
        exact: &["kinh phi", "budget"],
        prefixes: &["kinh phi"],
    },
    Column {
        name: "area",
        exact: &["linh vuc", "area"],
        prefixes: &[],
    },
];

/// A plan's task framework (XLSX or CSV) into chi-tieu.json.
#[derive(clap::Args)]
pub struct Args {
    /// The spreadsheet (.xlsx or .csv).
    input: PathBuf,
    /// Where to write chi-tieu.json (`-` for stdout).
    #[arg(short, long)]
    output: PathBuf,
    /// Column mapping: "Header=field,...", fields: tt, objective, task, activity, output, lead,
    /// co_owners, deadline, budget, area.
    #[arg(long)]
    map: Option<String>,
    /// Input format (default: from the extension).
    #[arg(long, value_enum)]
    from: Option<InputFormat>,
    /// Worksheet name (default: the first).
    #[arg(long)]
    sheet: Option<String>,
    /// The plan year (the year of "Quý I"); default: the year most deadlines name.
    #[arg(long)]
    year: Option<i32>,
    /// The agency's name ("UBND tỉnh Hà Tĩnh").
    #[arg(long, default_value = "Cơ quan (chưa đặt tên)")]
    agency: String,
    /// The plan's title (default: "Kế hoạch cải cách hành chính năm YEAR").
    #[arg(long)]
    title: Option<String>,
    /// The plan's document number ("3098/QĐ-UBND").
    #[arg(long)]
    number: Option<String>,
    /// Where the plan is published.
    #[arg(long)]
    source_url: Option<String>,
    /// Language of the report on stderr (vi, en).
    #[arg(long, default_value = "vi")]
    lang: String,
}

/// The reform area a section heading names.
fn area_of(heading: &str) -> Option<&'static str> {
    let f = fold(heading);
    let has = |w: &str| f.contains(w);
    Some(if has("the che") {
        "the_che"
    } else if has("thu tuc hanh chinh") {
        "tthc"
    } else if has("bo may") {
        "to_chuc_bo_may"
    } else if has("cong vu") {
        "cong_vu"
    } else if has("tai chinh") {
        "tai_chinh_cong"
    } else if has("dien tu") || has("chinh phu so") || has("chinh quyen so") || has("chuyen doi so")
    {
        "chinh_quyen_so"
    } else if has("tac dong") {
        "tac_dong"
    } else if has("trien khai") || has("chi dao") || has("dieu hanh") {
        "chi_dao_dieu_hanh"
    } else {
        return None;
    })
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 5 && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// A phrase the parsers could not read.
struct Unread {
    line: usize,
    column: &'static str,
    text: String,
}

#[derive(Default)]
struct Built {
    tasks: Vec<Value>,
    indicators: Vec<Value>,
    unread: Vec<Unread>,
    qualitative: usize,
    notes: Vec<String>,
}

pub fn run(args: Args) -> u8 {
    let Some(lang) = super::lang_of(&args.lang) else {
        eprintln!("cchc import: --lang: vi | en");
        return 2;
    };
    let input = args.input.display().to_string();
    let format = match super::input_format(&args.input, args.from) {
        Ok(InputFormat::Json) => {
            eprintln!("{input}: cần tệp XLSX hoặc CSV / an XLSX or CSV file is needed");
            return 2;
        }
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            return 2;
        }
    };
    let map = match &args.map {
        Some(spec) => match table::parse_map(spec, COLUMNS) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("{e}");
                return 2;
            }
        },
        None => Vec::new(),
    };
    let rows = match format {
        InputFormat::Xlsx => table::read_xlsx(&args.input, args.sheet.as_deref()),
        _ => table::read_csv(&args.input),
    };
    let rows = match rows {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{input}: {e}");
            return 1;
        }
    };
    let header = match table::find_header(&rows, COLUMNS, &map, &["task", "lead", "deadline"]) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("{input}: {e}");
            return 1;
        }
    };
    let data: Vec<&Row> = rows
        .iter()
        .skip(header.index + 1)
        .filter(|r| !r.is_blank())
        .collect();
    let Some(year) = args.year.or_else(|| common_year(&data, &header)) else {
        eprintln!(
            "{input}: {}",
            lang.pick(
                "không xác định được năm kế hoạch từ cột thời gian: thêm --year 2025",
                "cannot tell the plan year from the deadline column: add --year 2025",
            )
        );
        return 2;
    };
    let built = build(&data, &header, year);
    report(&input, &built, lang);
    let doc = document(&args, year, built);
    let text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    super::write_checked(&args.output, &text, Kind::ChiTieu, lang)
}

/// The year most deadline cells name.
fn common_year(rows: &[&Row], header: &table::Header) -> Option<i32> {
    let col = header.col("deadline")?;
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for r in rows {
        let cell = r.cell(col);
        let digits: Vec<char> = cell.chars().collect();
        for w in digits.windows(4) {
            let s: String = w.iter().collect();
            if let Ok(y @ 2000..=2100) = s.parse::<i32>() {
                match counts.iter_mut().find(|(c, _)| *c == y) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((y, 1)),
                }
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|(y, n)| (*n, *y))
        .map(|(y, _)| y)
}

fn build(rows: &[&Row], header: &table::Header, year: i32) -> Built {
    let get = |r: &Row, name: &str| {
        header
            .col(name)
            .map_or(String::new(), |i| r.cell(i).to_string())
    };
    let mut b = Built::default();
    let mut area: Option<&'static str> = None;
    let mut section = String::from("0");
    let (mut n_in_section, mut objective, mut task) = (0usize, String::new(), String::new());
    let mut seen_objectives: Vec<String> = Vec::new();
    let cols = [
        "objective",
        "task",
        "activity",
        "output",
        "lead",
        "co_owners",
        "deadline",
        "budget",
    ];
    for r in rows {
        let tt = get(r, "tt");
        let filled: Vec<String> = cols
            .iter()
            .map(|c| get(r, c))
            .filter(|s| !s.is_empty())
            .collect();
        // A section row: "I | CẢI CÁCH THỂ CHẾ" (or a lone upper-case heading).
        let heading =
            filled.len() == 1 && (is_roman(&tt) || filled.iter().all(|s| s.to_uppercase() == *s));
        if heading {
            let text = filled.concat();
            match area_of(&text) {
                Some(a) => area = Some(a),
                None => b.notes.push(format!(
                    "dòng {}: đề mục không rõ lĩnh vực / heading with no known area: {text}",
                    r.line
                )),
            }
            section = if is_roman(&tt) {
                tt
            } else {
                format!("{}", b.tasks.len())
            };
            n_in_section = 0;
            objective.clear();
            task.clear();
            continue;
        }
        let (obj, tsk) = (get(r, "objective"), get(r, "task"));
        if !obj.is_empty() {
            objective = obj;
            task.clear();
        }
        if !tsk.is_empty() {
            task = tsk;
        }
        let activity = get(r, "activity");
        if task.is_empty() && activity.is_empty() {
            b.notes.push(format!(
                "dòng {}: bỏ, không có nhiệm vụ hay hoạt động / dropped, no task or activity",
                r.line
            ));
            continue;
        }
        let row_area = match area_of(&get(r, "area")).or(area) {
            Some(a) => a,
            None => {
                b.notes.push(format!("dòng {}: chưa có đề mục lĩnh vực phía trên, dùng chi_dao_dieu_hanh / no area heading above, using chi_dao_dieu_hanh", r.line));
                area = Some("chi_dao_dieu_hanh");
                "chi_dao_dieu_hanh"
            }
        };
        n_in_section += 1;
        let deadline = get(r, "deadline");
        let parsed = parse_deadline(&deadline, Some(year));
        if parsed.problem.is_some() {
            b.unread.push(Unread {
                line: r.line,
                column: "Thời gian",
                text: deadline.clone(),
            });
        }
        let mut t = Map::new();
        t.insert("id".into(), json!(format!("PL.{section}.{n_in_section}")));
        t.insert("area".into(), json!(row_area));
        for (key, val) in [
            ("objective", objective.clone()),
            ("task", task.clone()),
            ("activity", activity),
            ("output", get(r, "output")),
            ("lead", get(r, "lead")),
            ("co_owners", get(r, "co_owners")),
            ("deadline_text", deadline.clone()),
            ("budget", get(r, "budget")),
        ] {
            if !val.is_empty() {
                t.insert(key.into(), Value::String(val));
            }
        }
        t.insert("progress".into(), json!("planned"));
        b.tasks.push(Value::Object(t));
        if !objective.is_empty() && !seen_objectives.contains(&objective) {
            seen_objectives.push(objective.clone());
            indicator(&mut b, &objective, row_area, &deadline, r.line);
        }
    }
    b
}

/// An objective with a measurable target becomes an indicator; one with numbers that cannot be
/// read is listed; a purely qualitative one is counted.
fn indicator(b: &mut Built, objective: &str, area: &str, deadline: &str, line: usize) {
    // "1.2. Cải thiện …": the numbering is not a number of the target.
    let text = strip_numbering(objective);
    let target = parse_target(text);
    if !target.parts.is_empty() {
        let mut ind = Map::new();
        ind.insert("id".into(), json!(format!("CT.{}", b.indicators.len() + 1)));
        ind.insert("area".into(), json!(area));
        ind.insert("text".into(), json!(text));
        if !deadline.is_empty() && parse_deadline(deadline, None).problem.is_none() {
            ind.insert("deadline_text".into(), json!(deadline));
        }
        b.indicators.push(Value::Object(ind));
    } else if text.chars().any(|c| c.is_ascii_digit() || c == '%') {
        b.unread.push(Unread {
            line,
            column: "Mục tiêu/Chỉ tiêu",
            text: text.to_string(),
        });
    } else {
        b.qualitative += 1;
    }
}

/// Removes the plan's numbering ("1.2. ", "2.3 ") but not a leading figure ("100% …").
fn strip_numbering(s: &str) -> &str {
    let s = s.trim();
    let n = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let prefix = s.get(..n).unwrap_or("");
    let rest = s.get(n..).unwrap_or("");
    if prefix.contains('.') && rest.starts_with(char::is_whitespace) {
        rest.trim_start()
    } else {
        s
    }
}

fn report(input: &str, b: &Built, lang: Lang) {
    eprintln!(
        "{}",
        match lang {
            Lang::En => format!(
                "{input}: {} tasks, {} measurable targets, {} qualitative objectives (no number), {} phrases not understood",
                b.tasks.len(), b.indicators.len(), b.qualitative, b.unread.len()
            ),
            _ => format!(
                "{input}: {} nhiệm vụ, {} chỉ tiêu đo được, {} mục tiêu định tính (không có con số), {} cụm từ không đọc được",
                b.tasks.len(), b.indicators.len(), b.qualitative, b.unread.len()
            ),
        }
    );
    for u in &b.unread {
        let text = if u.text.is_empty() {
            lang.pick("(trống)", "(empty)")
        } else {
            &u.text
        };
        eprintln!(
            "  {}{}: {}: {text}",
            lang.pick("dòng ", "line "),
            u.line,
            u.column
        );
    }
    for n in &b.notes {
        eprintln!("  {n}");
    }
}

fn slug(s: &str) -> String {
    let f = fold(s);
    let words: Vec<String> = f
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        "co-quan".into()
    } else {
        words.join("-")
    }
}

fn document(args: &Args, year: i32, b: Built) -> Value {
    let mut plan = Map::new();
    plan.insert("id".into(), json!(format!("kh-{year}")));
    let title = args
        .title
        .clone()
        .unwrap_or_else(|| format!("Kế hoạch cải cách hành chính năm {year}"));
    plan.insert("title".into(), json!(title));
    if let Some(n) = &args.number {
        plan.insert("number".into(), json!(n));
    }
    plan.insert("year".into(), json!(year));
    if let Some(u) = &args.source_url {
        plan.insert("source_url".into(), json!(u));
    }
    plan.insert("indicators".into(), Value::Array(b.indicators));
    plan.insert("tasks".into(), Value::Array(b.tasks));
    json!({
        "format": "cchc-chi-tieu",
        "version": 1,
        "agencies": [{
            "id": slug(&args.agency),
            "name": args.agency,
            "plans": [Value::Object(plan)],
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_headings_name_areas() {
        assert_eq!(
            area_of("CÔNG TÁC TRIỂN KHAI CÁC NHIỆM VỤ CCHC"),
            Some("chi_dao_dieu_hanh")
        );
        assert_eq!(
            area_of("CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC"),
            Some("to_chuc_bo_may")
        );
        assert_eq!(
            area_of("XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH PHỦ ĐIỆN TỬ, CHÍNH PHỦ SỐ"),
            Some("chinh_quyen_so")
        );
        assert_eq!(area_of("CẢI CÁCH THỦ TỤC HÀNH CHÍNH"), Some("tthc"));
        assert_eq!(area_of("KHÁC"), None);
        assert_eq!(slug("UBND tỉnh Hà Tĩnh"), "ubnd-tinh-ha-tinh");
        assert_eq!(strip_numbering("1.2. Cải thiện"), "Cải thiện");
        assert_eq!(strip_numbering("2.3 Duy trì"), "Duy trì");
        assert_eq!(strip_numbering("100% TTHC"), "100% TTHC");
        assert!(is_roman("VII") && !is_roman("1") && !is_roman(""));
    }
}
