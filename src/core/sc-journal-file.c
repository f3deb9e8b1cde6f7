/* sc-journal-file.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Journal files read directly (see sc-journal-file.h). The layout, from
 * systemd's journal-def.h (stable since systemd 252 for what is read
 * here): a header (signature "LPKSHHRH", flags, sizes, the offsets of the
 * hash tables, of the last object and of the main entry array), then
 * 8-byte aligned objects, each starting with {u8 type, u8 flags,
 * u8 reserved[6], le64 size}.
 *
 * The entries of the reader's matches are found the way sd-journal finds
 * them: the data object of each matched value is looked up in the data
 * hash table (SipHash-2-4 keyed with the file id: files without keyed
 * hashes, systemd before 246, are left to sd-journal), and its
 * entry_offset and entry-array chain list its entries in file order.
 * Every offset and size is checked against the file; every chain has a
 * step limit; any doubt is an error, and the caller then reads the file
 * with sd-journal.
 */
#define G_LOG_DOMAIN "sc-journal-reader"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include "sc-journal-file.h"
#include "sc-system-libs.h"

#define HEADER_MIN 224          /* up to n_fields and its neighbour */
#define OBJECT_HEADER 16

enum
{
  OBJECT_DATA = 1,
  OBJECT_ENTRY = 3,
  OBJECT_ENTRY_ARRAY = 6,
};

enum
{
  OBJECT_COMPRESSED_XZ = 1 << 0,
  OBJECT_COMPRESSED_LZ4 = 1 << 1,
  OBJECT_COMPRESSED_ZSTD = 1 << 2,
};

enum
{
  INCOMPAT_COMPRESSED_XZ = 1 << 0,
  INCOMPAT_COMPRESSED_LZ4 = 1 << 1,
  INCOMPAT_KEYED_HASH = 1 << 2,
  INCOMPAT_COMPRESSED_ZSTD = 1 << 3,
  INCOMPAT_COMPACT = 1 << 4,
  INCOMPAT_KNOWN = 0x1f,
};

/* Offsets in the header. */
#define H_INCOMPATIBLE 12
#define H_FILE_ID 24
#define H_HEADER_SIZE 88
#define H_ARENA_SIZE 96
#define H_DATA_HASH_TABLE_OFFSET 104
#define H_DATA_HASH_TABLE_SIZE 112
#define H_TAIL_OBJECT_OFFSET 136
#define H_N_ENTRIES 152
#define H_ENTRY_ARRAY_OFFSET 176
#define H_HEAD_REALTIME 184
#define H_TAIL_REALTIME 192

/* Offsets in objects. */
#define DATA_HASH 16
#define DATA_NEXT_HASH 24
#define DATA_NEXT_FIELD 32
#define DATA_ENTRY_OFFSET 40
#define DATA_ENTRY_ARRAY 48
#define DATA_N_ENTRIES 56
#define DATA_PAYLOAD 64
#define DATA_PAYLOAD_COMPACT 72
#define ENTRY_SEQNUM 16
#define ENTRY_REALTIME 24
#define ENTRY_MONOTONIC 32
#define ENTRY_BOOT_ID 40
#define ENTRY_ITEMS 64
#define ENTRY_ARRAY_NEXT 16
#define ENTRY_ARRAY_ITEMS 24

#define VALID_REALTIME(u) ((u) > 0 && (u) < (G_GUINT64_CONSTANT (1) << 55))
#define VALID_MONOTONIC(u) ((u) < (G_GUINT64_CONSTANT (1) << 55))

/* libzstd is opened the first time a compressed object is read, like the
 * other system libraries (sc-system-libs.h): the window does not load it
 * at startup. */
#define SC_LIBZSTD_FUNCTIONS(F) \
  F (ZSTD_createDCtx) \
  F (ZSTD_DCtx_reset) \
  F (ZSTD_decompressStream) \
  F (ZSTD_freeDCtx) \
  F (ZSTD_getFrameContentSize) \
  F (ZSTD_isError)

typedef struct
{
  SC_LIBZSTD_FUNCTIONS (SC_SYSTEM_LIBS_POINTER)
} ScLibzstd;

#define ZSTD_NAME(name) #name,

static ScLibzstd zstd_table;
static gboolean zstd_loaded;
static gsize zstd_once;

/* The table, or NULL when libzstd cannot be opened. */
static const ScLibzstd *
libzstd (void)
{
  if (g_once_init_enter (&zstd_once))
    {
      static const char * const names[] = { SC_LIBZSTD_FUNCTIONS (ZSTD_NAME) NULL };

      zstd_loaded = sc_system_lib_open ("libzstd.so.1", names, (gpointer *) &zstd_table, NULL);
      g_once_init_leave (&zstd_once, 1);
    }
  return zstd_loaded ? &zstd_table : NULL;
}

