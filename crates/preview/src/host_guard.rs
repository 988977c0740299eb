//! Which `Host` headers the live preview answers: the defence against DNS
//! rebinding, where a web page the author visits points its own domain at
//! 127.0.0.1 and reads the unpublished playbook through the author's browser
//! (the class of bug behind webpack-dev-server's and Vite's host checks).
//!
//! A rebinding attack always arrives under a domain name the attacker
//! controls, so the rule is: `localhost`, the address the server listens on
//! (any IP address when it listens on all of them), and the names the user
//! allowed with `--allow-host`. Everything else gets 403.

use std::net::IpAddr;

/// The host names and addresses one server answers to.
#[derive(Debug, Clone)]
pub struct HostGuard {
    /// The address the server is bound to.
    bound: Option<IpAddr>,
    /// Extra names the user allowed (lower case, no port).
    names: Vec<String>,
}

impl HostGuard {
    /// The guard for a server bound to `host` (an address or a name given
    /// to `--host`), answering also to `extra` names.
    pub fn new(host: &str, extra: &[String]) -> HostGuard {
        let bound = strip_brackets(host).parse::<IpAddr>().ok();
        let mut names: Vec<String> = extra.iter().map(|n| normalise(n)).collect();
        if bound.is_none() {
            // `--host myname`: the name it was started with is its own.
            names.push(normalise(host));
        }
        HostGuard { bound, names }
    }

    /// Whether a request with this `Host` header (None: no header) may be answered.
    pub fn allows(&self, header: Option<&str>) -> bool {
        let Some(header) = header else {
            return false;
        };
        let name = normalise(without_port(header));
        if name.is_empty() {
            return false;
        }
        if name == "localhost" || self.names.contains(&name) {
            return true;
        }
        let Ok(ip) = strip_brackets(&name).parse::<IpAddr>() else {
            return false;
        };
        match self.bound {
            Some(b) if b.is_unspecified() => true,
            Some(b) if b.is_loopback() => ip.is_loopback(),
            Some(b) => ip == b || ip.is_loopback(),
            None => ip.is_loopback(),
        }
    }
}

/// Lower case, without a trailing dot (`LOCALHOST.` is `localhost`).
fn normalise(name: &str) -> String {
    name.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// `host:port` → `host`; `[::1]:3000` → `[::1]`.
fn without_port(header: &str) -> &str {
    let h = header.trim();
    if h.starts_with('[') {
        return match h.find(']') {
            Some(end) => &h[..=end],
            None => h,
        };
    }
    match h.rsplit_once(':') {
        Some((name, port)) if !name.contains(':') && port.bytes().all(|b| b.is_ascii_digit()) => {
            name
        }
        _ => h,
    }
}

fn strip_brackets(s: &str) -> &str {
    s.strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_server_answers_only_loopback_names() {
        let g = HostGuard::new("127.0.0.1", &[]);
        for ok in [
            "127.0.0.1:3000",
            "localhost:3000",
            "LOCALHOST",
            "localhost.",
            "[::1]:3000",
            "127.0.0.1",
        ] {
            assert!(g.allows(Some(ok)), "{ok}");
        }
        for bad in [
            "evil.example:3000",
            "evil.example",
            "localhost.evil.example",
            "127.0.0.1.nip.io:3000",
            "192.168.1.20:3000",
            "",
            ":3000",
        ] {
            assert!(!g.allows(Some(bad)), "{bad}");
        }
        assert!(!g.allows(None), "a request without Host");
    }

    #[test]
    fn a_server_on_every_address_answers_ip_addresses_but_not_names() {
        let g = HostGuard::new("0.0.0.0", &[]);
        assert!(g.allows(Some("192.168.1.20:3000")));
        assert!(g.allows(Some("[fe80::1]:3000")));
        assert!(!g.allows(Some("rebind.attacker.example:3000")));
    }

    #[test]
    fn allowed_names_and_the_bound_name_are_answered() {
        let g = HostGuard::new("0.0.0.0", &["Docs.Intranet".into()]);
        assert!(g.allows(Some("docs.intranet:3000")));
        let g = HostGuard::new("devbox", &[]);
        assert!(g.allows(Some("devbox:3000")));
        assert!(!g.allows(Some("otherbox:3000")));
    }

    #[test]
    fn a_server_on_one_address_answers_it_and_loopback() {
        let g = HostGuard::new("10.0.0.5", &[]);
        assert!(g.allows(Some("10.0.0.5:3000")));
        assert!(g.allows(Some("localhost:3000")));
        assert!(!g.allows(Some("10.0.0.6:3000")));
    }
}
