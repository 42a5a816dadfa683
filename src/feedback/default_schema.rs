//! The built-in form of Nghị định 20/2008/NĐ-CP, so an agency can start with no schema at all.
//!
//! Contents follow the decree: Điều 3 (cá nhân / tổ chức; phản ánh vs kiến nghị, the latter
//! carrying a proposed solution), Điều 5 (what a phản ánh may be about: the categories of the
//! select), Điều 7 k1 (in Vietnamese, clear content, name, address, phone number **or** a
//! postal address for contact) and Điều 12 (truthful, well-founded submissions: the declaration
//! box). Personal data is minimised (Nghị định 13/2023/NĐ-CP): the CCCD number is optional and
//! no date of birth is asked. The same schema is written to `www/data/phan-anh.json`.

use crate::i18n::Msg;

use super::schema::{Choice, Condition, Field, FieldType, Messages, Schema, Text, FORMAT, VERSION};

fn t(m: Msg) -> Text {
    Text::builtin(m)
}

fn field(name: &str, kind: FieldType, label: Text) -> Field {
    Field {
        name: name.to_string(),
        kind,
        label,
        hint: None,
        required: false,
        required_if: Vec::new(),
        required_unless: Vec::new(),
        min_length: None,
        max_length: None,
        options: Vec::new(),
        allow_cmnd: false,
        dob_field: None,
        not_future: false,
        min_year: None,
        accept: Vec::new(),
        max_size: None,
        max_files: None,
        autocomplete: None,
        messages: Messages::new(),
        public: false,
    }
}

fn choice(value: &str, label: Msg) -> Choice {
    Choice {
        value: value.to_string(),
        label: t(label),
    }
}

fn equals(field: &str, value: &str) -> Condition {
    Condition {
        field: field.to_string(),
        equals: Some(value.to_string()),
        one_of: None,
        filled: None,
    }
}

fn filled(field: &str) -> Condition {
    Condition {
        field: field.to_string(),
        equals: None,
        one_of: None,
        filled: Some(true),
    }
}

fn sender_fields() -> Vec<Field> {
    let mut doi_tuong = field(
        "doi_tuong",
        FieldType::Radio,
        t(msg!("Bạn gửi với tư cách", "You are sending as")),
    );
    doi_tuong.required = true;
    doi_tuong.options = vec![
        choice("ca-nhan", msg!("Cá nhân", "An individual")),
        choice(
            "to-chuc",
            msg!("Tổ chức, doanh nghiệp", "An organisation or business"),
        ),
    ];
    doi_tuong.messages.insert(
        "required_choice".into(),
        t(msg!(
            "Vui lòng chọn bạn gửi với tư cách cá nhân hay tổ chức.",
            "Select whether you are an individual or an organisation."
        )),
    );
    let mut ten_to_chuc = field(
        "ten_to_chuc",
        FieldType::Text,
        t(msg!(
            "Tên tổ chức, doanh nghiệp",
            "Name of the organisation or business"
        )),
    );
    ten_to_chuc.required_if = vec![equals("doi_tuong", "to-chuc")];
    ten_to_chuc.max_length = Some(250);
    ten_to_chuc.autocomplete = Some("organization".into());
    let mut ho_ten = field("ho_ten", FieldType::Name, t(msg!("Họ và tên", "Full name")));
    ho_ten.required = true;
    ho_ten.hint = Some(t(msg!(
        "Với tổ chức, ghi họ tên người đại diện hoặc người liên hệ.",
        "For an organisation, give the name of its representative or contact person."
    )));
    ho_ten.autocomplete = Some("name".into());
    let mut cccd = field(
        "so_cccd",
        FieldType::Cccd,
        t(msg!(
            "Số CCCD (số định danh cá nhân)",
            "Citizen ID (CCCD) number"
        )),
    );
    cccd.hint = Some(t(msg!(
        "Không bắt buộc. Gồm 12 chữ số.",
        "Optional. 12 digits."
    )));
    vec![doi_tuong, ten_to_chuc, ho_ten, cccd]
}