typedef struct
{
  guint64 key;    /* offset | kind, 0 for a free slot */
  guint64 hash;   /* the data object's */
} ScJournalFileKnown;

enum
{
  KNOWN_OTHER = 1,    /* a field other than MESSAGE */
  KNOWN_SKIP = 2,     /* a MESSAGE the caller skips (sc_journal_file_skip_message()) */
};

#define KNOWN_MIN_BITS 12
#define KNOWN_MAX_BITS 18   /* at most 2^17 objects known: 4 MiB */

struct _ScJournalFile
{
  const guint8 *data;
  gsize         size;
  gboolean      mapped;
  guint32       incompatible;
  gboolean      compact;
  guint64       header_size;
  guint64       limit;          /* objects end at or before this */
  guint64       tail;           /* and start at or before this */
  guint64       payload_offset; /* of data objects */
  ZSTD_DCtx    *dctx;
  GByteArray   *message_buf;    /* a decompressed MESSAGE */
  GByteArray   *field_buf;      /* a decompressed other field */
  int           fd;             /* for pread() into the window; -1 for none */
  guint8       *window;         /* a copy of the file's bytes [win_start, win_end) */
  guint64       win_start;
  guint64       win_end;
  gsize         win_alloc;
  /* What get_message() learnt of data objects before the window: they
   * are shared by many entries, and reading them again means a trip to
   * memory (or a page fault) each time. Open addressing on the offset;
   * the kind in the offset's low bits (objects are 8-byte aligned). */
  ScJournalFileKnown *known;
  guint         known_bits;
  guint         known_n;
  guint64       message_offset; /* of the MESSAGE get_message() returned last */
  guint64       message_hash;
};

static inline guint64
le64 (const guint8 *p)
{
  guint64 v;

  memcpy (&v, p, sizeof v);
  return GUINT64_FROM_LE (v);
}

static inline guint32
le32 (const guint8 *p)
{
  guint32 v;

  memcpy (&v, p, sizeof v);
  return GUINT32_FROM_LE (v);
}

/* The bytes [OFFSET, OFFSET + LEN) of the file: from the window when it
 * holds them all (sc_journal_file_read_window()), else from the mapping.
 * OFFSET + LEN must lie inside the file. */
static inline const guint8 *
bytes_at (ScJournalFile *f,
          guint64        offset,
          guint64        len)
{
  if (offset >= f->win_start && offset <= f->win_end && len <= f->win_end - offset)
    return f->window + (offset - f->win_start);
  return f->data + offset;
}

/* Checks that an object of TYPE, at least MIN_SIZE bytes, starts at OFFSET
 * and lies inside the file; its size in *SIZE, its bytes in *OBJECT. */
static int
object_at (ScJournalFile  *f,
           guint64         offset,
           guint8          type,
           guint64         min_size,
           guint64        *size,
           const guint8  **object)
{
  const guint8 *o;
  guint64 s;

  if (offset < f->header_size || offset > f->tail || (offset & 7) != 0 ||
      offset > f->limit - OBJECT_HEADER)
    return -EBADMSG;
  o = bytes_at (f, offset, OBJECT_HEADER);
  if (o[0] != type)
    return -EBADMSG;
  s = le64 (o + 8);
  if (s < min_size || s > f->limit - offset)
    return -EBADMSG;
  o = bytes_at (f, offset, s);
  /* What sd-journal checks when it moves to an object (its
   * journal_file_check_object()): a file that fails is left to it. */
  switch (type)
    {
    case OBJECT_DATA:
      {
        if ((le64 (o + DATA_ENTRY_OFFSET) == 0) != (le64 (o + DATA_N_ENTRIES) == 0) ||
            ((le64 (o + DATA_NEXT_HASH) | le64 (o + DATA_NEXT_FIELD) | le64 (o + DATA_ENTRY_OFFSET) |
              le64 (o + DATA_ENTRY_ARRAY)) & 7) != 0)
          return -EBADMSG;
        break;
      }
    case OBJECT_ENTRY_ARRAY:
      {
        gsize item_size = f->compact ? 4 : 8;

        if ((s - ENTRY_ARRAY_ITEMS) % item_size != 0 || (le64 (o + ENTRY_ARRAY_NEXT) & 7) != 0)
          return -EBADMSG;
        break;
      }
    default:
      break;
    }
  *size = s;
  if (object != NULL)
    *object = o;
  return 0;
}

static void
file_init (ScJournalFile *f)
{
  f->message_buf = g_byte_array_new ();
  f->field_buf = g_byte_array_new ();
  f->fd = -1;
}

