#ifndef POWERLIST_CLIBZ_SHIM_H
#define POWERLIST_CLIBZ_SHIM_H
// zlib from the system (Debian: zlib1g-dev), for inflating the parts of an XLSX package.
#include <zlib.h>
#endif
