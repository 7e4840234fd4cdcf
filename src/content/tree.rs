//! The tree a content file is read into: mappings, lists and scalars, each with the line and
//! column where it starts. Scalars keep their source text, so figures are never read through a
//! float. [`crate::content::yaml::parse`] builds it in the same pass over the parser's events
//! that guards the file.
//!
//! It is deliberately plain: a mapping is its entries in file order (content mappings hold a
//! handful of keys, found by a short scan), with no hash table per mapping; a file of 20,000
//! indicators is read into a third of the memory a general YAML tree takes.

use std::collections::HashMap;
use std::ops::Deref;

/// Where a node starts: line and column, both from 1 (columns in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mark {
    /// Line, from 1.
    pub line: u32,
    /// Column in characters, from 1.
    pub column: u32,
}

/// A node of the tree.
#[derive(Debug, Clone)]
pub enum Node {
    /// Text, as written (quotes removed).
    Scalar(Scalar),
    /// `key: value` pairs.
    Mapping(Mapping),
    /// `- item` or `[item, …]`.
    Sequence(Sequence),
}

impl Node {
    /// Where the node starts.
    pub fn mark(&self) -> Mark {
        match self {
            Node::Scalar(s) => s.mark,
            Node::Mapping(m) => m.mark,
            Node::Sequence(s) => s.mark,
        }
    }

    /// The mapping, when the node is one.
    pub fn as_mapping(&self) -> Option<&Mapping> {
        match self {
            Node::Mapping(m) => Some(m),
            _ => None,
        }
    }
}

/// A scalar and how it was written.
#[derive(Debug, Clone)]
pub struct Scalar {
    mark: Mark,
    value: String,
    plain: bool,
}

impl Scalar {
    /// The scalar `value` starting at `mark`; `plain` when written without quotes or block
    /// markers (only a plain scalar can be `~`, a number or a date).
    pub fn new(mark: Mark, value: String, plain: bool) -> Self {
        Scalar { mark, value, plain }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// Whether it was written plain (not quoted, not a `|`/`>` block).
    pub fn is_plain(&self) -> bool {
        self.plain
    }

    /// Where it starts.
    pub fn mark(&self) -> Mark {
        self.mark
    }
}

/// A mapping: its entries in file order, each key once.
#[derive(Debug, Clone)]
pub struct Mapping {
    mark: Mark,
    entries: Vec<(Scalar, Node)>,
}

impl Mapping {
    /// An empty mapping starting at `mark`.
    pub fn new(mark: Mark) -> Self {
        Mapping { mark, entries: Vec::new() }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries.iter().find(|(k, _)| k.as_str() == key).map(|(_, v)| v)
    }

    /// The keys, in file order.
    pub fn keys(&self) -> impl Iterator<Item = &Scalar> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// Keys and values, in file order.
    pub fn iter(&self) -> impl Iterator<Item = (&Scalar, &Node)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// Whether it has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Where it starts.
    pub fn mark(&self) -> Mark {
        self.mark
    }
}

/// A list.
#[derive(Debug, Clone)]
pub struct Sequence {
    mark: Mark,
    items: Vec<Node>,
}

impl Deref for Sequence {
    type Target = [Node];

    fn deref(&self) -> &[Node] {
        &self.items
    }
}

/// Entries a mapping may have before its keys are found through a hash table while it is built
/// (a hostile file may hold one mapping of 100,000 keys; content mappings hold a dozen).
const SCAN_LIMIT: usize = 16;

/// A mapping being built: finds an earlier entry of the same key, so that a duplicate keeps the
/// first key's position and the last value.
#[derive(Debug)]
pub struct Building {
    mapping: Mapping,
    index: HashMap<String, usize>,
}

impl Building {
    /// An empty mapping starting at `mark`.
    pub fn new(mark: Mark) -> Self {
        Building { mapping: Mapping::new(mark), index: HashMap::new() }
    }

    /// The earlier key equal to `key`.
    pub fn find(&self, key: &str) -> Option<&Scalar> {
        self.position(key).map(|i| &self.mapping.entries[i].0)
    }

    fn position(&self, key: &str) -> Option<usize> {
        if self.mapping.entries.len() <= SCAN_LIMIT {
            self.mapping.entries.iter().position(|(k, _)| k.as_str() == key)
        } else {
            self.index.get(key).copied()
        }
    }

    /// Add `key: value`; a key seen before keeps its place and takes the new value.
    pub fn insert(&mut self, key: Scalar, value: Node) {
        if let Some(i) = self.position(key.as_str()) {
            self.mapping.entries[i].1 = value;
            return;
        }
        let entries = &mut self.mapping.entries;
        entries.push((key, value));
        if entries.len() == SCAN_LIMIT + 1 {
            self.index = entries.iter().enumerate().map(|(i, (k, _))| (k.value.clone(), i)).collect();
        } else if entries.len() > SCAN_LIMIT + 1 {
            self.index.insert(entries[entries.len() - 1].0.value.clone(), entries.len() - 1);
        }
    }

    /// The finished mapping.
    pub fn finish(self) -> Mapping {
        self.mapping
    }
}

impl Sequence {
    /// An empty list starting at `mark`.
    pub fn new(mark: Mark) -> Self {
        Sequence { mark, items: Vec::new() }
    }

    /// Append `item`.
    pub fn push(&mut self, item: Node) {
        self.items.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(line: u32, text: &str) -> Scalar {
        Scalar::new(Mark { line, column: 1 }, text.to_string(), true)
    }

    #[test]
    fn a_repeated_key_keeps_its_first_place_and_takes_the_last_value() {
        // Past the scan limit too: the index must agree with the entries.
        for extra in [0, 40] {
            let mut b = Building::new(Mark { line: 1, column: 1 });
            for i in 0..extra {
                b.insert(scalar(1, &format!("k{i}")), Node::Scalar(scalar(1, "x")));
            }
            b.insert(scalar(2, "a"), Node::Scalar(scalar(2, "1")));
            b.insert(scalar(3, "b"), Node::Scalar(scalar(3, "2")));
            assert_eq!(b.find("a").map(|k| k.mark().line), Some(2));
            b.insert(scalar(4, "a"), Node::Scalar(scalar(4, "3")));
            let m = b.finish();
            let keys: Vec<&str> = m.keys().skip(extra).map(Scalar::as_str).collect();
            assert_eq!(keys, ["a", "b"], "the first place");
            match m.get("a") {
                Some(Node::Scalar(s)) => assert_eq!(s.as_str(), "3", "the last value"),
                other => panic!("{other:?}"),
            }
        }
    }
}
