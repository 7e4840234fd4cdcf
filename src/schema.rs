//! JSON Schemas (draft 2020-12) of the content files, for editors: one per file of
//! [`keys::FILES`], generated from the loader's own key tables, so a schema names exactly the
//! keys the loader accepts, requires what it requires and offers the words it reads.
//!
//! A schema describes keys and value types; the rules between keys and files (four quarterly
//! targets, `unsur` or `nrr`, ids that must exist, dates in order) stay with `check`. It accepts
//! the values as the loader reads them rather than as YAML types them: the loader never converts
//! a scalar, so an unquoted `nip: 197906052005011013` is still text, a quoted `"2023"` is still a
//! year, and a figure may be a number or Indonesian notation such as `"75 triliun"`. An optional
//! key may be null (the loader takes null for left out), a required one only where its value
//! may be null (a realisation `~`, "not measured").
//!
//! Descriptions are the key tables' Indonesian texts; the English ones are in `$comment`, which
//! every validator ignores, even those that refuse unknown keywords. The output is the same, byte
//! for byte, on every run: maps keep insertion order and the tables are static.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value, json};

use crate::content::keys::{self, File, Key, Kind, RANGE, TEXT};

/// The draft the schemas are written to.
const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// A schema and the name of its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schema {
    /// `<name>.schema.json`, also its `$id`.
    pub file_name: String,
    /// Pretty-printed JSON with a final newline.
    pub text: String,
}

/// The schema of every file of the format, in the order of [`keys::FILES`].
pub fn schemas() -> Vec<Schema> {
    keys::FILES.iter().map(schema).collect()
}

/// The schema of one file.
pub fn schema(file: &File) -> Schema {
    let file_name = format!("{}.schema.json", file.name);
    let mut defs = Defs::default();
    let body = defs.mapping(file.keys);
    let mut top = Map::new();
    top.insert("$schema".into(), json!(DRAFT));
    top.insert("$id".into(), json!(file_name));
    top.insert("title".into(), json!(file.path));
    top.insert("description".into(), json!(file.about.0));
    top.insert("$comment".into(), json!(file.about.1));
    if let Value::Object(body) = body {
        top.extend(body);
    }
    top.insert("$defs".into(), defs.finish());
    let mut text = serde_json::to_string_pretty(&Value::Object(top)).unwrap_or_default();
    text.push('\n');
    Schema { file_name, text }
}

/// The value types of `docs/content-format.md` §2.2 that a schema refers to by `$ref`, in the
/// order they are written into `$defs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Def {
    Text,
    String,
    Id,
    Year,
    Integer,
    Boolean,
    Date,
    Figure,
    FigureOrNull,
    Target,
    Link,
    Path,
}

/// The `$defs` a schema uses, collected while its body is written.
#[derive(Default)]
struct Defs {
    used: BTreeSet<Def>,
}

impl Defs {
    /// A mapping with `keys`: unknown keys are refused, as the loader reports them.
    fn mapping(&mut self, keys: &'static [Key]) -> Value {
        let mut properties = Map::new();
        for key in keys {
            properties.insert(key.name.into(), self.property(key));
        }
        let required: Vec<&str> = keys.iter().filter(|k| k.required).map(|k| k.name).collect();
        let mut out = Map::new();
        out.insert("type".into(), json!("object"));
        out.insert("properties".into(), Value::Object(properties));
        if !required.is_empty() {
            out.insert("required".into(), json!(required));
        }
        out.insert("additionalProperties".into(), json!(false));
        Value::Object(out)
    }

    /// A key's value with its description; null is allowed where the loader takes it as absent.
    fn property(&mut self, key: &Key) -> Value {
        let value = self.kind(&key.kind);
        let mut out = Map::new();
        out.insert("description".into(), json!(key.description.0));
        out.insert("$comment".into(), json!(key.description.1));
        if key.required || accepts_null(&key.kind) {
            if let Value::Object(value) = value {
                out.extend(value);
            }
        } else {
            out.insert("anyOf".into(), json!([value, {"type": "null"}]));
        }
        Value::Object(out)
    }

