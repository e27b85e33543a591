//! A table of records with its two name indexes (exact key and folded key) and the queries on
//! them, optionally restricted to the entities that existed in a given year.

use crate::key::{folded_key, name_key};
use crate::model::{Country, District, Organization, Period, Person, Province, Title};
use std::collections::HashMap;

/// What a table needs to know of its records.
pub trait Entry {
    /// The canonical name.
    fn canonical(&self) -> &str;
    /// Every name the record answers to (canonical name first).
    fn names(&self) -> Vec<&str>;
    /// The years the record is valid.
    fn period(&self) -> Period;
}

impl Entry for Country {
    fn canonical(&self) -> &str {
        &self.name
    }
    fn names(&self) -> Vec<&str> {
        let mut v = vec![self.name.as_str()];
        v.extend(self.variants.iter().map(String::as_str));
        if !self.english.is_empty() {
            v.push(&self.english);
        }
        v
    }
    fn period(&self) -> Period {
        self.period
    }
}

impl Entry for Province {
    fn canonical(&self) -> &str {
        &self.name
    }
    fn names(&self) -> Vec<&str> {
        let mut v = vec![self.name.as_str()];
        v.extend(self.variants.iter().map(String::as_str));
        v
    }
    fn period(&self) -> Period {
        self.period
    }
}

impl Entry for District {
    fn canonical(&self) -> &str {
        &self.name
    }
    fn names(&self) -> Vec<&str> {
        let mut v = vec![self.name.as_str()];
        v.extend(self.variants.iter().map(String::as_str));
        v
    }
    fn period(&self) -> Period {
        self.period
    }
}

impl Entry for Organization {
    fn canonical(&self) -> &str {
        &self.name
    }
    fn names(&self) -> Vec<&str> {
        let mut v = vec![self.name.as_str()];
        v.extend(self.aliases.iter().map(String::as_str));
        v
    }
    fn period(&self) -> Period {
        self.period
    }
}

impl Entry for Title {
    fn canonical(&self) -> &str {
        &self.head
    }
    fn names(&self) -> Vec<&str> {
        let mut v = vec![self.head.as_str()];
        v.extend(self.aliases.iter().map(String::as_str));
        v
    }
    fn period(&self) -> Period {
        self.period
    }
}

impl Entry for Person {
    fn canonical(&self) -> &str {
        &self.name
    }
    fn names(&self) -> Vec<&str> {
        let mut v = vec![self.name.as_str()];
        v.extend(self.aliases.iter().map(String::as_str));
        if !self.international.is_empty() {
            v.push(&self.international);
        }
        v
    }
    fn period(&self) -> Period {
        // A person's own existence is not tracked; their posts carry the years.
        Period::default()
    }
}

/// Maps keys to row numbers.
#[derive(Debug, Default, Clone)]
pub(crate) struct NameIndex {
    exact: HashMap<String, Vec<usize>>,
    folded: HashMap<String, Vec<usize>>,
}

impl NameIndex {
    pub fn insert(&mut self, name: &str, row: usize) {
        let key = name_key(name);
        if key.is_empty() {
            return;
        }
        let folded = tre_text::fold(&key);
        push_unique(self.exact.entry(key).or_default(), row);
        push_unique(self.folded.entry(folded).or_default(), row);
    }

    pub fn exact(&self, key: &str) -> &[usize] {
        self.exact.get(key).map_or(&[], Vec::as_slice)
    }

    pub fn folded(&self, key: &str) -> &[usize] {
        self.folded.get(key).map_or(&[], Vec::as_slice)
    }

    pub fn exact_keys(&self) -> impl Iterator<Item = (&String, &Vec<usize>)> {
        self.exact.iter()
    }
}

fn push_unique(v: &mut Vec<usize>, row: usize) {
    if !v.contains(&row) {
        v.push(row);
    }
}

/// The records of one lexicon file, looked up by any of their names.
#[derive(Debug, Clone)]
pub struct Table<T> {
    rows: Vec<T>,
    index: NameIndex,
}

