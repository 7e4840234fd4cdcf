//! Reading a mapping: keys outside its allowed list are reported when the mapping is entered,
//! required keys when the reader asks for them.

use marked_yaml::Node;
use marked_yaml::types::{MarkedMappingNode, MarkedScalarNode};

use super::{Ctx, is_null, suggestion};
use crate::diagnostics::{Code, Loc, Message};

impl Ctx<'_> {
    /// Read `node` as a mapping whose keys must be among `allowed`; unknown keys are reported
    /// with the closest allowed key.
    pub fn map<'n>(&mut self, node: &'n Node, allowed: &'static [&'static str]) -> Option<Map<'n>> {
        let Node::Mapping(mapping) = node else {
            self.wrong_type(node, "pemetaan (kunci: nilai)", "a mapping (key: value)");
            return None;
        };
        for key in mapping.keys() {
            if !allowed.contains(&key.as_str()) {
                self.unknown_key(key, allowed);
            }
        }
        Some(Map { node: mapping, loc: self.loc(node) })
    }

    /// Read `node` as a mapping with free keys (years, unsur, …).
    pub fn any_map<'n>(&mut self, node: &'n Node) -> Option<Map<'n>> {
        let Node::Mapping(mapping) = node else {
            self.wrong_type(node, "pemetaan (kunci: nilai)", "a mapping (key: value)");
            return None;
        };
        Some(Map { node: mapping, loc: self.loc(node) })
    }

    fn unknown_key(&mut self, key: &MarkedScalarNode, allowed: &[&str]) {
        let loc = self.span_loc(key.span(), key.as_str().chars().count() as u32);
        let name = key.as_str();
        let d = self.error(
            Code::UnknownKey,
            loc,
            format!("kunci tidak dikenal `{name}`"),
            format!("unknown key `{name}`"),
        );
        match suggestion(name, allowed) {
            Some(help) => d.with_help(help),
            None => d.with_help(Message::new(
                format!("kunci yang dikenal: {}", allowed.join(", ")),
                format!("known keys: {}", allowed.join(", ")),
            )),
        }
    }
}

/// A mapping being read.
pub struct Map<'n> {
    node: &'n MarkedMappingNode,
    /// Where the mapping starts (missing keys are reported here).
    pub loc: Loc,
}

impl<'n> Map<'n> {
    /// The value of `key`, if present and not null.
    pub fn optional(&self, key: &str) -> Option<&'n Node> {
        self.node.get_node(key).filter(|n| !is_null(n))
    }

    /// The value of `key`, present even when null (`~` is meaningful for figures).
    pub fn raw(&self, key: &str) -> Option<&'n Node> {
        self.node.get_node(key)
    }

    /// The value of `key`, reporting `missing-key` at the mapping when it is absent or null.
    pub fn required(&self, ctx: &mut Ctx, key: &str) -> Option<&'n Node> {
        let found = self.optional(key);
        if found.is_none() {
            ctx.error(
                Code::MissingKey,
                self.loc.clone(),
                format!("kunci wajib `{key}` tidak ada"),
                format!("required key `{key}` is missing"),
            );
        }
        found
    }

    /// Where `key` is written (the mapping's start when absent): problems with a nested value
    /// as a whole are reported on its key's line.
    pub fn key_loc(&self, ctx: &Ctx, key: &str) -> Loc {
        match self.node.keys().find(|k| k.as_str() == key) {
            Some(k) => ctx.span_loc(k.span(), key.chars().count() as u32),
            None => self.loc.clone(),
        }
    }

    /// The mapping under `key`, located at its key so that a missing key inside it is reported
    /// on the line of its parent (SPEC §2).
    pub fn sub(
        &self,
        ctx: &mut Ctx,
        key: &str,
        allowed: &'static [&'static str],
        required: bool,
    ) -> Option<Map<'n>> {
        let node = if required { self.required(ctx, key)? } else { self.optional(key)? };
        let mut map = ctx.map(node, allowed)?;
        map.loc = self.key_loc(ctx, key);
        Some(map)
    }

    /// Key nodes and values, in file order.
    pub fn entries(&self) -> impl Iterator<Item = (&'n MarkedScalarNode, &'n Node)> {
        self.node.iter()
    }
}