    /// The schema of a value of `kind`.
    fn kind(&mut self, kind: &Kind) -> Value {
        match kind {
            Kind::Text => self.reference(Def::Text),
            Kind::String => self.reference(Def::String),
            Kind::Id => self.reference(Def::Id),
            Kind::Year => self.reference(Def::Year),
            Kind::Integer => self.reference(Def::Integer),
            Kind::Boolean => self.reference(Def::Boolean),
            Kind::Date => self.reference(Def::Date),
            Kind::Figure => self.reference(Def::Figure),
            Kind::FigureOrNull => self.reference(Def::FigureOrNull),
            Kind::Target => self.reference(Def::Target),
            Kind::Link => self.reference(Def::Link),
            Kind::Path => self.reference(Def::Path),
            Kind::Word(words) => json!({ "enum": word_values(&words()) }),
            Kind::Mapping(keys) => self.mapping(keys),
            Kind::List(item) => json!({ "type": "array", "items": self.kind(item) }),
            Kind::ByYear(value) => json!({
                "type": "object",
                "propertyNames": { "pattern": YEAR_PATTERN },
                "additionalProperties": self.kind(value),
            }),
        }
    }

    fn reference(&mut self, def: Def) -> Value {
        self.used.insert(def);
        json!({ "$ref": format!("#/$defs/{}", def.name()) })
    }

    /// The definitions used, and those they use in turn (text uses string, target figure), in
    /// the order of [`Def`].
    fn finish(mut self) -> Value {
        let mut written: BTreeMap<Def, Value> = BTreeMap::new();
        while let Some(def) = self.used.iter().find(|d| !written.contains_key(d)).copied() {
            let value = self.definition(def);
            written.insert(def, value);
        }
        Value::Object(written.into_iter().map(|(def, value)| (def.name().into(), value)).collect())
    }

    /// A value type with its description (Indonesian; English in `$comment`).
    fn definition(&mut self, def: Def) -> Value {
        let (id, en) = def.description();
        let mut out = Map::new();
        out.insert("description".into(), json!(id));
        out.insert("$comment".into(), json!(en));
        if let Value::Object(accepts) = self.accepts(def) {
            out.extend(accepts);
        }
        Value::Object(out)
    }

    /// The JSON forms of a value type. A plain YAML scalar reaches a JSON tool as a number or
    /// true/false, but the loader reads its text: hence numbers and booleans in the text types.
    fn accepts(&mut self, def: Def) -> Value {
        match def {
            Def::Text => json!({ "anyOf": [self.reference(Def::String), self.mapping(TEXT)] }),
            Def::Target => json!({ "anyOf": [self.reference(Def::FigureOrNull), self.mapping(RANGE)] }),
            Def::String => json!({ "type": ["string", "number", "boolean"], "pattern": "\\S" }),
            Def::Id => json!({
                "type": ["string", "number", "boolean"],
                "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$",
            }),
            Def::Year => json!({ "anyOf": [
                { "type": "integer", "minimum": 1900, "maximum": 2200 },
                { "type": "string", "pattern": YEAR_PATTERN },
            ]}),
            Def::Integer => json!({ "anyOf": [
                { "type": "integer" },
                { "type": "string", "pattern": "^[+-]?[0-9]+$" },
            ]}),
            Def::Boolean => json!({ "anyOf": [
                { "type": "boolean" },
                { "enum": ["true", "True", "TRUE", "false", "False", "FALSE"] },
            ]}),
            Def::Date => json!({
                "type": "string",
                "format": "date",
                "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
            }),
            Def::Figure => json!({ "type": ["number", "string"] }),
            Def::FigureOrNull => json!({ "type": ["number", "string", "null"] }),
            Def::Link => json!({ "type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^/\\s]\\S*$" }),
            Def::Path => json!({ "type": "string", "minLength": 1 }),
        }
    }
}

/// A year as a key of a year mapping: 1900–2200.
const YEAR_PATTERN: &str = "^(19[0-9]{2}|2[01][0-9]{2}|2200)$";