static int
file_check_header (ScJournalFile *f)
{
  const guint8 *h = f->data;
  guint64 arena;

  if (f->size < HEADER_MIN || memcmp (h, "LPKSHHRH", 8) != 0)
    return -EBADMSG;
  f->incompatible = le32 (h + H_INCOMPATIBLE);
  if ((f->incompatible & ~(guint32) INCOMPAT_KNOWN) != 0)
    return -EPROTONOSUPPORT;
  /* Older files hash with Jenkins' lookup3, which this reader lacks. */
  if ((f->incompatible & INCOMPAT_KEYED_HASH) == 0)
    return -EPROTONOSUPPORT;
  f->compact = (f->incompatible & INCOMPAT_COMPACT) != 0;
  f->payload_offset = f->compact ? DATA_PAYLOAD_COMPACT : DATA_PAYLOAD;
  f->header_size = le64 (h + H_HEADER_SIZE);
  arena = le64 (h + H_ARENA_SIZE);
  if (f->header_size < HEADER_MIN || f->header_size > f->size || (f->header_size & 7) != 0)
    return -EBADMSG;
  f->limit = arena <= f->size - f->header_size ? f->header_size + arena : f->size;
  f->limit &= ~(guint64) 7;
  if (f->limit < f->header_size + OBJECT_HEADER)
    return -EBADMSG;
  f->tail = le64 (h + H_TAIL_OBJECT_OFFSET);
  if (f->tail < f->header_size || f->tail > f->limit - OBJECT_HEADER)
    return -EBADMSG;
  return 0;
}

/**
 * sc_journal_file_new_from_data:
 * @data: the bytes of a journal file, kept by the caller while the result lives
 *
 * Returns: (transfer full) (nullable): NULL with a negative errno in
 *   *@error when the file is not one this reader understands.
 */
ScJournalFile *
sc_journal_file_new_from_data (const guint8 *data,
                               gsize         size,
                               int          *error)
{
  ScJournalFile *f = g_new0 (ScJournalFile, 1);
  int r;

  f->data = data;
  f->size = size;
  file_init (f);
  if ((r = file_check_header (f)) < 0)
    {
      sc_journal_file_free (f);
      *error = r;
      return NULL;
    }
  *error = 0;
  return f;
}

/**
 * sc_journal_file_open:
 *
 * Maps the journal file at @path read-only and checks its header.
 *
 * Returns: (transfer full) (nullable): NULL with a negative errno in *@error.
 */
ScJournalFile *
sc_journal_file_open (const char *path,
                      int        *error)
{
  ScJournalFile *f;
  struct stat st;
  void *map;
  int fd, r;

  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      *error = -errno;
      return NULL;
    }
  if (fstat (fd, &st) < 0 || !S_ISREG (st.st_mode) || st.st_size < HEADER_MIN)
    {
      close (fd);
      *error = -EBADMSG;
      return NULL;
    }
  map = mmap (NULL, (size_t) st.st_size, PROT_READ,
              MAP_PRIVATE, fd, 0);
  r = -errno;
  if (map == MAP_FAILED)
    {
      close (fd);
      *error = r;
      return NULL;
    }
  f = g_new0 (ScJournalFile, 1);
  f->data = map;
  f->size = (gsize) st.st_size;
  f->mapped = TRUE;
  file_init (f);
  f->fd = fd;
  if ((r = file_check_header (f)) < 0)
    {
      sc_journal_file_free (f);
      *error = r;
      return NULL;
    }
  *error = 0;
  return f;
}

void
sc_journal_file_free (ScJournalFile *f)
{
  if (f == NULL)
    return;
  if (f->mapped)
    munmap ((void *) f->data, f->size);
  if (f->fd >= 0)
    close (f->fd);
  g_free (f->window);
  g_free (f->known);
  if (f->dctx != NULL)
    libzstd ()->ZSTD_freeDCtx (f->dctx);
  g_byte_array_unref (f->message_buf);
  g_byte_array_unref (f->field_buf);
  g_free (f);
}

guint64
sc_journal_file_size (ScJournalFile *f)
{
  return f->size;
}

void
sc_journal_file_header_times (ScJournalFile *f,
                              guint64       *n_entries,
                              guint64       *head_usec,
                              guint64       *tail_usec)
{
  *n_entries = le64 (f->data + H_N_ENTRIES);
  *head_usec = le64 (f->data + H_HEAD_REALTIME);
  *tail_usec = le64 (f->data + H_TAIL_REALTIME);
}

/* Drops the pages of the mapping between FROM and TO (byte offsets) that
 * this reader touched: they come back from the page cache when needed
 * again. Bounds the resident size while a file is read from end to end. */
