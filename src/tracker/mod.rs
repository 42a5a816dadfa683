//! The index target tracker's core: what a province's plan promises and where it stands.
//!
//! Provincial reform plans set targets on national indices (PAR INDEX, SIPAS, PAPI, PCI, DTI) and on
//! their own indicators, and list tasks with a lead agency, co-owners and a deadline, all in the
//! plan's own Vietnamese wording. This module reads that wording ([`deadline`], [`target`]), loads
//! a `chi-tieu.json` document ([`model`]) and evaluates it honestly as of a date ([`status`]):
//! unknown phrases stay unknown, ranks across the July 2025 change from 63 to 34 provinces are
//! never compared, and every status carries its reason in Vietnamese and English.

pub use crate::date;
pub mod deadline;
pub mod lex;
pub mod model;
pub mod status;
pub mod table;
pub mod target;

pub use date::Date;
pub use deadline::{parse_deadline, Deadline, DeadlineKind, DeadlineState, DeadlineStatus};
pub use model::{load, Document, LoadError};
pub use status::{evaluate, Evaluation, Status};
pub use target::{parse_target, Target, TargetKind};
#[cfg(test)]
mod tests;
