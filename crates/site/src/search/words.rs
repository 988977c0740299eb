//! Index words: how page text is split into the words the full-text index
//! counts, the same way `theme/search.js` splits a query. The spec both
//! follow, checked against one set of vectors (`tests/tokenizer-vectors.json`,
//! run by `tests/it/tokenizer.rs` and `tests/browser/tests/tokenizer.test.js`):
//!
//! 1. lower case, with the final sigma `ς` folded to `σ` (JavaScript's
//!    `toLowerCase` writes `ς` at the end of a word, Rust's `char` does not);
//! 2. canonical decomposition (NFD, with its reordering of marks), then
//!    U+0300–U+036F (Latin, Greek, Cyrillic accents) and U+FE00–U+FE0F
//!    (variation selectors) removed;
//! 3. a word is a run of letters (Unicode `Alphabetic`), digits (`N`) and
//!    combining marks other than enclosing ones (`Mn`, `Mc`: Devanagari vowel
//!    signs and viramas, Arabic vowel marks, kana voicing marks stay inside
//!    their word); anything else separates words;
//! 4. a run of Han, Hiragana and Katakana characters ([`is_cjk`]; written
//!    without spaces) is a word of its own, split into overlapping pairs of
//!    characters (each with the kana voicing marks U+3099/U+309A after it);
//!    a lone such character is one word;
//! 5. words of 2 to [`MAX_WORD`] characters (code points) that are not
//!    [`STOP_WORDS`] are kept.
//!
//! This runs for every word of every page, so a word comes out as a
//! [`Word::Packed`] number wherever it can (words of up to 16 bytes: nearly
//! all of them): the indexer counts and numbers words by that number, with
//! no allocation and no string comparison per word, and turns a number back
//! into text ([`unpack`]) only for a word the site has not seen before.

/// Words too common to help a search; the browser drops them from queries too.
pub const STOP_WORDS: &[&str] = &[
    "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or",
    "that", "the", "this", "to", "with",
];

/// Longest word kept (in characters): longer ones are ids or hashes.
pub const MAX_WORD: usize = 40;

/// Longest word (in bytes) that is [`Word::Packed`].
pub const PACKED_BYTES: usize = 16;

/// One index word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word<'a> {
    /// A word of at most [`PACKED_BYTES`] bytes, as [`pack`] makes it.
    Packed(u128),
    /// A longer word.
    Long(&'a str),
}

impl Word<'_> {
    /// The word's text.
    pub fn text(&self) -> String {
        match *self {
            Word::Packed(k) => unpack(k),
            Word::Long(s) => s.to_string(),
        }
    }
}

/// The bytes of a word of at most 16 bytes as one number, the first byte
/// lowest. Distinct words give distinct numbers, and the lowest byte of a
/// word's number is never zero: no word holds a zero byte.
pub fn pack(w: &[u8]) -> u128 {
    let mut b = [0u8; PACKED_BYTES];
    b[..w.len()].copy_from_slice(w);
    u128::from_le_bytes(b)
}

/// The text of a [`pack`]ed word.
pub fn unpack(k: u128) -> String {
    let b = k.to_le_bytes();
    let len = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    String::from_utf8_lossy(&b[..len]).into_owned()
}

/// [`STOP_WORDS`] as [`pack`]ed numbers (all fit in 32 bits).
const STOP_KEYS: [u32; STOP_WORDS.len()] = {
    let mut keys = [0; STOP_WORDS.len()];
    let mut i = 0;
    while i < keys.len() {
        let w = STOP_WORDS[i].as_bytes();
        let mut j = w.len();
        while j > 0 {
            j -= 1;
            keys[i] = (keys[i] << 8) | w[j] as u32;
        }
        i += 1;
    }
    keys
};

/// Whether a [`pack`]ed word is one of [`STOP_WORDS`].
fn is_stop_key(k: u128) -> bool {
    // Every stop word has two to four letters.
    k >> 32 == 0 && STOP_KEYS.contains(&(k as u32))
}

/// Whether `word` is one of [`STOP_WORDS`].
pub fn is_stop_word(word: &str) -> bool {
    word.len() <= 4 && is_stop_key(pack(word.as_bytes()))
}

/// Byte classes for the splitter: not part of a word (0), an ASCII letter
/// or digit, or a byte of a non-ASCII character.
const WORD: u8 = 1;
const HIGH: u8 = 2;
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b >= 0x80 {
            HIGH
        } else if b.is_ascii_alphanumeric() {
            WORD
        } else {
            0
        };
        c += 1;
    }
    t
};

