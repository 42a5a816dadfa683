//! `cchc import tien-do`: a quarterly progress report merged into chi-tieu.json, all or nothing,
//! and the tracker judging past-due tasks as of that report (issue 11).
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::Command;

const CCHC: &str = env!("CARGO_BIN_EXE_cchc");

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("cchc-tien-do-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn cchc(args: &[&str]) -> (i32, String, String) {
    let o = Command::new(CCHC).args(args).output().unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

const HEADER: &str = "Số thứ tự nhiệm vụ,Nhiệm vụ,Thời hạn,Chủ trì,Tiến độ,Ngày hoàn thành,\"Văn bản, minh chứng\",Ghi chú\n";

#[test]
fn a_progress_report_is_merged_once_and_the_tracker_judges_as_of_it() {
    let d = dir();
    let ct = d.join("chi-tieu.json");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/chi-tieu.json"),
        &ct,
    )
    .unwrap();
    let original = std::fs::read_to_string(&ct).unwrap();
    let ct_s = ct.to_str().unwrap();
    // The template lists the plan's 78 tasks with their ids.
    let tpl = d.join("mau.xlsx");
    let (code, _, err) = cchc(&[
        "import",
        "tien-do",
        "--into",
        ct_s,
        "--template",
        tpl.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("78 nhiệm vụ"), "{err}");
    // Problems: every one with its row and column, and the file untouched.
    let bad = d.join("sai.csv");
    std::fs::write(&bad, format!("{HEADER}PL.I.1,,,,Xong,,,\n9.9,,,,Đã hoàn thành,,,\nPL.I.2,,,,Đã hoàn thành,01/07/2025,,\n2.1,,,,Đang thực hiện,,,\n")).unwrap();
    let (code, _, err) = cchc(&[
        "import",
        "tien-do",
        bad.to_str().unwrap(),
        "--into",
        ct_s,
        "--reported-on",
        "2025-06-30",
    ]);
    assert_eq!(code, 1);
    for expected in [
        "dòng 2, cột E",
        "dòng 3, cột A",
        "dòng 4, cột F",
        "dòng 5, cột A",
    ] {
        assert!(err.contains(expected), "{expected}: {err}");
    }
    assert_eq!(
        std::fs::read_to_string(&ct).unwrap(),
        original,
        "nothing half-applied"
    );
    // The report: task PL.I.1 (due 12/2024) done, PL.I.4 (due 01/2025) still in progress.
    let good = d.join("bao-cao-q2.csv");
    std::fs::write(&good, format!("{HEADER}PL.I.1,,,,Đã hoàn thành,31/12/2024,Quyết định 3098/QĐ-UBND,\nPL.I.4,,,,Đang thực hiện,,,chậm do sắp xếp bộ máy\n")).unwrap();
    let (code, _, err) = cchc(&[
        "import",
        "tien-do",
        good.to_str().unwrap(),
        "--into",
        ct_s,
        "--reported-on",
        "2025-06-30",
    ]);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&ct).unwrap()).unwrap();
    let plan = &doc["agencies"][0]["plans"][0];
    assert_eq!(plan["reported_on"], "2025-06-30");
    assert_eq!(plan["tasks"][0]["progress"], "done");
    assert_eq!(
        plan["tasks"][0]["reports"][0]["evidence"],
        "Quyết định 3098/QĐ-UBND"
    );
    // The same sheet again changes nothing; a different one for the same day is refused.
    let before = std::fs::read_to_string(&ct).unwrap();
    let (code, _, _) = cchc(&[
        "import",
        "tien-do",
        good.to_str().unwrap(),
        "--into",
        ct_s,
        "--reported-on",
        "2025-06-30",
    ]);
    assert_eq!(code, 0);
    assert_eq!(std::fs::read_to_string(&ct).unwrap(), before);
    let other = d.join("khac.csv");
    std::fs::write(
        &other,
        format!("{HEADER}PL.I.4,,,,Đã hoàn thành,15/06/2025,,\n"),
    )
    .unwrap();
    let (code, _, err) = cchc(&[
        "import",
        "tien-do",
        other.to_str().unwrap(),
        "--into",
        ct_s,
        "--reported-on",
        "2025-06-30",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("báo cáo trước không bị ghi đè"), "{err}");
    assert_eq!(std::fs::read_to_string(&ct).unwrap(), before);
    // A later report is added to the history, never replacing the first.
    let (code, _, err) = cchc(&[
        "import",
        "tien-do",
        other.to_str().unwrap(),
        "--into",
        ct_s,
        "--reported-on",
        "2025-09-30",
    ]);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&ct).unwrap()).unwrap();
    let t2 = &doc["agencies"][0]["plans"][0]["tasks"][3];
    assert_eq!(t2["reports"].as_array().map(Vec::len), Some(2));
    assert_eq!(t2["progress"], "done");
    // The tracker: overdue only as of the report, unreported otherwise.
    let (code, out, _) = cchc(&[
        "tracker",
        "--data",
        ct_s,
        "--as-of",
        "2025-10-01",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let ev: serde_json::Value = serde_json::from_str(&out).unwrap();
    let tasks = ev["agencies"][0]["tasks"].as_array().unwrap();
    let state = |id: &str| {
        tasks
            .iter()
            .find(|t| t["id"] == id)
            .map(|t| t["state"].clone())
    };
    assert_eq!(state("PL.I.1"), Some("done".into()));
    assert_eq!(state("PL.I.4"), Some("done_late".into()));
    assert!(
        tasks.iter().any(|t| t["state"] == "overdue"),
        "tasks due before 30/09 and not done"
    );
    assert_eq!(ev["agencies"][0]["reported_on"], "2025-09-30");
    let (code, _, _) = cchc(&["check", ct_s]);
    assert_eq!(code, 0, "the file stays valid");
    let _ = std::fs::remove_dir_all(d);
}

/// The example plan and its three example quarterly reports (tests/fixtures/tien-do: made up,
/// and saying so), imported one after the other.
fn example_with_reports(d: &std::path::Path) -> PathBuf {
    let fx = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tien-do");
    let ct = d.join("chi-tieu.json");
    std::fs::copy(format!("{fx}/chi-tieu-vi-du.json"), &ct).unwrap();
    for (q, day) in [(1, "2025-03-14"), (2, "2025-06-14"), (3, "2025-09-14")] {
        let sheet = format!("{fx}/bao-cao-vi-du-quy-{q}.csv");
        let (code, _, err) = cchc(&[
            "import",
            "tien-do",
            &sheet,
            "--into",
            ct.to_str().unwrap(),
            "--reported-on",
            day,
        ]);
        assert_eq!(code, 0, "{err}");
    }
    ct
}

#[test]
fn after_the_imports_the_tracker_shows_the_year_quarter_by_quarter() {
    // Its own folder: `dir()` is emptied by the other test, which runs at the same time.
    let d = std::env::temp_dir().join(format!("cchc-tien-do-nam-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    let ct = example_with_reports(&d);
    let ct_s = ct.to_str().unwrap();
    // The widget's e2e page reads exactly this file.
    assert_eq!(
        std::fs::read_to_string(&ct).unwrap(),
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/e2e/pages/tracker-progress.json"
        ))
        .unwrap(),
        "tests/e2e/pages/tracker-progress.json is regenerated as tests/fixtures/tien-do/README.md says"
    );
    let run = |format: &str, extra: &[&str]| {
        let mut args = vec![
            "tracker",
            "--data",
            ct_s,
            "--as-of",
            "2025-09-20",
            "--format",
            format,
        ];
        args.extend_from_slice(extra);
        let (code, out, err) = cchc(&args);
        assert_eq!(code, 0, "{err}");
        out
    };
    // JSON: every task's state as of the report of 14/09, its history, the plan's quarters.
    let ev: serde_json::Value = serde_json::from_str(&run("json", &[])).unwrap();
    let a = &ev["agencies"][0];
    let states: Vec<(String, String)> = a["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap().into(),
                t["state"].as_str().unwrap().into(),
            )
        })
        .collect();
    let want = [
        ("VD.3", "overdue"),
        ("VD.7", "not_reported"),
        ("VD.6", "not_started"),
        ("VD.4", "recurring"),
        ("VD.2", "done_late"),
        ("VD.1", "done"),
        ("VD.5", "done"),
    ];
    assert_eq!(
        states,
        want.map(|(a, b)| (a.to_string(), b.to_string())).to_vec()
    );
    let vd2 = a["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "VD.2")
        .unwrap();
    let quarters: Vec<(u64, &str)> = vd2["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["quarter"].as_u64().unwrap(),
                h["progress"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(quarters, vec![(1, "in_progress"), (2, "done")]);
    let rows: Vec<Vec<u64>> = a["progress"][0]["quarters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            [
                "quarter",
                "tasks",
                "due",
                "done_on_time",
                "done_late",
                "overdue",
                "not_reported",
            ]
            .iter()
            .map(|k| q[*k].as_u64().unwrap())
            .collect()
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            vec![1, 7, 2, 1, 0, 0, 1],
            vec![2, 7, 3, 1, 1, 0, 1],
            vec![3, 7, 4, 2, 1, 1, 1],
        ]
    );
    // Text: the quarter table and each task's history.
    let text = run("text", &[]);
    for expected in [
        "Tiến độ theo quý",
        "Quý III/2025 (đến 20/09/2025; báo cáo 14/09/2025): Số nhiệm vụ 7 · Đến hạn 4 (57,1%)",
        "Quá hạn theo báo cáo 1 (14,3%)",
        "    Quý II/2025 (báo cáo 14/06/2025): Đã hoàn thành 20/04/2025 · Minh chứng: Quyết định 15/QĐ-VD (ví dụ)",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    assert!(!text.contains("có thể đã cũ"), "a recent report: {text}");
    // CSV: the widget's quarter table (quarters as columns), each row after agency and plan.
    let csv = run("csv", &[]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "\u{feff}\"Đơn vị\",\"Kế hoạch\",\"Quý\",\"Quý I/2025\",\"Quý II/2025\",\"Quý III/2025\""
    );
    assert_eq!(lines.len(), 1 + 2 + 1 + 5 * 2, "{csv}");
    for row in [
        "\"vi-du\",\"kh-vi-du-2025\",\"Báo cáo ngày\",\"14/03/2025\",\"14/06/2025\",\"14/09/2025\"",
        "\"vi-du\",\"kh-vi-du-2025\",\"Đến hạn\",\"2\",\"3\",\"4\"",
        "\"vi-du\",\"kh-vi-du-2025\",\"Đến hạn (%)\",\"28,6\",\"42,9\",\"57,1\"",
        "\"vi-du\",\"kh-vi-du-2025\",\"Quá hạn theo báo cáo\",\"0\",\"0\",\"1\"",
    ] {
        assert!(lines.contains(&row), "{row}\n{csv}");
    }
    let history = run("csv", &["--table", "history"]);
    assert_eq!(history.lines().count(), 1 + 9, "{history}");
    assert!(history.contains("\"VD.5\",\"Quý III/2025\",\"2025-09-14\",\"Đã hoàn thành\",\"2025-09-10\",\"https://example.org/vi-du/qd-45\""), "{history}");
    // Months later, no new report: the notice says the figures may be out of date, and the
    // statuses are still those of the last report.
    let (code, late, _) = cchc(&[
        "tracker",
        "--data",
        ct_s,
        "--as-of",
        "2026-01-20",
        "--format",
        "text",
    ]);
    assert_eq!(code, 0);
    assert!(
        late.contains("! Số liệu tiến độ có thể đã cũ: báo cáo gần nhất ngày 14/09/2025"),
        "{late}"
    );
    assert!(
        late.contains("Quý IV/2025 (đến 31/12/2025; báo cáo 14/09/2025)"),
        "{late}"
    );
    // As of a day between two reports, only the earlier report counts.
    let (_, mid, _) = cchc(&[
        "tracker",
        "--data",
        ct_s,
        "--as-of",
        "2025-05-01",
        "--format",
        "json",
    ]);
    let mid: serde_json::Value = serde_json::from_str(&mid).unwrap();
    let vd2 = mid["agencies"][0]["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "VD.2")
        .unwrap();
    // In progress on 14/03, due 31/03: no report since its deadline (the June report is not yet
    // made, and the task's own `progress`, which follows the latest report, is not used).
    assert_eq!(vd2["state"], "not_reported");
    assert_eq!(vd2["history"].as_array().map(Vec::len), Some(1));
    let _ = std::fs::remove_dir_all(d);
}
