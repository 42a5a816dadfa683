//! Table-driven tests on every deadline and target phrase of the five seed plans, plus variants,
//! property tests over arbitrary strings, loader errors and status evaluation at several dates.

use super::date::Date;
use super::deadline::{parse_deadline, DeadlineKind, DeadlineProblem, DeadlineState, Period};
use super::model::{load, ErrorCode, TaskProgress};
use super::status::{evaluate, Status, TaskState};
use super::target::{parse_target, TargetKind, TargetWarning, Unit};
use crate::i18n::Lang;

fn d(s: &str) -> Option<Date> {
    Date::parse_iso(s)
}

/// (phrase as written in a seed, plan year, kind, start, end)
const DEADLINES: &[(&str, Option<i32>, DeadlineKind, &str, &str)] = &[
    // 003 Hà Tĩnh 2025, appendix column 7 (every distinct wording)
    (
        "Tháng 12/2024",
        Some(2025),
        DeadlineKind::Range,
        "2024-12-01",
        "2024-12-31",
    ),
    (
        "Tháng 01/2025",
        Some(2025),
        DeadlineKind::Range,
        "2025-01-01",
        "2025-01-31",
    ),
    (
        "Năm 2025",
        Some(2025),
        DeadlineKind::Range,
        "2025-01-01",
        "2025-12-31",
    ),
    ("Thường xuyên", Some(2025), DeadlineKind::Recurring, "", ""),
    (
        "Theo Kế hoạch của Bộ Nội vụ",
        Some(2025),
        DeadlineKind::Dependent,
        "",
        "",
    ),
    (
        "Sau khi các cơ quan TW công bố chỉ số PAPI, PARINDE X, SIPAS",
        Some(2025),
        DeadlineKind::Dependent,
        "",
        "",
    ),
    (
        "Sau khi các cơ quan liên quan công bố chỉ số PCI năm 2025",
        Some(2025),
        DeadlineKind::Dependent,
        "",
        "",
    ),
    (
        "Sau khi Bộ Thông tin và Truyền thông công bố chỉ số DTI năm 2025",
        Some(2025),
        DeadlineKind::Dependent,
        "",
        "",
    ),
    (
        "Quý II, III/2025",
        Some(2025),
        DeadlineKind::Range,
        "2025-04-01",
        "2025-09-30",
    ),
    (
        "Theo kế hoạch thẩm định hằng năm",
        Some(2025),
        DeadlineKind::Dependent,
        "",
        "",
    ),
    (
        "Quý I",
        Some(2025),
        DeadlineKind::Range,
        "2025-01-01",
        "2025-03-31",
    ),
    (
        "Quý II",
        Some(2025),
        DeadlineKind::Range,
        "2025-04-01",
        "2025-06-30",
    ),
    (
        "Quý IV năm 2025",
        Some(2025),
        DeadlineKind::Range,
        "2025-10-01",
        "2025-12-31",
    ),
    (
        "Quý I/2025",
        Some(2025),
        DeadlineKind::Range,
        "2025-01-01",
        "2025-03-31",
    ),
    (
        "Quý I, II năm 2025",
        Some(2025),
        DeadlineKind::Range,
        "2025-01-01",
        "2025-06-30",
    ),
    (
        "Theo lộ trình đề án được phê duyệt",
        Some(2025),
        DeadlineKind::Dependent,
        "",
        "",
    ),
    (
        "Quý I- IV năm 2025",
        Some(2025),
        DeadlineKind::Range,
        "2025-01-01",
        "2025-12-31",
    ),
    (
        "Quý I-IV năm 2025",
        Some(2025),
        DeadlineKind::Range,
        "2025-01-01",
        "2025-12-31",
    ),
    (
        "Quý II- IV năm 2025",
        Some(2025),
        DeadlineKind::Range,
        "2025-04-01",
        "2025-12-31",
    ),
    // 003 body text
    (
        "trước ngày 15/01/2025",
        None,
        DeadlineKind::Range,
        "",
        "2025-01-15",
    ),
    (
        "trước ngày 05/02/2025",
        None,
        DeadlineKind::Range,
        "",
        "2025-02-05",
    ),
    (
        "trước ngày 31/01/2025",
        None,
        DeadlineKind::Range,
        "",
        "2025-01-31",
    ),
    (
        "trước 30/6/2025",
        None,
        DeadlineKind::Range,
        "",
        "2025-06-30",
    ),
    ("Định kỳ hàng quý", None, DeadlineKind::Recurring, "", ""),
    (
        "Giai đoạn 2021-2025",
        None,
        DeadlineKind::Range,
        "2021-01-01",
        "2025-12-31",
    ),
    (
        "giai đoạn 2021 - 2025",
        None,
        DeadlineKind::Range,
        "2021-01-01",
        "2025-12-31",
    ),
    (
        "giai đoạn 2026 - 2030",
        None,
        DeadlineKind::Range,
        "2026-01-01",
        "2030-12-31",
    ),
    // 002 Ninh Thuận 2024
    (
        "trong Quý I/2024",
        Some(2024),
        DeadlineKind::Range,
        "2024-01-01",
        "2024-03-31",
    ),
    (
        "Định kỳ (Quý I, 06 tháng, 09 tháng, năm)",
        Some(2024),
        DeadlineKind::Recurring,
        "",
        "",
    ),
    // 000 Hà Tĩnh Sở LĐTBXH 2024
    (
        "Thường xuyên năm 2024",
        Some(2024),
        DeadlineKind::Recurring,
        "2024-01-01",
        "2024-12-31",
    ),
    (
        "Thường xuyên trong năm 2024.",
        Some(2024),
        DeadlineKind::Recurring,
        "2024-01-01",
        "2024-12-31",
    ),
    (
        "Cả năm 2024",
        Some(2024),
        DeadlineKind::Range,
        "2024-01-01",
        "2024-12-31",
    ),
    (
        "định kỳ hằng quý",
        Some(2024),
        DeadlineKind::Recurring,
        "",
        "",
    ),
    // 001 Sơn La Sở KH&CN 2022
    (
        "Thường xuyên trong năm 2022.",
        Some(2022),
        DeadlineKind::Recurring,
        "2022-01-01",
        "2022-12-31",
    ),
    (
        "Trong năm 2022.",
        Some(2022),
        DeadlineKind::Range,
        "2022-01-01",
        "2022-12-31",
    ),
    // 004 Bạc Liêu 2020
    (
        "Hàng năm trước ngày 15/12",
        Some(2020),
        DeadlineKind::Recurring,
        "",
        "",
    ),
    // variants from the research note and the issue
    (
        "Quý 1/2025",
        None,
        DeadlineKind::Range,
        "2025-01-01",
        "2025-03-31",
    ),
    (
        "quý I năm 2025",
        None,
        DeadlineKind::Range,
        "2025-01-01",
        "2025-03-31",
    ),
    (
        "Quý II-III/2025",
        None,
        DeadlineKind::Range,
        "2025-04-01",
        "2025-09-30",
    ),
    (
        "Quý II và III năm 2025",
        None,
        DeadlineKind::Range,
        "2025-04-01",
        "2025-09-30",
    ),
    (
        "Quý II – III/2025",
        None,
        DeadlineKind::Range,
        "2025-04-01",
        "2025-09-30",
    ),
    (
        "Quý IV/2024 - Quý I/2025",
        None,
        DeadlineKind::Range,
        "2024-10-01",
        "2025-03-31",
    ),
    (
        "tháng 1/2025",
        None,
        DeadlineKind::Range,
        "2025-01-01",
        "2025-01-31",
    ),
    (
        "T12/2024",
        None,
        DeadlineKind::Range,
        "2024-12-01",
        "2024-12-31",
    ),
    (
        "Tháng 5, 6/2025",
        None,
        DeadlineKind::Range,
        "2025-05-01",
        "2025-06-30",
    ),
    (
        "Tháng 5-6/2025",
        None,
        DeadlineKind::Range,
        "2025-05-01",
        "2025-06-30",
    ),
    (
        "Tháng 02/2024",
        None,
        DeadlineKind::Range,
        "2024-02-01",
        "2024-02-29",
    ),
    (
        "chậm nhất ngày 15/12/2025",
        None,
        DeadlineKind::Range,
        "",
        "2025-12-15",
    ),
    (
        "hoàn thành trước 30/6",
        Some(2025),
        DeadlineKind::Range,
        "",
        "2025-06-30",
    ),
    (
        "6 tháng đầu năm 2025",
        None,
        DeadlineKind::Range,
        "2025-01-01",
        "2025-06-30",
    ),
    (
        "6 tháng đầu năm (2025)",
        None,
        DeadlineKind::Range,
        "2025-01-01",
        "2025-06-30",
    ),
    (
        "6 tháng cuối năm",
        Some(2025),
        DeadlineKind::Range,
        "2025-07-01",
        "2025-12-31",
    ),
    (
        "9 tháng đầu năm",
        Some(2025),
        DeadlineKind::Range,
        "2025-01-01",
        "2025-09-30",
    ),
    (
        "06 tháng đầu năm 2024",
        None,
        DeadlineKind::Range,
        "2024-01-01",
        "2024-06-30",
    ),
    (
        "Trong năm 2025",
        None,
        DeadlineKind::Range,
        "2025-01-01",
        "2025-12-31",
    ),
    (
        "Cả năm",
        Some(2025),
        DeadlineKind::Range,
        "2025-01-01",
        "2025-12-31",
    ),
    (
        "2021 - 2025",
        None,
        DeadlineKind::Range,
        "2021-01-01",
        "2025-12-31",
    ),
    (
        "Cuối quý II/2025",
        None,
        DeadlineKind::Range,
        "2025-06-01",
        "2025-06-30",
    ),
    (
        "Đầu năm 2025",
        None,
        DeadlineKind::Range,
        "2025-01-01",
        "2025-03-31",
    ),
    ("Hằng quý", None, DeadlineKind::Recurring, "", ""),
    ("Hằng năm", None, DeadlineKind::Recurring, "", ""),
    (
        "Hằng tháng (trước ngày 20)",
        None,
        DeadlineKind::Recurring,
        "",
        "",
    ),
    (
        "Theo chỉ đạo của UBND tỉnh",
        None,
        DeadlineKind::Dependent,
        "",
        "",
    ),
    (
        "Theo lộ trình của Trung ương",
        None,
        DeadlineKind::Dependent,
        "",
        "",
    ),
    ("Khi có yêu cầu", None, DeadlineKind::Dependent, "", ""),
    (
        "Ngay sau khi Nghị định được ban hành",
        None,
        DeadlineKind::Dependent,
        "",
        "",
    ),
    (
        "QUÝ II, III/2025",
        None,
        DeadlineKind::Range,
        "2025-04-01",
        "2025-09-30",
    ),
];

