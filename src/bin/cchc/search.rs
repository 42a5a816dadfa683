//! `cchc search`: the widget's search engine on the command line.
//!
//! Same catalogue loader and ranking as the browser widget, so a webmaster (or a benchmark) sees
//! exactly what citizens will see. With a QUERY it answers once; without, it reads one query per
//! line from stdin and prints one JSON line per query.

use std::io::{BufRead, Read, Write};

use cchc_widgets::i18n::Lang;
use cchc_widgets::tthc::{Catalog, Details, Part, Query, SearchResults, Thesaurus};

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per hit: code, score, name.
    Text,
    /// One JSON object (pretty with a QUERY, one line per query from stdin).
    Json,
    /// One JSON line per query.
    Jsonl,
}

/// Search procedures (TTHC) in tthc.json or the national portal's records.
#[derive(clap::Args)]
pub struct Args {
    /// tthc.json, or the national records as a JSON array or JSON Lines (.gz not supported: unzip first).
    #[arg(long)]
    data: std::path::PathBuf,
    /// How many results per query.
    #[arg(long, default_value_t = 10)]
    top: usize,
    /// Output format (default: text with a QUERY, jsonl for stdin).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Language of messages on stderr (vi, en).
    #[arg(long, default_value = "vi")]
    lang: String,
    /// A life-situation thesaurus to use instead of the built-in one (data/tinh-huong.tsv format).
    #[arg(long)]
    thesaurus: Option<std::path::PathBuf>,
    /// Search without any thesaurus (as a widget that has not loaded one).
    #[arg(long, conflicts_with = "thesaurus")]
    no_thesaurus: bool,
    /// Search without the procedures' own words (the `terms_url` file), as a widget before it
    /// has loaded them.
    #[arg(long)]
    no_terms: bool,
    /// Print the life events (Sự kiện đời sống) and their procedures instead of searching.
    #[arg(long)]
    life_events: bool,
    /// The query; without it, queries are read from stdin, one per line.
    #[arg(trailing_var_arg = true)]
    query: Vec<String>,
}

/// Large national exports are read on the command line (the browser keeps its own limit).
const CLI_MAX_BYTES: usize = 512 * 1024 * 1024;

pub fn run(args: Args) -> u8 {
    let lang = Lang::from_tag(&args.lang);
    let text = match read_data(&args.data) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}: {e}", args.data.display());
            return 1;
        }
    };
    let catalog = match Catalog::from_json_str_with_limit(&text, CLI_MAX_BYTES) {
        Ok((c, warnings)) => {
            for w in warnings.iter().take(20) {
                eprintln!("{}: {}", args.data.display(), w.message(lang));
            }
            if warnings.len() > 20 {
                eprintln!("{}: … {} more", args.data.display(), warnings.len() - 20);
            }
            c
        }
        Err(e) => {
            eprintln!("{}: {}", args.data.display(), e.message(lang));
            return 1;
        }
    };
    let mut catalog = catalog;
    attach_files(&mut catalog, &args.data, !args.no_terms, lang);
    if !args.no_thesaurus {
        let t = match &args.thesaurus {
            None => cchc_widgets::tthc::builtin_thesaurus(),
            Some(path) => {
                let parsed = std::fs::read_to_string(path)
                    .map_err(|e| e.to_string())
                    .and_then(|t| Thesaurus::parse(&t).map_err(|e| e.message()));
                match parsed {
                    Ok(t) => t,
                    Err(e) => {
                        eprintln!("{}: {e}", path.display());
                        return 1;
                    }
                }
            }
        };
        catalog.set_thesaurus(t);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.life_events {
        return life_events(&mut out, &catalog, args.format.unwrap_or(Format::Text));
    }
    let ctx = Ctx {
        catalog: &catalog,
        data: &args.data,
    };
    if !args.query.is_empty() {
        let q = args.query.join(" ");
        let r = search(&catalog, &q, args.top);
        return emit(&mut out, &ctx, &q, &r, args.format.unwrap_or(Format::Text), true);
    }
    let format = args.format.unwrap_or(Format::Jsonl);
    for line in std::io::stdin().lock().lines() {
        let Ok(q) = line else {
            eprintln!("stdin: not UTF-8 text");
            return 1;
        };
        let r = search(&catalog, &q, args.top);
        let code = emit(&mut out, &ctx, &q, &r, format, false);
        if code != 0 {
            return code;
        }
    }
    0
}

