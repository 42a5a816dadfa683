//! Where the receiver keeps submissions: one SQLite file (the embedded default, nothing to
//! install), or PostgreSQL (`--db postgres://…`) for agencies that run several receivers on the
//! database their IT already operates. Every read and write of the database goes through this
//! module; `sqlite.rs` and `postgres.rs` implement the same operations with the same guarantees.
//!
//! Durability is the point: the receiver answers `201` only after [`Store::insert`] returned, and
//! `insert` returns only after SQLite committed the transaction in WAL mode with `synchronous =
//! FULL` (the commit is on disk, also across a power cut). One transaction holds the idempotency
//! check, the year's next number, the submission and its attachments: a crash at any point
//! leaves either all of it or none of it, and a number is never handed out twice.

use std::path::Path;

mod postgres;
mod sqlite;

#[derive(Debug)]
pub struct StoreError(pub(crate) String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError(format!("SQLite: {e}"))
    }
}

impl From<::postgres::Error> for StoreError {
    fn from(e: ::postgres::Error) -> StoreError {
        // `Display` of a server error is only "db error"; the server's own words (severity, code,
        // message, detail) are what an administrator needs.
        match e.as_db_error() {
            Some(db) => StoreError(format!(
                "PostgreSQL: {} {}: {}{}",
                db.severity(),
                db.code().code(),
                db.message(),
                db.detail().map(|d| format!(" ({d})")).unwrap_or_default()
            )),
            None => StoreError(format!("PostgreSQL: {e}")),
        }
    }
}

/// A submission to store: already validated, attachments checked by their bytes.
pub struct NewSubmission<'a> {
    /// The form it came through (the endpoint path, e.g. `/api/phan-anh`).
    pub form: &'a str,
    /// Year of receipt, Vietnam time (the reference's year).
    pub year: i32,
    /// RFC 3339 time of receipt, `+07:00`.
    pub received_at: &'a str,
    pub submitted_at: Option<&'a str>,
    pub lang: &'a str,
    pub idempotency_key: Option<&'a str>,
    /// The normalised values as JSON.
    pub values_json: &'a str,
    /// The validator's warnings as JSON.
    pub warnings_json: &'a str,
    /// `(field, name, MIME type, bytes)`.
    pub attachments: Vec<(&'a str, &'a str, &'a str, &'a [u8])>,
}

/// The outcome of storing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub reference: String,
    /// The idempotency key was seen before: nothing new was stored, this is the first reference.
    pub repeated: bool,
}

/// One stored submission, for `cchc phan-anh list`.
#[derive(Clone, Debug)]
pub struct Listed {
    pub reference: String,
    pub form: String,
    pub status: String,
    pub received_at: String,
    pub lang: String,
    pub values_json: String,
    /// `(field, name, size)` of each attachment.
    pub files: Vec<(String, String, u64)>,
}

/// A submission staff still have to answer, for the answer sheet.
#[derive(Clone, Debug)]
pub struct Pending {
    pub reference: String,
    pub received_at: String,
    pub status: String,
    pub values_json: String,
    pub answer: String,
    pub agency: String,
    pub answered_on: String,
    pub publish: bool,
}

/// One row of a filled answer sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerUpdate {
    pub reference: String,
    /// A status code (`da-tra-loi`, …).
    pub status: String,
    pub answer: String,
    pub agency: String,
    /// `yyyy-mm-dd` or empty.
    pub answered_on: String,
    pub publish: bool,
    /// The sheet row it came from (for the audit trail).
    pub line: usize,
}

/// One line of the audit trail: `(at, action, detail JSON)`.
pub type AuditEntry = (String, String, String);

/// The database.
/// The database: SQLite (a path) or PostgreSQL (a `postgres://` URL).
pub enum Store {
    Sqlite(sqlite::Sqlite),
    Postgres(Box<postgres::Pg>),
}

/// Runs the same call on whichever database.
macro_rules! each {
    ($self:ident, $s:ident => $e:expr) => {
        match $self {
            Store::Sqlite($s) => $e,
            Store::Postgres($s) => $e,
        }
    };
}

impl Store {
    /// Opens (creating the tables if needed) the database: a `postgres://` or `postgresql://`
    /// URL, else a SQLite file path.
    pub fn open(db: &Path) -> Result<Store, StoreError> {
        if is_postgres(db) {
            return Ok(Store::Postgres(Box::new(postgres::Pg::open(&db.to_string_lossy())?)));
        }
        Ok(Store::Sqlite(sqlite::Sqlite::open(db)?))
    }