fn opt_date(s: &str) -> Option<Date> {
    if s.is_empty() {
        None
    } else {
        d(s)
    }
}

#[test]
fn every_seed_deadline_phrase() {
    for &(phrase, year, kind, start, end) in DEADLINES {
        let p = parse_deadline(phrase, year);
        assert_eq!(p.kind, kind, "{phrase}: {p:?}");
        assert_eq!(p.start, opt_date(start), "{phrase} start");
        assert_eq!(p.end, opt_date(end), "{phrase} end");
        assert_eq!(p.text, phrase.trim());
    }
}

#[test]
fn deadline_details() {
    assert_eq!(
        parse_deadline("Hàng năm trước ngày 15/12", None)
            .due_in_period
            .as_deref(),
        Some("15/12")
    );
    assert_eq!(
        parse_deadline("Hằng tháng (trước ngày 20)", None)
            .due_in_period
            .as_deref(),
        Some("20")
    );
    assert_eq!(
        parse_deadline("Hằng quý", None).period,
        Some(Period::Quarterly)
    );
    assert_eq!(
        parse_deadline("Thường xuyên", None).period,
        Some(Period::Continuous)
    );
    assert!(parse_deadline("Quý I", Some(2025)).year_implied);
    assert!(!parse_deadline("Quý I/2025", Some(2025)).year_implied);
    assert!(parse_deadline("Cuối quý II/2025", None).approximate);
    let dep = parse_deadline("Theo Kế hoạch của Bộ Nội vụ", None);
    assert_eq!(
        dep.depends_on.as_deref(),
        Some("Theo Kế hoạch của Bộ Nội vụ")
    );
}

#[test]
fn deadline_unknowns_are_reported_not_guessed() {
    let cases: &[(&str, Option<i32>, DeadlineProblem)] = &[
        ("", None, DeadlineProblem::Empty),
        ("   ", None, DeadlineProblem::Empty),
        ("Quý I", None, DeadlineProblem::MissingYear),
        ("6 tháng cuối năm", None, DeadlineProblem::MissingYear),
        ("31/02/2025", None, DeadlineProblem::InvalidDate),
        ("trước ngày 30/02/2025", None, DeadlineProblem::InvalidDate),
        ("Giai đoạn 2025-2021", None, DeadlineProblem::InvalidDate),
        ("Quý V/2025", None, DeadlineProblem::Unrecognised),
        ("Tuần đầu tháng 1/2025", None, DeadlineProblem::Unrecognised),
        ("sớm nhất có thể", None, DeadlineProblem::Unrecognised),
        ("Quý", Some(2025), DeadlineProblem::Unrecognised),
        ("0", Some(2025), DeadlineProblem::Unrecognised),
    ];
    for &(phrase, year, problem) in cases {
        let p = parse_deadline(phrase, year);
        assert_eq!(p.kind, DeadlineKind::Unknown, "{phrase}");
        assert_eq!(p.problem, Some(problem), "{phrase}");
        assert!(!p.problem.map_or("", |x| x.message(Lang::En)).is_empty());
    }
    assert_eq!(
        parse_deadline(&"Quý I ".repeat(2000), None).problem,
        Some(DeadlineProblem::TooLong)
    );
}

