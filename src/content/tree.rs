//! The tree a content file is read into: mappings, lists and scalars, each with the line and
//! column where it starts. Scalars keep their source text, so figures are never read through a
//! float. [`crate::content::yaml::parse`] builds it in the same pass over the parser's events
//! that guards the file.
//!
//! It is deliberately plain: a mapping is its entries in file order (content mappings hold a
//! handful of keys, found by a short scan), with no hash table per mapping; a file of 20,000
//! indicators is read into a third of the memory a general YAML tree takes. The entries of a
//! mapping and the items of a list are gathered on one stack per file while they are read and
//! then moved into a slice of their exact length (a growing `Vec` per mapping would hold up to
//! twice the room it needs, for as long as the tree lives).

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
    value: Box<str>,
    plain: bool,
}

impl Scalar {
    /// The scalar `value` starting at `mark`; `plain` when written without quotes or block
    /// markers (only a plain scalar can be `~`, a number or a date).
    pub fn new(mark: Mark, value: String, plain: bool) -> Self {
        Scalar { mark, value: value.into_boxed_str(), plain }
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
    entries: Box<[(Scalar, Node)]>,
}

impl Mapping {
    /// An empty mapping starting at `mark`.
    pub fn new(mark: Mark) -> Self {
        Mapping { mark, entries: Box::default() }
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
    items: Box<[Node]>,
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

/// The entries of the mappings and the items of the lists of one file being read: each open
/// mapping or list owns the top of its stack from where it started, and takes it when it ends.
#[derive(Debug, Default)]
pub struct Stacks {
    entries: Vec<(Scalar, Node)>,
    items: Vec<Node>,
}

/// A mapping being built: finds an earlier entry of the same key, so that a duplicate keeps the
/// first key's position and the last value.
#[derive(Debug)]
pub struct Building {
    mark: Mark,
    /// Where its entries start on [`Stacks::entries`].
    start: usize,
    index: HashMap<Box<str>, usize>,
}

impl Building {
    /// An empty mapping starting at `mark`, its entries to come on top of `stacks`.
    pub fn new(mark: Mark, stacks: &Stacks) -> Self {
        Building { mark, start: stacks.entries.len(), index: HashMap::new() }
    }

    /// The earlier key equal to `key`.
    pub fn find<'s>(&self, stacks: &'s Stacks, key: &str) -> Option<&'s Scalar> {
        self.position(stacks, key).map(|i| &stacks.entries[self.start + i].0)
    }

    fn position(&self, stacks: &Stacks, key: &str) -> Option<usize> {
        let entries = &stacks.entries[self.start..];
        if entries.len() <= SCAN_LIMIT {
            entries.iter().position(|(k, _)| k.as_str() == key)
        } else {
            self.index.get(key).copied()
        }
    }

    /// Add `key: value`; a key seen before keeps its place and takes the new value.
    pub fn insert(&mut self, stacks: &mut Stacks, key: Scalar, value: Node) {
        if let Some(i) = self.position(stacks, key.as_str()) {
            stacks.entries[self.start + i].1 = value;
            return;
        }
        stacks.entries.push((key, value));
        let entries = &stacks.entries[self.start..];
        if entries.len() == SCAN_LIMIT + 1 {
            self.index = entries.iter().enumerate().map(|(i, (k, _))| (k.value.clone(), i)).collect();
        } else if entries.len() > SCAN_LIMIT + 1 {
            self.index.insert(entries[entries.len() - 1].0.value.clone(), entries.len() - 1);
        }
    }

    /// The finished mapping, its entries taken off `stacks`.
    pub fn finish(self, stacks: &mut Stacks) -> Mapping {
        Mapping { mark: self.mark, entries: stacks.entries.drain(self.start..).collect() }
    }
}

/// A list being built.
#[derive(Debug)]
pub struct Listing {
    mark: Mark,
    /// Where its items start on [`Stacks::items`].
    start: usize,
}

impl Listing {
    /// An empty list starting at `mark`, its items to come on top of `stacks`.
    pub fn new(mark: Mark, stacks: &Stacks) -> Self {
        Listing { mark, start: stacks.items.len() }
    }

    /// Append `item`.
    pub fn push(&self, stacks: &mut Stacks, item: Node) {
        stacks.items.push(item);
    }

    /// The finished list, its items taken off `stacks`.
    pub fn finish(self, stacks: &mut Stacks) -> Sequence {
        Sequence { mark: self.mark, items: stacks.items.drain(self.start..).collect() }
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
            // An enclosing mapping's entry `a` is already on the stack: not this mapping's.
            let mut stacks = Stacks::default();
            let mut outer = Building::new(Mark { line: 1, column: 1 }, &stacks);
            outer.insert(&mut stacks, scalar(1, "a"), Node::Scalar(scalar(1, "outer")));
            let mut b = Building::new(Mark { line: 1, column: 1 }, &stacks);
            assert!(b.find(&stacks, "a").is_none(), "the enclosing mapping's key");
            for i in 0..extra {
                b.insert(&mut stacks, scalar(1, &format!("k{i}")), Node::Scalar(scalar(1, "x")));
            }
            b.insert(&mut stacks, scalar(2, "a"), Node::Scalar(scalar(2, "1")));
            b.insert(&mut stacks, scalar(3, "b"), Node::Scalar(scalar(3, "2")));
            assert_eq!(b.find(&stacks, "a").map(|k| k.mark().line), Some(2));
            b.insert(&mut stacks, scalar(4, "a"), Node::Scalar(scalar(4, "3")));
            let m = b.finish(&mut stacks);
            assert_eq!(m.keys().count(), extra + 2, "its own entries only");
            let keys: Vec<&str> = m.keys().skip(extra).map(Scalar::as_str).collect();
            assert_eq!(keys, ["a", "b"], "the first place");
            match m.get("a") {
                Some(Node::Scalar(s)) => assert_eq!(s.as_str(), "3", "the last value"),
                other => panic!("{other:?}"),
            }
            let outer = outer.finish(&mut stacks);
            assert_eq!(outer.keys().map(Scalar::as_str).collect::<Vec<_>>(), ["a"]);
        }
    }

    #[test]
    fn a_list_takes_its_own_items_off_the_stack() {
        let mut stacks = Stacks::default();
        let outer = Listing::new(Mark { line: 1, column: 1 }, &stacks);
        outer.push(&mut stacks, Node::Scalar(scalar(1, "x")));
        let inner = Listing::new(Mark { line: 2, column: 1 }, &stacks);
        inner.push(&mut stacks, Node::Scalar(scalar(2, "y")));
        inner.push(&mut stacks, Node::Scalar(scalar(3, "z")));
        let inner = inner.finish(&mut stacks);
        assert_eq!(inner.len(), 2);
        outer.push(&mut stacks, Node::Sequence(inner));
        let outer = outer.finish(&mut stacks);
        assert_eq!(outer.len(), 2, "x and the inner list");
        assert!(matches!(&outer[1], Node::Sequence(s) if s.len() == 2));
    }
}
