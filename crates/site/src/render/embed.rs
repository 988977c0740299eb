//! Data written into a `<script>` element. The HTML parser ends a script
//! element at the first `</script` whatever the JSON around it means, and
//! `<!--` changes how it looks for that end, so a playbook text such as a
//! market named `</script><img src=x onerror=…>` would become markup. Every
//! value a page embeds in a script goes through [`json_for_script`], which
//! writes `<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes: the same JSON
//! value, with none of the characters that can end or confuse the element.

use serde::Serialize;

/// `value` as JSON that is safe inside a `<script>` element (see the module
/// docs). Parsing it back gives exactly `value`.
pub fn json_for_script(value: &impl Serialize) -> serde_json::Result<String> {
    let json = serde_json::to_string(value)?;
    Ok(escape_for_script(&json))
}

/// Escape JSON text for a `<script>` element: only the characters that can
/// end it or hide its end, each as a JSON `\u` escape (valid in and out of
/// strings, since these characters only occur inside strings in JSON).
pub fn escape_for_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The Tera filter `json_script`: `{{ value | json_script }}` writes a value
/// for a `<script type="application/json">` element (already safe: no
/// `| safe` needed).
pub(super) struct JsonScriptFilter;

impl tera::Filter for JsonScriptFilter {
    fn filter(
        &self,
        value: &tera::Value,
        _: &std::collections::HashMap<String, tera::Value>,
    ) -> tera::Result<tera::Value> {
        json_for_script(value)
            .map(tera::Value::String)
            .map_err(|e| tera::Error::msg(format!("json_script: {e}")))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_that_can_end_a_script_element_survives() {
        let name = "</script><img src=x onerror=alert(1)><!-- & \u{2028}\u{2029}";
        let out = json_for_script(&serde_json::json!({ "name": name })).unwrap();
        for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
            assert!(!out.contains(bad), "{bad:?} left in {out}");
        }
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back["name"], name, "the same value once parsed");
    }

    #[test]
    fn plain_text_is_unchanged() {
        assert_eq!(
            json_for_script(&"Köhler, 東京").unwrap(),
            "\"Köhler, 東京\""
        );
    }
}
