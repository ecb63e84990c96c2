//! Reports over the extractions of several articles: the merged timeline
//! ([`mod@timeline`]) and the entity and event tables ([`table`]), which the CLI
//! writes as CSV with the `csv` crate, the page exports from the wasm
//! binding, and the Python binding hands to pandas.
//!
//! Everything here is a plain function of [`Extraction`]s, with no I/O and
//! no native-only crate, so that every front end reports the same columns
//! and the same values. Each extraction comes with a name ([`Document`]), so
//! that rows from many articles can be joined.

pub mod table;
pub mod timeline;

pub use table::{to_csv, Table};
pub use timeline::{Source, TimelineEntry};

use crate::Extraction;

/// One article's extraction and the name the caller knows it by: a file
/// path for the CLI, an id in a corpus, a label in the page.
#[derive(Clone, Copy, Debug)]
pub struct Document<'a> {
    /// The file, id or label: the `document` column, the timeline's `file`.
    pub name: &'a str,
    /// What was read from it.
    pub extraction: &'a Extraction,
}

/// The events of all `docs` as CSV, one event a row (see [`Table::Events`]).
pub fn events_csv(docs: &[Document]) -> String {
    to_csv(Table::Events, docs)
}

/// The entities of all `docs` as CSV, one mention a row (see [`Table::Entities`]).
pub fn entities_csv(docs: &[Document]) -> String {
    to_csv(Table::Entities, docs)
}

/// One timeline of the events of all `docs`, the same event reported by
/// several articles merged into one entry (see [`timeline::merge`]).
pub fn timeline(docs: &[Document]) -> Vec<TimelineEntry> {
    timeline::merge(docs)
}
