//! The cells that speak the page's interface words (`t`): a validation status, the mark of a
//! corrected or rejected figure, a projection's status, a period; and [`Words`], which looks
//! each word up once for a whole table.

use std::fmt::Write as _;

use minijinja::value::Value;
use minijinja::{Error, State};

use super::super::escape::Escape;
use super::super::filters::invalid;
use super::{BLANK, safe};

/// The symbol of a validation status, so that a status never rests on its colour alone.
fn symbol(status: &str) -> &'static str {
    match status {
        "sah" => "✓",
        "dikoreksi" => "✎",
        "ditolak" => "✗",
        "belum_diukur" => "–",
        _ => "○",
    }
}

/// The interface word `key` in the page's language (`t[key]`).
pub(in crate::site) fn word(state: &State, key: &str) -> Result<String, Error> {
    let t = state.lookup("t").ok_or_else(|| invalid("no `t` in the context"))?;
    Ok(lookup(&t, key)?.as_str().unwrap_or_default().to_string())
}

/// The word `key` of the words `t`: a string, or an error that names the key.
fn lookup(t: &Value, key: &str) -> Result<Value, Error> {
    let word = t.get_attr(key)?;
    match word.as_str() {
        Some(_) => Ok(word),
        None => Err(invalid(format!("no word for {key:?}"))),
    }
}

/// The interface words of a page (`t`), each looked up once however many rows of a table say
/// it: a lookup in the template's map hashes its key, once a cell it was a tenth of a table's
/// writing. Keys are the writers' own (literals, status codes), so they are kept unowned.
pub(in crate::site) struct Words {
    t: Value,
    said: Vec<(&'static str, Value)>,
}

impl Words {
    /// The words of the page `state` renders.
    pub(in crate::site) fn of(state: &State) -> Result<Words, Error> {
        let t = state.lookup("t").ok_or_else(|| invalid("no `t` in the context"))?;
        Ok(Words { t, said: Vec::with_capacity(8) })
    }

    /// The word `key` (`t[key]`).
    pub(in crate::site) fn get(&mut self, key: &'static str) -> Result<&str, Error> {
        let i = match self.said.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                self.said.push((key, lookup(&self.t, key)?));
                self.said.len() - 1
            }
        };
        Ok(self.said[i].1.as_str().unwrap_or_default())
    }
}

/// A period: `TAHUN` as the whole year, a quarter `TW1` as the page's language abbreviates it
/// (`Q1` in English).
pub(in crate::site) fn show_period(state: &State, p: &str) -> Result<String, Error> {
    let mut out = String::new();
    push_period(&mut out, &mut Words::of(state)?, p)?;
    Ok(out)
}

/// Appends [`show_period`] of `p` to `out`.
pub(in crate::site) fn push_period(out: &mut String, words: &mut Words, p: &str) -> Result<(), Error> {
    if p == "TAHUN" {
        let _ = write!(out, "{}", Escape(words.get("full_year")?));
        return Ok(());
    }
    for (i, part) in p.split("TW").enumerate() {
        if i > 0 {
            let _ = write!(out, "{}", Escape(words.get("q")?));
        }
        let _ = write!(out, "{}", Escape(part));
    }
    Ok(())
}

/// A validation status in the page's words (`t[status]`) after its symbol, in one element: the
/// symbol shows it at a glance, the word says it, and neither rests on colour.
pub(in crate::site) fn show_status(state: &State, s: String) -> Result<Value, Error> {
    status_html(state, &s).map(safe)
}

/// A validation status: the one way [`show_status`] writes it.
pub(in crate::site) fn status_html(state: &State, s: &str) -> Result<String, Error> {
    let mut out = String::new();
    push_status(&mut out, s, &word(state, s)?);
    Ok(out)
}

/// Appends the validation status `s`, whose word in the page's language is `word`.
pub(in crate::site) fn push_status(out: &mut String, s: &str, word: &str) {
    let _ = write!(out, "<span class=\"st s-{}\">{} {}</span>", Escape(s), symbol(s), Escape(word));
}

/// The status of a year-end projection (`sesuai jalur`, …) in the page's words, or a blank.
pub(in crate::site) fn projection_status_html(state: &State, s: Option<&str>) -> Result<String, Error> {
    match s.filter(|s| !s.is_empty()) {
        Some(s) => Ok(format!(
            "<span class=\"pstatus p-{}\">{}</span>",
            Escape(&s.replace(' ', "-")),
            Escape(&word(state, s)?)
        )),
        None => Ok(BLANK.to_string()),
    }
}

/// The mark a corrected or rejected figure carries beside it: the symbol to the eye, the word
/// to a screen reader; nothing for any other status.
pub(in crate::site) fn show_flag(state: &State, s: String) -> Result<Value, Error> {
    flag_html(state, &s).map(safe)
}

/// The mark of a corrected or rejected figure: the one way [`show_flag`] writes it.
pub(in crate::site) fn flag_html(state: &State, s: &str) -> Result<String, Error> {
    let mut out = String::new();
    if is_flagged(s) {
        push_flag(&mut out, s, &word(state, s)?);
    }
    Ok(out)
}

/// Whether a figure of the status `s` carries a mark: a corrected or rejected one.
pub(in crate::site) fn is_flagged(s: &str) -> bool {
    s == "dikoreksi" || s == "ditolak"
}

/// Appends the mark of a figure of the flagged status `s`, whose word is `word`.
pub(in crate::site) fn push_flag(out: &mut String, s: &str, word: &str) {
    let _ = write!(
        out,
        " <span class=\"flag s-{}\"><span aria-hidden=\"true\">{}</span><span class=\"vh\"> ({})</span></span>",
        Escape(s),
        symbol(s),
        Escape(word)
    );
}
