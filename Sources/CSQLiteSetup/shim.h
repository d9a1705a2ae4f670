#ifndef POWERLIST_CSQLITESETUP_SHIM_H
#define POWERLIST_CSQLITESETUP_SHIM_H
// SQLite's process-wide settings, which `sqlite3_config` (variadic, so not callable from
// Swift) takes only before the library is initialized, that is before the first connection.
#include <sqlite3.h>

/// Multi-thread mode: no mutex taken on every call of a connection (GRDB already gives each
/// connection to one thread at a time), and no count of the memory SQLite allocates (a
/// mutex and two counters on every allocation). Returns SQLITE_MISUSE when SQLite was
/// initialized already, and then changes nothing.
static inline int powerlist_sqlite_configure(void) {
    int code = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (code != SQLITE_OK) return code;
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
#endif