/// Call `f` with each index word of `text`, as the module docs' spec says:
/// lower case, accents removed, split at anything that is not a letter,
/// digit or combining mark; words of one character, [`STOP_WORDS`] and
/// words over [`MAX_WORD`] characters are left out.
pub fn for_each_word(text: &str, mut f: impl FnMut(Word<'_>)) {
    let b = text.as_bytes();
    let mut lower = String::new();
    let mut i = 0;
    while i < b.len() {
        if CLASS[b[i] as usize] == 0 {
            i += 1;
            continue;
        }
        // A run of ASCII letters and digits and non-ASCII characters: one
        // word when it is all ASCII (the common case), else split character
        // by character.
        let start = i;
        let mut seen = 0;
        while i < b.len() {
            let c = CLASS[b[i] as usize];
            if c == 0 {
                break;
            }
            seen |= c;
            i += 1;
        }
        let run = &b[start..i];
        if seen & HIGH != 0 {
            unicode_words(&text[start..i], &mut f);
        } else if run.len() < 2 || run.len() > MAX_WORD {
        } else if run.len() <= PACKED_BYTES {
            // ASCII letters and digits: `| 0x20` lower-cases letters and
            // leaves digits as they are.
            let len_mask = if run.len() == PACKED_BYTES {
                u128::MAX
            } else {
                (1u128 << (8 * run.len())) - 1
            };
            // Sixteen bytes are loaded at once where the text has them
            // (a fixed-size copy is one load; `pack` copies by length).
            let word = match b.get(start..start + PACKED_BYTES) {
                Some(sixteen) => {
                    let mut a = [0u8; PACKED_BYTES];
                    a.copy_from_slice(sixteen);
                    u128::from_le_bytes(a) & len_mask
                }
                None => pack(run),
            };
            let k = word | (u128::from_le_bytes([0x20; PACKED_BYTES]) & len_mask);
            if !is_stop_key(k) {
                f(Word::Packed(k));
            }
        } else {
            lower.clear();
            lower.push_str(&text[start..i]);
            lower.make_ascii_lowercase();
            f(Word::Long(&lower));
        }
    }
}

/// Pass `word` (of `chars` characters) to `f` unless it is too short, too
/// long or a stop word.
fn keep_word(word: &str, chars: usize, f: &mut impl FnMut(Word<'_>)) {
    if !(2..=MAX_WORD).contains(&chars) {
        return;
    }
    if word.len() > PACKED_BYTES {
        f(Word::Long(word));
    } else {
        let k = pack(word.as_bytes());
        if !is_stop_key(k) {
            f(Word::Packed(k));
        }
    }
}

/// Whether a decomposed character is left out of words altogether: the
/// accents of U+0300–U+036F and the variation selectors U+FE00–U+FE0F.
fn is_dropped(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{fe00}'..='\u{fe0f}')
}

/// Whether a character belongs in a word: a letter, a digit, or a
/// combining mark that is not an enclosing one (`Me`: a keycap's U+20E3
/// and the like separate words, as the browser's `\p{Mn}\p{Mc}` says).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || (unicode_normalization::char::is_combining_mark(c)
            && !matches!(
                c,
                '\u{488}'..='\u{489}'
                    | '\u{1abe}'
                    | '\u{20dd}'..='\u{20e0}'
                    | '\u{20e2}'..='\u{20e4}'
                    | '\u{a670}'..='\u{a672}'
            ))
}

