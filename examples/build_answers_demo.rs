//! Writes the demo's published answers, `www/data/phan-anh-da-tra-loi.json`, through the real
//! pipeline: `cchc serve` receives the demo submissions (under `faketime`, so that they arrive on
//! several days of two years), staff answer them in an Excel sheet (`cchc phan-anh answer`), and
//! `cchc phan-anh publish` writes the file (consent, public fields, personal data masked).
//!
//! DEMO DATA: every submission below is invented; the title says "dữ liệu minh hoạ".
//!
//! ```sh
//! apt-get install faketime            # the submissions' days
//! cargo build --bin cchc
//! cargo run --example build_answers_demo
//! cargo run -- precompress www/data/phan-anh-da-tra-loi.json
//! ```

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

const CCHC: &str = "target/debug/cchc";
const OUT: &str = "www/data/phan-anh-da-tra-loi.json";

/// (received day, kind, field, subject, content, consent, answer, agency, status, answered day,
/// publish).
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
);

const ROWS: &[Row] = &[
    ("2025-03-10", "phan-anh", "vuong-mac", "Chậm cấp giấy chứng nhận quyền sử dụng đất lần đầu",
     "Hồ sơ cấp sổ đỏ nộp tại Bộ phận một cửa huyện từ tháng 11/2024, quá hạn 45 ngày vẫn chưa có kết quả. Đề nghị cho biết lý do.",
     true, "Văn phòng đăng ký đất đai đã trả kết quả ngày 20/03/2025; lý do chậm là phải đo đạc lại ranh giới thửa đất. Đơn vị đã xin lỗi người dân theo quy định.",
     "Sở Tài nguyên và Môi trường", "Đã trả lời", "21/03/2025", true),
    ("2025-05-06", "kien-nghi", "khong-phu-hop", "Bỏ yêu cầu nộp bản sao giấy khai sinh khi đăng ký thường trú",
     "Thông tin khai sinh đã có trong Cơ sở dữ liệu quốc gia về dân cư nhưng cán bộ vẫn yêu cầu nộp bản sao có chứng thực.",
     true, "Theo Luật Cư trú 2020, cơ quan đăng ký cư trú khai thác thông tin trong Cơ sở dữ liệu quốc gia về dân cư, không yêu cầu người dân nộp bản sao giấy khai sinh. Công an tỉnh đã chấn chỉnh các đơn vị.",
     "Công an tỉnh", "Đã trả lời", "20/05/2025", true),
    ("2025-08-18", "phan-anh", "vuong-mac", "Không nộp được lệ phí trước bạ trực tuyến",
     "Tôi nộp lệ phí trước bạ xe máy trên Cổng dịch vụ công nhưng bị báo lỗi thanh toán nhiều lần, gọi 0912 345 678 không ai nghe.",
     true, "Lỗi do kết nối với ngân hàng đã được khắc phục ngày 22/08/2025. Người dân có thể nộp lại trên Cổng dịch vụ công hoặc tại Chi cục Thuế khu vực.",
     "Cục Thuế tỉnh", "Đã trả lời", "25/08/2025", true),
    ("2025-10-02", "kien-nghi", "sang-kien", "Đề nghị nhắn tin khi hồ sơ cấp phép xây dựng có kết quả",
     "Đề nghị UBND xã gửi tin nhắn khi hồ sơ cấp giấy phép xây dựng nhà ở riêng lẻ có kết quả để người dân không phải đi lại nhiều lần.",
     true, "UBND xã ghi nhận kiến nghị. Từ tháng 11/2025, Bộ phận một cửa gửi tin nhắn SMS và thư điện tử khi hồ sơ có kết quả.",
     "UBND xã Đông Anh", "Đã trả lời", "15/10/2025", true),
    ("2025-11-20", "phan-anh", "khac", "Hỏi về thủ tục cấp đổi giấy phép lái xe quốc tế",
     "Tôi muốn đổi giấy phép lái xe quốc tế thì nộp hồ sơ ở đâu?",
     true, "Nội dung không thuộc phạm vi quy định hành chính của tỉnh; đã chuyển Sở Giao thông vận tải hướng dẫn người dân.",
     "Sở Giao thông vận tải", "Chuyển cơ quan khác", "25/11/2025", true),
    ("2026-01-12", "phan-anh", "vuong-mac", "Cán bộ xã yêu cầu giấy tờ ngoài quy định khi đăng ký khai sinh",
     "Khi đăng ký khai sinh cho con, cán bộ tư pháp xã yêu cầu thêm giấy xác nhận tình trạng hôn nhân của bố mẹ.",
     true, "Thủ tục đăng ký khai sinh không yêu cầu giấy xác nhận tình trạng hôn nhân. UBND xã đã kiểm điểm công chức tư pháp - hộ tịch và hướng dẫn lại người dân.",
     "UBND xã Tiên Dương", "Đã trả lời", "22/01/2026", true),
    ("2026-03-03", "kien-nghi", "khong-dong-bo", "Hai văn bản quy định khác nhau về thời hạn cấp phiếu lý lịch tư pháp",
     "Quyết định công bố thủ tục ghi 10 ngày nhưng trên Cổng dịch vụ công ghi 15 ngày.",
     true, "Sở Tư pháp đã đề nghị cập nhật thời hạn 10 ngày làm việc trên Cổng dịch vụ công theo Quyết định công bố.",
     "Sở Tư pháp", "Đã trả lời", "16/03/2026", true),
    ("2026-05-11", "phan-anh", "vuong-mac", "Ngập úng đường vào Bộ phận một cửa xã",
     "Mỗi khi mưa lớn, đường vào Bộ phận một cửa bị ngập, người dân không vào nộp hồ sơ được.",
     true, "Nội dung không thuộc phạm vi quy định hành chính; UBND xã đã giao Phòng Kinh tế, Hạ tầng và Đô thị xử lý.",
     "UBND xã Đông Anh", "Không thuộc phạm vi xử lý", "20/05/2026", true),
    ("2026-07-07", "phan-anh", "vuong-mac", "Chậm giải quyết hồ sơ hưởng bảo hiểm xã hội một lần",
     "Hồ sơ hưởng BHXH một lần nộp ngày 01/06/2026 đã quá hạn nhưng chưa được giải quyết.",
     true, "Bảo hiểm xã hội tỉnh đã giải quyết hồ sơ ngày 15/07/2026 và chuyển tiền vào tài khoản của người hưởng.",
     "Bảo hiểm xã hội tỉnh", "Đã trả lời", "16/07/2026", true),
    ("2026-09-14", "kien-nghi", "khong-hop-phap", "Thu phí sao y bản chính cao hơn quy định",
     "Tại UBND phường, người dân bị thu 5.000 đồng mỗi trang khi chứng thực bản sao từ bản chính.",
     true, "Mức thu phí chứng thực bản sao từ bản chính là 2.000 đồng/trang (từ trang thứ ba 1.000 đồng/trang). UBND phường đã hoàn trả số tiền thu sai cho người dân.",
     "Sở Tư pháp", "Đã trả lời", "28/09/2026", true),
    ("2026-11-02", "phan-anh", "vuong-mac", "Không nhận được kết quả cấp căn cước qua bưu điện",
     "Tôi đăng ký nhận thẻ căn cước qua dịch vụ bưu chính nhưng sau 30 ngày chưa nhận được.",
     true, "Công an tỉnh đã kiểm tra: thẻ đã được chuyển cho bưu điện ngày 25/11/2026. Bưu điện xã sẽ liên hệ người dân để phát thẻ.",
     "Công an tỉnh", "Đã trả lời", "27/11/2026", true),
    // Not published: the sender did not agree, or staff did not mark it.
    ("2026-11-05", "phan-anh", "vuong-mac", "Không công khai theo ý người gửi",
     "Người gửi không đồng ý công khai nội dung này.",
     false, "Đã trả lời riêng cho người gửi.", "Sở Tư pháp", "Đã trả lời", "20/11/2026", true),
    ("2026-11-06", "kien-nghi", "sang-kien", "Cán bộ chưa đánh dấu công khai",
     "Nội dung thử, cán bộ chưa chọn công khai.", true, "Đã trả lời.", "Sở Tư pháp", "Đã trả lời", "20/11/2026", false),
];

