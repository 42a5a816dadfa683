//! One stable sort for the whole crate, small in WebAssembly.
//!
//! Why it exists: every call of the standard library's `sort_by`/`sort_by_key` instantiates the
//! whole driftsort/quicksort machinery for its element type and comparator, about 4 KB of wasm
//! each; a dozen call sites cost ~60 KB that every citizen downloads. Here the sorting itself is
//! one non-generic merge sort over `u32` positions with a `dyn` comparator; the generic part that
//! remains per call site only moves the elements into their sorted order.
//!
//! The lists sorted here are small (at most tens of thousands of items), so an indirect call per
//! comparison costs nothing noticeable.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`.
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let items: &[T] = v;
        let mut by_pos = |a: u32, b: u32| match (items.get(a as usize), items.get(b as usize)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        };
        positions(items.len(), &mut by_pos)
    };
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    for p in order {
        if let Some(item) = slots.get_mut(p as usize).and_then(Option::take) {
            v.push(item);
        }
    }
}

/// Sorts `v` stably by a key.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)))
}

/// The positions `0..n` in stable sorted order (bottom-up merge sort).
fn positions(n: usize, cmp: &mut dyn FnMut(u32, u32) -> Ordering) -> Vec<u32> {
    let mut a: Vec<u32> = (0..n as u32).collect();
    let mut b: Vec<u32> = Vec::with_capacity(n);
    let mut width = 1;
    while width < n {
        b.clear();
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (left, right) = (
                a.get(start..mid).unwrap_or(&[]),
                a.get(mid..end).unwrap_or(&[]),
            );
            let (mut i, mut j) = (0, 0);
            while let (Some(&x), Some(&y)) = (left.get(i), right.get(j)) {
                // Take from the right only when strictly smaller: stable.
                if cmp(y, x) == Ordering::Less {
                    b.push(y);
                    j += 1;
                } else {
                    b.push(x);
                    i += 1;
                }
            }
            b.extend_from_slice(left.get(i..).unwrap_or(&[]));
            b.extend_from_slice(right.get(j..).unwrap_or(&[]));
            start = end;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    proptest! {
        #[test]
        fn same_as_std(mut v in proptest::collection::vec((0u8..8, any::<u16>()), 0..300)) {
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            sort_by_key(&mut v, |p| p.0);
            prop_assert_eq!(v, expected);
        }
    }
}
