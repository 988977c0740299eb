//! The site: every page of a playbook rendered from Markdown and Tera
//! templates ([`render`]), the title and full-text search indexes
//! ([`search`]), the built-in theme and templates, and the starter playbook
//! that `playbook init` writes ([`skeleton`], [`scaffold`]).
//!
//! Nothing here writes a file: a render hands each file to a sink, and
//! `playbook-output` writes it.

pub mod render;
pub mod scaffold;
pub mod search;
pub mod skeleton;

#[cfg(test)]
mod page_table_tests;
#[cfg(test)]
mod testing;
