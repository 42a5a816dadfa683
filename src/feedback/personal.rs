//! Personal data inside free text: phone numbers, CCCD/CMND numbers, e-mail addresses and
//! street addresses that citizens type into "what happened" — found and masked before anything
//! is published (Nghị định 13/2023/NĐ-CP), and flagged by `cchc check` in any data file.
//!
//! Why a module of its own: the publisher (`cchc phan-anh publish`) and the checker must agree on
//! what looks personal. It errs on the side of masking: a run of 9 to 12 digits is masked even
//! when it might be something else (a document number is written with its letters and slashes,
//! "15/2026/NĐ-CP", and is kept).

/// What a span looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Phone,
    /// A 12-digit CCCD or a 9-digit CMND number.
    IdNumber,
    Email,
    /// A house number with its lane or street ("số 12 ngõ 34 phố Hàng Bông").
    Street,
}

impl Kind {
    /// What replaces it in published text.
    pub fn mask(self) -> &'static str {
        match self {
            Kind::Phone => "[số điện thoại]",
            Kind::IdNumber => "[số định danh]",
            Kind::Email => "[email]",
            Kind::Street => "[địa chỉ]",
        }
    }
}

/// The personal-looking spans of `text`, as byte ranges, in order, not overlapping.
pub fn find(text: &str) -> Vec<(Kind, std::ops::Range<usize>)> {
    let mut out: Vec<(Kind, std::ops::Range<usize>)> = Vec::new();
    emails(text, &mut out);
    numbers(text, &mut out);
    streets(text, &mut out);
    out.sort_by_key(|(_, r)| r.start);
    let mut merged: Vec<(Kind, std::ops::Range<usize>)> = Vec::new();
    for (k, r) in out {
        match merged.last_mut() {
            Some((_, last)) if r.start < last.end => last.end = last.end.max(r.end),
            _ => merged.push((k, r)),
        }
    }
    merged
}

/// `text` with every personal-looking span replaced by its mask; the number of spans masked.
pub fn mask(text: &str) -> (String, usize) {
    let spans = find(text);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (k, r) in &spans {
        out.push_str(text.get(at..r.start).unwrap_or(""));
        out.push_str(k.mask());
        at = r.end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    (out, spans.len())
}

fn is_email_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+')
}

fn emails(text: &str, out: &mut Vec<(Kind, std::ops::Range<usize>)>) {
    for (at, _) in text.match_indices('@') {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_email_char(*c))
            .last()
            .map_or(at, |(i, _)| i);
        let end = text[at + 1..]
            .char_indices()
            .take_while(|(_, c)| is_email_char(*c))
            .last()
            .map_or(at + 1, |(i, c)| at + 1 + i + c.len_utf8());
        let domain = text[at + 1..end].trim_end_matches('.');
        if start < at && domain.contains('.') {
            out.push((Kind::Email, start..at + 1 + domain.len()));
        }
    }
}

/// Runs of digits that may be separated by one space, dot or dash, with an optional `+84`.
fn numbers(text: &str, out: &mut Vec<(Kind, std::ops::Range<usize>)>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let plus = b[i] == b'+' && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if !(b[i].is_ascii_digit() || plus) {
            i += 1;
            continue;
        }
        // A digit inside a word or a longer code ("QĐ-15", "1.001193") is not a start.
        let glued =
            i > 0 && (b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b'/' | b'.' | b'-'));
        let start = i;
        let mut digits = String::new();
        let mut j = if plus { i + 1 } else { i };
        let mut end = j;
        while j < b.len() {
            if b[j].is_ascii_digit() {
                digits.push(char::from(b[j]));
                j += 1;
                end = j;
            } else if matches!(b[j], b' ' | b'.' | b'-')
                && b.get(j + 1).is_some_and(u8::is_ascii_digit)
            {
                j += 1;
            } else {
                break;
            }
        }
        i = end.max(i + 1);
        // Followed by a slash or letters: a document number or a code, not a person's number.
        let tail_glued = b
            .get(end)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/');
        if glued || tail_glued {
            continue;
        }
        let national = match digits.strip_prefix("84") {
            Some(rest) if plus => format!("0{rest}"),
            _ => digits.clone(),
        };
        let kind = if national.starts_with('0') && (10..=11).contains(&national.len()) {
            // 10-digit mobiles, 11-digit landlines; a 12-digit CCCD also starts with 0.
            Some(Kind::Phone)
        } else if national.len() == 12 || national.len() == 9 {
            Some(Kind::IdNumber)
        } else {
            None
        };
        if let Some(k) = kind {
            out.push((k, start..end));
        }
    }
}

/// The words that introduce a house number or a lane, folded (no marks, lower case).
const HOUSE: &[&str] = &[
    "so nha", "nha so", "so", "ngo", "ngach", "hem", "kiet", "can ho",
];
/// The words that introduce the street after a house number.
const STREET: &[&str] = &["duong", "pho", "ngo", "ngach", "hem", "kiet"];

