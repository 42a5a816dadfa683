//! The SQLite database (the embedded default): WAL mode, `synchronous = FULL`, one immediate
//! transaction per write.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::{
    audit_detail, AnswerRow, AnswerUpdate, AuditEntry, Listed, NewSubmission, Pending, StoreError, Stored,
};

const VERSION: i64 = 2;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS sequence (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS submission (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    number INTEGER NOT NULL,
    form TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'moi',
    received_at TEXT NOT NULL,
    submitted_at TEXT,
    lang TEXT NOT NULL,
    idempotency_key TEXT UNIQUE,
    values_json TEXT NOT NULL,
    warnings_json TEXT NOT NULL,
    UNIQUE (year, number)
);
CREATE TABLE IF NOT EXISTS attachment (
    id INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submission(id),
    field TEXT NOT NULL,
    name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS attachment_submission ON attachment(submission_id);
CREATE TABLE IF NOT EXISTS answer (
    submission_id INTEGER PRIMARY KEY REFERENCES submission(id),
    status TEXT NOT NULL,
    answer TEXT NOT NULL DEFAULT '',
    agency TEXT NOT NULL DEFAULT '',
    answered_on TEXT NOT NULL DEFAULT '',
    publish INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submission(id),
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS audit_submission ON audit(submission_id);
CREATE TABLE IF NOT EXISTS spam (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL,
    form TEXT NOT NULL,
    received_at TEXT NOT NULL,
    idempotency_key TEXT UNIQUE,
    values_json TEXT NOT NULL
);
";

/// A SQLite database file.
pub struct Sqlite {
    conn: Connection,
}

impl Sqlite {
    /// Opens (creating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Sqlite, StoreError> {
        let conn = Connection::open(path).map_err(|e| {
            StoreError(format!(
                "cannot open the database {}: {e} (check that the folder exists and is writable)",
                path.display()
            ))
        })?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError(format!(
                "{}: SQLite refused WAL mode ({mode}); put the database on a local disk",
                path.display()
            )));
        }
        conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > VERSION {
            return Err(StoreError(format!(
                "{} was written by a newer cchc (layout {version}, this one knows {VERSION}); \
                 upgrade cchc",
                path.display()
            )));
        }
        conn.execute_batch(SCHEMA)?;
        conn.execute_batch(&format!("PRAGMA user_version = {VERSION}"))?;
        Ok(Sqlite { conn })
    }

    /// Whether the database answers (for `/healthz`).
    pub fn ping(&mut self) -> Result<(), StoreError> {
        self.conn.query_row("SELECT 1", [], |_| Ok(()))?;
        Ok(())
    }

    /// The first answer to an idempotency key: `(reference, spam)`.
    pub fn find_key(&mut self, key: &str) -> Result<Option<(String, bool)>, StoreError> {
        let found = self
            .conn
            .query_row(
                "SELECT reference, 0 FROM submission WHERE idempotency_key = ?1
                 UNION ALL SELECT reference, 1 FROM spam WHERE idempotency_key = ?1",
                params![key],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? == 1)),
            )
            .optional()?;
        Ok(found)
    }

    /// Stores a submission durably and gives it the year's next reference, unless its
    /// idempotency key was seen before (then the first reference, and nothing is stored).
    pub fn insert(&mut self, s: &NewSubmission) -> Result<Stored, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(key) = s.idempotency_key {
            let prior: Option<String> = tx
                .query_row(
                    "SELECT reference FROM submission WHERE idempotency_key = ?1",
                    params![key],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(reference) = prior {
                return Ok(Stored {
                    reference,
                    repeated: true,
                });
            }
        }
        tx.execute(
            "INSERT INTO sequence(year, last) VALUES (?1, 1)
             ON CONFLICT(year) DO UPDATE SET last = last + 1",
            params![s.year],
        )?;
        let number: i64 = tx.query_row(
            "SELECT last FROM sequence WHERE year = ?1",
            params![s.year],
            |r| r.get(0),
        )?;
        let reference = cchc_widgets::feedback::submission::reference(s.year, number as u64);
        tx.execute(
            "INSERT INTO submission(reference, year, number, form, received_at, submitted_at, lang,
                                    idempotency_key, values_json, warnings_json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                reference,
                s.year,
                number,
                s.form,
                s.received_at,
                s.submitted_at,
                s.lang,
                s.idempotency_key,
                s.values_json,
                s.warnings_json
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO audit(submission_id, at, action, detail) VALUES (?1, ?2, 'received', ?3)",
            params![id, s.received_at, s.form],
        )?;
        for (field, name, mime, bytes) in &s.attachments {
            tx.execute(
                "INSERT INTO attachment(submission_id, field, name, mime, size, content)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, field, name, mime, bytes.len() as i64, bytes],
            )?;
        }
        tx.commit()?;
        Ok(Stored {
            reference,
            repeated: false,
        })
    }

    /// Keeps a honeypot submission apart (never listed with the submissions). Its reference is
    /// `PAKN-YYYY-S` and its row number: shaped like a reference for the bot, never one of the
    /// year's numbers.
    pub fn insert_spam(
        &mut self,
        form: &str,
        year: i32,
        received_at: &str,
        key: Option<&str>,
        values_json: &str,
    ) -> Result<Stored, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(key) = key {
            let prior: Option<String> = tx
                .query_row(
                    "SELECT reference FROM spam WHERE idempotency_key = ?1",
                    params![key],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(reference) = prior {
                return Ok(Stored {
                    reference,
                    repeated: true,
                });
            }
        }
        let next: i64 = tx.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM spam", [], |r| {
            r.get(0)
        })?;
        let reference = format!("PAKN-{year:04}-S{next:05}");
        tx.execute(
            "INSERT INTO spam(id, reference, form, received_at, idempotency_key, values_json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![next, reference, form, received_at, key, values_json],
        )?;
        tx.commit()?;
        Ok(Stored {
            reference,
            repeated: false,
        })
    }

    /// Every stored submission (not spam), oldest first.
    pub fn list(&mut self) -> Result<Vec<Listed>, StoreError> {
        let mut files = self.conn.prepare(
            "SELECT field, name, size FROM attachment WHERE submission_id = ?1 ORDER BY id",
        )?;
        let mut stmt = self.conn.prepare(
            "SELECT id, reference, form, status, received_at, lang, values_json
             FROM submission ORDER BY year, number",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Listed {
                    reference: r.get(1)?,
                    form: r.get(2)?,
                    status: r.get(3)?,
                    received_at: r.get(4)?,
                    lang: r.get(5)?,
                    values_json: r.get(6)?,
                    files: Vec::new(),
                },
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, mut listed) = row?;
            listed.files = files
                .query_map(params![id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as u64))
                })?
                .collect::<Result<_, _>>()?;
            out.push(listed);
        }
        Ok(out)
    }

    /// Submissions with what staff filled in so far, oldest first, `filter` on `s` and `a`.
    fn answered(&mut self, filter: &str) -> Result<Vec<Pending>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT s.reference, s.received_at, s.status, s.values_json,
                    COALESCE(a.answer, ''), COALESCE(a.agency, ''), COALESCE(a.answered_on, ''),
                    COALESCE(a.publish, 0)
             FROM submission s LEFT JOIN answer a ON a.submission_id = s.id
             WHERE {filter} ORDER BY s.year, s.number"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok(Pending {
                reference: r.get(0)?,
                received_at: r.get(1)?,
                status: r.get(2)?,
                values_json: r.get(3)?,
                answer: r.get(4)?,
                agency: r.get(5)?,
                answered_on: r.get(6)?,
                publish: r.get::<_, i64>(7)? != 0,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The submissions staff still have to answer (status `moi` or `dang-xu-ly`).
    pub fn pending(&mut self) -> Result<Vec<Pending>, StoreError> {
        self.answered("s.status IN ('moi', 'dang-xu-ly')")
    }

    /// Every reference with its time of receipt.
    pub fn received_at(&mut self) -> Result<Vec<(String, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT reference, received_at FROM submission")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The submissions staff marked for publishing, with their answers.
    pub fn marked_for_publishing(&mut self) -> Result<Vec<Pending>, StoreError> {
        self.answered("a.publish = 1")
    }

    /// Whether a submission with this reference exists.
    pub fn exists(&mut self, reference: &str) -> Result<bool, StoreError> {
        let n: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM submission WHERE reference = ?1",
            params![reference],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    }

    /// Applies the staff's answers, all or nothing (one transaction); each change is kept in the
    /// audit trail with what changed. Returns how many submissions changed. Unknown references
    /// must have been refused before (an unknown one here rolls everything back).
    pub fn apply_answers(
        &mut self,
        updates: &[AnswerUpdate],
        at: &str,
        source: &str,
        mut progress: impl FnMut(usize),
    ) -> Result<usize, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut changed = 0;
        for (i, u) in updates.iter().enumerate() {
            let id: i64 = tx
                .query_row(
                    "SELECT id FROM submission WHERE reference = ?1",
                    params![u.reference],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| StoreError(format!("{}: no such submission", u.reference)))?;
            let before: Option<AnswerRow> = tx
                .query_row(
                    "SELECT status, answer, agency, answered_on, publish FROM answer
                     WHERE submission_id = ?1",
                    params![id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get::<_, i64>(4)? != 0)),
                )
                .optional()?;
            let after: AnswerRow = (
                u.status.clone(),
                u.answer.clone(),
                u.agency.clone(),
                u.answered_on.clone(),
                u.publish,
            );
            if before.as_ref() == Some(&after) {
                progress(i + 1);
                continue;
            }
            let detail = audit_detail(before.as_ref(), &after, source, u.line);
            tx.execute(
                "INSERT INTO answer(submission_id, status, answer, agency, answered_on, publish, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT(submission_id) DO UPDATE SET status = ?2, answer = ?3, agency = ?4,
                     answered_on = ?5, publish = ?6, updated_at = ?7",
                params![id, u.status, u.answer, u.agency, u.answered_on, i64::from(u.publish), at],
            )?;
            tx.execute(
                "UPDATE submission SET status = ?2 WHERE id = ?1",
                params![id, u.status],
            )?;
            tx.execute(
                "INSERT INTO audit(submission_id, at, action, detail) VALUES (?1, ?2, 'answer', ?3)",
                params![id, at, detail],
            )?;
            changed += 1;
            progress(i + 1);
        }
        tx.commit()?;
        Ok(changed)
    }

    /// The audit trail of one submission, oldest first: `(at, action, detail JSON)`; `None` when
    /// the reference is unknown.
    pub fn history(&mut self, reference: &str) -> Result<Option<Vec<AuditEntry>>, StoreError> {
        if !self.exists(reference)? {
            return Ok(None);
        }
        let mut stmt = self.conn.prepare(
            "SELECT a.at, a.action, a.detail FROM audit a JOIN submission s ON s.id = a.submission_id
             WHERE s.reference = ?1 ORDER BY a.id",
        )?;
        let rows = stmt.query_map(params![reference], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(Some(rows.collect::<Result<_, _>>()?))
    }

    /// How many honeypot submissions were kept apart.
    pub fn spam_count(&mut self) -> Result<u64, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM spam", [], |r| r.get(0))?;
        Ok(n as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_db(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("cchc-store-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("t.sqlite")
    }

    fn new<'a>(key: Option<&'a str>, year: i32) -> NewSubmission<'a> {
        NewSubmission {
            form: "/api/phan-anh",
            year,
            received_at: "2026-12-06T10:00:00+07:00",
            submitted_at: None,
            lang: "vi",
            idempotency_key: key,
            values_json: "{\"ho_ten\":\"Nguyễn Văn A\"}",
            warnings_json: "[]",
            attachments: vec![("tep", "a.pdf", "application/pdf", b"%PDF-1.7")],
        }
    }

    #[test]
    fn numbers_per_year_and_keys_are_kept() {
        let path = temp_db("seq");
        let mut s = Sqlite::open(&path).unwrap();
        let a = s.insert(&new(Some("k1"), 2026)).unwrap();
        let b = s.insert(&new(Some("k2"), 2026)).unwrap();
        let c = s.insert(&new(None, 2027)).unwrap();
        assert_eq!(a.reference, "PAKN-2026-000001");
        assert_eq!(b.reference, "PAKN-2026-000002");
        assert_eq!(c.reference, "PAKN-2027-000001");
        let again = s.insert(&new(Some("k1"), 2026)).unwrap();
        assert_eq!(again, Stored { reference: a.reference.clone(), repeated: true });
        assert_eq!(s.list().unwrap().len(), 3);
        drop(s);
        // Reopened, numbering goes on and the layout is kept.
        let mut s = Sqlite::open(&path).unwrap();
        assert_eq!(s.insert(&new(None, 2026)).unwrap().reference, "PAKN-2026-000003");
        let listed = s.list().unwrap();
        assert_eq!(listed[0].files, [("tep".to_string(), "a.pdf".to_string(), 8)]);
        assert_eq!(s.find_key("k2").unwrap(), Some((b.reference, false)));
    }

    #[test]
    fn spam_is_kept_apart() {
        let mut s = Sqlite::open(&temp_db("spam")).unwrap();
        let x = s
            .insert_spam("/api/phan-anh", 2026, "2026-12-06T10:00:00+07:00", Some("s1"), "{}")
            .unwrap();
        assert_eq!(x.reference, "PAKN-2026-S00001");
        let y = s
            .insert_spam("/api/phan-anh", 2026, "2026-12-06T10:00:00+07:00", Some("s1"), "{}")
            .unwrap();
        assert!(y.repeated);
        assert!(s.list().unwrap().is_empty());
        assert_eq!(s.spam_count().unwrap(), 1);
        assert_eq!(s.find_key("s1").unwrap(), Some((x.reference, true)));
        // A real submission still starts at 1.
        assert_eq!(s.insert(&new(None, 2026)).unwrap().reference, "PAKN-2026-000001");
    }
}
