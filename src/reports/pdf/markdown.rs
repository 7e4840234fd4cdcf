//! Markdown (findings, narrative chapters, analyses) as report blocks: paragraphs, lists and
//! sub-headings with bold and italic runs. Everything else is kept as its words: a link shows
//! its text, code its characters, and raw HTML is dropped, as the site's sanitiser would.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::doc::{Block, Run};

/// The blocks of `text`.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut runs: Vec<Run> = Vec::new();
    let mut items: Vec<Vec<Run>> = Vec::new();
    let (mut strong, mut emph, mut in_list, mut in_heading) = (0u32, 0u32, 0u32, false);
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::Emphasis) => emph += 1,
            Event::End(TagEnd::Emphasis) => emph = emph.saturating_sub(1),
            Event::Start(Tag::List(_)) => in_list += 1,
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::Text(t) | Event::Code(t) => {
                runs.push(Run { text: t.to_string(), strong: strong > 0 || in_heading, emph: emph > 0 })
            }
            Event::SoftBreak | Event::HardBreak => runs.push(Run::plain(" ")),
            Event::End(TagEnd::Item) if !runs.is_empty() => items.push(std::mem::take(&mut runs)),
            Event::End(TagEnd::List(_)) => {
                in_list = in_list.saturating_sub(1);
                if in_list == 0 && !items.is_empty() {
                    out.push(Block::List { items: std::mem::take(&mut items) });
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) if in_list == 0 => {
                in_heading = false;
                if !runs.is_empty() {
                    out.push(Block::Para { runs: std::mem::take(&mut runs) });
                }
            }
            _ => {}
        }
    }
    if !runs.is_empty() {
        out.push(Block::Para { runs });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Para { runs } => runs.iter().map(|r| r.text.as_str()).collect(),
                Block::List { items } => items
                    .iter()
                    .map(|i| i.iter().map(|r| r.text.as_str()).collect::<String>())
                    .collect::<Vec<_>>()
                    .join("|"),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn paragraphs_lists_and_emphasis_keep_their_words_and_typst_syntax_stays_text() {
        let md = "Realisasi **naik** dari *rencana*.\n\n- satu\n- dua #set page(width: 1cm)\n\n<b>html</b> [tautan](https://x.id) `#kode`";
        let blocks = blocks(md);
        assert_eq!(
            texts(&blocks),
            ["Realisasi naik dari rencana.", "satu|dua #set page(width: 1cm)", "html tautan #kode"]
        );
        let Block::Para { runs } = &blocks[0] else { panic!("a paragraph first") };
        assert!(runs[1].strong && !runs[1].emph, "**naik** is bold");
        assert!(runs[3].emph, "*rencana* is italic");
    }
}