fn contact_fields() -> Vec<Field> {
    let mut dia_chi = field("dia_chi", FieldType::Address, t(msg!("Địa chỉ", "Address")));
    dia_chi.required = true;
    dia_chi.hint = Some(t(msg!(
        "Chọn tỉnh, thành phố và xã, phường, đặc khu theo địa giới hành chính hiện nay; ghi số nhà, đường, thôn, tổ.",
        "Choose the province and the commune as they are today, then the house number, street or village."
    )));
    let mut dien_thoai = field(
        "dien_thoai",
        FieldType::Phone,
        t(msg!("Số điện thoại", "Phone number")),
    );
    dien_thoai.required_unless = vec![filled("dia_chi_thu_tin")];
    dien_thoai.hint = Some(t(msg!(
        "Số di động hoặc máy bàn, ví dụ 0912 345 678. Nếu không có, hãy ghi địa chỉ nhận thư bên dưới.",
        "A mobile or landline number, for example 0912 345 678. If you have none, give a postal address below."
    )));
    dien_thoai.autocomplete = Some("tel".into());
    dien_thoai.messages.insert(
        "required".into(),
        t(msg!(
            "Vui lòng nhập số điện thoại, hoặc ghi địa chỉ nhận thư nếu bạn không có số điện thoại.",
            "Enter a phone number, or give a postal address if you have no phone."
        )),
    );
    let mut thu_tin = field(
        "dia_chi_thu_tin",
        FieldType::Textarea,
        t(msg!(
            "Địa chỉ nhận thư (nếu không có số điện thoại)",
            "Postal address (if you have no phone)"
        )),
    );
    thu_tin.max_length = Some(300);
    let mut email = field("email", FieldType::Email, t(msg!("Email", "Email")));
    email.hint = Some(t(msg!(
        "Không bắt buộc; để nhận kết quả xử lý qua thư điện tử.",
        "Optional; to receive the reply by email."
    )));
    email.autocomplete = Some("email".into());
    vec![dia_chi, dien_thoai, thu_tin, email]
}

fn content_fields() -> Vec<Field> {
    let mut hinh_thuc = field(
        "loai",
        FieldType::Radio,
        t(msg!("Bạn muốn gửi", "You are sending")),
    );
    hinh_thuc.required = true;
    hinh_thuc.options = vec![
        choice(
            "phan-anh",
            msg!(
                "Phản ánh về quy định hành chính",
                "Feedback on an administrative regulation"
            ),
        ),
        choice(
            "kien-nghi",
            msg!(
            "Kiến nghị (phản ánh kèm phương án xử lý hoặc sáng kiến ban hành mới)",
            "A proposal (feedback with a proposed solution, or an initiative for a new regulation)"
        ),
        ),
    ];
    hinh_thuc.messages.insert(
        "required_choice".into(),
        t(msg!(
            "Vui lòng chọn phản ánh hay kiến nghị.",
            "Select feedback or proposal."
        )),
    );
    let mut noi_dung_loai = field(
        "linh_vuc",
        FieldType::Select,
        t(msg!("Nội dung phản ánh, kiến nghị", "What it is about")),
    );
    noi_dung_loai.required = true;
    noi_dung_loai.options = vec![
        choice("vuong-mac", msg!(
            "Vướng mắc cụ thể khi thực hiện do hành vi chậm trễ, gây phiền hà, không thực hiện hoặc thực hiện không đúng quy định của cơ quan, cán bộ, công chức",
            "Difficulties caused by delay, harassment, non-performance or wrong performance by an agency or official"
        )),
        choice("khong-phu-hop", msg!(
            "Quy định hành chính không phù hợp với thực tế",
            "The regulation does not fit reality"
        )),
        choice("khong-dong-bo", msg!(
            "Quy định hành chính không đồng bộ, không thống nhất với các quy định khác",
            "The regulation is inconsistent with other regulations"
        )),
        choice("khong-hop-phap", msg!(
            "Quy định hành chính không hợp pháp",
            "The regulation is unlawful"
        )),
        choice("trai-dieu-uoc", msg!(
            "Quy định hành chính trái với điều ước quốc tế mà Việt Nam đã ký kết hoặc gia nhập",
            "The regulation contradicts a treaty Vietnam has signed or joined"
        )),
        choice("sang-kien", msg!(
            "Sáng kiến ban hành mới quy định hành chính",
            "An initiative for a new administrative regulation"
        )),
        choice("khac", msg!("Vấn đề khác", "Something else")),
    ];
    let mut van_ban = field(
        "van_ban",
        FieldType::Text,
        t(msg!(
            "Văn bản, thủ tục hành chính liên quan",
            "Related regulation or procedure"
        )),
    );
    van_ban.hint = Some(t(msg!(
        "Không bắt buộc. Tên, số hiệu văn bản hoặc tên thủ tục.",
        "Optional. Title or number of the document, or the procedure's name."
    )));
    van_ban.max_length = Some(500);
    let mut tieu_de = field("tieu_de", FieldType::Text, t(msg!("Tiêu đề", "Subject")));
    tieu_de.required = true;
    tieu_de.max_length = Some(200);
    let mut noi_dung = field(
        "noi_dung",
        FieldType::Textarea,
        t(msg!("Nội dung", "Details")),
    );
    noi_dung.required = true;
    noi_dung.min_length = Some(20);
    noi_dung.max_length = Some(5000);
    noi_dung.hint = Some(t(msg!(
        "Viết bằng tiếng Việt, nêu rõ sự việc, thời gian, nơi xảy ra.",
        "Write in Vietnamese; say clearly what happened, when and where."
    )));
    let mut phuong_an = field(
        "phuong_an",
        FieldType::Textarea,
        t(msg!(
            "Phương án xử lý hoặc sáng kiến đề xuất",
            "Proposed solution or initiative"
        )),
    );
    phuong_an.required_if = vec![equals("loai", "kien-nghi")];
    phuong_an.max_length = Some(5000);
    phuong_an.messages.insert(
        "required".into(),
        t(msg!(
            "Kiến nghị cần có phương án xử lý hoặc sáng kiến; vui lòng nhập nội dung này.",
            "A proposal needs a proposed solution or initiative; enter it."
        )),
    );
    // What may be published with the answer (Nghị định 20/2008, Điều 13), never the sender.
    let mut fields = vec![
        hinh_thuc,
        noi_dung_loai,
        van_ban,
        tieu_de,
        noi_dung,
        phuong_an,
    ];
    for f in &mut fields {
        f.public = true;
    }
    fields
}

