//! Values the text states: calendar dates and the day arithmetic on them
//! ([`date`]). The entity stage writes DATE values with it; the event stage
//! reads them back. It imports no stage.

pub mod date;