void
sc_journal_file_release_pages (ScJournalFile *f,
                               guint64        from,
                               guint64        to)
{
  guint64 page = (guint64) sysconf (_SC_PAGESIZE);

  from = (from + page - 1) / page * page;
  to = MIN (to, f->size) / page * page;
  if (f->mapped && from < to)
    (void) madvise ((void *) (f->data + from), to - from, MADV_DONTNEED);
}

/**
 * sc_journal_file_read_window:
 *
 * Copies the bytes between @from and @to (byte offsets) into the reader's
 * window with one pread(); until the next call, objects that lie wholly
 * inside it are read from there, everything else from the mapping. A scan
 * that moves through the file reads its next stretch this way: the copy
 * streams through memory, and the entries and data objects in it are then
 * in the processor's cache, where reading them through the mapping stalls
 * on each one and maps the file page by page. No-op for a file given as
 * bytes; on a read error the window is empty.
 */
void
sc_journal_file_read_window (ScJournalFile *f,
                             guint64        from,
                             guint64        to)
{
  gsize len, done = 0;

  to = MIN (to, f->size);
  f->win_start = f->win_end = 0;
  if (f->fd < 0 || from >= to)
    return;
  len = (gsize) (to - from);
  if (len > f->win_alloc)
    {
      g_free (f->window);
      f->window = g_malloc (len);
      f->win_alloc = len;
    }
  while (done < len)
    {
      ssize_t n = pread (f->fd, f->window + done, len - done, (off_t) (from + done));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return;
      done += (gsize) n;
    }
  f->win_start = from;
  f->win_end = to;
}

/* Decompresses a zstd frame, at most SC_JOURNAL_DATA_THRESHOLD bytes of it
 * (what sd-journal returns with that data threshold). */
static int
decompress_zstd (ScJournalFile *f,
                 const guint8  *src,
                 gsize          src_len,
                 GByteArray    *buf,
                 const char   **out,
                 gsize         *out_len)
{
  const ScLibzstd *z = libzstd ();
  unsigned long long content;
  ZSTD_inBuffer in = { src, src_len, 0 };
  ZSTD_outBuffer o;
  gsize want;

  if (z == NULL)
    return -EPROTONOSUPPORT;
  content = z->ZSTD_getFrameContentSize (src, src_len);
  if (content == ZSTD_CONTENTSIZE_ERROR || content == ZSTD_CONTENTSIZE_UNKNOWN)
    return -EBADMSG;
  want = (gsize) MIN (content, (unsigned long long) SC_JOURNAL_DATA_THRESHOLD);
  if (f->dctx == NULL && (f->dctx = z->ZSTD_createDCtx ()) == NULL)
    return -ENOMEM;
  z->ZSTD_DCtx_reset (f->dctx, ZSTD_reset_session_only);
  g_byte_array_set_size (buf, (guint) want + 1);
  o.dst = buf->data;
  o.size = want;
  o.pos = 0;
  while (o.pos < want)
    {
      gsize in_before = in.pos, out_before = o.pos;
      size_t k = z->ZSTD_decompressStream (f->dctx, &o, &in);

      if (z->ZSTD_isError (k))
        return -EBADMSG;
      if (k == 0 || (in.pos == in_before && o.pos == out_before))
        break;
    }
  if (o.pos < want)
    return -EBADMSG;
  buf->data[want] = '\0';
  *out = (const char *) buf->data;
  *out_len = want;
  return 0;
}

/* The payload ("FIELD=value") of the data object at OFFSET, decompressed
 * into BUF when it is compressed. */
static int
data_payload (ScJournalFile *f,
              guint64        offset,
              GByteArray    *buf,
              const char   **out,
              gsize         *out_len)
{
  const guint8 *o;
  guint64 size;
  guint8 flags;
  int r;

  if ((r = object_at (f, offset, OBJECT_DATA, f->payload_offset + 1, &size, &o)) < 0)
    return r;
  flags = o[1];
  if (flags == 0)
    {
      *out = (const char *) o + f->payload_offset;
      *out_len = size - f->payload_offset;
      return 0;
    }
  if (flags == OBJECT_COMPRESSED_ZSTD && (f->incompatible & INCOMPAT_COMPRESSED_ZSTD) != 0)
    return decompress_zstd (f, o + f->payload_offset, size - f->payload_offset,
                            buf, out, out_len);
  return -EPROTONOSUPPORT;
}

