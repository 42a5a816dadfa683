//! PostgreSQL (`--db postgres://user:password@host/db`): for agencies that run several receivers
//! behind a load balancer on the database their IT already operates.
//!
//! The same guarantees as SQLite, across instances: the idempotency key is under a unique
//! constraint (two instances receiving the same retried draft store it once: the second waits for
//! the first's commit and answers its reference), reference numbers come from one database
//! sequence per year (`pakn_2026`: never handed out twice; a rolled-back insert leaves a gap,
//! never a reuse), and `201` is answered after the commit (PostgreSQL's default
//! `synchronous_commit = on`). The tables are created at start under an advisory lock, so
//! instances may start together.

use postgres::{Client, NoTls};

use super::{
    audit_detail, AnswerRow, AnswerUpdate, AuditEntry, Listed, NewSubmission, Pending, StoreError,
    Stored,
};

/// The layout version in `cchc_meta`.
const VERSION: i64 = 2;

/// Any number: the key of the advisory lock that serialises schema creation between instances.
const SCHEMA_LOCK: i64 = 0x6363_6863;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS cchc_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS submission (
    id BIGSERIAL PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    number BIGINT NOT NULL,
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
    id BIGSERIAL PRIMARY KEY,
    submission_id BIGINT NOT NULL REFERENCES submission(id),
    field TEXT NOT NULL,
    name TEXT NOT NULL,
    mime TEXT NOT NULL,
    size BIGINT NOT NULL,
    content BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS attachment_submission ON attachment(submission_id);
CREATE TABLE IF NOT EXISTS answer (
    submission_id BIGINT PRIMARY KEY REFERENCES submission(id),
    status TEXT NOT NULL,
    answer TEXT NOT NULL DEFAULT '',
    agency TEXT NOT NULL DEFAULT '',
    answered_on TEXT NOT NULL DEFAULT '',
    publish BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
    id BIGSERIAL PRIMARY KEY,
    submission_id BIGINT NOT NULL REFERENCES submission(id),
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS audit_submission ON audit(submission_id);
CREATE TABLE IF NOT EXISTS spam (
    id BIGSERIAL PRIMARY KEY,
    reference TEXT NOT NULL,
    form TEXT NOT NULL,
    received_at TEXT NOT NULL,
    idempotency_key TEXT UNIQUE,
    values_json TEXT NOT NULL
);
";

/// A PostgreSQL connection.
pub struct Pg {
    client: Client,
    /// Years whose sequence is known to exist.
    years: std::collections::HashSet<i32>,
}

fn newer(v: i64) -> StoreError {
    StoreError(format!(
        "the database was written by a newer cchc (layout {v}, this one knows {VERSION}); upgrade cchc"
    ))
}

/// Creates the tables (first start, or an upgrade) under an advisory lock, so instances starting
/// together create them once.
fn create_schema(client: &mut Client) -> Result<(), StoreError> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&SCHEMA_LOCK])?;
    tx.batch_execute(SCHEMA)?;
    let version: Option<String> = tx
        .query_opt("SELECT value FROM cchc_meta WHERE key = 'layout'", &[])?
        .map(|r| r.get(0));
    if let Some(v) = version.and_then(|v| v.parse::<i64>().ok()) {
        if v > VERSION {
            return Err(newer(v));
        }
    }
    tx.execute(
        "INSERT INTO cchc_meta(key, value) VALUES ('layout', $1)
         ON CONFLICT (key) DO UPDATE SET value = $1",
        &[&VERSION.to_string()],
    )?;
    tx.commit()?;
    Ok(())
}

impl Pg {
    pub fn open(url: &str) -> Result<Pg, StoreError> {
        let mut client = Client::connect(url, NoTls).map_err(|e| {
            StoreError(format!(
                "cannot connect to PostgreSQL ({}): {e}",
                redact(url)
            ))
        })?;
        // A database already at this layout is used as it is: no DDL, so an instance starting
        // beside others under load takes no table lock (CREATE INDEX IF NOT EXISTS locks the
        // table before it finds the index, and could deadlock with a running insert).
        let exists: bool = client
            .query_one("SELECT to_regclass('cchc_meta') IS NOT NULL", &[])?
            .get(0);
        let current: Option<String> = if exists {
            client
                .query_opt("SELECT value FROM cchc_meta WHERE key = 'layout'", &[])?
                .map(|r| r.get(0))
        } else {
            None
        };
        let current = current.and_then(|v| v.parse::<i64>().ok());
        if let Some(v) = current.filter(|&v| v > VERSION) {
            return Err(newer(v));
        }
        if current != Some(VERSION) {
            create_schema(&mut client)?;
        }
        Ok(Pg {
            client,
            years: Default::default(),
        })
    }

