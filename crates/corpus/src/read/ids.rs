//! The ids of a table read so far, for the check that each is used once.

use hashbrown::HashTable;
use std::hash::BuildHasher;

/// Every id seen so far and where it was first used (a line or row number), kept compact: it
/// grows with the corpus, and lives while the corpus is read. The ids are laid end to end in
/// one string, with 16 bytes of entry each (where the id ends, where it was first) and a
/// 4-byte entry number in a hash table: about 30 bytes an id beside its own bytes, where a
/// map of owned strings took about 85 (at a million 8-byte ids, a `String` and a `u64` per
/// bucket at half load, and the string's own allocation).
#[derive(Debug, Default)]
pub struct IdSet {
    ids: String,
    /// Per id, in the order first seen: where it ends in `ids`, and where it was first used.
    entries: Vec<(u64, u64)>,
    index: HashTable<u32>,
}

fn hash(id: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(id)
}

impl IdSet {
    /// An empty set.
    pub fn new() -> Self {
        IdSet::default()
    }

    /// Records `id`, first used at `at`; if it was seen before, returns where it was first
    /// used instead (and records nothing).
    pub fn insert(&mut self, id: &str, at: u64) -> Option<u64> {
        let h = hash(id);
        let (ids, entries) = (&self.ids, &self.entries);
        if let Some(&i) = self.index.find(h, |&i| id_of(ids, entries, i) == id) {
            return Some(self.entries[i as usize].1);
        }
        self.ids.push_str(id);
        let i = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        self.entries.push((self.ids.len() as u64, at));
        let (ids, entries) = (&self.ids, &self.entries);
        self.index
            .insert_unique(h, i, |&j| hash(id_of(ids, entries, j)));
        None
    }

    /// How many distinct ids have been seen.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether none has.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Entry `i`'s id.
fn id_of<'a>(ids: &'a str, entries: &[(u64, u64)], i: u32) -> &'a str {
    let i = i as usize;
    let start = if i == 0 { 0 } else { entries[i - 1].0 as usize };
    &ids[start..entries[i].0 as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_repeated_id_returns_where_it_was_first_used() {
        let mut set = IdSet::new();
        assert_eq!(set.insert("a", 2), None);
        assert_eq!(set.insert("ab", 3), None);
        assert_eq!(set.insert("", 4), None);
        assert_eq!(set.insert("b", 5), None);
        assert_eq!(set.insert("ab", 9), Some(3));
        assert_eq!(set.insert("", 10), Some(4));
        assert_eq!(set.insert("a", 11), Some(2));
        // A prefix or an extension of an id is another id.
        assert_eq!(set.insert("abc", 12), None);
        assert_eq!(set.len(), 5);
    }

    proptest! {
        /// The set answers as a map of owned strings does, through the table's growth.
        #[test]
        fn answers_as_a_map_does(ids in proptest::collection::vec("[a-c]{0,3}|[a-z0-9]{4,12}", 0..600)) {
            let mut set = IdSet::new();
            let mut map = std::collections::HashMap::new();
            for (at, id) in ids.iter().enumerate() {
                let want = match map.get(id) {
                    Some(&first) => Some(first),
                    None => {
                        map.insert(id.clone(), at as u64);
                        None
                    }
                };
                prop_assert_eq!(set.insert(id, at as u64), want);
            }
            prop_assert_eq!(set.len(), map.len());
        }
    }
}
