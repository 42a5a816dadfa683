//! Decimal text for numbers without the standard library's formatting machinery.
//!
//! Why it exists: `format!("{}", x)` or `format!("{:.2}", x)` on an `f64` links core's Grisu and
//! Dragon implementations, a bignum type and their power-of-ten tables: about 10 KB of
//! WebAssembly (6 KB gzipped, measured) that every citizen downloads for the few dozen numbers
//! the tracker shows. They leave the bundle only when no code formats an `f64` with `{}`,
//! `{:.N}` or `to_string()` any more, so use these functions everywhere wasm can reach. Here both
//! formats are derived from the exact decimal expansion of the binary value (`mantissa · 2^exp`
//! written out digit by digit), which needs no tables and little code.
//!
//! The output is byte for byte what the standard library prints ([`shortest`] is `{}`, [`fixed`]
//! is `{:.N}`, [`signed`] is `{:+}`); the tests compare the two on random bit patterns. It is
//! slower than the standard library (a loop over the digits per step), which does not matter for
//! the numbers of one page.
//!
//! Integers too ([`int`], [`push_int`], [`push_padded`]): `to_string()`, `format!` and
//! `write!` on an integer link core's `Formatter` (padding, `fmt::write`, the digit table),
//! which stays in a widget's wasm as long as any path reaches it. These are `{}` and `{:0N}`.

/// `format!("{x}")`: the shortest decimal that reads back as `x`, never in exponent notation
/// (`69.5`, `0.1`, `100`, `-0`, `NaN`, `inf`).
pub fn shortest(x: f64) -> String {
    let mut out = String::new();
    push_sign(&mut out, x, false);
    match special(x) {
        Some(text) => out.push_str(text),
        None => push_shortest(&mut out, x.abs()),
    }
    out
}

/// `format!("{x:+}")`: [`shortest`] with a `+` before numbers that are not negative (`NaN` stays
/// unsigned, as in the standard library).
pub fn signed(x: f64) -> String {
    let mut out = String::new();
    push_sign(&mut out, x, true);
    match special(x) {
        Some(text) => out.push_str(text),
        None => push_shortest(&mut out, x.abs()),
    }
    out
}

/// `format!("{x:.decimals$}")`: exactly `decimals` digits after the point, the exact binary
/// value rounded half to even (`0.125` → `0.12`, `1.005` → `1.00` because it is 1.00499…).
pub fn fixed(x: f64, decimals: usize) -> String {
    let mut out = String::new();
    push_sign(&mut out, x, false);
    if let Some(text) = special(x) {
        out.push_str(text);
        return out;
    }
    let exact = Exact::of(x.abs());
    let scaled = exact.rounded_to(decimals);
    push_fixed(&mut out, &scaled, decimals, 0);
    out
}

/// An integer of any primitive type up to 64 bits, as a sign and a magnitude.
pub trait Int: Copy {
    /// Whether it is negative, and its absolute value.
    fn split(self) -> (bool, u64);
}

macro_rules! int_unsigned {
    ($($t:ty),*) => {$(
        impl Int for $t {
            fn split(self) -> (bool, u64) {
                (false, self as u64)
            }
        }
    )*};
}
macro_rules! int_signed {
    ($($t:ty),*) => {$(
        impl Int for $t {
            fn split(self) -> (bool, u64) {
                (self < 0, (self as i64).unsigned_abs())
            }
        }
    )*};
}
int_unsigned!(u8, u16, u32, u64, usize);
int_signed!(i8, i16, i32, i64, isize);

/// `n.to_string()` for an integer (`-12`, `0`, `2642`).
pub fn int(n: impl Int) -> String {
    let mut out = String::new();
    push_int(&mut out, n);
    out
}

/// Appends `n` in decimal, as `{}` writes it.
pub fn push_int(out: &mut String, n: impl Int) {
    let (neg, m) = n.split();
    push_digits(out, neg, m, 1);
}

