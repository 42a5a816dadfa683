//! One view per widget. Each `run` fetches what it needs, renders, then calls `ctx.ready()`.
//!
//! Each view is behind its cargo feature (`search`, `tracker`, `form`, `answers`): the bundle of one widget
//! carries only its own view, and through it only the core code that view reaches.

use std::rc::Rc;

use super::{Ctx, Failure};

#[cfg(feature = "answers")]
mod answers;
#[cfg(feature = "form")]
mod form;
#[cfg(feature = "search")]
mod search;
#[cfg(feature = "tracker")]
mod tracker;

pub(crate) async fn run(ctx: &Rc<Ctx>) -> Result<(), Failure> {
    match ctx.kind {
        #[cfg(feature = "search")]
        super::Kind::TthcSearch => search::run(ctx).await,
        #[cfg(feature = "tracker")]
        super::Kind::IndexTracker => tracker::run(ctx).await,
        #[cfg(feature = "form")]
        super::Kind::FeedbackForm => form::run(ctx).await,
        #[cfg(feature = "answers")]
        super::Kind::FeedbackAnswers => answers::run(ctx).await,
    }
}