impl Def {
    fn name(self) -> &'static str {
        match self {
            Def::Text => "teks",
            Def::String => "string",
            Def::Id => "id",
            Def::Year => "tahun",
            Def::Integer => "bilangan-bulat",
            Def::Boolean => "true-false",
            Def::Date => "tanggal",
            Def::Figure => "angka",
            Def::FigureOrNull => "angka-atau-kosong",
            Def::Target => "target",
            Def::Link => "tautan",
            Def::Path => "berkas",
        }
    }

    fn description(self) -> (&'static str, &'static str) {
        match self {
            Def::Text => (
                "teks (bahasa Indonesia), atau {id: …, en: …} untuk teks dua bahasa",
                "text (Indonesian), or {id: …, en: …} for text in both languages",
            ),
            Def::String => ("teks, tidak kosong", "a string, not empty"),
            Def::Id => (
                "id: huruf, angka, `.`, `_`, `-`, diawali huruf atau angka",
                "id: letters, digits, `.`, `_`, `-`, starting with a letter or digit",
            ),
            Def::Year => ("tahun 1900–2200", "a year 1900–2200"),
            Def::Integer => ("bilangan bulat", "a whole number"),
            Def::Boolean => ("true atau false", "true or false"),
            Def::Date => ("tanggal YYYY-MM-DD", "a date YYYY-MM-DD"),
            Def::Figure => (
                "angka: bilangan YAML (82.50) atau notasi Indonesia (\"82,50\", \"1.250.000\", \"75 triliun\", \"12,5%\")",
                "a figure: a YAML number (82.50) or Indonesian notation (\"82,50\", \"1.250.000\", \"75 triliun\", \"12,5%\")",
            ),
            Def::FigureOrNull => ("angka, atau ~ bila tidak diukur", "a figure, or ~ when not measured"),
            Def::Target => (
                "target: angka, rentang (\"80 s.d. 90\", \"80 – 90\" atau {min, maks}), atau ~",
                "a target: a figure, a range (\"80 s.d. 90\", \"80 – 90\" or {min, maks}), or ~",
            ),
            Def::Link => ("tautan http:// atau https://", "an http:// or https:// link"),
            Def::Path => (
                "berkas data dukung, relatif terhadap folder tahun",
                "an evidence file, relative to the year folder",
            ),
        }
    }
}

/// Whether the loader accepts null for a value of `kind` (not only "left out").
fn accepts_null(kind: &Kind) -> bool {
    matches!(kind, Kind::FigureOrNull | Kind::Target)
}

/// The values of a word in JSON: each word, and the number too for a word that is one (the
/// `triwulan` of a verdict is `1`–`4` or `tahunan`; YAML hands an unquoted `2` to JSON tools as
/// a number, the loader reads its text).
fn word_values(words: &[&'static str]) -> Vec<Value> {
    let mut out: Vec<Value> = words.iter().map(|w| json!(w)).collect();
    out.extend(words.iter().filter_map(|w| w.parse::<u64>().ok()).map(|n| json!(n)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(name: &str) -> Value {
        let schema = schemas().into_iter().find(|s| s.file_name == name).expect(name);
        serde_json::from_str(&schema.text).expect("valid JSON")
    }

    #[test]
    fn every_file_of_the_format_has_one_schema() {
        let names: Vec<String> = schemas().into_iter().map(|s| s.file_name).collect();
        assert_eq!(names.len(), keys::FILES.len());
        let unique: BTreeSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        for file in keys::FILES {
            assert!(!file.about.0.is_empty() && !file.about.1.is_empty(), "{}", file.path);
        }
    }

    #[test]
    fn keys_required_and_words_come_from_the_tables() {
        let renstra = parsed("renstra.schema.json");
        assert_eq!(renstra["$schema"], DRAFT);
        assert_eq!(renstra["$id"], "renstra.schema.json");
        assert_eq!(renstra["required"], json!(["periode", "tujuan"]));
        let indikator = &renstra["properties"]["tujuan"]["items"]["properties"]["sasaran"]["items"]["properties"]
            ["indikator"]["items"];
        assert_eq!(indikator["additionalProperties"], false);
        assert_eq!(indikator["properties"]["polaritas"]["enum"], json!(["positif", "negatif"]));
        let target = &indikator["properties"]["target"]["anyOf"][0];
        assert_eq!(target["additionalProperties"]["$ref"], "#/$defs/target");
        assert!(renstra["$defs"]["target"]["anyOf"].is_array());
        assert!(renstra["$defs"]["angka"].is_object(), "figure is reached through target's range");
        assert!(renstra["$defs"].get("tanggal").is_none(), "only the types used are defined");
    }

    #[test]
    fn words_that_are_numbers_are_also_numbers() {
        let validasi = parsed("validasi.schema.json");
        let triwulan = &validasi["properties"]["validasi"]["items"]["properties"]["triwulan"];
        assert_eq!(triwulan["enum"], json!(["1", "2", "3", "4", "tahunan", 1, 2, 3, 4]));
    }

    #[test]
    fn two_runs_write_the_same_bytes() {
        assert_eq!(schemas(), schemas());
        assert!(schemas().iter().all(|s| s.text.ends_with("}\n")));
    }
}
