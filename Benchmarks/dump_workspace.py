#!/usr/bin/env python3
"""Dumps what a user can see of a powerlist workspace database, schema-independent (v3 or v4),
to compare the workspaces two builds make of the same inputs:
every table's values with text ids resolved, timestamps left out. Findings are listed in id order
without their ids: since v6 (no AUTOINCREMENT) a re-check numbers its findings from the largest
remaining id, so the ids depend on how often a revision was checked, not on what it holds. Usage: dump_workspace.py WORKSPACE/powerlist.sqlite > dump.txt"""
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
def has(table):
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone() is not None
def dump(title, sql):
    print(f"## {title}")
    for row in db.execute(sql):
        print("\t".join("NULL" if v is None else str(v) for v in row))
dump("revisions", "SELECT id, label, date FROM revisions ORDER BY id")
dump("sources", "SELECT id, revisionId, path, sha256, format, submitter FROM sources ORDER BY id")
dump("units", "SELECT id, name, level FROM units ORDER BY id")
cols = [r[1] for r in db.execute("PRAGMA table_info(items)")]
shown = [c for c in cols if not (c.endswith("Id") and c not in ("revisionId", "sourceId", "unitId"))]
dump("items view", f"SELECT {', '.join(chr(34)+c+chr(34) for c in shown)} FROM items ORDER BY id")
dump("extraFields", "SELECT * FROM extraFields ORDER BY itemId, position")
dump("cleanFields", "SELECT itemId, field, texts.text FROM cleanFields LEFT JOIN texts ON texts.id = textId ORDER BY itemId, field")
members = "text, rankTag, taggedRank, title, note, articles, quotedText, resolution, registryKey, registryTitle, registryRank, registryVersion, current, successor"
if has("citations"):
    dump("citations", f"SELECT itemId, position, {members}, cell FROM citations ORDER BY itemId, position")
else:
    dump("citations", f"""SELECT itemCitations.itemId, position, {', '.join('citationLists.' + m.strip() for m in members.split(','))},
        CASE WHEN ownCell THEN citationLists.cell ELSE itemCitations.cell END
        FROM itemCitations JOIN citationLists ON citationLists.listId = itemCitations.listId ORDER BY itemCitations.itemId, position""")
if has("citations") or not [r for r in db.execute("PRAGMA table_info(findings)") if r[1] == "messageId"]:
    dump("findings", "SELECT revisionId, sourceId, itemId, itemKey, field, stage, code, severity, message, file, sheet, cell FROM findings ORDER BY id")
else:
    dump("findings", """SELECT revisionId, sourceId, itemId, k.text, field, stage, code, severity, m.text, f.text, sheet, cell
        FROM findings LEFT JOIN texts k ON k.id = itemKeyId JOIN texts m ON m.id = messageId JOIN texts f ON f.id = fileId ORDER BY findings.id""")
for table in ("pairings", "decisions"):
    if has(table):
        dump(table, f"SELECT * FROM {table}")
