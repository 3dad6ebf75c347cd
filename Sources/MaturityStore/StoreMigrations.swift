import GRDB

/// The database schema, as versioned migrations. A migration, once released, never changes:
/// a new version adds one.
enum StoreMigrations {
  /// The identifiers in order; the last is the current schema.
  static let identifiers = ["v1-assessments", "v2-peer-sets", "v3-notes-without-answers"]

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-assessments") { db in
      try db.create(table: "assessment") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("questionnaireID", .text).notNull()
        table.column("questionnaireVersion", .text).notNull()
        table.column("authorityID", .text).notNull().indexed()
        table.column("authorityName", .text).notNull()
        table.column("country", .text)
        table.column("population", .integer)
        table.column("authorityType", .text)
        table.column("date", .text)
        table.column("respondentName", .text)
        table.column("respondentRole", .text)
        table.column("basedOn", .integer).references("assessment", onDelete: .setNull)
        table.column("createdAt", .datetime).notNull()
        table.column("updatedAt", .datetime).notNull()
      }
      try db.create(table: "answer") { table in
        table.column("assessmentID", .integer).notNull().references("assessment", onDelete: .cascade)
        table.column("questionID", .text).notNull()
        table.column("value", .text).notNull()
        table.column("unsure", .boolean).notNull().defaults(to: false)
        table.column("comment", .text)
        table.column("evidence", .text)
        table.column("updatedAt", .datetime).notNull()
        table.primaryKey(["assessmentID", "questionID"])
      }
    }
    migrator.registerMigration("v2-peer-sets") { db in
      try db.create(table: "peerSet") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("name", .text).notNull()
        table.column("content", .blob).notNull()
        table.column("uploadedAt", .datetime).notNull()
      }
    }
    // A comment, evidence or unsure mark without an answer is kept: `value` may be null.
    // SQLite cannot drop a NOT NULL constraint, so the table is copied into a new one.
    migrator.registerMigration("v3-notes-without-answers") { db in
      try db.create(table: "answerWithNotes") { table in
        table.column("assessmentID", .integer).notNull().references("assessment", onDelete: .cascade)
        table.column("questionID", .text).notNull()
        table.column("value", .text)
        table.column("unsure", .boolean).notNull().defaults(to: false)
        table.column("comment", .text)
        table.column("evidence", .text)
        table.column("updatedAt", .datetime).notNull()
        table.primaryKey(["assessmentID", "questionID"])
      }
      try db.execute(
        sql: """
          INSERT INTO answerWithNotes (rowid, assessmentID, questionID, value, unsure, comment, evidence, updatedAt)
          SELECT rowid, assessmentID, questionID, value, unsure, comment, evidence, updatedAt FROM answer
          """)
      try db.drop(table: "answer")
      try db.rename(table: "answerWithNotes", to: "answer")
    }
    return migrator
  }
}
