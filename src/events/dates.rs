//! Event dates live in [`crate::values::date`] now, where the entity stage
//! can share them without importing a later stage; this keeps the old path.

pub use crate::values::date::EventDate;
