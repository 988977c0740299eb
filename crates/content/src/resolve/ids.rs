//! Ids: every entity is registered under its kind and id, which must be a
//! slug and unique within the kind (a duplicate names both places); roles
//! are listed once each.

use super::Resolver;
use crate::diag::Diagnostic;
use crate::load::RawContent;
use crate::markdown::slugify;
use crate::model::{EntityRef, Idx, SourceFile};

/// Lowercase ASCII letters, digits and inner `-`.
pub(super) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

impl Resolver {
    /// Register `id` of a kind as entity `idx`, defined in `file` by the key
    /// at `path`; reports a bad slug, and a duplicate at both places.
    pub(super) fn define(
        &mut self,
        e: impl Into<EntityRef>,
        id: &str,
        file: Idx<SourceFile>,
        path: &str,
    ) {
        let EntityRef { kind, idx } = e.into();
        if !is_slug(id) {
            let d = Diagnostic::error(format!("{} id `{id}` is not a slug", kind.name())).help(
                format!(
                    "ids are lowercase letters, digits and `-`; for example `{}`",
                    slugify(id)
                ),
            );
            let d = self.at_key(d, file, path);
            self.diags.push(d);
        }
        let known = self.pb.index.entry(kind).or_default().contains_key(id);
        if known {
            let first = self
                .first_def
                .get(&(kind, id.to_string()))
                .cloned()
                .and_then(|(f, p)| self.key_location(f, &p));
            let d = Diagnostic::error(format!("duplicate {} id `{id}`", kind.name())).help(
                format!("every {} needs its own id; rename one of them", kind.name()),
            );
            let mut d = self.at_key(d, file, path);
            if let Some(f) = first {
                d = d.related(f);
            }
            self.diags.push(d);
            return;
        }
        self.pb
            .index
            .entry(kind)
            .or_default()
            .insert(id.to_string(), idx);
        self.first_def
            .insert((kind, id.to_string()), (file, path.to_string()));
    }

    /// Roles from `roles.yaml`: each listed once.
    pub(super) fn roles(&mut self, raw: &RawContent) {
        for (i, (role, file)) in raw.roles().enumerate() {
            if self.pb.roles.contains_key(&role.id) {
                let d = Diagnostic::error(format!("duplicate role `{}`", role.id))
                    .help("list each role once");
                let d = self.at_key(d, file, &format!("roles[{i}].id"));
                self.diags.push(d);
            }
            self.pb.roles.insert(role.id.clone(), role.title.clone());
            if role.leads_launch {
                if let Some(first) = &self.pb.launch_lead_role {
                    let d = Diagnostic::error(format!(
                        "two roles lead launches: `{first}` and `{}`",
                        role.id
                    ))
                    .help(
                        "a checklist names one launch lead: keep `leads_launch: true` on one role",
                    );
                    let d = self.at_key(d, file, &format!("roles[{i}].leads_launch"));
                    self.diags.push(d);
                } else {
                    self.pb.launch_lead_role = Some(role.id.clone());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{Input, Shown};
    use super::*;

    #[test]
    fn slugs_are_lowercase_letters_digits_and_inner_dashes() {
        assert!(is_slug("gdpr-2"));
        for bad in ["", "GDPR", "-a", "a-", "a b", "ä"] {
            assert!(!is_slug(bad), "{bad:?}");
        }
    }

    #[test]
    fn an_id_that_is_not_a_slug_is_placed_at_its_key_with_a_slug_to_use() {
        let e = Input::new()
            .regulation("id: Data Act\nname: D\njurisdiction: EU\nsummary: s\n")
            .errors();
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].message, "regulation id `Data Act` is not a slug");
        assert_eq!(e[0].place(), "content/regulations/r1.yaml:1:1");
        assert!(e[0].help.as_deref().unwrap().contains("`data-act`"));
    }

    #[test]
    fn a_duplicate_id_is_placed_at_the_second_and_names_the_first() {
        let e = Input::new()
            .step_yaml("      - id: kyc\n        title: Again\n        activities: []\n")
            .errors();
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].message, "duplicate step id `kyc`");
        let c = "content/frameworks/fw/comp.yaml";
        assert_eq!(e[0].place(), format!("{c}:18:9"));
        assert_eq!(e[0].related_places(), [format!("{c}:9:9")]);
    }

    #[test]
    fn a_duplicate_id_across_files_names_both_files() {
        let reg = "id: gdpr\nname: G\njurisdiction: EU\nsummary: s\n";
        let e = Input::new().regulation(reg).errors();
        assert_eq!(e[0].message, "duplicate regulation id `gdpr`");
        assert_eq!(e[0].place(), "content/regulations/r1.yaml:1:1");
        assert_eq!(e[0].related_places(), ["content/regulations/gdpr.yaml:1:1"]);
    }

    #[test]
    fn a_role_listed_twice_is_placed_at_the_second() {
        let e = Input::new()
            .roles("roles:\n  - id: legal\n    title: Legal\n  - id: legal\n    title: Again\n")
            .errors();
        assert_eq!(e[0].message, "duplicate role `legal`");
        assert_eq!(e[0].place(), "content/roles.yaml:4:5");
    }
}
