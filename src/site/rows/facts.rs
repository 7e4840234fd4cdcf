//! The definition table of an indicator page (`page.facts`), written in Rust: a dozen template
//! statements a page, each looking a field and a word up by name, were ≈ 4 % of the build of a
//! large site.

use std::fmt::Write as _;

use minijinja::value::Value;
use minijinja::{Error, State};

use super::super::escape::Escape;
use super::super::html::{Words, lang, push_date, push_txt};
use super::{END_FIGURE, open_figure, views};
use crate::present::indicator::Facts;
use crate::present::object::Record;
use crate::present::view::Txt;

/// The groups of term and fact of an indicator's definition table, one a line: its definition
/// and formula when it has them, its unit, polarity and aggregation, its data source, who is
/// responsible and who owns it, and the date its figures last changed.
pub(super) fn indicator_facts(state: &State, facts: Value) -> Result<Value, Error> {
    let f = views::<Record<Facts>>("indicator_facts", &facts, "the page's facts (page.facts)")?.view();
    let mut words = Words::of(state)?;
    let w = &mut words;
    let mut out = String::with_capacity(1024);
    push_text_fact(&mut out, w.get("definition")?, f.definisi.as_ref());
    push_text_fact(&mut out, w.get("formula")?, f.formula.as_ref());
    match f.satuan_lang.filter(|l| !l.is_empty()) {
        Some(code) => open_figure(&mut out, w.get("unit")?, &format!(" lang=\"{}\"", Escape(code))),
        None => open_figure(&mut out, w.get("unit")?, ""),
    }
    let _ = write!(out, "{}", Escape(&f.unit_name));
    open_figure(&mut out, w.get("polarity")?, "");
    let _ = write!(out, "{}", Escape(w.get(f.polaritas)?));
    open_figure(&mut out, w.get("aggregation")?, "");
    let _ = write!(out, "{}", Escape(w.get(f.agregasi)?));
    push_text_fact(&mut out, w.get("data_source")?, f.sumber_data.as_ref());
    push_text_fact(&mut out, w.get("responsible")?, f.penanggung_jawab.as_ref());
    if let Some(owner) = &f.owner {
        open_figure(&mut out, w.get("owner")?, "");
        let _ = write!(out, "<a href=\"{}\">", Escape(&owner.url));
        push_txt(&mut out, &owner.label);
        out.push_str("</a>");
    }
    if let Some(date) = &f.last_change {
        open_figure(&mut out, w.get("last_change")?, "");
        push_date(&mut out, date, lang(state)?)?;
    }
    out.push_str(END_FIGURE);
    Ok(Value::from_safe_string(out))
}

/// Appends the group of the term `term` and the text `x`, when there is one.
fn push_text_fact(out: &mut String, term: &str, x: Option<&Txt>) {
    if let Some(x) = x {
        open_figure(out, term, "");
        push_txt(out, x);
    }
}

#[cfg(test)]
mod tests {
    use minijinja::{Environment, context};

    use super::*;
    use crate::diagnostics::Lang;
    use crate::present::view::Link;

    fn render(facts: Value) -> Result<String, Error> {
        let mut env = Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        super::super::register(&mut env);
        let t = Value::from(minijinja::value::Serde(crate::present::Words::new(Lang::En).all()));
        env.render_str("{{ indicator_facts(facts) }}", context! { lang => "en", t, facts })
    }

    #[test]
    fn the_facts_are_written_in_the_page_words_and_escaped() {
        let text = |s: &str| Txt { text: s.to_string(), lang: None };
        let facts = Facts {
            definisi: Some(Txt { text: "Hari <kerja>".to_string(), lang: Some("id") }),
            unit_name: "hari".to_string(),
            satuan_lang: Some("id"),
            polaritas: "negatif",
            agregasi: "rata-rata",
            owner: Some(Link {
                label: text("Bidang A"),
                url: "../../cascading/#b-a".to_string(),
                external: false,
            }),
            last_change: Some("2024-02-29".to_string()),
            ..Facts::default()
        };
        let out = render(Value::from(minijinja::value::Serde(Record::new(facts)))).unwrap();
        // No formula, source or responsible: no line for them; the definition fell back to
        // Indonesian and says so; the Indonesian unit words on an English page are marked.
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 6, "{out}");
        assert_eq!(lines[0], "<div><dt>Definition<dd><span lang=\"id\">Hari &lt;kerja&gt;</span></div>");
        assert_eq!(lines[1], "<div><dt>Unit<dd lang=\"id\">hari</div>");
        assert_eq!(lines[2], "<div><dt>Polarity<dd>negative: a lower realisation is better</div>");
        assert!(lines[3].starts_with("<div><dt>Aggregation<dd>"), "{out}");
        assert_eq!(lines[4], "<div><dt>Part of<dd><a href=\"../../cascading/#b-a\">Bidang A</a></div>");
        assert_eq!(
            lines[5],
            "<div><dt>Last change<dd><time datetime=\"2024-02-29\">29 February 2024</time></div>"
        );
        let err = render(Value::from(vec![1, 2])).unwrap_err();
        assert!(err.to_string().contains("indicator_facts: expects the page's facts"), "{err}");
    }
}
