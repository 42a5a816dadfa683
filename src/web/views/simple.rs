//! Plain, honest renderings of each widget's data, used until the full widget lands.

use std::rc::Rc;

use serde_json::Value;

use crate::contract::{parse_json, LoadFailure};
use crate::web::dom::E;
use crate::web::{Ctx, Failure};

async fn fetch_value(ctx: &Rc<Ctx>, attr: &str) -> Result<Value, Failure> {
    let url = ctx.attr(attr).unwrap_or_default();
    let text = ctx.fetch_attr(attr).await?;
    parse_json::<Value>(&text).map_err(|error| Failure::Load(LoadFailure::Data { url, error }))
}

pub(crate) async fn form(ctx: &Rc<Ctx>) -> Result<(), Failure> {
    let data = if ctx.attr("schema").is_some() {
        fetch_value(ctx, "schema").await?
    } else {
        Value::Null
    };
    let lang = ctx.lang;
    crate::web::dom::clear(&ctx.body);
    ctx.body.append_child(
        &E::new("h2")?
            .text(lang.pick("Gửi phản ánh, kiến nghị", "Send feedback"))
            .0,
    )?;
    let form = E::new("form")?.attr("novalidate", "")?;
    for (i, f) in data
        .get("fields")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let id = format!("f{i}");
        let field = E::new("div")?
            .part("field")?
            .child(
                E::new("label")?.attr("for", &id)?.text(
                    f.get("label")
                        .and_then(|l| l.get(lang.pick("vi", "en")).or(Some(l)))
                        .and_then(Value::as_str)
                        .unwrap_or(""),
                ),
            )?
            .child(E::new("input")?.attr("id", &id)?.attr("type", "text")?)?;
        form.0.append_child(&field.0)?;
    }
    form.0.append_child(
        &E::new("button")?
            .attr("type", "submit")?
            .part("submit")?
            .text(lang.pick("Gửi", "Send"))
            .0,
    )?;
    ctx.body.append_child(&form.0)?;
    ctx.ready();
    Ok(())
}
