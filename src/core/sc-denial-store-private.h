/* sc-denial-store-private.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's data: its struct, a group's box and the slabs they live
 * in, and the codes kept records are stored in. Only sc-denial-store.c
 * reads them.
 */
#pragma once

#include "sc-denial-store.h"

G_BEGIN_DECLS

/* How many recent audit ids are remembered for de-duplication. The kernel
 * and audit copies of one event are written within milliseconds of each
 * other, so a window of a few thousand records is plenty while keeping
 * memory bounded on journals with millions of entries. */
#define AUDIT_ID_WINDOW 8192
/* Open-addressing table of id hashes, at most half full. */
#define AUDIT_TABLE_SIZE (AUDIT_ID_WINDOW * 2)
#define AUDIT_TABLE_MASK (AUDIT_TABLE_SIZE - 1)

/* Records in words */

/* A kept record's raw text and details are stored as codes: a word (a
 * run of bytes between spaces or "=") or detail string seen before is
 * the varint index of its one copy in the store's vocabulary; the
 * record's object, quoted, and details equal to the record's fields are
 * one code each; anything else follows inline. Records of one source
 * share most of their words ("apparmor=\"DENIED\"", "operation",
 * "\"open\"", "pid", detail keys), so a record of 300 bytes keeps about
 * the third that is its own (time stamps, audit serial, path).
 *
 * A word enters the vocabulary the second time it is seen (a table of
 * hashes of words seen once decides, so that serials and paths, seen
 * once each, do not fill it). The vocabulary is written by the thread
 * adding records and read by any: its entries live in blocks that never
 * move, and an entry is written before any group that names it is. */
#define VOCAB_MAX_WORD      32
#define VOCAB_BLOCK_SHIFT   10
#define VOCAB_BLOCK_SIZE    (1u << VOCAB_BLOCK_SHIFT)
#define VOCAB_MAX_BLOCKS    1024
#define VOCAB_MAX           (VOCAB_BLOCK_SIZE * VOCAB_MAX_BLOCKS)
#define SEEN_ONCE_SIZE      (1u << 15)

/* Raw record codes: (what << 2) | the delimiter after the word. */
#define RAW_END             0
#define RAW_SPACE           1
#define RAW_EQUALS          2
#define RAW_INLINE          0   /* varint length and the bytes follow */
#define RAW_OBJECT          1   /* "\"" object "\"" */
#define RAW_VOCAB           2   /* vocabulary index + RAW_VOCAB */

/* Detail codes: a key (DETAIL_END ends the list), then a value. */
#define DETAIL_END          0
#define DETAIL_INLINE       1   /* a NUL-terminated string follows */
#define DETAIL_VOCAB        2   /* vocabulary index + DETAIL_VOCAB */
#define VALUE_INLINE        0
#define VALUE_OBJECT        1
#define VALUE_PROFILE       2
#define VALUE_OPERATION     3
#define VALUE_PERMISSIONS   4
#define VALUE_VOCAB         5

/* Records in files
 *
 * A record read from a regular text log is those very bytes of the file.
 * A store that keeps spans keeps their place (offset, length) and a hash
 * instead of the coded text (about 110 bytes a record less, 11 MiB for
 * 100,000 groups), with a descriptor of the file, so a log renamed by
 * logrotate stays readable. When the text is asked for, the bytes are
 * read again and given back only when their hash is still the record's:
 * a log rewritten in place (copytruncate, an editor) gives NULL, never
 * another record's text. */
#define RAW_FILES_MAX       32
#define SPAN_LENGTH_BITS    24

typedef struct
{
  guint64 dev;
  guint64 ino;
  int     fd;
} RawFile;

#define SLAB_DIR_SIZE 1024
#define SLAB_DIRS     1024
/* 268 million: the records of further groups are counted as dropped. */
#define MAX_GROUPS    (SLAB_DIRS * SLAB_DIR_SIZE * 256u)

