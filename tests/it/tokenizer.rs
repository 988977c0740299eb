//! One tokenizer spec: the words the full-text index stores
//! (`playbook_site::search::words`) for each text of `tests/tokenizer-vectors.json`.
//! The browser's query words (`theme/search.js`) are checked against the
//! same file by `tests/browser/tests/tokenizer.test.js`.

use playbook_site::search::words::{for_each_word, STOP_WORDS};

/// The vectors file: the spec in words, the stop words, and text → words.
#[derive(serde::Deserialize)]
struct Vectors {
    #[allow(dead_code)]
    spec: String,
    stop_words: Vec<String>,
    vectors: Vec<Vector>,
}

#[derive(serde::Deserialize)]
struct Vector {
    name: String,
    text: String,
    words: Vec<String>,
}

fn vectors() -> Vectors {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tokenizer-vectors.json");
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn index_words(text: &str) -> Vec<String> {
    let mut v = Vec::new();
    for_each_word(text, |w| v.push(w.text()));
    v
}

#[test]
fn the_index_splits_and_folds_every_vector_as_the_spec_says() {
    let v = vectors();
    assert!(v.vectors.len() >= 20);
    let failures: Vec<String> = v
        .vectors
        .iter()
        .filter_map(|t| {
            let got = index_words(&t.text);
            (got != t.words).then(|| {
                format!(
                    "{}: {:?}\n  want {:?}\n  got  {:?}",
                    t.name, t.text, t.words, got
                )
            })
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_vectors_name_the_index_stop_words() {
    let mut mine: Vec<&str> = STOP_WORDS.to_vec();
    mine.sort();
    assert_eq!(vectors().stop_words, mine);
}

#[test]
fn each_vector_gives_the_same_words_on_the_ascii_and_the_unicode_path() {
    // Words between ASCII spaces take the fast path for ASCII runs; with
    // no-break spaces (a separator too, but not ASCII) the whole text goes
    // through the Unicode path. Both must give the spec's words.
    for t in vectors().vectors {
        let nbsp = t.text.replace(' ', "\u{a0}");
        assert_eq!(index_words(&nbsp), t.words, "{}", t.name);
    }
}
