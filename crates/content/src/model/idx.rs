//! Typed indices: an [`Idx<Market>`](Idx) is a position in the playbook's
//! markets and nothing else, so `step_window(pb, market, step)` does not
//! compile with its arguments swapped, and "none" is an `Option`, never a
//! sentinel number. [`IdxVec`] is a vector indexed by them: the playbook's
//! entities, and tables kept per entity (`IdxVec<Task, Vec<Idx<Market>>>`:
//! per task, its markets).
//!
//! An index is a `u32` (half a `usize`: the model holds hundreds of
//! thousands of relations at scale), serialized as a plain number.

use serde::Serialize;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::ops::{Index, IndexMut};

/// A position in an [`IdxVec`] of `T`s.
pub struct Idx<T> {
    raw: u32,
    of: PhantomData<fn() -> T>,
}

impl<T> Idx<T> {
    /// The index at position `i`.
    ///
    /// # Panics
    ///
    /// When `i` does not fit in 32 bits (four billion entities).
    #[inline]
    pub fn new(i: usize) -> Self {
        Idx {
            raw: u32::try_from(i).expect("fewer than 2^32 entities of a kind"),
            of: PhantomData,
        }
    }

    /// The position, for a plain slice or a count.
    #[inline]
    pub const fn index(self) -> usize {
        self.raw as usize
    }
}

impl<T> Clone for Idx<T> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Idx<T> {}

impl<T> PartialEq for Idx<T> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl<T> Eq for Idx<T> {}

impl<T> PartialOrd for Idx<T> {
    #[inline]
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<T> Ord for Idx<T> {
    #[inline]
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.raw.cmp(&other.raw)
    }
}

impl<T> Hash for Idx<T> {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.raw.hash(state);
    }
}

impl<T> fmt::Debug for Idx<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.raw)
    }
}

impl<T> Serialize for Idx<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(self.raw)
    }
}

/// A vector of `V`s indexed by [`Idx<K>`](Idx): the entities of a kind
/// (`IdxVec<Market>`), or a value per entity (`IdxVec<Task, Vec<Idx<Market>>>`).
pub struct IdxVec<K, V = K> {
    items: Vec<V>,
    of: PhantomData<fn() -> K>,
}

impl<K, V> IdxVec<K, V> {
    /// An empty vector.
    pub const fn new() -> Self {
        IdxVec {
            items: Vec::new(),
            of: PhantomData,
        }
    }

    /// `n` copies of `v`: a value for each of `n` entities.
    pub fn filled(v: V, n: usize) -> Self
    where
        V: Clone,
    {
        vec![v; n].into()
    }

    /// Add `v`; its index.
    #[inline]
    pub fn push(&mut self, v: V) -> Idx<K> {
        self.items.push(v);
        Idx::new(self.items.len() - 1)
    }

    /// The index the next [`IdxVec::push`] returns.
    #[inline]
    pub fn next_idx(&self) -> Idx<K> {
        Idx::new(self.items.len())
    }

    /// How many there are.
    #[inline]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The value at `i`, if there is one.
    #[inline]
    pub fn get(&self, i: Idx<K>) -> Option<&V> {
        self.items.get(i.index())
    }

    /// The value at `i`, if there is one, to change.
    #[inline]
    pub fn get_mut(&mut self, i: Idx<K>) -> Option<&mut V> {
        self.items.get_mut(i.index())
    }

