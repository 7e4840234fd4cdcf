//! sakip-site: a static site generator for public SAKIP performance disclosure.
//!
//! The module tree follows the pipeline: [`content`] loads `content/` into typed structs,
//! [`validate`] applies the rules that join files, and [`check`] runs both. [`diagnostics`]
//! carries everything the user must fix; [`number`] reads figures exactly.

pub mod as_of;
pub mod check;
pub mod cli;
pub mod content;
pub mod diagnostics;
pub mod number;
pub mod validate;
