//! What the generated TypeScript port is written from: each command's and each event's
//! signature, as their declarations give them (`commands.rs`, `shell.rs`).

/// A command's signature.
#[derive(Debug)]
pub(crate) struct CommandSignature {
    pub name: &'static str,
    pub docs: &'static [&'static str],
    pub args: Vec<(&'static str, String)>,
    pub returns: String,
}

/// An event's signature.
#[derive(Debug)]
pub(crate) struct EventSignature {
    pub name: &'static str,
    pub listener: &'static str,
    pub docs: &'static [&'static str],
    pub payload: String,
}