struct _ScDenialStore
{
  gint        ref_count;
  char       *snap_name;
  GPtrArray  *groups;        /* of ScDenialGroup*, owned, creation order */
  /* Groups by key: open addressing, (32-bit hash of the key << 32) |
   * (group index + 1) per slot, 0 = empty, at most 4/5 full: 8 bytes a
   * slot where a GHashTable takes 20. */
  guint64    *key_table;
  guint       key_table_size;
  guint64     lost;
  guint64     n_records;

  /* De-duplication by audit id: a set of 64-bit hashes of (host, id) plus
   * a ring of the same hashes in arrival order, so the oldest is dropped
   * when the window is full. Nothing is allocated per record. (Two distinct
   * events sharing a 64-bit hash within one window is not a practical
   * concern.) */
  guint64    *audit_table;   /* AUDIT_TABLE_SIZE slots, 0 = empty */
  guint64    *audit_ring;    /* AUDIT_ID_WINDOW slots, 0 = unused */
  guint       audit_ring_pos;

  GString    *scratch;       /* reused for keys and audit ids */

  /* Every string of every group (keys, patterns, the kept record's fields
   * and details, hosts) lives here: repeated ones (app names, operations,
   * detail keys, pids, hosts) once, distinct ones without a heap block
   * each. */
  GStringChunk *strings;
  guint         max_groups;  /* 0: no limit */
  guint64       n_dropped_groups;
  guint64       n_dropped_records;
  GHashTable   *dropped_keys;  /* hashes of the keys of groups left out */
  GHashTable   *no_details;    /* the empty details table of every kept record */
  GPtrArray    *no_hosts;      /* the host list of groups seen on no host */
  GHashTable   *host_lists;    /* host → the host list of groups seen only there */

  /* Groups are allocated GROUP_SLAB at a time, in slabs found through a
   * directory of SLAB_DIR_SIZE slabs per entry. Neither ever moves, so
   * any thread can find a group it was told about by its index. */
  struct _Slab **slab_dirs[SLAB_DIRS];
  guint          n_slabs;
  guint          slab_used;

  /* Words of records (see "Records in words" above). */
  const char  **vocab[VOCAB_MAX_BLOCKS];
  guint         vocab_len;
  guint64      *vocab_table;   /* (hash << 32) | (index + 1); 0 = empty */
  guint         vocab_table_size;
  guint32      *seen_once;     /* SEEN_ONCE_SIZE hashes (| 1) of words seen once */
  GString      *coding;        /* reused to code records */

  /* Files whose records keep only their place (see "Records in files").
   * Written by the thread adding records, an entry before any group
   * that names it; read by any. */
  gboolean      keep_spans;
  RawFile       raw_files[RAW_FILES_MAX];
  guint         n_raw_files;
};

/* A group, its kept record and what only the store reads. */
typedef struct
{
  ScDenialGroup  group;        /* first: a group is its box */
  ScDenial       denial;
  union
  {
    const guint8 *coded;       /* the record's text, coded; nullable */
    guint64       span;        /* offset << SPAN_LENGTH_BITS | length */
  } raw;
  guint32        raw_hash;     /* of the span's bytes */
  guint8         raw_file;     /* 0: coded; else raw_files[raw_file - 1] */
} GroupBox;

#define GROUP_SLAB 256

/* GROUP_SLAB boxes after their store: a box is at GROUP_SLAB's index
 * modulo GROUP_SLAB, which finds the store without a pointer in each. */
typedef struct _Slab
{
  ScDenialStore *store;
  gpointer       padding;
  GroupBox       boxes[GROUP_SLAB];
} Slab;

static inline ScDenialStore *
box_store (const GroupBox *box)
{
  const GroupBox *first = box - box->group.index % GROUP_SLAB;

  return ((const Slab *) (gconstpointer) ((const char *) first - G_STRUCT_OFFSET (Slab, boxes)))->store;
}

G_END_DECLS
