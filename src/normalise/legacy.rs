//! Text in the legacy Vietnamese encodings (TCVN3/ABC, VNI) read as if it
//! were Latin-1 or Windows-1252: detect it so the reader is told.

/// The legacy encoding `text` appears to be in, if any.
pub fn detect(_text: &str) -> Option<&'static str> {
    None
}