    pub fn ping(&mut self) -> Result<(), StoreError> {
        self.client.simple_query("SELECT 1")?;
        Ok(())
    }

    pub fn find_key(&mut self, key: &str) -> Result<Option<(String, bool)>, StoreError> {
        let row = self.client.query_opt(
            "SELECT reference, FALSE FROM submission WHERE idempotency_key = $1
             UNION ALL SELECT reference, TRUE FROM spam WHERE idempotency_key = $1 LIMIT 1",
            &[&key],
        )?;
        Ok(row.map(|r| (r.get(0), r.get(1))))
    }

    /// Creates the year's sequence (`pakn_2026`) the first time a year is used, under an advisory
    /// lock: instances starting a new year together create it once.
    fn ensure_sequence(&mut self, year: i32) -> Result<(), StoreError> {
        if self.years.contains(&year) {
            return Ok(());
        }
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&SCHEMA_LOCK])?;
        tx.batch_execute(&format!("CREATE SEQUENCE IF NOT EXISTS pakn_{year:04}"))?;
        tx.commit()?;
        self.years.insert(year);
        Ok(())
    }

    pub fn insert(&mut self, s: &NewSubmission) -> Result<Stored, StoreError> {
        if let Some(key) = s.idempotency_key {
            if let Some((reference, _)) = self.find_key(key)? {
                return Ok(Stored {
                    reference,
                    repeated: true,
                });
            }
        }
        self.ensure_sequence(s.year)?;
        let mut tx = self.client.transaction()?;
        let number: i64 = tx
            .query_one(&format!("SELECT nextval('pakn_{:04}')", s.year), &[])?
            .get(0);
        let reference = cchc_widgets::feedback::submission::reference(s.year, number as u64);
        // Another instance may be storing the same draft right now: the unique key makes this
        // insert wait for it, then do nothing, and the first reference is answered.
        let inserted = tx.query_opt(
            "INSERT INTO submission(reference, year, number, form, received_at, submitted_at, lang,
                                    idempotency_key, values_json, warnings_json)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             ON CONFLICT (idempotency_key) DO NOTHING RETURNING id",
            &[
                &reference,
                &s.year,
                &number,
                &s.form,
                &s.received_at,
                &s.submitted_at,
                &s.lang,
                &s.idempotency_key,
                &s.values_json,
                &s.warnings_json,
            ],
        )?;
        let Some(row) = inserted else {
            tx.rollback()?;
            let first = s
                .idempotency_key
                .map(|k| self.find_key(k))
                .transpose()?
                .flatten()
                .ok_or_else(|| StoreError("idempotency conflict without a first submission".into()))?;
            return Ok(Stored {
                reference: first.0,
                repeated: true,
            });
        };
        let id: i64 = row.get(0);
        tx.execute(
            "INSERT INTO audit(submission_id, at, action, detail) VALUES ($1, $2, 'received', $3)",
            &[&id, &s.received_at, &s.form],
        )?;
        for (field, name, mime, bytes) in &s.attachments {
            tx.execute(
                "INSERT INTO attachment(submission_id, field, name, mime, size, content)
                 VALUES ($1, $2, $3, $4, $5, $6)",
                &[&id, field, name, mime, &(bytes.len() as i64), bytes],
            )?;
        }
        tx.commit()?;
        Ok(Stored {
            reference,
            repeated: false,
        })
    }

    pub fn insert_spam(
        &mut self,
        form: &str,
        year: i32,
        received_at: &str,
        key: Option<&str>,
        values_json: &str,
    ) -> Result<Stored, StoreError> {
        if let Some(k) = key {
            if let Some(r) = self.client.query_opt(
                "SELECT reference FROM spam WHERE idempotency_key = $1",
                &[&k],
            )? {
                return Ok(Stored {
                    reference: r.get(0),
                    repeated: true,
                });
            }
        }
        let mut tx = self.client.transaction()?;
        let id: i64 = tx
            .query_one("SELECT nextval(pg_get_serial_sequence('spam', 'id'))", &[])?
            .get(0);
        let reference = format!("PAKN-{year:04}-S{id:05}");
        let inserted = tx.query_opt(
            "INSERT INTO spam(id, reference, form, received_at, idempotency_key, values_json)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id",
            &[&id, &reference, &form, &received_at, &key, &values_json],
        )?;
        tx.commit()?;
        match (inserted, key) {
            (Some(_), _) | (None, None) => Ok(Stored {
                reference,
                repeated: false,
            }),
            (None, Some(k)) => {
                let r = self
                    .client
                    .query_one("SELECT reference FROM spam WHERE idempotency_key = $1", &[&k])?;
                Ok(Stored {
                    reference: r.get(0),
                    repeated: true,
                })
            }
        }
    }

    pub fn list(&mut self) -> Result<Vec<Listed>, StoreError> {
        let rows = self.client.query(
            "SELECT id, reference, form, status, received_at, lang, values_json
             FROM submission ORDER BY year, number",
            &[],
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let id: i64 = r.get(0);
            let files = self
                .client
                .query(
                    "SELECT field, name, size FROM attachment WHERE submission_id = $1 ORDER BY id",
                    &[&id],
                )?
                .into_iter()
                .map(|f| (f.get(0), f.get(1), f.get::<_, i64>(2) as u64))
                .collect();
            out.push(Listed {
                reference: r.get(1),
                form: r.get(2),
                status: r.get(3),
                received_at: r.get(4),
                lang: r.get(5),
                values_json: r.get(6),
                files,
            });
        }
        Ok(out)
    }

    fn answered(&mut self, filter: &str) -> Result<Vec<Pending>, StoreError> {
        let rows = self.client.query(
            &format!(
                "SELECT s.reference, s.received_at, s.status, s.values_json,
                        COALESCE(a.answer, ''), COALESCE(a.agency, ''), COALESCE(a.answered_on, ''),
                        COALESCE(a.publish, FALSE)
                 FROM submission s LEFT JOIN answer a ON a.submission_id = s.id
                 WHERE {filter} ORDER BY s.year, s.number"
            ),
            &[],
        )?;
        Ok(rows
            .into_iter()
            .map(|r| Pending {
                reference: r.get(0),
                received_at: r.get(1),
                status: r.get(2),
                values_json: r.get(3),
                answer: r.get(4),
                agency: r.get(5),
                answered_on: r.get(6),
                publish: r.get(7),
            })
            .collect())
    }

    pub fn pending(&mut self) -> Result<Vec<Pending>, StoreError> {
        self.answered("s.status IN ('moi', 'dang-xu-ly')")
    }

    pub fn marked_for_publishing(&mut self) -> Result<Vec<Pending>, StoreError> {
        self.answered("a.publish")
    }

    pub fn received_at(&mut self) -> Result<Vec<(String, String)>, StoreError> {
        Ok(self
            .client
            .query("SELECT reference, received_at FROM submission", &[])?
            .into_iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect())
    }

    pub fn apply_answers(
        &mut self,
        updates: &[AnswerUpdate],
        at: &str,
        source: &str,
        mut progress: impl FnMut(usize),
    ) -> Result<usize, StoreError> {
        let mut tx = self.client.transaction()?;
        let mut changed = 0;
        for (i, u) in updates.iter().enumerate() {
            let id: i64 = tx
                .query_opt(
                    "SELECT id FROM submission WHERE reference = $1 FOR UPDATE",
                    &[&u.reference],
                )?
                .ok_or_else(|| StoreError(format!("{}: no such submission", u.reference)))?
                .get(0);
            let before: Option<AnswerRow> = tx
                .query_opt(
                    "SELECT status, answer, agency, answered_on, publish FROM answer
                     WHERE submission_id = $1",
                    &[&id],
                )?
                .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)));
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
                 VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (submission_id) DO UPDATE SET status = $2, answer = $3, agency = $4,
                     answered_on = $5, publish = $6, updated_at = $7",
                &[&id, &u.status, &u.answer, &u.agency, &u.answered_on, &u.publish, &at],
            )?;
            tx.execute(
                "UPDATE submission SET status = $2 WHERE id = $1",
                &[&id, &u.status],
            )?;
            tx.execute(
                "INSERT INTO audit(submission_id, at, action, detail) VALUES ($1, $2, 'answer', $3)",
                &[&id, &at, &detail],
            )?;
            changed += 1;
            progress(i + 1);
        }
        tx.commit()?;
        Ok(changed)
    }

    pub fn history(&mut self, reference: &str) -> Result<Option<Vec<AuditEntry>>, StoreError> {
        let exists = self
            .client
            .query_opt("SELECT 1 FROM submission WHERE reference = $1", &[&reference])?
            .is_some();
        if !exists {
            return Ok(None);
        }
        let rows = self.client.query(
            "SELECT a.at, a.action, a.detail FROM audit a JOIN submission s ON s.id = a.submission_id
             WHERE s.reference = $1 ORDER BY a.id",
            &[&reference],
        )?;
        Ok(Some(
            rows.into_iter()
                .map(|r| (r.get(0), r.get(1), r.get(2)))
                .collect(),
        ))
    }

    pub fn spam_count(&mut self) -> Result<u64, StoreError> {
        let n: i64 = self
            .client
            .query_one("SELECT COUNT(*) FROM spam", &[])?
            .get(0);
        Ok(n as u64)
    }
}

/// The URL without its password, for messages.
pub(crate) fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            let user = creds.split(':').next().unwrap_or("");
            format!("{}{user}:***{}", &url[..s + 3], &url[at..])
        }
        _ => url.to_string(),
    }
}
