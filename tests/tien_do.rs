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
