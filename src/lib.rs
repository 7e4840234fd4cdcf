//! sakip-site: a static site generator for public SAKIP performance disclosure.
//!
//! The module tree follows the pipeline: [`content`] loads `content/` into typed structs,
//! [`validate`] applies the rules that join files ([`check`] runs both), [`compute`] works out
//! every figure into a ledger, [`exports`] renders the open data, and [`output`] writes the
//! build atomically ([`build`] runs them all). [`diagnostics`] carries everything the user must
//! fix; [`number`] reads figures exactly.

pub mod as_of;
pub mod build;
pub mod check;
pub mod cli;
pub mod compute;
pub mod content;
pub mod diagnostics;
pub mod exports;
pub mod number;
pub mod output;
pub mod present;
pub mod site;
pub mod validate;
