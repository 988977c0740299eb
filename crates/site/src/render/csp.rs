//! The Content-Security-Policy every page carries: only the site's own
//! script files run, plus the one inline script the theme needs before the
//! first paint (the dark-mode choice), allowed by its SHA-256 hash. So an
//! injection that slipped past escaping still could not execute. The same
//! policy works served and opened from disk (`'self'` matches the site's own
//! `file://` scripts in Chromium; `tests/browser`), and
//! `deploy/nginx/playbook.conf` sends it as a header too.

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The inline script of `base.html` (`{{ site.theme_init | safe }}`): apply
/// the reader's light/dark choice before the page is painted.
pub const THEME_INIT: &str = r#"try{var t=localStorage.getItem("playbook-theme");if(t)document.documentElement.dataset.theme=t;}catch(e){}"#;

/// A page's security settings as templates get them.
#[derive(Debug, Clone)]
pub struct PageSecurity {
    /// The policy, for `<meta http-equiv="Content-Security-Policy">`.
    pub policy: String,
    /// The inline script the policy allows.
    pub theme_init: &'static str,
}

impl Default for PageSecurity {
    fn default() -> Self {
        Self::new()
    }
}

impl PageSecurity {
    /// The policy for the built-in theme.
    pub fn new() -> Self {
        PageSecurity {
            policy: policy(&[THEME_INIT]),
            theme_init: THEME_INIT,
        }
    }
}

/// `'sha256-…'` of an inline script's exact text.
pub fn script_hash(script: &str) -> String {
    let digest = Sha256::digest(script.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The policy allowing the site's own files and these inline scripts. No
/// `frame-ancestors` here: a `<meta>` policy cannot carry it (the nginx
/// recipe's header does).
pub fn policy(inline_scripts: &[&str]) -> String {
    let hashes: Vec<String> = inline_scripts.iter().map(|s| script_hash(s)).collect();
    format!(
        "default-src 'self'; script-src 'self' {}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'",
        hashes.join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_base64_sha256_of_the_exact_text() {
        // sha256("") in base64, as browsers compute it.
        assert_eq!(
            script_hash(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
    }

    #[test]
    fn the_policy_allows_own_scripts_and_the_theme_script_only() {
        let p = PageSecurity::new().policy;
        let scripts = p
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src"))
            .unwrap();
        assert_eq!(
            scripts,
            format!("script-src 'self' {}", script_hash(THEME_INIT))
        );
        assert!(!p.contains("unsafe-eval"));
        assert!(p.contains("object-src 'none'"));
    }
}