/// Appends `n` in decimal with at least `width` characters, zeros in front: `{:0width$}` (a
/// minus sign goes before the zeros and counts in the width, as in the standard library).
pub fn push_padded(out: &mut String, n: impl Int, width: usize) {
    let (neg, m) = n.split();
    push_digits(out, neg, m, width.saturating_sub(usize::from(neg)));
}

/// The one body behind the integer helpers: the sign, then the digits of `m`, at least
/// `digits` of them (at least one).
#[inline(never)]
fn push_digits(out: &mut String, neg: bool, mut m: u64, digits: usize) {
    if neg {
        out.push('-');
    }
    let mut buf = [b'0'; 20];
    for _ in buf.len()..digits {
        out.push('0');
    }
    let mut i = buf.len();
    while m > 0 || buf.len() - i < digits.clamp(1, 20) {
        i -= 1;
        if let Some(b) = buf.get_mut(i) {
            *b = b'0' + (m % 10) as u8;
        }
        m /= 10;
        if i == 0 {
            break;
        }
    }
    for &b in buf.get(i..).unwrap_or_default() {
        out.push(char::from(b));
    }
}

/// The value of a non-empty run of ASCII digits (`"007"` → 7): what `str::parse` gives for such
/// text, without core's generic integer parser; `None` for anything else (a sign included) or
/// beyond `u64`.
#[inline(never)]
pub fn digits(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let mut n: u64 = 0;
    for b in s.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
    }
    Some(n)
}

/// `NaN` and the infinities, spelled as the standard library spells them.
fn special(x: f64) -> Option<&'static str> {
    if x.is_nan() {
        Some("NaN")
    } else if x.is_infinite() {
        Some("inf")
    } else {
        None
    }
}

/// The sign the standard library writes: `-` for negative values (`-0` included), `+` for the
/// others when asked, nothing for NaN.
fn push_sign(out: &mut String, x: f64, plus: bool) {
    if x.is_nan() {
        return;
    }
    if x.is_sign_negative() {
        out.push('-');
    } else if plus {
        out.push('+');
    }
}

/// Decimal digits, least significant first; a missing digit is 0.
type Digits = Vec<u8>;

fn at(d: &[u8], i: usize) -> u8 {
    d.get(i).copied().unwrap_or(0)
}

/// The exact value of a non-negative finite `f64` (or of its rounding bounds) as decimal digits.
struct Exact {
    /// The digits of `value · 10^frac`, least significant first.
    digits: Digits,
    /// How many of `digits` are after the decimal point.
    frac: usize,
}

impl Exact {
    fn of(x: f64) -> Exact {
        let (mant, exp) = decompose(x);
        Exact::scaled(mant, exp)
    }

    /// `mant · 2^exp` written out: times 2^exp for `exp ≥ 0`, else `mant · 5^-exp / 10^-exp`.
    fn scaled(mant: u64, exp: i32) -> Exact {
        let mut digits = Digits::new();
        let mut m = mant;
        while m > 0 {
            digits.push((m % 10) as u8);
            m /= 10;
        }
        let (base, chunk) = if exp >= 0 { (2u64, 30) } else { (5u64, 13) };
        let mut left = exp.unsigned_abs();
        while left > 0 && !digits.is_empty() {
            let k = left.min(chunk);
            mul_small(&mut digits, base.pow(k));
            left -= k;
        }
        let frac = if exp < 0 {
            exp.unsigned_abs() as usize
        } else {
            0
        };
        Exact { digits, frac }
    }

    /// The digits of `value · 10^decimals` rounded to an integer, half to even.
    fn rounded_to(&self, decimals: usize) -> Digits {
        if self.frac <= decimals {
            let mut d = vec![0; decimals - self.frac];
            d.extend_from_slice(&self.digits);
            return d;
        }
        let cut = self.frac - decimals;
        let mut kept = self.digits.get(cut..).unwrap_or(&[]).to_vec();
        let first = at(&self.digits, cut - 1);
        let rest = self.digits.iter().take(cut - 1).any(|&d| d != 0);
        if first > 5 || (first == 5 && (rest || at(&kept, 0) % 2 == 1)) {
            increment(&mut kept, 0);
        }
        kept
    }
}

