//! Every sentence the feedback form widget itself shows, in Vietnamese and English (the English
//! only in native builds; the wasm looks the Vietnamese up in the page's catalogue).
//!
//! Validation messages come from the core (`crate::feedback::messages`, overridable by the
//! agency's schema); this catalogue holds only the widget's own words: buttons, the error
//! summary, the draft notices, the submission outcome.

use crate::i18n::Lang;

/// A widget string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum T {
    Optional,
    ErrorPrefix,
    NoticePrefix,
    SummaryTitle,
    Submit,
    Sending,
    ChooseOne,
    Province,
    Commune,
    AddressDetail,
    ChooseProvince,
    ChooseProvinceFirst,
    ChooseCommune,
    LoadingCommunes,
    CommunesFailed,
    Retry,
    DraftRestored,
    DraftClear,
    DraftCleared,
    DraftUnavailable,
    DraftNoFiles,
    SuccessTitle,
    SuccessReference,
    SuccessKeep,
    SuccessAnswers,
    SuccessNoReference,
    FailTitle,
    FailNetwork,
    FailServer,
    FailRejected,
    FailNoHandler,
    FailKept,
    SendAgain,
    FileRead,
}

impl T {
    /// The text in `lang`.
    pub(crate) fn get(self, lang: Lang) -> &'static str {
        let m = match self {
            T::Optional => msg!("(không bắt buộc)", "(optional)"),
            T::ErrorPrefix => msg!("Lỗi:", "Error:"),
            T::NoticePrefix => msg!("Lưu ý:", "Note:"),
            T::SummaryTitle => msg!("Có lỗi cần sửa", "There is a problem"),
            T::Submit => msg!("Gửi phản ánh, kiến nghị", "Send your feedback"),
            T::Sending => msg!("Đang gửi…", "Sending…"),
            T::ChooseOne => msg!("Chọn một mục", "Choose one"),
            T::Province => msg!("Tỉnh, thành phố", "Province or city"),
            T::Commune => msg!("Xã, phường, đặc khu", "Commune or ward"),
            T::AddressDetail => msg!(
                "Số nhà, đường, thôn, tổ dân phố",
                "House number, street, village"
            ),
            T::ChooseProvince => msg!("Chọn tỉnh, thành phố", "Choose a province or city"),
            T::ChooseProvinceFirst => msg!(
                "Chọn tỉnh, thành phố trước",
                "Choose the province or city first"
            ),
            T::ChooseCommune => msg!("Chọn xã, phường, đặc khu", "Choose a commune or ward"),
            T::LoadingCommunes => msg!(
                "Đang tải danh sách xã, phường…",
                "Loading the list of communes…"
            ),
            T::CommunesFailed => msg!(
                "Chưa tải được danh sách xã, phường. Kiểm tra kết nối mạng rồi thử lại.",
                "The list of communes could not be loaded. Check your connection and try again."
            ),
            T::Retry => msg!("Thử lại", "Try again"),
            T::DraftRestored => msg!(
                "Đã khôi phục bản nháp bạn nhập lần trước trên máy này.",
                "The draft you typed earlier on this device has been restored."
            ),
            T::DraftClear => msg!(
                "Xoá bản nháp, nhập lại từ đầu",
                "Clear the draft and start again"
            ),
            T::DraftCleared => msg!("Đã xoá bản nháp.", "The draft has been cleared."),
            T::DraftUnavailable => msg!(
                "Trình duyệt không cho lưu bản nháp: nếu tải lại trang, nội dung đã nhập sẽ mất. Bạn vẫn gửi được bình thường.",
                "Your browser does not allow saving a draft: if you reload the page, what you typed will be lost. You can still send the form."
            ),
            T::DraftNoFiles => msg!(
                "Tệp đính kèm không được lưu trong bản nháp; hãy chọn lại nếu cần.",
                "Attached files are not kept in the draft; choose them again if needed."
            ),
            T::SuccessTitle => msg!("Đã gửi phản ánh, kiến nghị", "Your feedback has been sent"),
            T::SuccessReference => msg!("Mã số tiếp nhận của bạn", "Your reference number"),
            T::SuccessKeep => msg!(
                "Hãy ghi lại mã số này để theo dõi kết quả xử lý.",
                "Keep this number to follow up on your feedback."
            ),
            T::SuccessAnswers => msg!(
                "Xem trả lời khi cơ quan công bố",
                "See the answer once the agency publishes it"
            ),
            T::SuccessNoReference => msg!(
                "Cơ quan tiếp nhận đã nhận phản ánh, kiến nghị của bạn.",
                "The agency has received your feedback."
            ),
            T::FailTitle => msg!("Chưa gửi được", "Your feedback has not been sent"),
            T::FailNetwork => msg!(
                "Không kết nối được với máy chủ hoặc máy chủ không trả lời kịp.",
                "The server could not be reached or did not answer in time."
            ),
            T::FailServer => msg!(
                "Máy chủ tiếp nhận đang gặp sự cố.",
                "The receiving server has a problem."
            ),
            T::FailRejected => msg!(
                "Máy chủ tiếp nhận không chấp nhận nội dung gửi.",
                "The receiving server did not accept the submission."
            ),
            T::FailNoHandler => msg!(
                "Trang này chưa được kết nối với nơi tiếp nhận phản ánh, kiến nghị.",
                "This page is not connected to a service that receives feedback."
            ),
            T::FailKept => msg!(
                "Nội dung bạn nhập vẫn được giữ nguyên. Vui lòng thử lại sau ít phút.",
                "What you typed has been kept. Please try again in a few minutes."
            ),
            T::SendAgain => msg!("Gửi lại", "Send again"),
            T::FileRead => msg!(
                "Không đọc được tệp đính kèm; hãy chọn lại tệp.",
                "An attached file could not be read; choose it again."
            ),
        };
        lang.text(m)
    }
}

/// The visible and announced character count.
pub(crate) fn count_message(count: usize, max: usize, lang: Lang) -> String {
    if count > max {
        let over = crate::i18n::format_count(count - max, lang);
        tr!(
            lang,
            "Bạn đã nhập quá {over} ký tự",
            "You have {over} characters too many",
            over = over
        )
    } else {
        let left = crate::i18n::format_count(max - count, lang);
        tr!(
            lang,
            "Bạn còn {left} ký tự",
            "You have {left} characters remaining",
            left = left
        )
    }
}

/// The static limit announced with the field.
pub(crate) fn limit_message(max: usize, lang: Lang) -> String {
    let max = crate::i18n::format_count(max, lang);
    tr!(
        lang,
        "Bạn có thể nhập tối đa {max} ký tự.",
        "You can enter up to {max} characters.",
        max = max
    )
}

/// "Máy chủ không trả lời sau 20 giây."
pub(crate) fn timeout_message(seconds: u64, lang: Lang) -> String {
    tr!(
        lang,
        "Máy chủ không trả lời sau {seconds} giây.",
        "The server did not answer within {seconds} seconds.",
        seconds = seconds
    )
}
