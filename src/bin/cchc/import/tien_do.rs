//! `cchc import tien-do`: a quarterly progress report (báo cáo CCHC định kỳ) into chi-tieu.json.
//!
//! Agencies report their plan's progress every quarter in a spreadsheet: the task's number as in
//! the plan's appendix, its progress ("Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện"), the
//! completion date, the evidence (document number or link) and a note. Each row becomes a report
//! in the task's `reports` history (an earlier report is never overwritten), the task's current
//! `progress`, `completed_on` and `evidence_url` follow the latest report, and the plan's
//! `reported_on` becomes the report's date: the tracker then judges past-due tasks as of it
//! (issue 11). Every problem is reported with its row and column and nothing is written unless
//! the whole sheet is right.

use std::path::PathBuf;

use cchc_widgets::date::Date;
use cchc_widgets::json::Value;
use cchc_widgets::text::fold;

use super::table::{read_csv, read_xlsx, Row};

/// `cchc import tien-do`.
#[derive(clap::Args)]
pub struct Args {
    /// The filled progress sheet (.xlsx, .xls, .ods or .csv).
    #[arg(required_unless_present = "template")]
    file: Option<PathBuf>,
    /// The chi-tieu.json to update (in place).
    #[arg(long)]
    into: PathBuf,
    /// The day the report was made (yyyy-mm-dd).
    #[arg(long, required_unless_present = "template")]
    reported_on: Option<String>,
    /// The agency's `id` when the file has several.
    #[arg(long)]
    agency: Option<String>,
    /// The plan's `id` when the agency has several.
    #[arg(long)]
    plan: Option<String>,
    /// Write an empty report sheet for the plan's tasks to this .xlsx instead.
    #[arg(long)]
    template: Option<PathBuf>,
}

/// The sheet's columns: (header, width).
const COLUMNS: &[(&str, f64)] = &[
    ("Số thứ tự nhiệm vụ", 12.0),
    ("Nhiệm vụ", 60.0),
    ("Thời hạn", 16.0),
    ("Chủ trì", 24.0),
    ("Tiến độ", 20.0),
    ("Ngày hoàn thành", 14.0),
    ("Văn bản, minh chứng", 30.0),
    ("Ghi chú", 30.0),
];

/// Progress words as staff write them, folded, and the stored value.
const PROGRESS: &[(&str, &str)] = &[
    ("da hoan thanh", "done"),
    ("hoan thanh", "done"),
    ("dang thuc hien", "in_progress"),
    ("dang trien khai", "in_progress"),
    ("chua thuc hien", "planned"),
    ("chua trien khai", "planned"),
    ("khong thuc hien", "cancelled"),
    ("da huy", "cancelled"),
    ("done", "done"),
    ("in_progress", "in_progress"),
    ("planned", "planned"),
    ("cancelled", "cancelled"),
];

pub fn run(args: Args) -> u8 {
    match run_inner(&args) {
        Ok(msg) => {
            eprintln!("{msg}");
            0
        }
        Err((code, msg)) => {
            eprintln!("{msg}");
            code
        }
    }
}

type Failure = (u8, String);

