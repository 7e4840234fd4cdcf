//! Reading a mapping against its key table ([`crate::content::keys`]): keys the table lacks
//! are reported when the mapping is entered, required keys when the reader asks for them, so
//! `missing-key` keeps the order in which the reader reads its keys.

use super::{Ctx, is_null, suggestion};
use crate::content::keys::{Key, Kind};
use crate::content::tree::{Mapping, Node, Scalar};
use crate::diagnostics::{Code, Loc, Message};

impl Ctx<'_> {
    /// Read `node` as a mapping whose keys must be among `keys`; unknown keys are reported with
    /// the closest known key, and the getters of the [`Map`] report the required ones missing.
    pub fn map<'n>(&mut self, node: &'n Node, keys: &'static [Key]) -> Option<Map<'n>> {
        let Node::Mapping(mapping) = node else {
            self.wrong_type(node, "pemetaan (kunci: nilai)", "a mapping (key: value)");
            return None;
        };
        for key in mapping.keys() {
            if !keys.iter().any(|k| k.name == key.as_str()) {
                self.unknown_key(key, keys);
            }
        }
        Some(Map { node: mapping, keys, loc: self.loc(node) })
    }

    /// Read `node` as a mapping with free keys (years), read through [`Map::entries`].
    pub fn any_map<'n>(&mut self, node: &'n Node) -> Option<Map<'n>> {
        let Node::Mapping(mapping) = node else {
            self.wrong_type(node, "pemetaan (kunci: nilai)", "a mapping (key: value)");
            return None;
        };
        Some(Map { node: mapping, keys: &[], loc: self.loc(node) })
    }

    fn unknown_key(&mut self, key: &Scalar, keys: &[Key]) {
        let allowed: Vec<&str> = keys.iter().map(|k| k.name).collect();
        let loc = self.mark_loc(key.mark(), key.as_str().chars().count() as u32);
        let name = key.as_str();
        let d = self.error(
            Code::UnknownKey,
            loc,
            format!("kunci tidak dikenal `{name}`"),
            format!("unknown key `{name}`"),
        );
        match suggestion(name, &allowed) {
            Some(help) => d.with_help(help),
            None => d.with_help(Message::new(
                format!("kunci yang dikenal: {}", allowed.join(", ")),
                format!("known keys: {}", allowed.join(", ")),
            )),
        }
    }
}

/// A mapping being read, with the table of the keys it may hold.
pub struct Map<'n> {
    node: &'n Mapping,
    /// Its keys (none for a mapping with free keys).
    keys: &'static [Key],
    /// Where the mapping starts (missing keys are reported here).
    pub loc: Loc,
}

impl<'n> Map<'n> {
    /// The value of `key`, if present and not null; reports `missing-key` at the mapping when
    /// the key table requires the key and it is absent or null.
    pub fn get(&self, ctx: &mut Ctx, key: &str) -> Option<&'n Node> {
        self.checked(ctx, key, self.present(key))
    }

    /// The value of `key`, present even when null (`~` is meaningful for figures); reports
    /// `missing-key` only when a required key is absent.
    pub fn raw(&self, ctx: &mut Ctx, key: &str) -> Option<&'n Node> {
        self.checked(ctx, key, self.node.get(key))
    }

    /// Whether `key` is present and not null, reporting nothing (for rules between keys).
    pub fn has(&self, key: &str) -> bool {
        self.entry(key).is_some() && self.present(key).is_some()
    }

    /// Report `missing-key` for a key that the table leaves optional because only some of
    /// these mappings need it (`responden` with `unsur`), when it is absent or null here.
    pub fn require(&self, ctx: &mut Ctx, key: &str) {
        if self.entry(key).is_some() && self.present(key).is_none() {
            self.missing(ctx, key);
        }
    }

    /// The keys this mapping may hold, in table order.
    pub fn keys(&self) -> &'static [Key] {
        self.keys
    }

    /// `found`, after reporting `missing-key` when it is `None` and the table requires `key`.
    fn checked(&self, ctx: &mut Ctx, key: &str, found: Option<&'n Node>) -> Option<&'n Node> {
        if found.is_none() && self.entry(key).is_some_and(|k| k.required) {
            self.missing(ctx, key);
        }
        found
    }

    fn present(&self, key: &str) -> Option<&'n Node> {
        self.node.get(key).filter(|n| !is_null(n))
    }

    /// The table's entry for `key`. A reader asking for a key its table lacks would accept a
    /// key that `check` calls unknown; the tests run with debug assertions and catch it.
    fn entry(&self, key: &str) -> Option<&'static Key> {
        let entry = self.keys.iter().find(|k| k.name == key);
        debug_assert!(entry.is_some(), "`{key}` is read but missing from its mapping's key table");
        entry
    }

    fn missing(&self, ctx: &mut Ctx, key: &str) {
        ctx.error(
            Code::MissingKey,
            self.loc.clone(),
            format!("kunci wajib `{key}` tidak ada"),
            format!("required key `{key}` is missing"),
        );
    }

    /// Where `key` is written (the mapping's start when absent): problems with a nested value
    /// as a whole are reported on its key's line.
    pub fn key_loc(&self, ctx: &Ctx, key: &str) -> Loc {
        match self.node.keys().find(|k| k.as_str() == key) {
            Some(k) => ctx.mark_loc(k.mark(), key.chars().count() as u32),
            None => self.loc.clone(),
        }
    }

    /// The mapping under `key`, read with the keys its table entry gives it and located at its
    /// key so that a missing key inside it is reported on the line of its parent (SPEC §2).
    pub fn sub(&self, ctx: &mut Ctx, key: &str) -> Option<Map<'n>> {
        let node = self.get(ctx, key)?;
        let keys = match self.entry(key).map(|k| k.kind) {
            Some(Kind::Mapping(keys)) => keys,
            _ => {
                debug_assert!(false, "`{key}` is read as a mapping but its table says otherwise");
                &[]
            }
        };
        let mut map = ctx.map(node, keys)?;
        map.loc = self.key_loc(ctx, key);
        Some(map)
    }

    /// Key nodes and values, in file order.
    pub fn entries(&self) -> impl Iterator<Item = (&'n Scalar, &'n Node)> {
        self.node.iter()
    }
}
