#ifndef POWERLIST_CLIBXML2_SHIM_H
#define POWERLIST_CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/SAX2.h>
#endif