#[test]
fn deadline_state_at_several_dates() {
    let q = parse_deadline("Quý II, III/2025", None);
    let at = |s: &str| q.state_at(d(s).unwrap_or_else(|| panic!("{s}")));
    assert_eq!(at("2025-03-31").state, DeadlineState::NotStarted);
    assert_eq!(at("2025-03-31").days_to_start, Some(1));
    assert_eq!(at("2025-04-01").state, DeadlineState::InWindow);
    assert_eq!(at("2025-09-30").days_left, Some(0));
    assert_eq!(at("2025-10-01").state, DeadlineState::PastDue);
    assert_eq!(at("2025-10-31").days_overdue, Some(31));
    let before = parse_deadline("trước ngày 31/01/2025", None);
    assert_eq!(
        before
            .state_at(Date::new(2024, 1, 1).unwrap_or_else(|| panic!()))
            .state,
        DeadlineState::InWindow
    );
    let rec = parse_deadline("Thường xuyên năm 2024", None);
    assert_eq!(
        rec.state_at(Date::new(2024, 6, 1).unwrap_or_else(|| panic!()))
            .state,
        DeadlineState::Ongoing
    );
    assert_eq!(
        rec.state_at(Date::new(2025, 6, 1).unwrap_or_else(|| panic!()))
            .state,
        DeadlineState::Ended
    );
    let dep = parse_deadline("Theo Kế hoạch của Bộ Nội vụ", None);
    assert_eq!(
        dep.state_at(Date::new(2025, 6, 1).unwrap_or_else(|| panic!()))
            .state,
        DeadlineState::Waiting
    );
}

#[test]
fn accented_and_unaccented_input() {
    // With the real normaliser (fold removes marks), unaccented input matches too.
    if crate::text::fold("Quý") == "quy" {
        assert_eq!(
            parse_deadline("Quy II, III/2025", None).end,
            d("2025-09-30")
        );
        assert_eq!(
            parse_deadline("thuong xuyen", None).kind,
            DeadlineKind::Recurring
        );
        assert_eq!(parse_target("dat tu 95% tro len").kind, TargetKind::AtLeast);
    }
    assert_eq!(
        parse_deadline("QUÝ II, III/2025", None).end,
        d("2025-09-30")
    );
    assert_eq!(
        parse_deadline("THƯỜNG XUYÊN", None).kind,
        DeadlineKind::Recurring
    );
}

// ---------------------------------------------------------------------------------------------
// Targets

struct T {
    phrase: &'static str,
    parts: &'static [(TargetKind, Option<f64>, Option<f64>, Unit)],
}

