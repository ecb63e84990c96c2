//! The text layer every stage stands on: characters ([`chars`]), tokens
//! ([`tokens`]), phrase lists with a match mode ([`phrases`]), whole
//! strings folded for comparison ([`fold`]) and the one way word lists under
//! `data/` are loaded ([`lists`]). It imports no stage.

pub mod chars;
pub mod fold;
pub mod lists;
pub mod phrases;
pub mod tokens;
