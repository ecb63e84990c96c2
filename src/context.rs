//! What the page says about itself, handed from the cleaner to the stages
//! after it: the year its dates belong to and where its title sits.

use crate::Ymd;
use std::ops::Range;

/// What the page says about itself, passed from the cleaner to later stages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocContext {
    /// The year that dates without one belong to, when known (dateline or reference date).
    pub anchor: Option<Ymd>,
    /// Byte range of the title in `text`, if there is one.
    pub title_span: Option<Range<usize>>,
}