fn main() {
    let dir = std::env::temp_dir().join(format!("cchc-answers-demo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let db = dir.join("demo.sqlite");
    let mut refs = Vec::new();
    for row in ROWS {
        refs.push(submit(&db, row));
    }
    let sheet = dir.join("tra-loi.xlsx");
    write_sheet(&sheet, &refs);
    run(&["phan-anh", "answer", "--db", s(&db), s(&sheet)]);
    // The title says it is demo data (the file's title is the schema's).
    let schema = std::fs::read_to_string("www/data/phan-anh.json").expect("schema");
    let demo = schema.replacen(
        "\"vi\": \"Phản ánh, kiến nghị về quy định hành chính\"",
        "\"vi\": \"Phản ánh, kiến nghị đã trả lời (dữ liệu minh hoạ)\"",
        1,
    );
    assert_ne!(demo, schema, "the schema's title changed");
    let demo_schema = dir.join("phan-anh.json");
    std::fs::write(&demo_schema, demo).expect("write schema");
    run(&[
        "phan-anh",
        "publish",
        "--db",
        s(&db),
        "--schema",
        s(&demo_schema),
        "-o",
        OUT,
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!("wrote {OUT}");
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn run(args: &[&str]) {
    let st = Command::new(CCHC).args(args).status().expect("cchc runs");
    assert!(st.success(), "cchc {args:?}");
}

/// One submission, received on its day (the receiver runs under faketime).
fn submit(db: &Path, row: &Row) -> String {
    let (day, kind, field, subject, content, consent, ..) = *row;
    use std::os::unix::process::CommandExt;
    let mut child = Command::new("faketime")
        .arg(format!("{day} 09:30:00"))
        .arg(CCHC)
        .args([
            "serve",
            "--root",
            "www",
            "--schema",
            "www/data/phan-anh.json",
        ])
        .args(["--listen", "127.0.0.1:0", "--db", s(db)])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .expect("faketime and cchc serve start (apt-get install faketime)");
    let stderr = child.stderr.take().expect("stderr");
    let mut lines = BufReader::new(stderr).lines();
    let addr = loop {
        let line = lines.next().expect("address").expect("line");
        if let Some(a) = line.strip_prefix("cchc serve: listening on http://") {
            break a.to_string();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    let pdf = b"%PDF-1.7\n%%EOF\n";
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(pdf);
    let body = serde_json::json!({
        "schema_version": 1,
        "submitted_at": format!("{day}T09:00:00+07:00"),
        "lang": "vi",
        "values": {
            "doi_tuong": "ca-nhan",
            "ho_ten": "Nguyễn Văn Minh Hoạ",
            "dia_chi": {"tinh": "66", "xa": "24133", "chi_tiet": "Thôn 3"},
            "dien_thoai": "0912345678",
            "loai": kind,
            "linh_vuc": field,
            "tieu_de": subject,
            "noi_dung": content,
            "cam_ket": true,
            "cong_khai": consent,
            "website": "",
            "tep_dinh_kem": [{"name": "don.pdf", "type": "application/pdf", "size": pdf.len()}]
        },
        "files": [{"field": "tep_dinh_kem", "name": "don.pdf", "type": "application/pdf",
                   "size": pdf.len(), "content_base64": b64}]
    })
    .to_string();
    // A kiến nghị carries the sender's proposal (the form requires it).
    let body = if kind == "kien-nghi" {
        body.replacen(
            "\"website\":\"\"",
            "\"website\":\"\",\"phuong_an\":\"Đề nghị cơ quan có thẩm quyền xem xét, sửa đổi theo nội dung nêu trên.\"",
            1,
        )
    } else {
        body
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut r = agent
        .post(format!("http://{addr}/api/phan-anh"))
        .header("Content-Type", "application/json")
        .send(body.as_str())
        .expect("the receiver answers");
    let status = r.status().as_u16();
    let text = r.body_mut().read_to_string().unwrap_or_default();
    // faketime does not pass signals on: the server goes with its process group.
    let _ = Command::new("kill")
        .args(["--", &format!("-{}", child.id())])
        .status();
    let _ = child.wait();
    assert_eq!(status, 201, "{text}");
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON answer");
    v["reference"].as_str().expect("reference").to_string()
}

/// The answer sheet as staff fill it (the columns `cchc phan-anh export` writes).
fn write_sheet(path: &Path, refs: &[String]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let header = [
        "Mã số",
        "Ngày nhận",
        "Hạn trả lời",
        "Tiêu đề",
        "Nội dung",
        "Lĩnh vực",
        "Người gửi, liên hệ",
        "Trả lời",
        "Cơ quan trả lời",
        "Trạng thái",
        "Ngày trả lời",
        "Công khai",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write(0, c as u16, *h).expect("write");
    }
    for (r, (reference, row)) in refs.iter().zip(ROWS).enumerate() {
        let (.., answer, agency, status, answered, publish) = *row;
        let cells = [
            reference.as_str(),
            "",
            "",
            "",
            "",
            "",
            "",
            answer,
            agency,
            status,
            answered,
            if publish { "Có" } else { "Không" },
        ];
        for (c, v) in cells.iter().enumerate() {
            ws.write(r as u32 + 1, c as u16, *v).expect("write");
        }
    }
    wb.save(path).expect("save sheet");
}