/// The mantissa and binary exponent of a finite `x ≥ 0`: `x = mant · 2^exp` exactly.
fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    }
}

/// `d *= m` for `m < 2^31`.
fn mul_small(d: &mut Digits, m: u64) {
    let mut carry = 0u64;
    for digit in d.iter_mut() {
        let v = u64::from(*digit) * m + carry;
        *digit = (v % 10) as u8;
        carry = v / 10;
    }
    while carry > 0 {
        d.push((carry % 10) as u8);
        carry /= 10;
    }
}

/// `d += 10^i`.
fn increment(d: &mut Digits, i: usize) {
    if d.len() <= i {
        d.resize(i + 1, 0);
    }
    for digit in d.iter_mut().skip(i) {
        if *digit < 9 {
            *digit += 1;
            return;
        }
        *digit = 0;
    }
    d.push(1);
}

fn cmp(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    let n = a.len().max(b.len());
    (0..n)
        .rev()
        .map(|i| at(a, i).cmp(&at(b, i)))
        .find(|o| o.is_ne())
        .unwrap_or(std::cmp::Ordering::Equal)
}

/// Appends the shortest decimal of a finite `x ≥ 0` that reads back as `x`.
///
/// The same rule as core's Dragon4 `format_shortest`: the rounding interval of `x` (bounds
/// included when the mantissa is even, as a round-half-even reader would; half as wide below a
/// power of two), then the coarsest decimal position at which `x` truncated, or truncated plus
/// one unit, lies inside; if both do, the nearer one (ties up).
fn push_shortest(out: &mut String, x: f64) {
    let (mant, exp) = decompose(x);
    if mant == 0 {
        out.push('0');
        return;
    }
    // As core's decoder: (value, minus, plus, exp) in half units of the last place, subnormals
    // doubled first (core's `integer_decode` does so, which also makes them all "even").
    let subnormal = mant < (1 << 52);
    let (mant, exp) = if subnormal {
        (mant << 1, exp - 1)
    } else {
        (mant, exp)
    };
    let (m, minus, plus, e) = if subnormal {
        (mant, 1, 1, exp)
    } else if mant == 1 << 52 {
        (mant << 2, 1, 2, exp - 2)
    } else {
        (mant << 1, 1, 1, exp - 1)
    };
    let inclusive = mant % 2 == 0;
    let inside =
        |o: std::cmp::Ordering, toward: std::cmp::Ordering| o == toward || (inclusive && o.is_eq());
    let v = Exact::scaled(m, e);
    let low = Exact::scaled(m - minus, e).digits;
    let high = Exact::scaled(m + plus, e).digits;
    // From one place above the leading digit: 9.99…e-8 may become 0.0000001.
    for i in (0..=v.digits.len()).rev() {
        let mut down: Digits = v.digits.clone();
        down.iter_mut().take(i).for_each(|d| *d = 0);
        let mut up = down.clone();
        increment(&mut up, i);
        let down_ok = inside(cmp(&down, &low), std::cmp::Ordering::Greater);
        let up_ok = inside(cmp(&up, &high), std::cmp::Ordering::Less);
        let round_up = i > 0 && at(&v.digits, i - 1) >= 5;
        if up_ok && (!down_ok || round_up) {
            return push_fixed(out, &up, v.frac, i);
        }
        if down_ok {
            return push_fixed(out, &down, v.frac, i);
        }
    }
    push_fixed(out, &v.digits, v.frac, 0);
}