/// "số 12 ngõ 34 phố Hàng Bông", "12/3 đường Lê Lợi", "nhà số 5 hẻm 7": a house number, then the
/// lane and street words with their names (capitalised words or numbers), up to punctuation.
fn streets(text: &str, out: &mut Vec<(Kind, std::ops::Range<usize>)>) {
    struct Word<'a> {
        span: std::ops::Range<usize>,
        text: &'a str,
        folded: String,
    }
    let mut words: Vec<Word> = Vec::new();
    for t in crate::text::tokenize(text) {
        // "12/3", "5-7": one house number.
        let joined = words.last().is_some_and(|w: &Word| {
            w.folded.starts_with(|c: char| c.is_ascii_digit())
                && t.folded.starts_with(|c: char| c.is_ascii_digit())
                && matches!(text.get(w.span.end..t.bytes.start), Some("/" | "-"))
        });
        match words.last_mut() {
            Some(w) if joined => {
                w.span.end = t.bytes.end;
                w.text = text.get(w.span.clone()).unwrap_or("");
            }
            _ => words.push(Word {
                text: text.get(t.bytes.clone()).unwrap_or(""),
                span: t.bytes,
                folded: t.folded,
            }),
        }
    }
    let mut i = 0;
    while i < words.len() {
        let folded = |k: usize| words.get(k).map(|w| w.folded.as_str()).unwrap_or("");
        let lead2 = format!("{} {}", folded(i), folded(i + 1));
        let lead = if HOUSE.contains(&lead2.as_str()) {
            2
        } else if HOUSE.contains(&folded(i)) {
            1
        } else {
            0
        };
        let number_at = i + lead;
        // A number glued to letters by a slash or dash is a document's ("số 3098/QĐ-UBND").
        let is_number = |k: usize| {
            words.get(k).is_some_and(|w| {
                w.folded.starts_with(|c: char| c.is_ascii_digit())
                    && !text
                        .get(w.span.end..)
                        .is_some_and(|rest| rest.starts_with(['/', '-']))
            })
        };
        // "12/3 đường Lê Lợi" needs its street word; "số 12" its lead word and, after a bare
        // "số" (also "Thông tư số 92"), a street word or a street's name ("số 5 Lê Lợi").
        let street_follows = STREET.contains(&folded(number_at + 1));
        let named_follows = words
            .get(number_at + 1)
            .is_some_and(|w| w.text.starts_with(|c: char| c.is_uppercase()))
            && !text
                .get(words[number_at].span.end..words[number_at + 1].span.start)
                .unwrap_or(",")
                .contains([',', ';', '.', '(', ')', '\n']);
        let bare_so = lead == 1 && folded(i) == "so";
        let plausible = match (lead, bare_so) {
            (0, _) => street_follows,
            (_, true) => street_follows || named_follows,
            _ => true,
        };
        if !(is_number(number_at) && plausible) {
            i += 1;
            continue;
        }
        let start = words[i].span.start;
        let mut end = words[number_at].span.end;
        let mut k = number_at + 1;
        // Further lanes and the street, with their names, within the same clause.
        while k < words.len() {
            let gap = text.get(end..words[k].span.start).unwrap_or("");
            if gap.contains([',', ';', '.', '(', ')', '\n']) {
                break;
            }
            let w = &words[k];
            let named = w.text.starts_with(|c: char| c.is_uppercase()) || is_number(k);
            if STREET.contains(&w.folded.as_str()) || (named && k > number_at) {
                end = w.span.end;
                k += 1;
            } else {
                break;
            }
        }
        out.push((Kind::Street, start..end));
        i = k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(s: &str) -> String {
        mask(s).0
    }

    #[test]
    fn phones_ids_and_emails() {
        assert_eq!(
            masked("Gọi tôi: 0912 345 678 hoặc +84 912.345.678, máy bàn 024 3825 3535."),
            "Gọi tôi: [số điện thoại] hoặc [số điện thoại], máy bàn [số điện thoại]."
        );
        assert_eq!(
            masked("CCCD 066190012345, CMND cũ 241234567"),
            "CCCD [số định danh], CMND cũ [số định danh]"
        );
        assert_eq!(masked("thư: hhen.nie@gmail.com."), "thư: [email].");
        // Document numbers, procedure codes, dates, amounts and years are kept.
        for keep in [
            "Nghị định 20/2008/NĐ-CP",
            "thủ tục 1.001193",
            "ngày 02/03/2026",
            "lệ phí 100.000 đồng",
            "năm 2025",
            "Quyết định số 3098/QĐ-UBND",
            "mã hồ sơ H12.34-260302-0001",
        ] {
            assert_eq!(masked(keep), keep);
        }
    }

    #[test]
    fn street_addresses() {
        assert_eq!(
            masked("Nhà tôi ở số 12 ngõ 34 phố Hàng Bông, phường Hoàn Kiếm."),
            "Nhà tôi ở [địa chỉ], phường Hoàn Kiếm."
        );
        assert_eq!(
            masked("tại 12/3 đường Lê Lợi, TP Huế"),
            "tại [địa chỉ], TP Huế"
        );
        assert_eq!(masked("nhà số 5 hẻm 7 Trần Hưng Đạo"), "[địa chỉ]");
        assert_eq!(masked("ở số 5 Lê Lợi, TP Huế"), "ở [địa chỉ], TP Huế");
        // Document numbers, oil blocks and counts are not addresses.
        for keep in [
            "Thông tư số 92/202 1/TT BTC ngày 28/10/ 2021",
            "xuất bán dầu thô (trừ Lô 09.1)",
            "cấp xã 95% số hồ sơ tiếp nhận",
            "Quyết định số 15 năm 2024",
        ] {
            assert_eq!(masked(keep), keep);
        }
        // A commune or a district alone is not a street address.
        assert_eq!(masked("UBND xã Ea Tu trả lời"), "UBND xã Ea Tu trả lời");
        assert_eq!(masked("có 3 hồ sơ"), "có 3 hồ sơ");
    }

    #[test]
    fn never_panics_on_odd_text() {
        for s in [
            "",
            "@",
            "a@",
            "@b.c",
            "+",
            "+8",
            "số",
            "số ",
            "0",
            "🙂 0912345678 🙂",
            "x@y.",
            "ngõ ngõ ngõ 1",
        ] {
            let _ = mask(s);
        }
        assert_eq!(masked("🙂 0912345678 🙂"), "🙂 [số điện thoại] 🙂");
    }
}
