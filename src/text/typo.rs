//! Spelling slips on folded syllables: regional confusions, one-edit typos, Telex remnants.
//!
//! Citizens write as they speak: southern and northern speakers merge s/x, ch/tr, d/gi/r, n/l at
//! the start of a syllable and n/ng, c/t at its end ("sây dựng" for "xây dựng", "ket hom"). These
//! helpers generate or test candidate keys; the search module decides which exist and how much a
//! candidate is worth.

/// Initial consonants that speakers of some region pronounce alike.
const INITIAL_GROUPS: [&[&str]; 4] = [
    &["s", "x"],
    &["ch", "tr"],
    &["d", "gi", "r", "v"],
    &["n", "l"],
];
/// Final consonants that merge in southern speech.
const FINAL_GROUPS: [&[&str]; 3] = [&["n", "ng"], &["c", "t"], &["nh", "n"]];

/// Splits a folded syllable into (initial consonant, rest).
fn split_initial(key: &str) -> (&str, &str) {
    for init in [
        "ngh", "ng", "nh", "ch", "tr", "gi", "gh", "kh", "ph", "th", "qu",
    ] {
        if let Some(rest) = key.strip_prefix(init) {
            if !rest.is_empty() {
                return (init, rest);
            }
        }
    }
    match key
        .char_indices()
        .find(|&(_, c)| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
    {
        Some((i, _)) => (key.get(..i).unwrap_or(""), key.get(i..).unwrap_or("")),
        None => ("", key),
    }
}

/// Splits the rest of a syllable into (vowels, final consonant).
fn split_final(rest: &str) -> (&str, &str) {
    let end = rest
        .char_indices()
        .rev()
        .take_while(|&(_, c)| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
        .last();
    match end {
        Some((i, _)) => (rest.get(..i).unwrap_or(""), rest.get(i..).unwrap_or("")),
        None => (rest, ""),
    }
}

/// The keys a folded syllable may have been meant as under regional pronunciation, without the
/// key itself: `say` → `xay`, `tran` → `chan`, `trang`, `chang`, ...
pub fn regional_variants(key: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !key.is_ascii() || key.len() > 8 {
        return out;
    }
    let (init, rest) = split_initial(key);
    let (vowels, fin) = split_final(rest);
    let inits = group_of(&INITIAL_GROUPS, init);
    let fins = group_of(&FINAL_GROUPS, fin);
    for i in &inits {
        for f in &fins {
            let cand = super::cat(&[i, vowels, f]);
            if cand != key && !vowels.is_empty() && !out.contains(&cand) {
                out.push(cand);
            }
        }
    }
    out
}

fn group_of<'a>(groups: &[&[&'a str]], part: &'a str) -> Vec<&'a str> {
    let mut out = vec![part];
    for g in groups {
        if g.contains(&part) {
            out.extend(g.iter().filter(|&&x| x != part));
        }
    }
    out
}

/// Tone index of the hỏi (hook above) and ngã (tilde) tones in the letter table.
const HOI: u8 = 3;
const NGA: u8 = 4;

/// The same exact key with hỏi and ngã swapped (`đỗi` → `đổi`, `thũ` → `thủ`): most speakers
/// outside the north pronounce the two tones alike and type either. `None` when the key carries
/// neither tone.
pub fn hoi_nga_variant(exact: &str) -> Option<String> {
    let mut changed = false;
    let out: String = exact
        .chars()
        .map(|c| match super::compose::letter(c) {
            Some(l) if l.tone == HOI || l.tone == NGA => {
                changed = true;
                let tone = if l.tone == HOI { NGA } else { HOI };
                super::compose::Letter { tone, ..l }.to_char()
            }
            _ => c,
        })
        .collect();
    changed.then_some(out)
}

/// The key with every ngã written as hỏi: compares two spellings regardless of hỏi/ngã.
pub fn nga_as_hoi(exact: &str) -> String {
    exact
        .chars()
        .map(|c| match super::compose::letter(c) {
            Some(l) if l.tone == NGA => super::compose::Letter { tone: HOI, ..l }.to_char(),
            _ => c,
        })
        .collect()
}

/// Whether two keys are at most one edit apart (insert, delete, substitute or swap neighbours).
pub fn within_one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        // Folded keys are ASCII: compare bytes without collecting chars (this runs against every
        // known syllable when a word is unknown).
        return one_edit(a.as_bytes(), b.as_bytes());
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    one_edit(&a, &b)
}

fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if prefix == la && prefix == lb {
        return true;
    }
    let tail_eq = |i: usize, j: usize| a.get(i..) == b.get(j..);
    if la == lb {
        tail_eq(prefix + 1, prefix + 1)
            || (a.get(prefix) == b.get(prefix + 1)
                && a.get(prefix + 1) == b.get(prefix)
                && tail_eq(prefix + 2, prefix + 2))
    } else if la > lb {
        tail_eq(prefix + 1, prefix)
    } else {
        tail_eq(prefix, prefix + 1)
    }
}

