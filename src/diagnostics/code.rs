//! The codes of diagnostics: one short, stable name per kind of problem.
//!
//! A code is `E-` (an error: the run fails) or `W-` (a warning: the run goes on) followed by
//! a few lowercase words joined by `-` that name the kind of problem, e.g. `E-unknown-field`
//! or `W-goal-without-status`. A code never changes meaning once released, so scripts and
//! documentation can refer to it; a new kind of problem gets a new code. Problems that no
//! more specific code fits are `E-invalid`. `docs/diagnostics.md` lists every code.

/// A kind of problem, printed as its stable code (`error[E-unknown-field]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// The content breaks a rule of its kind that no more specific code names.
    Invalid,
    /// A file or folder cannot be read (missing, permissions, a symbolic link).
    Unreadable,
    /// A file is larger than a content file may be.
    TooLarge,
    /// A file is not UTF-8 text.
    NotUtf8,
    /// A file holds nothing.
    EmptyFile,
    /// The text is not well-formed YAML (indentation, quotes, tabs).
    YamlSyntax,
    /// The YAML nests too deep, or holds too many values or aliases.
    YamlLimit,
    /// An alias (`*name`) refers to no anchor.
    UnknownAnchor,
    /// More than one YAML document in a file.
    MultipleDocuments,
    /// A field that the kind of file does not have (often a typo).
    UnknownField,
    /// A required field is missing.
    MissingField,
    /// A field is given twice.
    DuplicateField,
    /// A value of the wrong type (text for a number, a list for a text).
    WrongType,
    /// An id that does not have the expected shape.
    InvalidId,
    /// An id given to two things.
    DuplicateId,
    /// A reference to a source, goal, indicator, measure or initiative that does not exist.
    UnknownReference,
    /// A period or date that cannot be read.
    InvalidPeriod,
    /// A number outside what its unit allows.
    OutOfRange,
    /// A language code the tool has no labels for.
    UnknownLanguage,
    /// typst could not typeset a generated document.
    Typst,
    /// typst warned about a generated document.
    TypstWarning,
    /// A goal of the strategy that a quarter's status leaves out.
    GoalWithoutStatus,
    /// A draft status (from `new-quarter`) with texts still to be written.
    DraftText,
    /// A goal's summary in a status with an empty section.
    EmptySection,
    /// A printed text not written in a language its document is published in.
    MissingTranslation,
    /// The last build's manifest in the output folder cannot be read.
    UnreadableManifest,
}

impl Code {
    /// Every code, in the order `docs/diagnostics.md` lists them.
    pub const ALL: [Code; 26] = [
        Code::Invalid,
        Code::Unreadable,
        Code::TooLarge,
        Code::NotUtf8,
        Code::EmptyFile,
        Code::YamlSyntax,
        Code::YamlLimit,
        Code::UnknownAnchor,
        Code::MultipleDocuments,
        Code::UnknownField,
        Code::MissingField,
        Code::DuplicateField,
        Code::WrongType,
        Code::InvalidId,
        Code::DuplicateId,
        Code::UnknownReference,
        Code::InvalidPeriod,
        Code::OutOfRange,
        Code::UnknownLanguage,
        Code::Typst,
        Code::TypstWarning,
        Code::GoalWithoutStatus,
        Code::DraftText,
        Code::EmptySection,
        Code::MissingTranslation,
        Code::UnreadableManifest,
    ];

    /// The code as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Invalid => "E-invalid",
            Code::Unreadable => "E-unreadable",
            Code::TooLarge => "E-too-large",
            Code::NotUtf8 => "E-not-utf8",
            Code::EmptyFile => "E-empty-file",
            Code::YamlSyntax => "E-yaml-syntax",
            Code::YamlLimit => "E-yaml-limit",
            Code::UnknownAnchor => "E-unknown-anchor",
            Code::MultipleDocuments => "E-multiple-documents",
            Code::UnknownField => "E-unknown-field",
            Code::MissingField => "E-missing-field",
            Code::DuplicateField => "E-duplicate-field",
            Code::WrongType => "E-wrong-type",
            Code::InvalidId => "E-invalid-id",
            Code::DuplicateId => "E-duplicate-id",
            Code::UnknownReference => "E-unknown-reference",
            Code::InvalidPeriod => "E-invalid-period",
            Code::OutOfRange => "E-out-of-range",
            Code::UnknownLanguage => "E-unknown-language",
            Code::Typst => "E-typst",
            Code::TypstWarning => "W-typst",
            Code::GoalWithoutStatus => "W-goal-without-status",
            Code::DraftText => "W-draft-text",
            Code::EmptySection => "W-empty-section",
            Code::MissingTranslation => "W-missing-translation",
            Code::UnreadableManifest => "W-unreadable-manifest",
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_follow_the_scheme() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let s = code.as_str();
            assert!(seen.insert(s), "{s} twice");
            let rest = s
                .strip_prefix("E-")
                .or_else(|| s.strip_prefix("W-"))
                .unwrap_or_else(|| panic!("{s} starts with neither E- nor W-"));
            assert!(
                rest.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{s}"
            );
        }
    }

    #[test]
    fn the_documentation_lists_every_code() {
        let doc = include_str!("../../docs/diagnostics.md");
        for code in Code::ALL {
            assert!(doc.contains(&format!("`{code}`")), "{code} is not in docs");
        }
    }
}