const TARGETS: &[T] = &[
    // 002 Ninh Thuận 2024, I.1.e
    T { phrase: "Chỉ số cải cách hành chính (PAR INDEX) năm 2024 tăng từ 05 bậc trở lên so với năm 2023, xếp vị thứ 20/63 tỉnh, thành phố", parts: &[(TargetKind::RankUpByAtLeast, Some(5.0), None, Unit::Rank), (TargetKind::RankAtMost, Some(20.0), None, Unit::Rank)] },
    T { phrase: "Chỉ số hiệu quả quản trị và hành chính công tỉnh Ninh Thuận (PAPI) năm 2024 duy trì trong TOP 20 tỉnh, thành phố.", parts: &[(TargetKind::RankAtMost, Some(20.0), None, Unit::Rank)] },
    T { phrase: "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2024 đạt khoảng 69,5 điểm, đưa PCI Ninh Thuận vào nhóm các tỉnh điều hành kinh tế thuộc nhóm khá.", parts: &[(TargetKind::Approximately, Some(69.5), None, Unit::Points), (TargetKind::InBand, None, None, Unit::Band)] },
    T { phrase: "Chỉ số sự hài lòng của cá nhân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) năm 2024 duy trì vị thứ trong TOP 20 tỉnh, thành phố.", parts: &[(TargetKind::RankAtMost, Some(20.0), None, Unit::Rank)] },
    // 003 Hà Tĩnh 2025, section II
    T { phrase: "100% các Sở, ban, ngành cấp tỉnh, các cơ quan Trung ương đóng trên địa bàn tỉnh, UBND cấp huyện, UBND cấp xã ban hành kế hoạch", parts: &[(TargetKind::AtLeast, Some(100.0), None, Unit::Percent)] },
    T { phrase: "Tối thiểu 35% cơ quan, đơn vị được kiểm tra CCHC trong năm 2025; 100% các đơn vị, địa phương ban hành và tổ chức thực hiện kế hoạch kiểm tra", parts: &[(TargetKind::AtLeast, Some(35.0), None, Unit::Percent), (TargetKind::AtLeast, Some(100.0), None, Unit::Percent)] },
    T { phrase: "Phấn đấu ít nhất có 03 sáng kiến (hoặc giải pháp mới) về CCHC áp dụng có hiệu quả", parts: &[(TargetKind::AtLeast, Some(3.0), None, Unit::Count)] },
    T { phrase: "Phấn đấu 100 % văn bản QPPL của HĐND, UBND tỉnh được rà soát", parts: &[(TargetKind::AtLeast, Some(100.0), None, Unit::Percent)] },
    T { phrase: "Tiếp tục triển khai thực hiện số hóa hồ sơ TTHC thuộc thẩm quyền giải quyết của các Sở, ban, ngành, UBND cấp huyện, cấp xã đạt tỷ lệ tối thiểu tương ứng: cấp tỉnh 100%, cấp huyện 100%, cấp xã 95% số hồ sơ tiếp nhận.", parts: &[(TargetKind::AtLeast, Some(100.0), None, Unit::Percent), (TargetKind::AtLeast, Some(100.0), None, Unit::Percent), (TargetKind::AtLeast, Some(95.0), None, Unit::Percent)] },
    T { phrase: "Tỷ lệ TTHC đủ điều kiện được triển khai dịch vụ công trực tuyến toàn trình được tích hợp trên Cổng dịch vụ công quốc gia đạt 100%. Tỷ lệ nộp hồ sơ trực tuyến toàn trình đạt 90%. Tỷ lệ giao dịch thanh toán trực tuyến đạt tối thiểu 60%.", parts: &[(TargetKind::AtLeast, Some(100.0), None, Unit::Percent), (TargetKind::AtLeast, Some(90.0), None, Unit::Percent), (TargetKind::AtLeast, Some(60.0), None, Unit::Percent)] },
    T { phrase: "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC đạt từ 95% trở lên. Phấn đấu trong năm tổ chức ít nhất từ 02 đến 03 cuộc đối thoại/diễn đàn", parts: &[(TargetKind::AtLeast, Some(95.0), None, Unit::Percent), (TargetKind::Between, Some(2.0), Some(3.0), Unit::Count)] },
    T { phrase: "Phấn đấu năm 2025 giảm 28 biên chế công chức so với năm 2024.", parts: &[(TargetKind::ReduceByAtLeast, Some(28.0), None, Unit::Count)] },
    T { phrase: "Phấn đấu 50% cán bộ, công chức dưới 40 tuổi (lãnh đạo, quản lý cấp sở, ngành, UBND cấp huyện) giao tiếp được với người nước ngoài", parts: &[(TargetKind::AtLeast, Some(50.0), None, Unit::Percent)] },
    T { phrase: "Năm 2025 thu hút nhân tài vào làm việc trong các cơ quan, đơn vị thuộc UBND tỉnh khoảng 02% so với tổng số tuyển dụng mới.", parts: &[(TargetKind::Approximately, Some(2.0), None, Unit::Percent)] },
    T { phrase: "Giảm tối thiểu 2,5% chi hỗ trợ trực tiếp từ ngân sách nhà nước của các đơn vị sự nghiệp công lập nhóm 3 so với năm trước liền kề (không bao gồm quỹ tiền lương, quỹ tiền thưởng và không bao gồm kinh phí cắt giảm, tiết kiệm 5% theo Chỉ thị số 01/CT-TTg ngày 04/01/2024 của Thủ tướng Chính phủ).", parts: &[(TargetKind::ReduceByAtLeast, Some(2.5), None, Unit::Percent)] },
    T { phrase: "Có ít nhất 02 đơn vị sự nghiệp công lập tăng mức độ tự chủ so với năm trước liền kề.", parts: &[(TargetKind::AtLeast, Some(2.0), None, Unit::Count)] },
    T { phrase: "Tỷ lệ sắp xếp lại, xử lý nhà, đất thuộc thẩm quyền quản lý đạt trên 85%.", parts: &[(TargetKind::MoreThan, Some(85.0), None, Unit::Percent)] },
    T { phrase: "100% cơ sở dữ liệu quốc gia được kết nối, ứng dụng trên địa bàn tỉnh theo lộ trình Chính phủ; từng bước hình thành cơ sở dữ liệu mở của tỉnh kết nối liên thông trên 80% cơ sở dữ liệu của các Sở, ban, ngành", parts: &[(TargetKind::AtLeast, Some(100.0), None, Unit::Percent), (TargetKind::MoreThan, Some(80.0), None, Unit::Percent)] },
    T { phrase: "100% hồ sơ công việc tại các cơ quan chuyên môn cấp tỉnh, 90% hồ sơ công việc tại UBND cấp huyện và 70% hồ sơ công việc tại UBND cấp xã được xác lập trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước).", parts: &[(TargetKind::AtLeast, Some(100.0), None, Unit::Percent), (TargetKind::AtLeast, Some(90.0), None, Unit::Percent), (TargetKind::AtLeast, Some(70.0), None, Unit::Percent)] },
    T { phrase: "100% đơn vị sự nghiệp công lập được giao quyền tự chủ tài chính theo Nghị định số 60/2021/NĐ-CP của Chính phủ.", parts: &[(TargetKind::AtLeast, Some(100.0), None, Unit::Percent)] },
    // 003 appendix objectives
    T { phrase: "1.7. Tối thiểu 80% TTHC có yêu cầu nghĩa vụ tài chính, được triển khai thanh toán trực tuyến, trong số đó, tỷ lệ giao dịch thanh toán trực tuyến đạt tối thiểu 70%", parts: &[(TargetKind::AtLeast, Some(80.0), None, Unit::Percent), (TargetKind::AtLeast, Some(70.0), None, Unit::Percent)] },
    T { phrase: "1.3. 100% TTHC nội bộ giữa các cơ quan hành chính nhà nước được rà soát, công bố, công khai; rà soát, đơn giản hóa TTHC nội bộ để cắt giảm 20% quy định và 20% chi phí tuân thủ TTHC nội bộ", parts: &[(TargetKind::AtLeast, Some(100.0), None, Unit::Percent), (TargetKind::ReduceByAtLeast, Some(20.0), None, Unit::Percent), (TargetKind::ReduceByAtLeast, Some(20.0), None, Unit::Percent)] },
    T { phrase: "1.5. 100% Sở, ban, ngành cấp tỉnh, UBND cấp huyện, cấp xã thực hiện tạo lập và quản lý hồ sơ điện tử, trong đó tỷ lệ hồ sơ điện tử đạt tương ứng các cấp là 100%,90%,70% (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước).", parts: &[(TargetKind::AtLeast, Some(100.0), None, Unit::Percent), (TargetKind::AtLeast, Some(100.0), None, Unit::Percent), (TargetKind::AtLeast, Some(90.0), None, Unit::Percent), (TargetKind::AtLeast, Some(70.0), None, Unit::Percent)] },
    T { phrase: "1.4. 20% trường tiểu học công lập (44 trường) xây dựng và áp dụng Hệ thống quản lý chất lượng", parts: &[(TargetKind::AtLeast, Some(20.0), None, Unit::Percent)] },
    // 000 / 001 seeds
    T { phrase: "- Đảm bảo 100% Trang thông tin điện tử của Sở được đăng tải, cập nhật đầy đủ bộ TTHC", parts: &[(TargetKind::AtLeast, Some(100.0), None, Unit::Percent)] },
    // variants
    T { phrase: "TOP 20", parts: &[(TargetKind::RankAtMost, Some(20.0), None, Unit::Rank)] },
    T { phrase: "xếp thứ 20/63", parts: &[(TargetKind::RankAtMost, Some(20.0), None, Unit::Rank)] },
    T { phrase: "mức độ hài lòng ≥ 95%", parts: &[(TargetKind::AtLeast, Some(95.0), None, Unit::Percent)] },
    T { phrase: "tỷ lệ trễ hạn không quá 2%", parts: &[(TargetKind::AtMost, Some(2.0), None, Unit::Percent)] },
    T { phrase: "tỷ lệ hồ sơ trễ hạn dưới 1,5%", parts: &[(TargetKind::LessThan, Some(1.5), None, Unit::Percent)] },
    T { phrase: "PAR INDEX đạt 91,20%", parts: &[(TargetKind::AtLeast, Some(91.2), None, Unit::Percent)] },
    T { phrase: "ít nhất từ 02 đến 03 cuộc", parts: &[(TargetKind::Between, Some(2.0), Some(3.0), Unit::Count)] },
    T { phrase: "đạt từ 1.234 hồ sơ trở lên", parts: &[(TargetKind::AtLeast, Some(1234.0), None, Unit::Count)] },
];

#[test]
fn every_seed_target_phrase() {
    for case in TARGETS {
        let t = parse_target(case.phrase);
        let got: Vec<_> = t
            .parts
            .iter()
            .map(|p| (p.kind, p.value, p.max, p.unit))
            .collect();
        let want: Vec<_> = case
            .parts
            .iter()
            .map(|&(k, v, m, u)| (k, v, m, Some(u)))
            .collect();
        assert_eq!(got, want, "{}", case.phrase);
        let top = if want.len() == 1 {
            want.first().map(|w| w.0)
        } else {
            Some(TargetKind::Multi)
        };
        assert_eq!(Some(t.kind), top, "{}", case.phrase);
    }
}