/// Reads the files `tthc.json` names (`terms_url`: the procedures' own words; `faq_url`: the
/// hỏi đáp), relative to it, and attaches them as the widget does once it is ready. A file on
/// another server is not read; a missing or broken file is reported and search goes on without it.
pub(crate) fn attach_files(catalog: &mut Catalog, data: &std::path::Path, terms: bool, lang: Lang) {
    let dir = data.parent().unwrap_or(std::path::Path::new("."));
    let local = |url: &str| !url.contains("://") && !url.starts_with('/');
    if let Some(url) = catalog.terms_url().filter(|u| terms && local(u)).map(str::to_string) {
        let path = dir.join(&url);
        match std::fs::read_to_string(&path) {
            Ok(t) => {
                if let Err(e) = catalog.add_terms(&t) {
                    eprintln!("{}: {}", path.display(), e.message(lang));
                }
            }
            Err(e) => eprintln!("{}: {e}", path.display()),
        }
    }
    if let Some(url) = catalog.faq_url().filter(|u| local(u)).map(str::to_string) {
        let path = dir.join(&url);
        match std::fs::read_to_string(&path) {
            Ok(t) => match catalog.add_faq(&t) {
                Ok(warnings) => {
                    for w in warnings {
                        eprintln!("{}: {}", path.display(), w.message(lang));
                    }
                }
                Err(e) => eprintln!("{}: {}", path.display(), e.message(lang)),
            },
            Err(e) => eprintln!("{}: {e}", path.display()),
        }
    }
}

fn read_data(path: &std::path::Path) -> Result<String, String> {
    let mut f = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    f.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Err("gzip files are not read directly; run `gunzip -k` first".into());
    }
    String::from_utf8(bytes).map_err(|e| format!("not UTF-8 text: {e}"))
}

fn search(catalog: &Catalog, q: &str, top: usize) -> SearchResults {
    catalog.search(&Query {
        limit: top,
        typing: false,
        ..Query::text(q)
    })
}

/// What `emit` needs besides the results: the catalogue and where its data file is (to read a
/// procedure's details file for the part a question asks).
struct Ctx<'a> {
    catalog: &'a Catalog,
    data: &'a std::path::Path,
}

/// The top hit's answer to the part the query asks for (details read from its `details_url`
/// file next to the data file when the list does not carry them).
fn answer(ctx: &Ctx<'_>, r: &SearchResults) -> Option<(Part, Vec<String>)> {
    let part = r.asks?;
    let p = ctx.catalog.procedure(r.hits.first()?.index)?;
    let from_file = match (&p.details, &p.details_url) {
        (None, Some(url)) => {
            let path = ctx.data.parent().unwrap_or(std::path::Path::new(".")).join(url);
            std::fs::read_to_string(path)
                .ok()
                .and_then(|t| Details::parse_file(&t).ok())
                .and_then(|m| m.get(&p.code).cloned())
        }
        _ => None,
    };
    Some((part, p.part(part, from_file.as_ref())))
}

/// How `cchc search` names a part in text output.
fn part_label(part: Part) -> &'static str {
    match part {
        Part::Documents => "Thành phần hồ sơ",
        Part::Time => "Thời hạn giải quyết",
        Part::Fee => "Phí, lệ phí",
        Part::Place => "Nơi thực hiện, cách thức",
        Part::Conditions => "Yêu cầu, điều kiện",
        Part::Steps => "Trình tự thực hiện",
    }
}