#define ROTL(x, b) (guint64) (((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND \
  do { \
    v0 += v1; v1 = ROTL (v1, 13); v1 ^= v0; v0 = ROTL (v0, 32); \
    v2 += v3; v3 = ROTL (v3, 16); v3 ^= v2; \
    v0 += v3; v3 = ROTL (v3, 21); v3 ^= v0; \
    v2 += v1; v1 = ROTL (v1, 17); v1 ^= v2; v2 = ROTL (v2, 32); \
  } while (0)

/* SipHash-2-4 of IN with the 16-byte KEY: the hash of data objects in
 * files with keyed hashes (the key is the file's id). */
static guint64
siphash24 (const guint8 *in,
           gsize         len,
           const guint8 *key)
{
  guint64 k0 = le64 (key), k1 = le64 (key + 8);
  guint64 v0 = G_GUINT64_CONSTANT (0x736f6d6570736575) ^ k0;
  guint64 v1 = G_GUINT64_CONSTANT (0x646f72616e646f6d) ^ k1;
  guint64 v2 = G_GUINT64_CONSTANT (0x6c7967656e657261) ^ k0;
  guint64 v3 = G_GUINT64_CONSTANT (0x7465646279746573) ^ k1;
  guint64 b = ((guint64) len) << 56;
  gsize whole = len - len % 8;

  for (gsize i = 0; i < whole; i += 8)
    {
      guint64 m = le64 (in + i);

      v3 ^= m;
      SIPROUND;
      SIPROUND;
      v0 ^= m;
    }
  for (gsize i = 0; i < len % 8; i++)
    b |= ((guint64) in[whole + i]) << (8 * i);
  v3 ^= b;
  SIPROUND;
  SIPROUND;
  v0 ^= b;
  v2 ^= 0xff;
  SIPROUND;
  SIPROUND;
  SIPROUND;
  SIPROUND;
  return v0 ^ v1 ^ v2 ^ v3;
}

#undef SIPROUND
#undef ROTL

guint64
_sc_journal_file_siphash24 (const guint8 *in,
                            gsize         len,
                            const guint8 *key)
{
  return siphash24 (in, len, key);
}

/* The data object whose payload is VALUE in *OUT (0 when there is none),
 * found as sd-journal finds it: the first object of its hash and payload
 * on the chain of its bucket of the data hash table. */
static int
find_data (ScJournalFile *f,
           const char    *value,
           guint64       *out)
{
  guint64 table = le64 (f->data + H_DATA_HASH_TABLE_OFFSET);
  guint64 table_size = le64 (f->data + H_DATA_HASH_TABLE_SIZE);
  guint64 max_steps = f->limit / (f->payload_offset + 1) + 1, steps = 0;
  gsize value_len = strlen (value);
  guint64 hash = siphash24 ((const guint8 *) value, value_len, f->data + H_FILE_ID);
  guint64 o;

  *out = 0;
  if (table < f->header_size + OBJECT_HEADER || table > f->limit || table_size > f->limit - table ||
      table_size % 16 != 0 || table_size == 0)
    return -EBADMSG;
  o = le64 (f->data + table + (hash % (table_size / 16)) * 16);
  while (o != 0)
    {
      const char *p;
      gsize len;
      int r;

      if (++steps > max_steps)
        return -ELOOP;
      if ((r = object_at (f, o, OBJECT_DATA, f->payload_offset + 1, &len, NULL)) < 0)
        return r;
      if (le64 (f->data + o + DATA_HASH) == hash)
        {
          if ((r = data_payload (f, o, f->field_buf, &p, &len)) < 0)
            return r;
          if (len == value_len && memcmp (p, value, len) == 0)
            {
              *out = o;
              return 0;
            }
        }
      o = le64 (f->data + o + DATA_NEXT_HASH);
    }
  return 0;
}

