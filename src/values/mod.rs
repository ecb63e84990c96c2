//! Values the text states: calendar dates and the day arithmetic on them
//! ([`date`]), exact decimals ([`decimal`]). The entity stage writes DATE
//! and number values with them; the event stage reads them back. It
//! imports no stage.

pub mod date;
pub mod decimal;