    /// The values in order.
    #[inline]
    pub fn iter(&self) -> std::slice::Iter<'_, V> {
        self.items.iter()
    }

    /// The values in order, to change.
    #[inline]
    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, V> {
        self.items.iter_mut()
    }

    /// The indices in order.
    pub fn indices(&self) -> impl DoubleEndedIterator<Item = Idx<K>> + ExactSizeIterator {
        (0..self.items.len()).map(Idx::new)
    }

    /// Each value with its index.
    pub fn iter_enumerated(
        &self,
    ) -> impl DoubleEndedIterator<Item = (Idx<K>, &V)> + ExactSizeIterator {
        self.items.iter().enumerate().map(|(i, v)| (Idx::new(i), v))
    }

    /// The index before `i`, if `i` is not the first.
    pub fn before(&self, i: Idx<K>) -> Option<Idx<K>> {
        i.index().checked_sub(1).map(Idx::new)
    }

    /// The index after `i`, if `i` is not the last.
    pub fn after(&self, i: Idx<K>) -> Option<Idx<K>> {
        let j = i.index() + 1;
        (j < self.items.len()).then(|| Idx::new(j))
    }

    /// The index of the first value for which `f` holds.
    pub fn position(&self, f: impl FnMut(&V) -> bool) -> Option<Idx<K>> {
        self.items.iter().position(f).map(Idx::new)
    }

    /// The values as a plain slice (for a parallel iterator, a sort, a search).
    #[inline]
    pub fn as_slice(&self) -> &[V] {
        &self.items
    }

    /// The values as a plain mutable slice.
    #[inline]
    pub fn as_mut_slice(&mut self) -> &mut [V] {
        &mut self.items
    }

    /// The first value.
    #[inline]
    pub fn first(&self) -> Option<&V> {
        self.items.first()
    }

    /// The last value.
    #[inline]
    pub fn last(&self) -> Option<&V> {
        self.items.last()
    }

    /// The values, unwrapped.
    pub fn into_vec(self) -> Vec<V> {
        self.items
    }
}

impl<K, V> Index<Idx<K>> for IdxVec<K, V> {
    type Output = V;
    #[inline]
    fn index(&self, i: Idx<K>) -> &V {
        &self.items[i.index()]
    }
}

impl<K, V> IndexMut<Idx<K>> for IdxVec<K, V> {
    #[inline]
    fn index_mut(&mut self, i: Idx<K>) -> &mut V {
        &mut self.items[i.index()]
    }
}

impl<K, V> Default for IdxVec<K, V> {
    fn default() -> Self {
        IdxVec::new()
    }
}

impl<K, V: Clone> Clone for IdxVec<K, V> {
    fn clone(&self) -> Self {
        self.items.clone().into()
    }
}

impl<K, V: fmt::Debug> fmt::Debug for IdxVec<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.items.fmt(f)
    }
}

impl<K, V: PartialEq> PartialEq for IdxVec<K, V> {
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items
    }
}

impl<K, V> From<Vec<V>> for IdxVec<K, V> {
    fn from(items: Vec<V>) -> Self {
        IdxVec {
            items,
            of: PhantomData,
        }
    }
}

impl<K, V> FromIterator<V> for IdxVec<K, V> {
    fn from_iter<I: IntoIterator<Item = V>>(it: I) -> Self {
        it.into_iter().collect::<Vec<V>>().into()
    }
}

impl<'a, K, V> IntoIterator for &'a IdxVec<K, V> {
    type Item = &'a V;
    type IntoIter = std::slice::Iter<'a, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<K, V> IntoIterator for IdxVec<K, V> {
    type Item = V;
    type IntoIter = std::vec::IntoIter<V>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Market;
    struct Step;

    #[test]
    fn an_index_is_a_position_of_its_own_kind() {
        let mut v: IdxVec<Market, &str> = IdxVec::new();
        let de = v.push("de");
        let fr = v.push("fr");
        assert_eq!((v[de], v[fr]), ("de", "fr"));
        assert_eq!(v.next_idx().index(), 2);
        assert!(de < fr);
        let names: Vec<(usize, &str)> = v.iter_enumerated().map(|(i, s)| (i.index(), *s)).collect();
        assert_eq!(names, [(0, "de"), (1, "fr")]);
        assert_eq!(v.position(|s| *s == "fr"), Some(fr));
        let _: Idx<Step> = Idx::new(de.index()); // a conversion is written out
    }

    #[test]
    fn an_index_serializes_as_a_number() {
        let i: Idx<Market> = Idx::new(7);
        assert_eq!(serde_json::to_string(&i).unwrap(), "7");
        assert_eq!(format!("{i:?}"), "#7");
    }
}