#[test]
fn target_details() {
    let par = parse_target(TARGETS.first().map_or("", |t| t.phrase));
    assert_eq!(par.parts.first().and_then(|p| p.baseline_year), Some(2023));
    assert_eq!(par.parts.get(1).and_then(|p| p.rank_of), Some(63));
    let top = parse_target("duy trì trong TOP 20 tỉnh");
    assert!(top
        .parts
        .iter()
        .all(|p| p.warnings.contains(&TargetWarning::RankWithoutDenominator)));
    let levels = parse_target("cấp tỉnh 100%, cấp huyện 100%, cấp xã 95%");
    let labels: Vec<_> = levels.parts.iter().map(|p| p.label.as_deref()).collect();
    assert_eq!(
        labels,
        vec![Some("cấp tỉnh"), Some("cấp huyện"), Some("cấp xã")]
    );
    let pci = parse_target("PCI năm 2024 đạt khoảng 69,5 điểm, đưa PCI vào nhóm khá");
    assert_eq!(
        pci.parts.get(1).and_then(|p| p.band.as_deref()),
        Some("khá")
    );
    let biên = parse_target("giảm 28 biên chế công chức so với năm 2024");
    assert_eq!(biên.noun.as_deref(), Some("biên chế"));
    assert_eq!(biên.parts.first().and_then(|p| p.baseline_year), Some(2024));
    assert!(parse_target("đạt trên 85%")
        .parts
        .iter()
        .any(|p| p.warnings.contains(&TargetWarning::TrenReadAsMoreThan)));
    assert!(parse_target("đạt 150%")
        .parts
        .iter()
        .any(|p| p.warnings.contains(&TargetWarning::PercentOver100)));
}

#[test]
fn target_unknowns_are_not_guessed() {
    for phrase in [
        "",
        "Tổ chức 04 cuộc tập huấn",
        "35 UBND xã đạt chuẩn Nông thôn mới",
        "Nâng cao chất lượng",
        "tăng 5%",
        "dưới 40 tuổi",
        "năm 2025",
        "05 bậc",
    ] {
        let t = parse_target(phrase);
        assert_eq!(t.kind, TargetKind::Unknown, "{phrase}: {t:?}");
        assert!(t.problem.is_some(), "{phrase}");
    }
}

// ---------------------------------------------------------------------------------------------
// Properties

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn deadline_never_panics_and_is_consistent(s in "\\PC{0,80}", y in proptest::option::of(1900i32..2200)) {
            let p = parse_deadline(&s, y);
            prop_assert_eq!(p.kind == DeadlineKind::Unknown, p.problem.is_some());
            if let (Some(a), Some(b)) = (p.start, p.end) { prop_assert!(a <= b); }
            if p.kind == DeadlineKind::Range { prop_assert!(p.end.is_some()); }
            let _ = p.state_at(Date::new(2025, 6, 1).unwrap_or_else(|| panic!()));
        }

        #[test]
        fn deadline_grammar_like_input(q in 0u8..6, q2 in 0u8..6, y in 1800i32..2300, sep in "[,\\- ]{1,2}|và") {
            let s = format!("Quý {q}{sep}{q2}/{y}");
            let p = parse_deadline(&s, None);
            if let (Some(a), Some(b)) = (p.start, p.end) { prop_assert!(a <= b); }
        }

        #[test]
        fn target_never_panics_and_is_consistent(s in "\\PC{0,120}") {
            let t = parse_target(&s);
            prop_assert_eq!(t.kind == TargetKind::Unknown, t.parts.is_empty());
            for p in &t.parts {
                if let Some(v) = p.value { prop_assert!(v.is_finite()); }
                if let (Some(v), Some(m)) = (p.value, p.max) { prop_assert!(v.is_finite() && m.is_finite()); }
            }
        }

        #[test]
        fn target_numbers_round_trip(v in 0u32..100_000, frac in 0u32..100) {
            let t = parse_target(&format!("đạt tối thiểu {v},{frac:02}%"));
            let want = f64::from(v) + f64::from(frac) / 100.0;
            prop_assert!(t.value.is_some_and(|x| (x - want).abs() < 1e-6));
        }

        #[test]
        fn loader_never_panics(s in "\\PC{0,200}") {
            let _ = load(&s);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Loader and status

const MINI: &str = r#"{
  "format": "cchc-chi-tieu", "version": 1, "as_of": "2025-11-23",
  "agencies": [{
    "id": "nt", "name": "UBND tỉnh Ninh Thuận",
    "indices": [
      {"id": "PAR_INDEX", "kind": "par_index", "name_vi": "PAR INDEX",
       "results": [{"year": 2023, "score": 85.1, "rank": 30, "rank_of": 63}, {"year": 2024, "score": 87.2, "rank": 22, "rank_of": 63}],
       "targets": [{"year": 2024, "text": "tăng từ 05 bậc trở lên so với năm 2023, xếp vị thứ 20/63", "plan_issued": "2024-02-01"}]},
      {"id": "PCI", "kind": "pci", "name_vi": "PCI",
       "results": [{"year": 2022, "score": 64.0}, {"year": 2023, "score": 66.0}],
       "targets": [{"year": 2025, "text": "đạt khoảng 69,5 điểm"}, {"year": 2024, "text": "xếp thứ 20/63", "plan_issued": "2024-02-01"}]},
      {"id": "SIPAS", "kind": "sipas", "name_vi": "SIPAS",
       "results": [{"year": 2024, "score": 84.0, "rank": 10, "rank_of": 63}, {"year": 2025, "score": 85.0, "rank": 9, "rank_of": 34}],
       "targets": [{"year": 2025, "text": "xếp thứ 20/63", "plan_issued": "2024-12-31"}, {"year": 2025, "text": "tăng 2 bậc so với năm 2024"}]}
    ],
    "plans": [{"id": "p", "title": "KH 2025", "year": 2025, "issued": "2024-12-31",
      "indicators": [
        {"id": "a", "area": "tthc", "text": "cấp tỉnh 100%, cấp xã 95%",
         "observations": [{"label": "cấp tỉnh", "value": 100, "as_of": "2025-06-30"},
                          {"label": "cấp xã", "value": 60, "as_of": "2025-03-31"}, {"label": "cấp xã", "value": 70, "as_of": "2025-06-30"}]},
        {"id": "b", "area": "tthc", "text": "Tỷ lệ nộp hồ sơ trực tuyến toàn trình đạt 90%"}
      ],
      "tasks": [
        {"id": "t1", "area": "chi_dao_dieu_hanh", "deadline_text": "Quý II, III/2025", "lead": "Sở Nội vụ"},
        {"id": "t2", "area": "the_che", "deadline_text": "Tháng 01/2025"},
        {"id": "t3", "area": "tthc", "deadline_text": "Thường xuyên"},
        {"id": "t4", "area": "tthc", "deadline_text": "Theo Kế hoạch của Bộ Nội vụ"},
        {"id": "t5", "area": "tthc", "deadline_text": "Tháng 01/2025", "progress": "done", "completed_on": "2025-02-10"},
        {"id": "t6", "area": "tthc", "deadline_text": "Quý IV năm 2025"},
        {"id": "t7", "area": "tthc", "deadline_text": "0"}
      ]}]
  }]
}"#;

fn date(s: &str) -> Date {
    d(s).unwrap_or_else(|| panic!("{s}"))
}

