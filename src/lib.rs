//! sakip-site: a static site generator for public SAKIP performance disclosure.
//!
//! The module tree follows the pipeline: [`content`] loads `content/` into typed structs,
//! [`validate`] applies the rules that join files ([`check`] runs both), [`compute`] works out
//! every figure into a ledger whose rows know where their inputs were written, [`present`] joins
//! the model's texts and the ledger's figures for people (views, formatting, words, charts),
//! [`exports`] (from the ledger) and [`site`] (from the views, with templates) render the open
//! data and the pages into a sink, and [`output`] has the sinks: the disk, written atomically,
//! and memory. [`build`]
//! runs them all, in two stages (prepare, then render into any sink); [`serve`] renders into
//! memory and serves the result as a live preview. [`diagnostics`] carries
//! everything the user must fix; [`number`] reads figures exactly; [`as_of`] finds the date
//! deadlines are measured against; [`diff`] compares the figures of two
//! revisions, and [`history`] compares each data commit with the one before it; [`schema`]
//! writes the JSON Schemas of the content files for editors, from the loader's key tables.
//!
//! The command line (arguments, messages, exit codes) is the binary's, in `src/cli.rs` and
//! `src/cmd/`; this library knows nothing of clap.

pub mod as_of;
pub mod build;
pub mod check;
pub mod compute;
pub mod content;
pub mod diagnostics;
pub mod diff;
pub mod exports;
pub mod history;
pub mod init;
pub mod number;
pub mod output;
pub mod present;
pub mod reports;
pub mod schema;
pub mod serve;
pub mod site;
pub mod validate;