/// [`for_each_word`] for a run holding non-ASCII characters: the run is
/// lower cased (`ς` as `σ`) and decomposed as a whole (so marks are put in
/// canonical order, as the browser's `normalize("NFD")` does), accents and
/// variation selectors dropped, and anything that is not a word character
/// ends a word.
fn unicode_words(run: &str, f: &mut impl FnMut(Word<'_>)) {
    use unicode_normalization::UnicodeNormalization;
    let mut word = String::new();
    let mut chars = 0;
    // Chinese and Japanese are written without spaces: a run of their
    // characters is indexed as overlapping pairs (bigrams), each character
    // with the voicing marks that follow it.
    let mut units: Vec<String> = Vec::new();
    let lower = run
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ς' { 'σ' } else { c });
    for d in lower.nfd() {
        if is_dropped(d) {
            continue;
        }
        if !is_word_char(d) {
            keep_word(&word, chars, f);
            word.clear();
            chars = 0;
            cjk_bigrams(&mut units, f);
        } else if is_cjk(d) {
            keep_word(&word, chars, f);
            word.clear();
            chars = 0;
            match units.last_mut() {
                Some(last) if matches!(d, '\u{3099}' | '\u{309a}') => last.push(d),
                _ => units.push(d.to_string()),
            }
        } else {
            cjk_bigrams(&mut units, f);
            word.push(d);
            chars += 1;
        }
    }
    keep_word(&word, chars, f);
    cjk_bigrams(&mut units, f);
}

/// Whether `c` is a Han, Hiragana or Katakana character (or a kana voicing
/// mark): the scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(
        c,
        '\u{3040}'..='\u{30ff}'
            | '\u{31f0}'..='\u{31ff}'
            | '\u{3400}'..='\u{4dbf}'
            | '\u{4e00}'..='\u{9fff}'
            | '\u{f900}'..='\u{faff}'
            | '\u{ff66}'..='\u{ff9f}'
    )
}

/// The words of a run of CJK characters (`units`, emptied): each pair of
/// neighbours; a lone character is a word of its own.
fn cjk_bigrams(units: &mut Vec<String>, f: &mut impl FnMut(Word<'_>)) {
    if units.len() == 1 {
        keep_word(&units[0], units[0].chars().count(), f);
    }
    for pair in units.windows(2) {
        let w = format!("{}{}", pair[0], pair[1]);
        keep_word(&w, w.chars().count(), f);
    }
    units.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        for_each_word(s, |w| v.push(w.text()));
        v
    }

    #[test]
    fn stop_words_are_recognised_and_nothing_else() {
        assert!(
            STOP_WORDS.iter().all(|w| (2..=4).contains(&w.len())),
            "is_stop_key relies on it"
        );
        for w in STOP_WORDS {
            assert!(is_stop_word(w), "{w}");
        }
        for w in ["a", "ant", "thes", "tho", "with_", "fro", "", "andy", "ofs"] {
            assert!(!is_stop_word(w), "{w}");
        }
        assert_eq!(words("The AND wItH thE"), Vec::<String>::new());
    }

    #[test]
    fn words_are_lower_case_without_accents_or_stop_words() {
        assert_eq!(
            words("Québec's CI/CD plan for the Straße, 99.9% a X"),
            ["quebec", "ci", "cd", "plan", "straße", "99"]
        );
        assert_eq!(words("東京 Ärzte"), ["東京", "arzte"]);
        assert_eq!(words("個人情報"), ["個人", "人情", "情報"]);
        assert_eq!(words("SRE2名と東京"), ["sre2", "名と", "と東", "東京"]);
    }

    #[test]
    fn words_of_up_to_16_bytes_are_packed_and_longer_ones_are_not() {
        let mut got = Vec::new();
        for_each_word(
            "Sixteen-letters: ABCDEFGHIJKLMNOP abcdefghijklmnopq Ünïcödé-wörds-längër-thän-sixteen Überwachungsbehörde",
            |w| got.push((w.text(), matches!(w, Word::Packed(_)))),
        );
        let expected = [
            ("sixteen", true),
            ("letters", true),
            ("abcdefghijklmnop", true),
            ("abcdefghijklmnopq", false),
            ("unicode", true),
            ("words", true),
            ("langer", true),
            ("than", true),
            ("sixteen", true),
            ("uberwachungsbehorde", false),
        ];
        let expected: Vec<(String, bool)> =
            expected.iter().map(|&(w, p)| (w.to_string(), p)).collect();
        assert_eq!(got, expected);
        // The ASCII path and the Unicode path pack a word the same way.
        let mut keys = Vec::new();
        for_each_word("Ärzte ÄRZTE arzte", |w| keys.push(format!("{w:?}")));
        assert!(keys.iter().all(|k| *k == keys[0]), "{keys:?}");
    }

    #[test]
    fn too_long_words_are_left_out() {
        let long = "x".repeat(MAX_WORD + 1);
        let ok = "y".repeat(MAX_WORD);
        assert_eq!(words(&format!("{long} {ok}")), [ok]);
    }

    #[test]
    fn unpack_undoes_pack() {
        for w in ["ab", "données", "abcdefghijklmnop", "東京"] {
            assert_eq!(unpack(pack(w.as_bytes())), w);
        }
    }
}
