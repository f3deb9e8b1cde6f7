/* sc-yaml-document.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A light YAML node tree over the original bytes of one document. Every
 * node knows where it sits in the text (byte offsets and 1-based
 * line/column), how it was written (scalar style, flow or block) and its
 * anchor; an alias node only points at the anchored node, it is never
 * expanded into a copy, so any input costs time and memory in proportion to
 * its size. Edits are byte-range replacements (ScYamlPatch) on the original
 * text, so whatever lies outside the replaced ranges stays byte-identical.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Larger files are refused before parsing. */
#define SC_YAML_MAX_SIZE (16u * 1024u * 1024u)
/* Deeper nesting of collections is refused (keeps every walk shallow). */
#define SC_YAML_MAX_DEPTH 512

typedef enum
{
  SC_YAML_NODE_SCALAR,
  SC_YAML_NODE_SEQUENCE,
  SC_YAML_NODE_MAPPING,
  SC_YAML_NODE_ALIAS,
} ScYamlNodeKind;

typedef enum
{
  SC_YAML_STYLE_PLAIN,
  SC_YAML_STYLE_SINGLE_QUOTED,
  SC_YAML_STYLE_DOUBLE_QUOTED,
  SC_YAML_STYLE_LITERAL,
  SC_YAML_STYLE_FOLDED,
  SC_YAML_STYLE_BLOCK,          /* block sequence or mapping */
  SC_YAML_STYLE_FLOW,           /* [..] or {..} */
} ScYamlStyle;

typedef struct _ScYamlNode ScYamlNode;

struct _ScYamlNode
{
  ScYamlNodeKind  kind;
  ScYamlStyle     style;
  ScYamlNode     *parent;
  ScYamlNode    **children;     /* sequence: items; mapping: key, value, key, value, … */
  guint           n_children;
  char           *value;        /* scalar text after unescaping; "" for others */
  gsize           value_len;    /* may contain NUL bytes ("\0" escapes) */
  char           *anchor;       /* nullable */
  char           *tag;          /* explicit tag as resolved by libyaml, nullable */
  ScYamlNode     *target;       /* alias: the anchored node it names */
  guint           n_aliases;    /* how many alias nodes name this node */
  gsize           start;        /* first byte, including anchor and tag */
  gsize           value_start;  /* first byte after anchor and tag: the quote, bracket, dash… */
  gsize           end;          /* just past the last byte of content (block scalars and
                                 * block collections end at their last non-blank byte) */
  guint           line;         /* 1-based position of start; column counts characters */
  guint           column;
  guint           depth;        /* 0 for the root */
};

typedef struct _ScYamlDocument ScYamlDocument;

/* Parses the first and only document of BYTES. DISPLAY_NAME prefixes error
 * messages ("FILE:LINE:COL: message"); errors are SC_PROJECT_ERROR_INVALID.
 * Refused: invalid UTF-8, control characters, YAML syntax errors, an empty
 * stream, more than one document, undefined aliases, nesting deeper than
 * SC_YAML_MAX_DEPTH, more than SC_YAML_MAX_SIZE bytes. A UTF-8 byte order
 * mark is accepted (and kept: it is part of the bytes). */
ScYamlDocument *sc_yaml_document_new            (const char      *display_name,
                                                 GBytes          *bytes,
                                                 GError         **error);
void            sc_yaml_document_free           (ScYamlDocument  *doc);

GBytes         *sc_yaml_document_get_bytes      (ScYamlDocument  *doc);
const char     *sc_yaml_document_get_data       (ScYamlDocument  *doc,
                                                 gsize           *len);
const char     *sc_yaml_document_get_display_name (ScYamlDocument *doc);
ScYamlNode     *sc_yaml_document_get_root       (ScYamlDocument  *doc);
/* "\n", "\r\n" or "\r": the first line break in the file ("\n" if none). */
const char     *sc_yaml_document_get_eol        (ScYamlDocument  *doc);
guint           sc_yaml_document_get_n_nodes    (ScYamlDocument  *doc);
ScYamlNode     *sc_yaml_document_get_node       (ScYamlDocument  *doc,
                                                 guint            index);
