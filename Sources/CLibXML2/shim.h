#ifndef POWERLIST_CLIBXML2_SHIM_H
#define POWERLIST_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU, so <libxml/encoding.h> includes <unicode/ucnv.h>. Those
// system ICU headers clash with the copy Foundation bundles (_FoundationICU) in any Swift module
// that imports both. libxml2's headers only need the two ICU type names, so declare them here
// (same layout) and keep the ICU headers out.
#define UCNV_H 1
typedef struct UConverter UConverter;
typedef unsigned short UChar;
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/SAX2.h>
#endif