#[test]
fn status_of_index_targets() {
    let doc = load(MINI).unwrap_or_else(|e| panic!("{e:?}"));
    let ev = evaluate(&doc, date("2025-11-23"), Lang::Vi);
    let a = ev.agencies.first().unwrap_or_else(|| panic!());
    let card = |id: &str| {
        a.cards
            .iter()
            .find(|c| c.index_id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    // PAR 2024: up 8 places (30 → 22) achieved, but 22/63 > 20 → off track overall.
    let par = card("PAR_INDEX");
    let parts: Vec<Status> = par
        .targets
        .iter()
        .flat_map(|t| t.parts.iter().map(|p| p.status))
        .collect();
    assert_eq!(parts, vec![Status::Achieved, Status::OffTrack]);
    assert_eq!(par.status, Status::OffTrack);
    // PCI 2025 ≈ 69.5: trend 64 → 66 over a year, needs +3.5 over three years → on track.
    let pci = card("PCI");
    let t2025 = pci.targets.first().unwrap_or_else(|| panic!());
    assert_eq!(t2025.year, 2025);
    assert_eq!(t2025.status, Status::OnTrack);
    assert!(t2025
        .parts
        .first()
        .and_then(|p| p.progress)
        .is_some_and(|r| r > 1.0));
    // PCI 2024 rank: no result → no data.
    assert_eq!(pci.targets.get(1).map(|t| t.status), Some(Status::NoData));
    // SIPAS: a /63 target against a /34 result, and a rank change across July 2025: not comparable.
    let sipas = card("SIPAS");
    assert!(
        sipas
            .targets
            .iter()
            .all(|t| t.status == Status::NotComparable),
        "{:?}",
        sipas.targets
    );
    assert!(sipas.targets.iter().all(|t| !t.reason.is_empty()));
}

#[test]
fn status_of_indicators_and_tasks_at_several_dates() {
    let doc = load(MINI).unwrap_or_else(|e| panic!("{e:?}"));
    let mid = evaluate(&doc, date("2025-08-01"), Lang::Vi);
    let a = mid.agencies.first().unwrap_or_else(|| panic!());
    let ind = a.indicators.first().unwrap_or_else(|| panic!());
    let st: Vec<Status> = ind.parts.iter().map(|p| p.status).collect();
    // cấp tỉnh met; cấp xã 60 → 70 in a quarter, 25 more needed by year end: R ≈ 0.8 → at risk.
    assert_eq!(st, vec![Status::Achieved, Status::AtRisk]);
    assert_eq!(a.indicators.get(1).map(|i| i.status), Some(Status::NoData));
    let state = |id: &str| a.tasks.iter().find(|t| t.id == id).map(|t| t.state);
    assert_eq!(state("t1"), Some(TaskState::InWindow));
    // Due in January, and no report since: unknown, not overdue (issue 11).
    assert_eq!(state("t2"), Some(TaskState::NotReported));
    assert_eq!(state("t3"), Some(TaskState::Recurring));
    assert_eq!(state("t4"), Some(TaskState::Waiting));
    assert_eq!(state("t5"), Some(TaskState::DoneLate));
    assert_eq!(state("t6"), Some(TaskState::NotStarted));
    assert_eq!(state("t7"), Some(TaskState::NoDeadline));
    // Sorted: overdue and unreported first, done last.
    assert_eq!(a.tasks.first().map(|t| t.id.as_str()), Some("t2"));
    assert_eq!(a.tasks.last().map(|t| t.id.as_str()), Some("t5"));
    // A report after the deadline that does not say "done": overdue as of that report, days
    // counted to it, not to today.
    let reported = MINI.replace(
        r#""plans": [{"id": "p", "title": "KH 2025", "year": 2025,"#,
        r#""plans": [{"id": "p", "title": "KH 2025", "year": 2025, "reported_on": "2025-04-15","#,
    );
    assert_ne!(reported, MINI);
    let doc2 = load(&reported).unwrap_or_else(|e| panic!("{e:?}"));
    let ev2 = evaluate(&doc2, date("2025-08-01"), Lang::Vi);
    let t2 = ev2.agencies[0]
        .tasks
        .iter()
        .find(|t| t.id == "t2")
        .unwrap_or_else(|| panic!());
    assert_eq!(t2.state, TaskState::Overdue);
    assert_eq!(t2.days_overdue, Some(74), "31/01 → 15/04");
    assert!(
        t2.reason.contains("báo cáo ngày 15/04/2025"),
        "{}",
        t2.reason
    );
    // An agency's report date covers its plans; a report dated after "today" does not count.
    let future = reported.replace("2025-04-15", "2025-09-01");
    let ev3 = evaluate(
        &load(&future).unwrap_or_else(|e| panic!("{e:?}")),
        date("2025-08-01"),
        Lang::Vi,
    );
    let t2 = ev3.agencies[0]
        .tasks
        .iter()
        .find(|t| t.id == "t2")
        .unwrap_or_else(|| panic!());
    assert_eq!(t2.state, TaskState::NotReported);
    // Year end: the indicator's deadline has passed, cấp xã is off track; t1 overdue.
    let end = evaluate(&doc, date("2026-01-05"), Lang::En);
    let a = end.agencies.first().unwrap_or_else(|| panic!());
    let xa = a
        .indicators
        .first()
        .and_then(|i| i.parts.get(1))
        .map(|p| p.status);
    assert_eq!(xa, Some(Status::OffTrack));
    assert_eq!(
        a.tasks.iter().find(|t| t.id == "t1").map(|t| t.state),
        Some(TaskState::NotReported)
    );
    assert!(a.tasks.iter().all(|t| !t.state_label.is_empty()));
    // Before the plan: everything upcoming, nothing overdue except the December task.
    let early = evaluate(&doc, date("2024-12-15"), Lang::Vi);
    let a = early.agencies.first().unwrap_or_else(|| panic!());
    assert!(a.tasks.iter().all(|t| t.state != TaskState::Overdue));
}

fn codes(json: &str) -> Vec<(String, ErrorCode)> {
    match load(json) {
        Ok(_) => Vec::new(),
        Err(e) => e.into_iter().map(|e| (e.path, e.code)).collect(),
    }
}

#[test]
fn bad_input_names_the_item() {
    assert_eq!(codes("not json"), vec![("$".into(), ErrorCode::NotJson)]);
    assert!(codes(r#"{"format":"x","version":1,"agencies":[]}"#)
        .contains(&("$.format".into(), ErrorCode::WrongFormat)));
    assert!(
        codes(r#"{"format":"cchc-chi-tieu","version":2,"agencies":[{}]}"#)
            .contains(&("$.version".into(), ErrorCode::UnsupportedVersion))
    );
    assert!(
        codes(r#"{"format":"cchc-chi-tieu","version":1,"agencies":[]}"#)
            .contains(&("$.agencies".into(), ErrorCode::Empty))
    );
    let bad = MINI
        .replace(r#""score": 64.0"#, r#""score": 120"#)
        .replace(r#""rank": 30, "rank_of": 63"#, r#""rank": 30"#)
        .replace(
            r#"{"year": 2023, "score": 66.0}"#,
            r#"{"year": 2030, "score": 66.0}"#,
        )
        .replace(r#""as_of": "2025-03-31""#, r#""as_of": "2025-02-30""#)
        .replace(r#""area": "the_che""#, r#""area": "khac""#);
    let got = codes(&bad);
    for want in [
        (
            "$.agencies[0].indices[1].results[0].score",
            ErrorCode::OutOfScale,
        ),
        (
            "$.agencies[0].indices[0].results[0].rank_of",
            ErrorCode::RankWithoutDenominator,
        ),
        (
            "$.agencies[0].indices[1].results[1].year",
            ErrorCode::FutureYear,
        ),
        (
            "$.agencies[0].plans[0].indicators[0].observations[1].as_of",
            ErrorCode::BadDate,
        ),
        (
            "$.agencies[0].plans[0].tasks[1].area",
            ErrorCode::UnknownValue,
        ),
    ] {
        assert!(
            got.contains(&(want.0.to_string(), want.1)),
            "{want:?} not in {got:?}"
        );
    }
    let e = load(&bad).err().unwrap_or_default();
    assert!(e
        .iter()
        .all(|e| e.message(Lang::Vi).starts_with("$.") && !e.message(Lang::En).is_empty()));
    // A PAPI score of 70 is fine out of 80 (2018+) but out of scale out of 60 (2017).
    let papi = |y: u32| {
        format!(
            r#"{{"format":"cchc-chi-tieu","version":1,"agencies":[{{"id":"x","name":"X","indices":[{{"id":"P","kind":"papi","name_vi":"PAPI","results":[{{"year":{y},"score":70}}]}}]}}]}}"#
        )
    };
    assert!(load(&papi(2018)).is_ok());
    assert_eq!(
        codes(&papi(2017)),
        vec![(
            "$.agencies[0].indices[0].results[0].score".into(),
            ErrorCode::OutOfScale
        )]
    );
}

#[test]
fn numbers_are_json_numbers_read_exactly() {
    let doc = |result: &str| {
        format!(
            r#"{{"format":"cchc-chi-tieu","version":1,"agencies":[{{"id":"x","name":"X","indices":[{{"id":"P","kind":"pci","name_vi":"PCI","results":[{result}]}}]}}]}}"#
        )
    };
    let first = |json: &str| {
        load(json)
            .ok()
            .and_then(|d| d.agencies.into_iter().next())
            .and_then(|a| a.indices.into_iter().next())
            .and_then(|i| i.results.into_iter().next())
    };
    let r = first(&doc(
        r#"{"year": 2.024e3, "score": 69.50, "rank": 2E1, "rank_of": 63,
            "sub_scores": {"Gia nhập thị trường": 8.1, "Tính minh bạch": 6, "Gia nhập thị trường": 7.75}}"#,
    ));
    assert_eq!(
        r.as_ref().map(|r| (r.year, r.score, r.rank)),
        Some((2024, Some(69.5), Some(20)))
    );
    assert_eq!(
        r.map(|r| r.sub_scores),
        Some(vec![
            ("Tính minh bạch".into(), 6.0),
            ("Gia nhập thị trường".into(), 7.75)
        ])
    );
    let score = "$.agencies[0].indices[0].results[0].score";
    assert_eq!(
        codes(&doc(r#"{"year": 2024, "score": -0.5}"#)),
        vec![(score.into(), ErrorCode::OutOfScale)]
    );
    assert_eq!(
        codes(&doc(r#"{"year": 2024, "score": 1e400}"#)),
        vec![(score.into(), ErrorCode::WrongType)]
    );
    assert_eq!(
        codes(&doc(r#"{"year": 2024, "score": "69,5"}"#)),
        vec![(score.into(), ErrorCode::WrongType)]
    );
    // `version` is a whole number as written: 1.0 is not version 1.
    let v10 = doc(r#"{"year": 2024}"#).replace(r#""version":1"#, r#""version":1.0"#);
    assert_eq!(codes(&v10), vec![("$.version".into(), ErrorCode::Missing)]);
    // A syntax error says where.
    let e = load("{\n  \"format\": }").err().unwrap_or_default();
    assert_eq!(
        e.first().map(|e| e.detail.as_str()),
        Some("line 2, column 13")
    );
}

#[test]
fn demo_data_loads_and_every_deadline_is_read() {
    let json = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/data/chi-tieu.json"
    ));
    let doc = load(json).unwrap_or_else(|e| panic!("{e:?}"));
    let ht = doc
        .agencies
        .iter()
        .find(|a| a.id == "ha-tinh")
        .unwrap_or_else(|| panic!());
    let plan = ht.plans.first().unwrap_or_else(|| panic!());
    assert_eq!(plan.tasks.len(), 78);
    assert_eq!(plan.indicators.len(), 28);
    let unknown: Vec<_> = plan
        .tasks
        .iter()
        .filter(|t| t.deadline.kind == DeadlineKind::Unknown)
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(
        unknown,
        vec!["PL.IV.3"],
        "only the row with an empty deadline cell"
    );
    let parsed = plan
        .indicators
        .iter()
        .filter(|i| !i.target.parts.is_empty())
        .count();
    assert_eq!(parsed, 28);
    let ev = evaluate(&doc, date("2025-11-23"), Lang::Vi);
    assert_eq!(ev.agencies.len(), 2);
    let json = serde_json::to_string(&ev).unwrap_or_default();
    // The demo plan has no progress report: past-due tasks are "not reported", never overdue.
    assert!(json.contains("\"status\":\"no_data\"") && json.contains("\"state\":\"not_reported\""));
    assert!(!json.contains("\"state\":\"overdue\""));
}

// ---------------------------------------------------------------------------------------------
// Progress over the year (issue 11, point 3)

/// MINI with two quarterly reports (an example, not a real province's progress): on 14/03 the
/// January task t2 was in progress, on 14/06 it was done (20/05) and t1 in progress.
fn mini_reported() -> String {
    let s = MINI
        .replace(
            r#"{"id": "t2", "area": "the_che", "deadline_text": "Tháng 01/2025"}"#,
            r#"{"id": "t2", "area": "the_che", "deadline_text": "Tháng 01/2025", "progress": "done", "completed_on": "2025-05-20",
                "reports": [{"reported_on": "2025-06-14", "progress": "done", "completed_on": "2025-05-20", "evidence": "QĐ 12/QĐ-UBND"},
                            {"reported_on": "2025-03-14", "progress": "in_progress", "note": "đang trình"}]}"#,
        )
        .replace(
            r#""deadline_text": "Quý II, III/2025", "lead": "Sở Nội vụ"}"#,
            r#""deadline_text": "Quý II, III/2025", "lead": "Sở Nội vụ", "progress": "in_progress",
                "reports": [{"reported_on": "2025-06-14", "progress": "in_progress", "evidence": "CV 45/SNV", "note": "đang soạn thảo"}]}"#,
        )
        .replace(
            r#""plans": [{"id": "p", "title": "KH 2025", "year": 2025,"#,
            r#""plans": [{"id": "p", "title": "KH 2025", "year": 2025, "reported_on": "2025-06-14","#,
        );
    assert_ne!(s, MINI);
    s
}

#[test]
fn each_task_is_judged_by_its_report_as_of_the_day() {
    let doc = load(&mini_reported()).unwrap_or_else(|e| panic!("{e:?}"));
    let t2 = |day: &str| {
        let ev = evaluate(&doc, date(day), Lang::Vi);
        ev.agencies[0]
            .tasks
            .iter()
            .find(|t| t.id == "t2")
            .cloned()
            .unwrap_or_else(|| panic!())
    };
    // After the June report: done late (20/05, due 31/01), with both quarters in its history.
    let late = t2("2025-08-01");
    assert_eq!(late.state, TaskState::DoneLate);
    let h: Vec<(i32, u8, TaskProgress)> = late
        .history
        .iter()
        .map(|q| (q.year, q.quarter, q.report.progress))
        .collect();
    assert_eq!(
        h,
        vec![
            (2025, 1, TaskProgress::InProgress),
            (2025, 2, TaskProgress::Done)
        ],
        "oldest first, whatever the file's order"
    );
    assert_eq!(
        late.history[1].report.evidence.as_deref(),
        Some("QĐ 12/QĐ-UBND")
    );
    // Between the two reports: not done according to the March report, 42 days past due; the
    // June report (not yet made) is neither used nor in the history.
    let april = t2("2025-04-20");
    assert_eq!(april.state, TaskState::Overdue);
    assert_eq!(april.days_overdue, Some(42), "31/01 → 14/03");
    assert_eq!(april.history.len(), 1);
    // Before any report: nobody knows.
    assert_eq!(t2("2025-03-01").state, TaskState::NotReported);
}

#[test]
fn the_year_quarter_by_quarter() {
    let doc = load(&mini_reported()).unwrap_or_else(|e| panic!("{e:?}"));
    let ev = evaluate(&doc, date("2025-08-01"), Lang::Vi);
    let p = ev.agencies[0].progress.first().unwrap_or_else(|| panic!());
    assert_eq!((p.plan_id.as_str(), p.year), ("p", 2025));
    // (quarter, until, report, tasks, due, on time, late, overdue, not reported)
    let rows: Vec<_> = p
        .quarters
        .iter()
        .map(|q| {
            (
                q.quarter,
                q.until.to_iso(),
                q.report.map(Date::to_iso),
                [
                    q.tasks,
                    q.due,
                    q.done_on_time,
                    q.done_late,
                    q.overdue,
                    q.not_reported,
                ],
            )
        })
        .collect();
    let r = |s: &str| Some(s.to_string());
    assert_eq!(
        rows,
        vec![
            // t2 and t5 due in January: t5 done late (10/02), t2 not done as of 14/03.
            (1, "2025-03-31".into(), r("2025-03-14"), [7, 2, 0, 1, 1, 0]),
            (2, "2025-06-30".into(), r("2025-06-14"), [7, 2, 0, 2, 0, 0]),
            // The current quarter counts to the day evaluated; t1 is due only on 30/09.
            (3, "2025-08-01".into(), r("2025-06-14"), [7, 2, 0, 2, 0, 0]),
        ]
    );
    let q1 = &p.quarters[0];
    assert!((q1.shares[0] - 2.0 / 7.0).abs() < 1e-12);
    // The year over: t1 (due 30/09) has no report since its deadline: not reported, not overdue.
    let ev = evaluate(&doc, date("2026-02-01"), Lang::Vi);
    let q4 = ev.agencies[0].progress[0]
        .quarters
        .last()
        .cloned()
        .unwrap_or_else(|| panic!());
    assert_eq!(q4.quarter, 4);
    assert_eq!(
        [q4.due, q4.done_late, q4.overdue, q4.not_reported],
        [4, 2, 0, 2],
        "t1 and t6 past due, no report after their deadlines"
    );
    // Before the plan year: no quarter. Without any report: due tasks are never overdue.
    let before = evaluate(&doc, date("2024-12-20"), Lang::Vi);
    assert!(before.agencies[0].progress[0].quarters.is_empty());
    let bare = load(MINI).unwrap_or_else(|e| panic!("{e:?}"));
    let ev = evaluate(&bare, date("2025-08-01"), Lang::Vi);
    for q in &ev.agencies[0].progress[0].quarters {
        assert_eq!(q.overdue, 0);
        assert_eq!(q.report, None);
    }
    assert_eq!(ev.agencies[0].progress[0].quarters[0].not_reported, 1);
}

#[test]
fn bad_reports_are_located() {
    let bad = mini_reported()
        .replace(
            r#"{"reported_on": "2025-03-14", "progress": "in_progress", "note": "đang trình"}"#,
            r#"{"progress": "xong"}"#,
        )
        .replace(
            r#""evidence": "CV 45/SNV""#,
            r#""evidence": "CV 45/SNV", "completed_on": "2025-07-01""#,
        );
    let got = codes(&bad);
    let t = "$.agencies[0].plans[0].tasks";
    for want in [
        (format!("{t}[1].reports[1].reported_on"), ErrorCode::Missing),
        (
            format!("{t}[1].reports[1].progress"),
            ErrorCode::UnknownValue,
        ),
        (
            format!("{t}[0].reports[0].completed_on"),
            ErrorCode::BadDate,
        ),
    ] {
        assert!(got.contains(&want), "{want:?} not in {got:?}");
    }
    // A report list that is not a list, and an item that is not an object.
    let got = codes(&mini_reported().replace(
        r#""reports": [{"reported_on": "2025-06-14", "progress": "in_progress""#,
        r#""reports": [7, {"reported_on": "2025-06-14", "progress": "in_progress""#,
    ));
    assert!(
        got.contains(&(format!("{t}[0].reports[0]"), ErrorCode::WrongType)),
        "{got:?}"
    );
}

#[test]
fn the_quarter_table_says_only_what_reports_say() {
    let rows = |json: &str| {
        let doc = load(json).unwrap_or_else(|e| panic!("{e:?}"));
        let ev = evaluate(&doc, date("2025-08-01"), Lang::Vi);
        super::table::quarter_rows(&ev.agencies[0].progress[0], Lang::Vi)
    };
    let row = |rows: &[Vec<String>], label: &str| -> Vec<String> {
        rows.iter()
            .find(|r| r[0] == label)
            .map(|r| r[1..].to_vec())
            .unwrap_or_else(|| panic!("{label}"))
    };
    let reported = rows(&mini_reported());
    assert_eq!(
        rows_head(&reported),
        ["Quý", "Quý I/2025", "Quý II/2025", "Quý III/2025"]
    );
    assert_eq!(row(&reported, "Đến hạn (%)"), ["28,6", "28,6", "28,6"]);
    assert_eq!(row(&reported, "Hoàn thành trễ hạn"), ["1", "2", "2"]);
    assert_eq!(
        row(&reported, "Báo cáo ngày"),
        ["14/03/2025", "14/06/2025", "14/06/2025"]
    );
    // No report at all: the plan's schedule is known, what was done is not.
    let bare = rows(MINI);
    assert_eq!(row(&bare, "Đến hạn"), ["2", "2", "2"]);
    for label in [
        "Hoàn thành đúng hạn",
        "Hoàn thành trễ hạn (%)",
        "Quá hạn theo báo cáo",
    ] {
        assert_eq!(row(&bare, label), ["–", "–", "–"], "{label}");
    }
    assert_eq!(row(&bare, "Chưa có báo cáo"), ["1", "1", "1"]);
}

fn rows_head(rows: &[Vec<String>]) -> Vec<&str> {
    rows.first()
        .map(|r| r.iter().map(String::as_str).collect())
        .unwrap_or_default()
}