/* 1-based line and column (in characters) of a byte offset. */
void            sc_yaml_document_get_position   (ScYamlDocument  *doc,
                                                 gsize            offset,
                                                 guint           *line,
                                                 guint           *column);

/* Line helpers over the raw text. line_end returns the offset of the line
 * break that ends the line holding OFFSET (or the length at the end);
 * break_before returns the offset of the line break that ends the line
 * before LINE_START (LINE_START itself for the first line). */
gsize           sc_yaml_document_line_start     (ScYamlDocument  *doc,
                                                 gsize            offset);
gsize           sc_yaml_document_line_end       (ScYamlDocument  *doc,
                                                 gsize            offset);
gsize           sc_yaml_document_break_before   (ScYamlDocument  *doc,
                                                 gsize            line_start);
/* TRUE when only spaces and tabs lie between the start of the line holding
 * OFFSET and OFFSET. */
gboolean        sc_yaml_document_starts_line    (ScYamlDocument  *doc,
                                                 gsize            offset);

/* Follows an alias to the node it names (one step: anchors cannot name
 * aliases). Returns NODE for other kinds. */
ScYamlNode     *sc_yaml_node_resolve            (ScYamlNode      *node);
/* A plain empty, "~" or "null" scalar without tag. */
gboolean        sc_yaml_node_is_null            (const ScYamlNode *node);
/* A scalar that YAML 1.1 would read as a string (not null, bool or number). */
gboolean        sc_yaml_node_is_string          (const ScYamlNode *node);
/* The type PyYAML (YAML 1.1, as snapcraft reads the file) gives NODE, as
 * the short name of its tag: "str", "int", "float", "bool", "null",
 * "timestamp", "seq", "map", or the full tag when it is not a standard
 * one. Plain scalars go through the implicit resolver; quoted ones and the
 * non-specific tag "!" are strings. Aliases give their target's type. */
const char     *sc_yaml_node_yaml11_type        (const ScYamlNode *node);
/* Direct lookup of a scalar key; returns the value node (not resolved),
 * and the key node in KEY_NODE when not NULL. NULL when missing. */
ScYamlNode     *sc_yaml_mapping_lookup          (ScYamlNode      *mapping,
                                                 const char      *key,
                                                 ScYamlNode     **key_node);
/* Structural equality of two trees without expanding aliases: aliases are
 * equal when they name the same anchor, and anchors are compared by name.
 * Styles and positions are ignored; scalar text and plain-vs-quoted (which
 * changes the type) are compared. */
gboolean        sc_yaml_node_equal              (const ScYamlNode *a,
                                                 const ScYamlNode *b);

/* The same, except that an alias in A that names a node of the set
 * EXPANDED (nullable; scalars of A's document) also equals a scalar in B
 * holding that value with the same type: the alias was written out as its
 * value. */
gboolean        sc_yaml_node_equal_expanding    (const ScYamlNode *a,
                                                 const ScYamlNode *b,
                                                 GHashTable       *expanded);

/* Returns S as a plain scalar when YAML reads it back as the same string,
 * else single- or double-quoted. FLOW is TRUE for use inside [..] or {..}. */
char           *sc_yaml_quote_scalar            (const char      *s,
                                                 gboolean         flow);

/* ---- Byte-range replacement -------------------------------------------- */

typedef struct _ScYamlPatch ScYamlPatch;

ScYamlPatch    *sc_yaml_patch_new               (ScYamlDocument  *doc);
void            sc_yaml_patch_free              (ScYamlPatch     *patch);
/* Replaces bytes [START, END) of the original text with TEXT (copied);
 * START == END inserts. Insertions at the same offset keep their order. */
void            sc_yaml_patch_replace           (ScYamlPatch     *patch,
                                                 gsize            start,
                                                 gsize            end,
                                                 const char      *text);
guint           sc_yaml_patch_get_n_changes     (ScYamlPatch     *patch);
/* NULL with an error (G_IO_ERROR_INVALID_DATA) when two ranges overlap. */
GBytes         *sc_yaml_patch_apply             (ScYamlPatch     *patch,
                                                 GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScYamlDocument, sc_yaml_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScYamlPatch, sc_yaml_patch_free)

G_END_DECLS