fn closing_fields() -> Vec<Field> {
    let mut tep = field(
        "tep_dinh_kem",
        FieldType::File,
        t(msg!("Tài liệu kèm theo", "Attachments")),
    );
    tep.hint = Some(t(msg!(
        "Không bắt buộc. Tối đa 3 tệp PDF, JPG, PNG hoặc DOCX, mỗi tệp nhỏ hơn 10 MB.",
        "Optional. Up to 3 PDF, JPG, PNG or DOCX files, each smaller than 10 MB."
    )));
    tep.accept = ["pdf", "jpg", "jpeg", "png", "docx"]
        .map(String::from)
        .to_vec();
    tep.max_size = Some(10 * 1024 * 1024);
    tep.max_files = Some(3);
    let mut cam_ket = field(
        "cam_ket",
        FieldType::Checkbox,
        t(msg!(
            "Tôi cam đoan nội dung phản ánh, kiến nghị là trung thực, có căn cứ, và đồng ý để cơ quan tiếp nhận xử lý thông tin cá nhân của tôi nhằm giải quyết phản ánh, kiến nghị này.",
            "I declare that this submission is truthful and well-founded, and I agree that the receiving agency processes my personal data to handle it."
        )),
    );
    cam_ket.required = true;
    let cong_khai = field(
        "cong_khai",
        FieldType::Checkbox,
        t(msg!(
            "Đồng ý công khai nội dung và kết quả xử lý (không kèm thông tin cá nhân).",
            "I agree that the content and the reply are published (without personal data)."
        )),
    );
    vec![tep, cam_ket, cong_khai]
}

impl Schema {
    /// The default feedback form following Nghị định 20/2008/NĐ-CP (no endpoint: the host page
    /// handles the `cchc-submit` event, or the agency adds one).
    pub fn default_nd20() -> Schema {
        let mut fields = sender_fields();
        fields.extend(contact_fields());
        fields.extend(content_fields());
        fields.extend(closing_fields());
        Schema {
            format: FORMAT.to_string(),
            version: VERSION,
            title: t(msg!(
                "Phản ánh, kiến nghị về quy định hành chính",
                "Feedback on administrative regulations"
            )),
            intro: Some(t(msg!(
                "Theo Nghị định 20/2008/NĐ-CP, phản ánh, kiến nghị phải viết bằng tiếng Việt, nêu rõ nội dung, họ tên, địa chỉ và số điện thoại hoặc địa chỉ nhận thư của người gửi. Thông tin cá nhân chỉ dùng để xử lý và trả lời phản ánh, kiến nghị của bạn.",
                "Under Decree 20/2008/ND-CP, feedback must be written in Vietnamese, state its content clearly and give the sender's name, address and phone number or postal address. Personal data is used only to handle and answer your feedback."
            ))),
            endpoint: None,
            honeypot: Some("website".into()),
            messages: Messages::new(),
            fields,
            due_days: None,
            holidays: Vec::new(),
            answers_page: None,
        }
    }
}
