//! One view per widget. Each `run` fetches what it needs, renders, then calls `ctx.ready()`.

use std::rc::Rc;

use super::{Ctx, Failure, Kind};

mod form;
mod search;
mod tracker;

pub(crate) async fn run(ctx: &Rc<Ctx>) -> Result<(), Failure> {
    match ctx.kind {
        Kind::TthcSearch => search::run(ctx).await,
        Kind::IndexTracker => tracker::run(ctx).await,
        Kind::FeedbackForm => form::run(ctx).await,
    }
}