fn run_inner(args: &Args) -> Result<String, Failure> {
    let text = std::fs::read_to_string(&args.into)
        .map_err(|e| (1, format!("{}: {e}", args.into.display())))?;
    let mut doc = cchc_widgets::json::parse(text.trim_start_matches('\u{feff}'))
        .map_err(|e| (1, format!("{}: {e}", args.into.display())))?;
    // The plan the report is about: (agency index, plan index).
    let (ai, pi) = find_plan(&doc, args.agency.as_deref(), args.plan.as_deref())
        .map_err(|e| (2, format!("cchc import tien-do: {e}")))?;
    if let Some(out) = &args.template {
        let tasks = tasks_of(&doc, ai, pi);
        write_template(out, &tasks).map_err(|e| (1, format!("{}: {e}", out.display())))?;
        return Ok(format!(
            "{} nhiệm vụ → {} (mẫu báo cáo tiến độ / progress report template)",
            tasks.len(),
            out.display()
        ));
    }
    let (Some(file), Some(reported)) = (&args.file, &args.reported_on) else {
        return Err((2, "cchc import tien-do: FILE and --reported-on are required".into()));
    };
    let reported_on = Date::parse_iso(reported).ok_or_else(|| {
        (2, format!("--reported-on: cần yyyy-mm-dd (expected yyyy-mm-dd), got {reported:?}"))
    })?;
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let rows = match ext.as_str() {
        "csv" => read_csv(file),
        _ => read_xlsx(file, None),
    }
    .map_err(|e| (1, format!("{}: {e}", file.display())))?;
    let tasks = tasks_of(&doc, ai, pi);
    let updates = read_rows(&rows, &tasks, reported_on).map_err(|problems| {
        let mut out: Vec<String> = problems
            .iter()
            .map(|(row, col, msg)| format!("{}: dòng {row}, cột {col}: {msg}", file.display()))
            .collect();
        out.push(format!(
            "cchc import tien-do: {} lỗi; {} không bị thay đổi (nothing applied)",
            problems.len(),
            args.into.display()
        ));
        (1, out.join("\n"))
    })?;
    let conflicts = apply(&mut doc, ai, pi, &updates, reported_on);
    if !conflicts.is_empty() {
        let mut out: Vec<String> = conflicts
            .iter()
            .map(|(row, msg)| format!("{}: dòng {row}: {msg}", file.display()))
            .collect();
        out.push(format!(
            "cchc import tien-do: {} lỗi; {} không bị thay đổi (nothing applied)",
            conflicts.len(),
            args.into.display()
        ));
        return Err((1, out.join("\n")));
    }
    crate::files::publish(&args.into, &pretty(&doc)).map_err(|e| (1, e))?;
    Ok(format!(
        "{} nhiệm vụ có báo cáo ngày {} → {} (tasks reported)",
        updates.len(),
        reported_on.to_vi(),
        args.into.display()
    ))
}

fn find_plan(doc: &Value, agency: Option<&str>, plan: Option<&str>) -> Result<(usize, usize), String> {
    let agencies = doc
        .get("agencies")
        .and_then(Value::as_array)
        .ok_or("the file has no \"agencies\": is it a chi-tieu.json?")?;
    let with_plans: Vec<usize> = (0..agencies.len())
        .filter(|i| {
            agencies[*i]
                .get("plans")
                .and_then(Value::as_array)
                .is_some_and(|p| !p.is_empty())
        })
        .filter(|i| agency.is_none_or(|a| agencies[*i].get("id").and_then(Value::as_str) == Some(a)))
        .collect();
    let ai = match with_plans[..] {
        [one] => one,
        [] => return Err(format!("no agency with a plan{}", agency.map_or(String::new(), |a| format!(" and id {a:?}")))),
        _ => return Err("several agencies have plans: name one with --agency ID".into()),
    };
    let plans = agencies[ai].get("plans").and_then(Value::as_array).unwrap_or(&[]);
    let matching: Vec<usize> = (0..plans.len())
        .filter(|i| plan.is_none_or(|p| plans[*i].get("id").and_then(Value::as_str) == Some(p)))
        .collect();
    match matching[..] {
        [one] => Ok((ai, one)),
        [] => Err(format!("no plan with id {:?}", plan.unwrap_or(""))),
        _ => Err("the agency has several plans: name one with --plan ID".into()),
    }
}

/// `(id, text, deadline, lead, completed reports' dates)` of the plan's tasks.
struct TaskInfo {
    id: String,
    text: String,
    deadline: String,
    lead: String,
}

fn tasks_of(doc: &Value, ai: usize, pi: usize) -> Vec<TaskInfo> {
    let s = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    doc.get("agencies")
        .and_then(Value::as_array)
        .and_then(|a| a.get(ai))
        .and_then(|a| a.get("plans"))
        .and_then(Value::as_array)
        .and_then(|p| p.get(pi))
        .and_then(|p| p.get("tasks"))
        .and_then(Value::as_array)
        .unwrap_or(&[])
        .iter()
        .map(|t| TaskInfo {
            id: s(t, "id"),
            text: [s(t, "task"), s(t, "activity")]
                .into_iter()
                .filter(|x| !x.is_empty())
                .collect::<Vec<_>>()
                .join(" — "),
            deadline: s(t, "deadline_text"),
            lead: s(t, "lead"),
        })
        .collect()
}

