#ifndef REDLINE_CLIBXML2_SHIM_H
#define REDLINE_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its ucnv.h clashes with Foundation's bundled ICU
   (libxml2.md P1). Swift never allocates xmlCharEncodingHandler by value, so this is safe. */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/SAX2.h>
#include <libxml/dict.h>
#include <string.h>

/* glibc's memmem (linear time, two-way) is declared only under _GNU_SOURCE. */
void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);
static inline long redline_find(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen) {
    const char *found = (const char *)memmem(haystack, haystacklen, needle, needlelen);
    return found ? (long)(found - (const char *)haystack) : -1;
}

/* Global function-pointer variables are not concurrency-safe from Swift (P2): wrap them. */
static inline void redline_xmlFree(void *p) { if (p) xmlFree(p); }

/* The no-op external entity loader: nothing is ever loaded from a URL or a file. */
static xmlParserInputPtr redline_refuse_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}
static inline void redline_install_refusing_loader(void) {
    xmlSetExternalEntityLoader(redline_refuse_loader);
}

/* What one parse saw: the DOCTYPE stop and the first error (libxml2 keeps only the last one in
   ctxt->lastError, and after a fatal error it goes on reporting follow-on errors, such as "Extra
   content at the end of the document" after "AttValue length too long"). */
typedef struct {
    int doctype;
    int doctypeLine;
    int doctypeColumn;
    int errorCode;
    int errorLine;
    int errorColumn;
    char errorMessage[200];
    /* The first error's own details: a name or value (str1, str2) and a number (int1, e.g. the
       line where the unclosed element opened), for messages that do not parse libxml2's text. */
    char errorString1[128];
    char errorString2[128];
    int errorNumber;
} redline_parse_state;

/* DOCTYPE stop: the SAX internalSubset hook records the line and stops the parser. */
static void redline_internal_subset(void *ctx, const xmlChar *name, const xmlChar *ExternalID, const xmlChar *SystemID) {
    (void)name; (void)ExternalID; (void)SystemID;
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)ctx;
    redline_parse_state *state = (redline_parse_state *)ctxt->_private;
    if (state) {
        state->doctype = 1;
        state->doctypeLine = xmlSAX2GetLineNumber(ctx);
        state->doctypeColumn = xmlSAX2GetColumnNumber(ctx);
    }
    xmlStopParser(ctxt);
}

/* Structured error hook: keeps the first error (or fatal error) of the parse. */
static void redline_first_error(void *ctx, xmlErrorPtr error) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)(error && error->ctxt ? error->ctxt : ctx);
    if (!ctxt || !error || error->level < XML_ERR_ERROR) return;
    redline_parse_state *state = (redline_parse_state *)ctxt->_private;
    if (!state || state->errorCode != 0) return;
    state->errorCode = error->code ? error->code : -1;
    state->errorLine = error->line;
    state->errorColumn = error->int2;
    state->errorMessage[0] = 0;
    if (error->message) {
        strncpy(state->errorMessage, error->message, sizeof(state->errorMessage) - 1);
        state->errorMessage[sizeof(state->errorMessage) - 1] = 0;
    }
    state->errorString1[0] = 0;
    state->errorString2[0] = 0;
    if (error->str1) {
        strncpy(state->errorString1, error->str1, sizeof(state->errorString1) - 1);
        state->errorString1[sizeof(state->errorString1) - 1] = 0;
    }
    if (error->str2) {
        strncpy(state->errorString2, error->str2, sizeof(state->errorString2) - 1);
        state->errorString2[sizeof(state->errorString2) - 1] = 0;
    }
    state->errorNumber = error->int1;
}

static inline void redline_install_parse_hooks(xmlParserCtxtPtr ctxt, redline_parse_state *state) {
    ctxt->_private = state;
    if (ctxt->sax) {
        ctxt->sax->internalSubset = redline_internal_subset;
        ctxt->sax->externalSubset = NULL;
        ctxt->sax->serror = redline_first_error;
    }
}

static void redline_silent_xpath_error(void *data, xmlErrorPtr err) { (void)data; (void)err; }
static inline void redline_silence_xpath(xmlXPathContextPtr ctx) { ctx->error = redline_silent_xpath_error; }

static void redline_silent_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void redline_silence_generic(void) {
    xmlSetGenericErrorFunc(NULL, redline_silent_generic);
    xmlSetStructuredErrorFunc(NULL, NULL);
}

/* XPath value stack helpers (macros in the headers). */
static inline int redline_xpath_nargs_ok(xmlXPathParserContextPtr ctxt, int nargs, int expected) {
    if (nargs != expected) { xmlXPathErr(ctxt, XPATH_INVALID_ARITY); return 0; }
    if (ctxt->valueNr < ctxt->valueFrame + expected) { xmlXPathErr(ctxt, XPATH_STACK_ERROR); return 0; }
    return 1;
}
static inline void *redline_xpath_userdata(xmlXPathParserContextPtr ctxt) {
    return ctxt->context ? ctxt->context->userData : NULL;
}
static inline int redline_node_is_namespace(xmlNodePtr n) { return n && n->type == XML_NAMESPACE_DECL; }

#endif
