//! What a language brings that the model holds: the interface's words
//! (Fluent string tables, [`strings`]), the edition a playbook is rendered
//! as ([`edition`]), the shape of a translation file ([`file`]) and dates
//! written in a language ([`dates`]). It knows nothing of the model, so the
//! model can hold it; `i18n`, which reads translations and applies them to
//! a playbook, builds on both.

pub mod dates;
pub mod edition;
pub mod file;
pub mod strings;