impl<T: Entry> Table<T> {
    pub(crate) fn new(rows: Vec<T>) -> Self {
        let mut index = NameIndex::default();
        for (i, row) in rows.iter().enumerate() {
            for name in row.names() {
                index.insert(name, i);
            }
        }
        Table { rows, index }
    }

    /// Every record, in file order (user files after the defaults).
    pub fn all(&self) -> &[T] {
        &self.rows
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Every record one of whose names has the same key as `name`, best first: an exact hit
    /// on the canonical name, then records still in existence, then the most recent.
    pub fn lookup(&self, name: &str) -> Vec<&T> {
        let key = name_key(name);
        self.ranked(&key, self.index.exact(&key), None)
    }

    /// Every record one of whose names folds to the same accent-free key as `name`, best first.
    /// `dak lak` finds Đắk Lắk; `ha nam` finds Hà Nam (and would find a Hà Năm if there were one).
    pub fn lookup_folded(&self, name: &str) -> Vec<&T> {
        let key = folded_key(name);
        self.ranked(&key, self.index.folded(&key), None)
    }

    /// The best record named `name` (exact key).
    pub fn get(&self, name: &str) -> Option<&T> {
        self.lookup(name).into_iter().next()
    }

    /// The record named `name`: by exact key, or else by folded key when that points to one
    /// record only (an accent-free query must not guess between two places).
    pub fn find(&self, name: &str) -> Option<&T> {
        self.get(name).or_else(|| single(self.lookup_folded(name)))
    }

    /// The same table restricted to the records valid in `year`.
    pub fn at(&self, year: i32) -> TableAt<'_, T> {
        TableAt { table: self, year }
    }

    pub(crate) fn index(&self) -> &NameIndex {
        &self.index
    }

    fn ranked(&self, key: &str, rows: &[usize], year: Option<i32>) -> Vec<&T> {
        let mut hits: Vec<(usize, &T)> = rows
            .iter()
            .map(|&i| (i, &self.rows[i]))
            .filter(|(_, r)| year.is_none_or(|y| r.period().contains(y)))
            .collect();
        hits.sort_by_key(|(i, r)| {
            let canonical = name_key(r.canonical());
            let canonical_hit = canonical == key || tre_text::fold(&canonical) == key;
            let p = r.period();
            (
                !canonical_hit,
                !p.is_open(),
                std::cmp::Reverse(p.to.unwrap_or(i32::MAX)),
                *i,
            )
        });
        hits.into_iter().map(|(_, r)| r).collect()
    }
}

fn single<T>(v: Vec<&T>) -> Option<&T> {
    if v.len() == 1 {
        v.into_iter().next()
    } else {
        None
    }
}

/// A [`Table`] seen from one year: only the records that existed then.
#[derive(Debug, Clone, Copy)]
pub struct TableAt<'a, T> {
    table: &'a Table<T>,
    year: i32,
}

impl<'a, T: Entry> TableAt<'a, T> {
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The records valid in the year, in file order.
    pub fn iter(&self) -> impl Iterator<Item = &'a T> + 'a {
        let year = self.year;
        self.table
            .rows
            .iter()
            .filter(move |r| r.period().contains(year))
    }

    pub fn count(&self) -> usize {
        self.iter().count()
    }

    pub fn lookup(&self, name: &str) -> Vec<&'a T> {
        let key = name_key(name);
        self.table
            .ranked(&key, self.table.index.exact(&key), Some(self.year))
    }

    pub fn lookup_folded(&self, name: &str) -> Vec<&'a T> {
        let key = folded_key(name);
        self.table
            .ranked(&key, self.table.index.folded(&key), Some(self.year))
    }

    pub fn get(&self, name: &str) -> Option<&'a T> {
        self.lookup(name).into_iter().next()
    }

    pub fn find(&self, name: &str) -> Option<&'a T> {
        self.get(name).or_else(|| single(self.lookup_folded(name)))
    }
}