/// Decodes a syllable typed with Telex while the input method was off (`ddawng` → `đăng`,
/// `kys` → `ký`, `hoaf` → `hoà`). `None` when the token shows no Telex sign.
pub fn telex_decode(token: &str) -> Option<String> {
    if !token.is_ascii() || token.len() < 2 || token.len() > 9 {
        return None;
    }
    let lower = token.to_ascii_lowercase();
    let (body, tone) = match lower.chars().last() {
        Some(c @ ('s' | 'f' | 'r' | 'x' | 'j')) if lower.len() > 1 => {
            (lower.get(..lower.len() - 1).unwrap_or(""), Some(c))
        }
        _ => (lower.as_str(), None),
    };
    let mut out = String::with_capacity(body.len() + 4);
    let mut changed = false;
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let shaped = match (c, next) {
            ('d', Some('d')) => Some('đ'),
            ('a', Some('a')) => Some('â'),
            ('a', Some('w')) => Some('ă'),
            ('e', Some('e')) => Some('ê'),
            ('o', Some('o')) => Some('ô'),
            ('o', Some('w')) => Some('ơ'),
            ('u', Some('w')) => Some('ư'),
            _ => None,
        };
        match shaped {
            Some(s) => {
                out.push(s);
                chars.next();
                changed = true;
            }
            None if c == 'w' => {
                out.push('ư');
                changed = true;
            }
            None => out.push(c),
        }
    }
    if !out.chars().any(|c| super::compose::letter(c).is_some())
        || out.chars().any(|c| matches!(c, 'f' | 'j' | 'w' | 'z'))
    {
        return None;
    }
    let toned = match tone {
        // The tone key's place in "fsrxj" (a byte scan, not a `char` search).
        Some(t) => {
            let at = b"fsrxj".iter().position(|&k| char::from(k) == t);
            place_tone(&out, 1 + at.unwrap_or(0) as u8)?
        }
        None => out,
    };
    (changed || tone.is_some()).then_some(toned)
}

/// Puts tone `tone` (1..=5 = huyền, sắc, hỏi, ngã, nặng) on the vowel that carries it.
fn place_tone(syllable: &str, tone: u8) -> Option<String> {
    use super::compose::{letter, Shape};
    let mut chars: Vec<char> = syllable.chars().collect();
    let vowels: Vec<usize> = (0..chars.len())
        .filter(|&i| chars.get(i).and_then(|&c| letter(c)).is_some())
        .collect();
    let mut vs: &[usize] = &vowels;
    let first = *vs.first()?;
    let prev = first.checked_sub(1).and_then(|i| chars.get(i)).copied();
    let base_at = |i: usize| chars.get(i).and_then(|&c| letter(c)).map(|l| l.base);
    if vs.len() > 1
        && ((prev == Some('q') && base_at(first) == Some('u'))
            || (prev == Some('g') && base_at(first) == Some('i')))
    {
        vs = vs.get(1..)?;
    }
    let last = *vs.last()?;
    let has_final = last + 1 < chars.len();
    let shaped = vs.iter().rev().find(|&&i| {
        chars
            .get(i)
            .and_then(|&c| letter(c))
            .is_some_and(|l| l.shape != Shape::None)
    });
    let target = match (shaped, vs.len()) {
        (Some(&i), _) => i,
        (None, 1) => last,
        (None, 2) if !has_final => *vs.first()?,
        (None, 2) => last,
        (None, _) => *vs.get(1)?,
    };
    let l = letter(*chars.get(target)?)?;
    *chars.get_mut(target)? = super::compose::Letter { tone, ..l }.to_char();
    Some(chars.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regional() {
        let v = regional_variants("say");
        assert!(v.contains(&"xay".to_string()), "{v:?}");
        let v = regional_variants("tran");
        for k in ["chan", "trang", "chang"] {
            assert!(v.contains(&k.to_string()), "{v:?}");
        }
        assert!(regional_variants("dang").contains(&"giang".to_string()));
        assert!(
            regional_variants("hom").is_empty()
                || !regional_variants("hom").contains(&"hom".to_string())
        );
        assert!(regional_variants("ket").contains(&"kec".to_string()));
        assert!(regional_variants("lam").contains(&"nam".to_string()));
    }

    #[test]
    fn one_edit() {
        assert!(within_one_edit("sinhh", "sinh"));
        assert!(within_one_edit("hom", "hon"));
        assert!(within_one_edit("khia", "khai"));
        assert!(within_one_edit("dang", "dang"));
        assert!(!within_one_edit("dang", "dong ky"));
        assert!(!within_one_edit("ab", "ba c"));
        assert!(within_one_edit("", "a"));
        assert!(within_one_edit("đăng", "đăg"));
        assert!(within_one_edit("đăng", "dăng"));
        assert!(!within_one_edit("đăng", "dăg"));
    }

    #[test]
    fn hoi_nga() {
        assert_eq!(hoi_nga_variant("đỗi").as_deref(), Some("đổi"));
        assert_eq!(hoi_nga_variant("thủ").as_deref(), Some("thũ"));
        assert_eq!(hoi_nga_variant("đổi").as_deref(), Some("đỗi"));
        assert_eq!(hoi_nga_variant("đăng"), None);
        assert_eq!(hoi_nga_variant("sổ đỏ").as_deref(), Some("sỗ đõ"));
        assert_eq!(nga_as_hoi("thũ tục"), "thủ tục");
        assert_eq!(nga_as_hoi("thủ"), "thủ");
    }

    #[test]
    fn telex() {
        assert_eq!(telex_decode("ddawng").as_deref(), Some("đăng"));
        assert_eq!(telex_decode("kys").as_deref(), Some("ký"));
        assert_eq!(telex_decode("hoaf").as_deref(), Some("hòa"));
        assert_eq!(telex_decode("caaps").as_deref(), Some("cấp"));
        assert_eq!(telex_decode("laij").as_deref(), Some("lại"));
        assert_eq!(telex_decode("truwowngf").as_deref(), Some("trường"));
        assert_eq!(telex_decode("khai"), None);
        assert_eq!(telex_decode("quys").as_deref(), Some("quý"));
    }
}