    /// `db` as it may be printed (a PostgreSQL URL without its password).
    pub fn shown(db: &Path) -> String {
        postgres::redact(&db.to_string_lossy())
    }

    /// Whether `db` names a database that exists (a PostgreSQL URL is taken to: connecting tells).
    pub fn exists_at(db: &Path) -> bool {
        is_postgres(db) || db.is_file()
    }

    /// Whether the database answers (for `/healthz`).
    pub fn ping(&mut self) -> Result<(), StoreError> {
        each!(self, s => s.ping())
    }

    /// The first answer to an idempotency key: `(reference, spam)`.
    pub fn find_key(&mut self, key: &str) -> Result<Option<(String, bool)>, StoreError> {
        each!(self, s => s.find_key(key))
    }

    /// Stores a submission durably and gives it the year's next reference, unless its
    /// idempotency key was seen before (then the first reference, and nothing is stored).
    pub fn insert(&mut self, n: &NewSubmission) -> Result<Stored, StoreError> {
        each!(self, s => s.insert(n))
    }

    /// Keeps a honeypot submission apart (never listed with the submissions).
    pub fn insert_spam(
        &mut self,
        form: &str,
        year: i32,
        received_at: &str,
        key: Option<&str>,
        values_json: &str,
    ) -> Result<Stored, StoreError> {
        each!(self, s => s.insert_spam(form, year, received_at, key, values_json))
    }

    /// Every stored submission (not spam), oldest first.
    pub fn list(&mut self) -> Result<Vec<Listed>, StoreError> {
        each!(self, s => s.list())
    }

    /// The submissions staff still have to answer, oldest first.
    pub fn pending(&mut self) -> Result<Vec<Pending>, StoreError> {
        each!(self, s => s.pending())
    }

    /// Every reference with its day of receipt.
    pub fn received_days(
        &mut self,
    ) -> Result<std::collections::HashMap<String, cchc_widgets::date::Date>, StoreError> {
        let pairs = each!(self, s => s.received_at())?;
        Ok(pairs
            .into_iter()
            .filter_map(|(r, at)| {
                at.get(..10)
                    .and_then(cchc_widgets::date::Date::parse_iso)
                    .map(|d| (r, d))
            })
            .collect())
    }

    /// The submissions staff marked for publishing, with their answers, oldest first.
    pub fn marked_for_publishing(&mut self) -> Result<Vec<Pending>, StoreError> {
        each!(self, s => s.marked_for_publishing())
    }

    /// Applies the staff's answers, all or nothing; each change goes to the audit trail.
    pub fn apply_answers(
        &mut self,
        updates: &[AnswerUpdate],
        at: &str,
        source: &str,
        progress: impl FnMut(usize),
    ) -> Result<usize, StoreError> {
        each!(self, s => s.apply_answers(updates, at, source, progress))
    }

    /// The audit trail of one submission, oldest first; `None` for an unknown reference.
    pub fn history(&mut self, reference: &str) -> Result<Option<Vec<AuditEntry>>, StoreError> {
        each!(self, s => s.history(reference))
    }

    /// How many honeypot submissions were kept apart.
    pub fn spam_count(&mut self) -> Result<u64, StoreError> {
        each!(self, s => s.spam_count())
    }
}

/// Whether `db` is a PostgreSQL URL rather than a SQLite file.
fn is_postgres(db: &Path) -> bool {
    let text = db.to_string_lossy();
    text.starts_with("postgres://") || text.starts_with("postgresql://")
}

/// A stored answer: `(status, answer, agency, answered_on, publish)`.
pub(crate) type AnswerRow = (String, String, String, String, bool);

/// What changed between two answers, for the audit trail (JSON), with the sheet row.
pub(crate) fn audit_detail(before: Option<&AnswerRow>, after: &AnswerRow, source: &str, line: usize) -> String {
    let mut detail = serde_json::Map::new();
    let empty = (String::new(), String::new(), String::new(), String::new(), false);
    let old = before.unwrap_or(&empty);
    let pairs = [
        ("status", &old.0, &after.0),
        ("answer", &old.1, &after.1),
        ("agency", &old.2, &after.2),
        ("answered_on", &old.3, &after.3),
    ];
    for (name, o, n) in pairs {
        if o != n {
            detail.insert(name.into(), serde_json::json!({"from": o, "to": n}));
        }
    }
    if old.4 != after.4 || before.is_none() {
        detail.insert("publish".into(), serde_json::json!({"from": old.4, "to": after.4}));
    }
    detail.insert("source".into(), serde_json::json!(format!("{source}:{line}")));
    serde_json::Value::Object(detail).to_string()
}