/// Writes digits (least significant first, `frac` of them after the point) from the top down to
/// position `lowest`: the integer part without leading zeros (`0` if empty), then the fraction
/// if `lowest < frac`.
fn push_fixed(out: &mut String, d: &[u8], frac: usize, lowest: usize) {
    let digit = |i: usize| char::from(b'0' + at(d, i));
    let top = (frac..d.len()).rev().find(|&i| at(d, i) != 0);
    match top {
        Some(top) => (frac..=top).rev().for_each(|i| out.push(digit(i))),
        None => out.push('0'),
    }
    if lowest < frac {
        out.push('.');
        (lowest..frac).rev().for_each(|i| out.push(digit(i)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every format against the standard library for one value.
    fn check(x: f64) {
        assert_eq!(shortest(x), format!("{x}"), "{{}} of {:e}", x);
        assert_eq!(signed(x), format!("{x:+}"), "{{:+}} of {:e}", x);
        for p in [0, 1, 2, 3, 6] {
            assert_eq!(fixed(x, p), format!("{x:.p$}"), "{{:.{p}}} of {:e}", x);
        }
    }

    #[test]
    fn digits_like_parse_of_digit_runs() {
        for s in ["0", "007", "12", "9999", "18446744073709551615"] {
            assert_eq!(digits(s), s.parse::<u64>().ok(), "{s}");
        }
        for s in ["", "+1", "-1", "1a", " 1", "18446744073709551616", "١"] {
            assert_eq!(digits(s), None, "{s}");
        }
    }

    #[test]
    fn integers_like_std() {
        let mut s = String::new();
        for n in [
            0i64,
            1,
            -1,
            9,
            10,
            -10,
            99,
            100,
            2642,
            i64::MAX,
            i64::MIN,
            -7,
            12345,
        ] {
            assert_eq!(int(n), n.to_string());
            for w in [0, 1, 2, 4, 6, 25] {
                s.clear();
                push_padded(&mut s, n, w);
                assert_eq!(s, format!("{n:0w$}"), "{n} width {w}");
            }
        }
        assert_eq!(int(u64::MAX), u64::MAX.to_string());
        assert_eq!(int(usize::MAX), usize::MAX.to_string());
        assert_eq!(int(i8::MIN), "-128");
        assert_eq!(int(0u8), "0");
    }

    #[test]
    fn values_the_tracker_shows() {
        for x in [
            69.5, 0.1, 0.2, 0.3, 100.0, 95.0, 28.0, 1.0, 0.0, -0.0, 2.0, -3.0, 0.85, 12.25, 86.46,
            0.125, 0.375, 2.5, 0.5, 1.5, 1.005, 9.995, 99.995, 0.05, 63.0, 34.0, 2025.0,
        ] {
            check(x);
        }
        assert_eq!(shortest(69.5), "69.5");
        assert_eq!(fixed(0.125, 2), "0.12");
        assert_eq!(fixed(1.005, 2), "1.00");
        assert_eq!(fixed(2.5, 0), "2");
        assert_eq!(fixed(-0.001, 2), "-0.00");
        assert_eq!(signed(3.0), "+3");
        assert_eq!(signed(-0.0), "-0");
    }

    #[test]
    fn specials_and_extremes() {
        for x in [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            5e-324,
            1e-7,
            1e21,
            1e23,
            9007199254740993.0,
            0.1 + 0.2,
            1.0 / 3.0,
            2f64.powi(-1022) * 3.0,
            2f64.powi(60),
        ] {
            check(x);
        }
        assert_eq!(shortest(f64::NAN), "NaN");
        assert_eq!(signed(f64::NEG_INFINITY), "-inf");
        assert_eq!(shortest(0.1 + 0.2), "0.30000000000000004");
    }

    #[test]
    fn every_power_of_two_and_neighbours() {
        for e in -1074..=1023 {
            let p = 2f64.powi(e);
            if p == 0.0 || !p.is_finite() {
                continue;
            }
            check(p);
            check(f64::from_bits(p.to_bits() + 1));
            check(f64::from_bits(p.to_bits() - 1));
        }
    }

    mod props {
        use super::check;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn same_as_std_on_any_bits(bits in any::<u64>()) {
                check(f64::from_bits(bits));
            }

            #[test]
            fn same_as_std_on_short_decimals(m in -10_000_000i64..10_000_000, e in 0i32..8) {
                check(m as f64 / 10f64.powi(e));
            }
        }
    }
}