fn life_events(out: &mut impl Write, catalog: &Catalog, format: Format) -> u8 {
    let events = catalog.life_events(4);
    let text = match format {
        Format::Text => {
            let mut s = String::new();
            for e in &events {
                s.push_str(&format!("## {}\n", e.name));
                for &i in &e.procedures {
                    if let Some(p) = catalog.procedure(i) {
                        s.push_str(&format!("{}\t{}\n", p.code, p.name));
                    }
                }
            }
            s
        }
        Format::Json | Format::Jsonl => {
            let v: Vec<serde_json::Value> = events
                .iter()
                .map(|e| {
                    let codes: Vec<&str> = e
                        .procedures
                        .iter()
                        .filter_map(|&i| catalog.procedure(i).map(|p| p.code.as_str()))
                        .collect();
                    serde_json::json!({ "name": e.name, "codes": codes })
                })
                .collect();
            let mut t = serde_json::to_string_pretty(&v).unwrap_or_default();
            t.push('\n');
            t
        }
    };
    match out.write_all(text.as_bytes()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("stdout: {e}");
            1
        }
    }
}

fn emit(
    out: &mut impl Write,
    ctx: &Ctx<'_>,
    q: &str,
    r: &SearchResults,
    format: Format,
    single: bool,
) -> u8 {
    let answer = answer(ctx, r);
    let results: Vec<serde_json::Value> = r
        .hits
        .iter()
        .map(|h| serde_json::json!({ "code": h.code, "name": h.name, "score": h.score }))
        .collect();
    let written = match format {
        Format::Text => {
            let mut s = String::new();
            if !single {
                s.push_str(&format!("# {q}\n"));
            }
            for h in &r.hits {
                s.push_str(&format!("{}\t{:.2}\t{}\n", h.code, h.score, h.name));
            }
            if r.hits.is_empty() {
                s.push_str("(0)\n");
            }
            for sug in &r.suggestions {
                s.push_str(&format!("? {sug}\n"));
            }
            for f in &r.faq {
                s.push_str(&format!(
                    "hỏi đáp\t{:.2}\t{}\t→ {}\n",
                    f.score,
                    f.question,
                    f.codes.join(" ")
                ));
            }
            if let Some((part, lines)) = &answer {
                s.push_str(&format!("> {} ({}):\n", part_label(*part), part.key()));
                if lines.is_empty() {
                    s.push_str(">   (không có thông tin / not given)\n");
                }
                for l in lines {
                    s.push_str(&format!(">   {l}\n"));
                }
            }
            out.write_all(s.as_bytes())
        }
        Format::Json | Format::Jsonl => {
            let mut v = serde_json::json!({ "query": q, "results": results });
            if let (Some(o), Some((part, lines))) = (v.as_object_mut(), &answer) {
                o.insert("asks".into(), part.key().into());
                o.insert("answer".into(), serde_json::json!(lines));
            }
            if let (Some(o), false) = (v.as_object_mut(), r.faq.is_empty()) {
                let faq: Vec<serde_json::Value> = r
                    .faq
                    .iter()
                    .map(|f| {
                        let answer = ctx.catalog.faq().get(f.index).map(|e| e.answer.as_str());
                        serde_json::json!({ "question": f.question, "answer": answer,
                            "codes": f.codes, "score": f.score })
                    })
                    .collect();
                o.insert("faq".into(), faq.into());
            }
            if format == Format::Json || single {
                if let Some(o) = v.as_object_mut() {
                    o.insert("total".into(), r.total.into());
                    o.insert("suggestions".into(), serde_json::json!(r.suggestions));
                }
            }
            let line = if format == Format::Json && single {
                serde_json::to_string_pretty(&v)
            } else {
                serde_json::to_string(&v)
            };
            match line {
                Ok(l) => writeln!(out, "{l}"),
                Err(e) => Err(std::io::Error::other(e)),
            }
        }
    };
    match written {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("stdout: {e}");
            1
        }
    }
}