/// "2.1" of "2.1. Ban hành Kế hoạch …" (the number the plan's appendix gives the task).
fn appendix_number(text: &str) -> Option<&str> {
    let end = text.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
    let n = text[..end].trim_end_matches('.');
    (!n.is_empty() && n.starts_with(|c: char| c.is_ascii_digit())).then_some(n)
}

/// One task's report from the sheet.
struct Update {
    row: usize,
    id: String,
    progress: &'static str,
    completed_on: Option<Date>,
    evidence: String,
    note: String,
}

type Problem = (usize, String, String);

fn read_rows(rows: &[Row], tasks: &[TaskInfo], reported_on: Date) -> Result<Vec<Update>, Vec<Problem>> {
    let key = |s: &str| fold(s.trim()).replace([' ', ',', '.'], "");
    let header_at = rows.iter().take(20).position(|r| {
        r.cells
            .iter()
            .any(|c| key(c).starts_with("sothutu") || key(c) == "stt" || key(c) == "manhiemvu")
    });
    let Some(h) = header_at else {
        return Err(vec![(1, "A".into(), "không thấy dòng tiêu đề có cột “Số thứ tự nhiệm vụ” (no header row)".into())]);
    };
    let header = &rows[h];
    let col = |names: &[&str]| {
        header
            .cells
            .iter()
            .position(|c| names.iter().any(|n| key(c).starts_with(&key(n))))
    };
    let c_id = col(&["Số thứ tự", "STT", "Mã nhiệm vụ"]);
    let c_progress = col(&["Tiến độ", "Kết quả thực hiện", "Tình trạng"]);
    let c_done = col(&["Ngày hoàn thành"]);
    let c_evidence = col(&["Văn bản", "Minh chứng"]);
    let c_note = col(&["Ghi chú"]);
    let (Some(c_id), Some(c_progress)) = (c_id, c_progress) else {
        return Err(vec![(header.line, "-".into(), "thiếu cột “Số thứ tự nhiệm vụ” hoặc “Tiến độ” (missing column)".into())]);
    };
    let letter = crate::answers::column_letter;
    let mut problems: Vec<Problem> = Vec::new();
    let mut out: Vec<Update> = Vec::new();
    for row in rows.iter().skip(h + 1) {
        if row.is_blank() {
            continue;
        }
        let id = row.cell(c_id).trim_end_matches('.').to_string();
        let progress_text = row.cell(c_progress);
        if progress_text.is_empty() && c_done.is_none_or(|c| row.cell(c).is_empty()) {
            continue; // not reported in this sheet
        }
        let mut fail = |c: usize, msg: String| problems.push((row.line, letter(c), msg));
        // The task's id, or its number in the plan's appendix ("2.1" of "2.1. Ban hành …").
        let id = if tasks.iter().any(|t| t.id == id) {
            id
        } else {
            let numbered: Vec<&TaskInfo> = tasks.iter().filter(|t| appendix_number(&t.text) == Some(id.as_str())).collect();
            match numbered[..] {
                [one] => one.id.clone(),
                [] => {
                    fail(c_id, format!("nhiệm vụ “{id}” không có trong kế hoạch (no task with this number)"));
                    continue;
                }
                _ => {
                    fail(c_id, format!("số “{id}” ứng với {} dòng của kế hoạch; ghi mã nhiệm vụ như trong mẫu (`--template`) (ambiguous)", numbered.len()));
                    continue;
                }
            }
        };
        if out.iter().any(|u| u.id == id) {
            fail(c_id, format!("nhiệm vụ “{id}” có hai dòng (repeated task)"));
            continue;
        }
        let Some(progress) = PROGRESS.iter().find(|(w, _)| key(w) == key(progress_text)).map(|(_, v)| *v) else {
            fail(
                c_progress,
                format!("tiến độ “{progress_text}”: ghi “Đã hoàn thành”, “Đang thực hiện” hoặc “Chưa thực hiện”"),
            );
            continue;
        };
        let completed_on = match c_done.map(|c| (c, row.cell(c))) {
            Some((_, "")) | None => None,
            Some((c, text)) => match crate::answers::parse_sheet_date(text) {
                Some(d) if d > reported_on => {
                    fail(c, format!("ngày hoàn thành {} sau ngày báo cáo {} (after the report date)", d.to_vi(), reported_on.to_vi()));
                    continue;
                }
                Some(d) => Some(d),
                None => {
                    fail(c, format!("ngày “{text}” không hợp lệ; dùng dd/mm/yyyy (invalid date)"));
                    continue;
                }
            },
        };
        if completed_on.is_some() && progress != "done" {
            fail(c_progress, "có ngày hoàn thành nhưng tiến độ không phải “Đã hoàn thành” (conflicting)".into());
            continue;
        }
        out.push(Update {
            row: row.line,
            id,
            progress,
            completed_on,
            evidence: c_evidence.map(|c| row.cell(c).to_string()).unwrap_or_default(),
            note: c_note.map(|c| row.cell(c).to_string()).unwrap_or_default(),
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Adds each report to its task's history and updates the task and the plan; returns conflicts
/// with an earlier report (then the caller writes nothing).
fn apply(doc: &mut Value, ai: usize, pi: usize, updates: &[Update], reported_on: Date) -> Vec<(usize, String)> {
    let mut conflicts = Vec::new();
    let Some(plan) = obj_at(doc, ai, pi) else {
        return vec![(0, "the plan disappeared".into())];
    };
    let iso = reported_on.to_iso();
    if let Value::Obj(members) = plan {
        // The plan's latest report date.
        let later = match members.iter().find(|(k, _)| k == "reported_on") {
            Some((_, Value::Str(d))) => d.as_str() < iso.as_str(),
            _ => true,
        };
        if later {
            set(members, "reported_on", Value::Str(iso.clone()));
        }
        let Some((_, Value::Arr(tasks))) = members.iter_mut().find(|(k, _)| k == "tasks") else {
            return conflicts;
        };
        for u in updates {
            let Some(Value::Obj(task)) = tasks
                .iter_mut()
                .find(|t| t.get("id").and_then(Value::as_str) == Some(u.id.as_str()))
            else {
                continue;
            };
            let mut report = vec![
                ("reported_on".to_string(), Value::Str(iso.clone())),
                ("progress".to_string(), Value::Str(u.progress.into())),
            ];
            if let Some(d) = u.completed_on {
                report.push(("completed_on".into(), Value::Str(d.to_iso())));
            }
            if !u.evidence.is_empty() {
                report.push(("evidence".into(), Value::Str(u.evidence.clone())));
            }
            if !u.note.is_empty() {
                report.push(("note".into(), Value::Str(u.note.clone())));
            }
            let report = Value::Obj(report);
            if !task.iter().any(|(k, _)| k == "reports") {
                task.push(("reports".into(), Value::Arr(Vec::new())));
            }
            let Some((_, Value::Arr(history))) = task.iter_mut().find(|(k, _)| k == "reports") else {
                continue;
            };
            let same_day = history
                .iter()
                .position(|r| r.get("reported_on").and_then(Value::as_str) == Some(iso.as_str()));
            match same_day {
                Some(i) if history[i] == report => {} // the same sheet imported again
                Some(_) => {
                    conflicts.push((
                        u.row,
                        format!(
                            "nhiệm vụ “{}” đã có báo cáo ngày {} với nội dung khác; báo cáo trước không bị ghi đè (an earlier report differs)",
                            u.id,
                            reported_on.to_vi()
                        ),
                    ));
                    continue;
                }
                None => history.push(report),
            }
            // The task's current state follows its latest report.
            let latest = history
                .iter()
                .filter_map(|r| r.get("reported_on").and_then(Value::as_str).map(|d| (d.to_string(), r.clone())))
                .max_by(|a, b| a.0.cmp(&b.0))
                .map(|(_, r)| r);
            if let Some(r) = latest {
                if let Some(p) = r.get("progress").cloned() {
                    set(task, "progress", p);
                }
                if let Some(c) = r.get("completed_on").cloned() {
                    set(task, "completed_on", c);
                }
                if let Some(Value::Str(e)) = r.get("evidence") {
                    if e.starts_with("http://") || e.starts_with("https://") {
                        set(task, "evidence_url", Value::Str(e.clone()));
                    }
                }
            }
        }
    }
    conflicts
}

fn obj_at(doc: &mut Value, ai: usize, pi: usize) -> Option<&mut Value> {
    let Value::Obj(root) = doc else { return None };
    let (_, Value::Arr(agencies)) = root.iter_mut().find(|(k, _)| k == "agencies")? else {
        return None;
    };
    let Value::Obj(agency) = agencies.get_mut(ai)? else { return None };
    let (_, Value::Arr(plans)) = agency.iter_mut().find(|(k, _)| k == "plans")? else {
        return None;
    };
    plans.get_mut(pi)
}

fn set(members: &mut Vec<(String, Value)>, key: &str, value: Value) {
    match members.iter_mut().find(|(k, _)| k == key) {
        Some((_, v)) => *v = value,
        None => members.push((key.to_string(), value)),
    }
}

/// JSON with one space of indent per level, as the demo's chi-tieu.json is written.
fn pretty(v: &Value) -> String {
    fn go(v: &Value, depth: usize, out: &mut String) {
        let pad = |d: usize| " ".repeat(d);
        match v {
            Value::Arr(items) if !items.is_empty() => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    out.push_str(&pad(depth + 1));
                    go(item, depth + 1, out);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(depth));
                out.push(']');
            }
            Value::Obj(members) if !members.is_empty() => {
                out.push_str("{\n");
                for (i, (k, item)) in members.iter().enumerate() {
                    out.push_str(&pad(depth + 1));
                    cchc_widgets::json::write_str(out, k);
                    out.push_str(": ");
                    go(item, depth + 1, out);
                    out.push_str(if i + 1 < members.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(depth));
                out.push('}');
            }
            other => out.push_str(&other.to_json()),
        }
    }
    let mut out = String::new();
    go(v, 0, &mut out);
    out.push('\n');
    out
}

fn write_template(out: &std::path::Path, tasks: &[TaskInfo]) -> Result<(), String> {
    use rust_xlsxwriter::{DataValidation, Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Tiến độ").map_err(|e| e.to_string())?;
    let head = Format::new().set_bold().set_text_wrap().set_background_color("D9E2F3");
    let fill = Format::new().set_text_wrap().set_background_color("FFF2CC");
    let text = Format::new().set_text_wrap();
    let date = fill.clone().set_num_format("@");
    for (c, (name, width)) in COLUMNS.iter().enumerate() {
        ws.write_with_format(0, c as u16, *name, &head).map_err(|e| e.to_string())?;
        ws.set_column_width(c as u16, *width).map_err(|e| e.to_string())?;
    }
    ws.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
    for (i, t) in tasks.iter().enumerate() {
        let r = i as u32 + 1;
        for (c, (v, f)) in [(&t.id, &text), (&t.text, &text), (&t.deadline, &text), (&t.lead, &text)].iter().enumerate() {
            ws.write_with_format(r, c as u16, v.as_str(), f).map_err(|e| e.to_string())?;
        }
        for c in 4..8u16 {
            let f = if c == 5 { &date } else { &fill };
            ws.write_with_format(r, c, "", f).map_err(|e| e.to_string())?;
        }
    }
    let last = tasks.len().max(1) as u32;
    let list = DataValidation::new()
        .allow_list_strings(&["Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Không thực hiện"])
        .map_err(|e| e.to_string())?;
    ws.add_data_validation(1, 4, last, 4, &list).map_err(|e| e.to_string())?;
    wb.save(out).map_err(|e| e.to_string())
}