/* Appends the entries of data object D to OUT, in file order. */
static int
data_entries (ScJournalFile *f,
              guint64        d,
              GArray        *out)
{
  guint64 n, first, array, last, max_steps, steps = 0;
  gsize item_size = f->compact ? 4 : 8;

  if (d == 0)
    return 0;
  n = le64 (f->data + d + DATA_N_ENTRIES);
  first = le64 (f->data + d + DATA_ENTRY_OFFSET);
  array = le64 (f->data + d + DATA_ENTRY_ARRAY);
  if (n == 0)
    return first == 0 ? 0 : -EBADMSG;
  if (first == 0 || n > f->limit / ENTRY_ITEMS)
    return -EBADMSG;
  g_array_append_val (out, first);
  last = first;
  n--;
  max_steps = f->limit / ENTRY_ARRAY_ITEMS + 1;
  while (n > 0)
    {
      guint64 size, m;
      int r;

      if (++steps > max_steps)
        return -ELOOP;
      if (array == 0)
        return -EBADMSG;
      if ((r = object_at (f, array, OBJECT_ENTRY_ARRAY, ENTRY_ARRAY_ITEMS + item_size, &size, NULL)) < 0)
        return r;
      m = (size - ENTRY_ARRAY_ITEMS) / item_size;
      for (guint64 i = 0; i < m && n > 0; i++, n--)
        {
          const guint8 *p = f->data + array + ENTRY_ARRAY_ITEMS + i * item_size;
          guint64 e = f->compact ? le32 (p) : le64 (p);

          /* In file order, as sd-journal's bisection assumes. */
          if (e <= last)
            return -EBADMSG;
          g_array_append_val (out, e);
          last = e;
        }
      array = le64 (f->data + array + ENTRY_ARRAY_NEXT);
    }
  return 0;
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

/* Sorts OFFSETS and drops repeats. */
static void
sort_unique (GArray *offsets)
{
  guint n = 0;

  g_array_sort (offsets, compare_offsets);
  for (guint i = 0; i < offsets->len; i++)
    if (n == 0 || g_array_index (offsets, guint64, i) != g_array_index (offsets, guint64, n - 1))
      g_array_index (offsets, guint64, n++) = g_array_index (offsets, guint64, i);
  g_array_set_size (offsets, n);
}

/* Keeps the offsets of A that are also in B (both sorted). */
static void
intersect (GArray *a,
           GArray *b)
{
  guint n = 0, j = 0;

  for (guint i = 0; i < a->len; i++)
    {
      guint64 v = g_array_index (a, guint64, i);

      while (j < b->len && g_array_index (b, guint64, j) < v)
        j++;
      if (j < b->len && g_array_index (b, guint64, j) == v)
        g_array_index (a, guint64, n++) = v;
    }
  g_array_set_size (a, n);
}

/**
 * sc_journal_file_find_matches:
 * @boot_id: (nullable): 16 bytes; only the entries of this boot
 * @since_usec: 0, or skip the entries before this wall-clock time
 * @offsets: (out) (transfer full): the offsets of the matching entries, in
 *   file order
 *
 * The entries of the reader's field matches (_sc_journal_sd_add_matches():
 * kernel transport, the three audit record types, dbus-daemon; and the
 * boot), from the first one at or after @since_usec (found by bisection,
 * as sd-journal seeks).
 *
 * Returns: 0, or a negative errno when the file does not hold together.
 */
int
sc_journal_file_find_matches (ScJournalFile  *f,
                              const guint8   *boot_id,
                              guint64         since_usec,
                              GArray        **offsets)
{
  static const char * const matches[] = {
    "_TRANSPORT=kernel",
    "_AUDIT_TYPE=1400", "_AUDIT_TYPE=1326", "_AUDIT_TYPE=1107",
    "SYSLOG_IDENTIFIER=dbus-daemon",
  };
  g_autoptr(GArray) out = NULL;
  g_autoptr(GArray) boot = NULL;
  guint64 found[G_N_ELEMENTS (matches)], total = 0;
  guint lo, hi, lists = 0;
  int r;

  *offsets = NULL;
  /* The boot first: a file of other boots has nothing to read, and the
   * entries of a file of that boot alone need not be intersected with
   * its list (as long as all of the file's entries). */
  if (boot_id != NULL)
    {
      char value[10 + 33] = "_BOOT_ID=";
      guint64 d;

      for (guint i = 0; i < 16; i++)
        {
          value[9 + 2 * i] = "0123456789abcdef"[boot_id[i] >> 4];
          value[10 + 2 * i] = "0123456789abcdef"[boot_id[i] & 0xf];
        }
      value[41] = '\0';
      if ((r = find_data (f, value, &d)) < 0)
        return r;
      if (d == 0)
        {
          *offsets = g_array_new (FALSE, FALSE, sizeof (guint64));
          return 0;
        }
      if (le64 (f->data + d + DATA_N_ENTRIES) != le64 (f->data + H_N_ENTRIES))
        {
          boot = g_array_new (FALSE, FALSE, sizeof (guint64));
          if ((r = data_entries (f, d, boot)) < 0)
            return r;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (matches); i++)
    {
      if ((r = find_data (f, matches[i], &found[i])) < 0)
        return r;
      if (found[i] != 0)
        {
          total += MIN (le64 (f->data + found[i] + DATA_N_ENTRIES), f->limit / ENTRY_ITEMS);
          lists++;
        }
    }
  out = g_array_sized_new (FALSE, FALSE, sizeof (guint64), (guint) MIN (total, G_MAXUINT32));
  for (guint i = 0; i < G_N_ELEMENTS (matches); i++)
    if ((r = data_entries (f, found[i], out)) < 0)
      return r;
  /* Each list is in file order already. */
  if (lists > 1)
    sort_unique (out);

  if (boot != NULL && out->len > 0)
    intersect (out, boot);

  /* The first entry at or after SINCE, by bisection (sd-journal's seek). */
  lo = 0;
  hi = out->len;
  while (since_usec > 0 && lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      ScJournalFileEntry e;

      if ((r = sc_journal_file_read_entry (f, g_array_index (out, guint64, mid), &e)) < 0)
        return r;
      if (e.realtime < since_usec)
        lo = mid + 1;
      else
        hi = mid;
    }
  g_array_remove_range (out, 0, lo);
  *offsets = g_steal_pointer (&out);
  return 0;
}

/**
 * sc_journal_file_read_entry:
 *
 * Reads the entry object at @offset, with the checks sd-journal makes.
 */
int
sc_journal_file_read_entry (ScJournalFile      *f,
                            guint64             offset,
                            ScJournalFileEntry *e)
{
  gsize item_size = f->compact ? 4 : 16;
  const guint8 *o;
  guint64 size;
  int r;

  if ((r = object_at (f, offset, OBJECT_ENTRY, ENTRY_ITEMS + item_size, &size, &o)) < 0)
    return r;
  e->seqnum = le64 (o + ENTRY_SEQNUM);
  if ((size - ENTRY_ITEMS) % item_size != 0 || e->seqnum == 0)
    return -EBADMSG;
  e->offset = offset;
  e->realtime = le64 (o + ENTRY_REALTIME);
  e->monotonic = le64 (o + ENTRY_MONOTONIC);
  if (!VALID_REALTIME (e->realtime) || !VALID_MONOTONIC (e->monotonic))
    return -EBADMSG;
  memcpy (e->boot_id, o + ENTRY_BOOT_ID, 16);
  e->items = o + ENTRY_ITEMS;
  e->n_items = (size - ENTRY_ITEMS) / item_size;
  return 0;
}

/**
 * sc_journal_file_last_entry:
 *
 * Reads the file's last entry, the last one its main entry array lists.
 *
 * Returns: 1, 0 when the file has no entry, or a negative errno.
 */
int
sc_journal_file_last_entry (ScJournalFile      *f,
                            ScJournalFileEntry *e)
{
  gsize item_size = f->compact ? 4 : 8;
  guint64 array = le64 (f->data + H_ENTRY_ARRAY_OFFSET), last = 0;
  guint64 max_steps = f->limit / (ENTRY_ARRAY_ITEMS + item_size) + 1, steps = 0;

  while (array != 0)
    {
      const guint8 *o;
      guint64 size, n;
      int r;

      if (++steps > max_steps)
        return -ELOOP;
      if ((r = object_at (f, array, OBJECT_ENTRY_ARRAY, ENTRY_ARRAY_ITEMS + item_size, &size, &o)) < 0)
        return r;
      /* The last array is filled from the start; the rest is zeros. */
      n = (size - ENTRY_ARRAY_ITEMS) / item_size;
      for (guint64 i = n; i > 0; i--)
        {
          const guint8 *p = o + ENTRY_ARRAY_ITEMS + (i - 1) * item_size;
          guint64 offset = f->compact ? le32 (p) : le64 (p);

          if (offset != 0)
            {
              last = offset;
              break;
            }
        }
      array = le64 (o + ENTRY_ARRAY_NEXT);
    }
  if (last == 0)
    return 0;
  return sc_journal_file_read_entry (f, last, e) < 0 ? -EBADMSG : 1;
}

/* The payload of item I of entry E. */
static int
item_payload (ScJournalFile            *f,
              const ScJournalFileEntry *e,
              guint64                   i,
              GByteArray               *buf,
              const char              **out,
              gsize                    *out_len)
{
  guint64 d;
  int r;

  if (f->compact)
    return data_payload (f, le32 (e->items + i * 4), buf, out, out_len);
  d = le64 (e->items + i * 16);
  if ((r = data_payload (f, d, buf, out, out_len)) < 0)
    return r;
  /* sd-journal refuses an item whose hash is not its data object's
   * (data_payload() checked that the object lies in the file). */
  if (le64 (e->items + i * 16 + 8) != le64 (bytes_at (f, d, DATA_HASH + 8) + DATA_HASH))
    return -EBADMSG;
  return 0;
}

static inline guint
known_index (ScJournalFile *f,
             guint64        offset)
{
  return (guint) (((offset >> 3) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - f->known_bits));
}

static ScJournalFileKnown *
known_lookup (ScJournalFile *f,
              guint64        offset)
{
  guint mask, i;

  if (f->known == NULL)
    return NULL;
  mask = (1u << f->known_bits) - 1;
  for (i = known_index (f, offset); f->known[i].key != 0; i = (i + 1) & mask)
    if ((f->known[i].key & ~(guint64) 7) == offset)
      return &f->known[i];
  return NULL;
}

static void
known_add (ScJournalFile *f,
           guint64        offset,
           guint64        hash,
           guint          kind)
{
  guint mask, i;

  /* Kept at most half full; once the largest table is, what is known
   * stays known and nothing more is learnt. */
  if (f->known == NULL || f->known_n + 1 > (1u << f->known_bits) / 2)
    {
      ScJournalFileKnown *old = f->known;
      guint old_size = old != NULL ? 1u << f->known_bits : 0;

      if (old != NULL && f->known_bits >= KNOWN_MAX_BITS)
        return;
      f->known_bits = old != NULL ? f->known_bits + 1 : KNOWN_MIN_BITS;
      f->known = g_new0 (ScJournalFileKnown, 1u << f->known_bits);
      f->known_n = 0;
      for (guint j = 0; j < old_size; j++)
        if (old[j].key != 0)
          known_add (f, old[j].key & ~(guint64) 7, old[j].hash, (guint) (old[j].key & 7));
      g_free (old);
    }
  mask = (1u << f->known_bits) - 1;
  for (i = known_index (f, offset); f->known[i].key != 0; i = (i + 1) & mask)
    if ((f->known[i].key & ~(guint64) 7) == offset)
      return;
  f->known[i].key = offset | kind;
  f->known[i].hash = hash;
  f->known_n++;
}

/**
 * sc_journal_file_get_message:
 * @data: (out): "MESSAGE=…", valid until the next call
 *
 * The first MESSAGE field of the entry, as sd_journal_get_data() returns
 * it with a data threshold of SC_JOURNAL_DATA_THRESHOLD.
 *
 * Returns: 1; 2 when the MESSAGE is one the caller skips
 *   (sc_journal_file_skip_message(), @data is not set); 0 when the entry
 *   has no MESSAGE; or a negative errno.
 */
int
sc_journal_file_get_message (ScJournalFile            *f,
                             const ScJournalFileEntry *e,
                             const char              **data,
                             gsize                    *len)
{
  for (guint64 i = 0; i < e->n_items; i++)
    {
      guint64 d = f->compact ? le32 (e->items + i * 4) : le64 (e->items + i * 16);
      guint64 hash = f->compact ? 0 : le64 (e->items + i * 16 + 8);
      ScJournalFileKnown *k = known_lookup (f, d);
      int r;

      /* Known, and the item names it by the same hash (the check
       * item_payload() makes). */
      if (k != NULL && (f->compact || k->hash == hash))
        {
          if ((k->key & 7) == KNOWN_SKIP)
            return 2;
          continue;
        }
      if ((r = item_payload (f, e, i, f->message_buf, data, len)) < 0)
        return r;
      if (*len >= 8 && memcmp (*data, "MESSAGE=", 8) == 0)
        {
          f->message_offset = d;
          f->message_hash = hash;
          return 1;
        }
      /* Objects before the window are the ones entries share. */
      if (d < f->win_start)
        known_add (f, d, hash, KNOWN_OTHER);
    }
  return 0;
}

/**
 * sc_journal_file_skip_message:
 *
 * Says that the MESSAGE sc_journal_file_get_message() returned last is of
 * no interest: when it comes again (a message that repeats, shared by
 * many entries), get_message() returns 2 without reading it.
 */
void
sc_journal_file_skip_message (ScJournalFile *f)
{
  if (f->message_offset != 0 && f->message_offset < f->win_start)
    known_add (f, f->message_offset, f->message_hash, KNOWN_SKIP);
  f->message_offset = 0;
}

/**
 * sc_journal_file_read_fields:
 *
 * The fields of entry @e that _sc_journal_sd_read_fields() reads, the
 * same way (the last of a repeated field wins).
 */
int
sc_journal_file_read_fields (ScJournalFile            *f,
                             const ScJournalFileEntry *e,
                             ScJournalEntryFields     *fields)
{
  fields->transport[0] = fields->hostname[0] = fields->audit_type[0] = '\0';
  fields->audit_type_name[0] = fields->audit_id[0] = fields->identifier[0] = '\0';
  fields->source_realtime[0] = '\0';

  for (guint64 i = 0; i < e->n_items; i++)
    {
      const char *d;
      gsize len;
      int r = item_payload (f, e, i, f->field_buf, &d, &len);

      if (r < 0)
        return r;
      _sc_journal_entry_fields_take (fields, d, len);
    }
  return 0;
}

