/* sc-policy.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Matches a denial against snapd's policy (sc-policy-data.h). The table
 * holds one rule a line, fields separated by tabs, "*" for "any":
 *
 *   f OWNER PERMS PATH                       file (OWNER 1 for "owner" rules)
 *   d PERMS BUS PATH INTERFACE MEMBER NAME LABEL    dbus (NAME: peer name,
 *                                            or the name of a bind rule)
 *   u PERMS TYPE ADDR PEER-LABEL PEER-ADDR   unix
 *   n FAMILY TYPE                            network
 *   c CAPABILITY                             capability
 *   p PERMS PEER                             ptrace
 *   s PERMS SIGNALS PEER                     signal
 *   m KIND FSTYPE OPTIONS SOURCE TARGET      mount, remount, umount, pivot_root
 *   x SYSCALL ARGS                           seccomp (ARGS: snapd's filter, "" none)
 *   o CLASS                                  userns, mqueue, io_uring
 *   *                                        everything ("allow all")
 *
 * PERMS are words separated by spaces (files: AppArmor's letters).
 * Patterns use AppArmor globbing: '*' within a path component, '**'
 * across, '?', '[…]'/'[^…]', '{a,b}', and snapd's variables, which are
 * expanded here when the table is first used: @{HOME} → /home/USER or /root,
 * @{PROC} → /proc, @{pid} → digits, @{SNAP_NAME} and
 * @{SNAP_INSTANCE_NAME} → the denial's snap (or instance) name,
 * @{SNAP_REVISION} → nothing (see below), ###SLOT_SECURITY_TAGS### (kept as
 * @{SLOT_SECURITY_TAGS}) and other labels → any.
 *
 * File rules are brace-expanded and indexed by their first path component,
 * so a denial is compared with the few hundred rules that could match it.
 */
#define G_LOG_DOMAIN "sc-policy"

#include "config.h"

#include <string.h>

#include "sc-policy.h"

#include "sc-policy-data.h"

#define SNAP_MARK '\x01'
#define MAX_EXPANSIONS 256
#define TEMPLATE "@template"

enum
{
  P_R = 1 << 0,
  P_W = 1 << 1,
  P_A = 1 << 2,
  P_L = 1 << 3,
  P_K = 1 << 4,
  P_M = 1 << 5,
  P_X = 1 << 6,
};

typedef struct
{
  guint16     entry;
  char        cls;
  guint8      owner;
  gboolean    conditional;
  guint       perms;        /* files */
  char       *field[7];     /* expanded patterns / words; NULL = any */
  guint       specificity;
  gboolean    broad;        /* see ScPolicyMatch */
  gboolean    universal;    /* the whole class: "dbus,", "unix,", "capability,", "allow file" */
  const char *line;         /* the rule as in the table (owned by `lines`) */
  char      **words;        /* field[0] split at spaces (dbus, unix, ptrace, signal) */
  char      **words2;       /* signal: field[1] split; mount: field[2] split */
} PRule;

typedef struct
{
  GPtrArray  *by_class[128];      /* char class → GPtrArray of PRule* */
  GHashTable *file_index;         /* first component → GPtrArray of PRule* */
  GPtrArray  *file_generic;       /* file rules without a literal first component */
  GHashTable *dbus_index;         /* literal D-Bus interface → GPtrArray of PRule* */
  GPtrArray  *dbus_generic;       /* D-Bus rules for any or a pattern of interfaces */
  GHashTable *syscall_index;      /* literal syscall name → GPtrArray of PRule* */
  GPtrArray  *syscall_generic;    /* syscall patterns */
  GPtrArray  *lines;              /* owned rule lines */
  guint      *n_rules;            /* per entry */
  guint       template_first;     /* entries with interface TEMPLATE */
} Policy;

static Policy policy;

/* Variables */

static const struct { const char *name; const char *value; } variables[] = {
  { "PROC", "/proc" },
  { "HOME", "{/home/*,/root}" },
  { "HOMEDIRS", "/home" },
  { "pid", "[0-9]*" },
  { "pids", "[0-9]*" },
  { "tid", "[0-9]*" },
  { "SNAP_NAME", "\x01" },
  { "SNAP_INSTANCE_NAME", "\x01" },
  /* The current revision is not in a record: a rule naming it (a
   * revision's data folder) cannot be shown to allow one, so it matches
   * nothing rather than every revision. */
  { "SNAP_REVISION", "\x02" },
  { "INSTALL_DIR", "{/snap,/var/lib/snapd/snap}" },
  { "multiarch", "*-linux-gnu*" },
  { "SNAP_COREUTIL_DIRS", "/{bin/,usr/bin/,usr/bin/gnu,usr/lib/cargo/bin/coreutils/}" },
  { "run", "{/var/run,/run}" },
  { "sys", "/sys" },
  /* The tunables of AppArmor's abstractions (Debian's apparmor). */
  { "etc_ro", "{/etc,/usr/etc}" },
  { "etc_rw", "/etc" },
  { "system_share_dirs", "/{usr,usr/local}/share" },
  { "user_share_dirs", "{/home/*,/root}/.local/share" },
  { "uid", "[0-9]*" },
  /* The profile's own label: the snap's own apps and hooks. */
  { "profile_name", "snap.\x01.*" },
  { "uids", "[0-9]*" },
  { "securityfs", "/sys/kernel/security" },
  { "apparmorfs", "/sys/kernel/security/apparmor" },
};

static char *
expand_variables (const char *pattern)
{
  GString *out;

  if (strstr (pattern, "@{") == NULL)
    return g_strdup (pattern);
  out = g_string_sized_new (strlen (pattern) + 16);
  for (const char *p = pattern; *p != '\0'; p++)
    {
      const char *end;

      if (p[0] != '@' || p[1] != '{' || (end = strchr (p + 2, '}')) == NULL)
        {
          g_string_append_c (out, *p);
          continue;
        }
      {
        gsize len = end - (p + 2);
        const char *value = "*";

        for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
          if (strlen (variables[i].name) == len && strncmp (variables[i].name, p + 2, len) == 0)
            value = variables[i].value;
        g_string_append (out, value);
        p = end;
      }
    }
  return g_string_free (out, FALSE);
}

/* "@{PROC}/" style variables end in a slash in AppArmor's tunables;
 * AppArmor folds the "//" that gives. */
static void
collapse_slashes (char *path)
{
  char *out = path;

  for (const char *p = path; *p != '\0'; p++)
    if (!(p[0] == '/' && p[1] == '/'))
      *out++ = *p;
  *out = '\0';
}

/* Brace expansion ("{a,b}" nested too); FALSE when it would exceed
 * MAX_EXPANSIONS, leaving OUT as it was. */
static gboolean
expand_braces (const char *pattern,
               GPtrArray  *out)
{
  const char *open = NULL;
  const char *close = NULL;
  int depth = 0;
  const char *alt_start;
  g_autoptr(GPtrArray) alternatives = NULL;

  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '{' && depth++ == 0)
        open = p;
      else if (*p == '}' && depth > 0 && --depth == 0)
        {
          close = p;
          break;
        }
    }
  if (open == NULL || close == NULL)
    {
      if (out->len >= MAX_EXPANSIONS)
        return FALSE;
      g_ptr_array_add (out, g_strdup (pattern));
      return TRUE;
    }

  alternatives = g_ptr_array_new_with_free_func (g_free);
  alt_start = open + 1;
  depth = 0;
  for (const char *p = open + 1; p <= close; p++)
    {
      if (*p == '{')
        depth++;
      else if (*p == '}' && p != close)
        depth--;
      else if ((*p == ',' && depth == 0) || p == close)
        {
          g_ptr_array_add (alternatives,
                           g_strdup_printf ("%.*s%.*s%s", (int) (open - pattern), pattern,
                                            (int) (p - alt_start), alt_start, close + 1));
          alt_start = p + 1;
        }
    }
  for (guint i = 0; i < alternatives->len; i++)
    if (!expand_braces (g_ptr_array_index (alternatives, i), out))
      return FALSE;
  return TRUE;
}

/* Glob matching */

static gboolean glob_match (const char *p, const char *s, const char *snap, const char *instance);

static gboolean
match_class (const char **pattern,
             char         c)
{
  const char *p = *pattern + 1;
  gboolean negate = FALSE;
  gboolean found = FALSE;

  if (*p == '^' || *p == '!')
    {
      negate = TRUE;
      p++;
    }
  for (gboolean first = TRUE; *p != '\0' && (first || *p != ']'); first = FALSE)
    {
      if (p[1] == '-' && p[2] != ']' && p[2] != '\0')
        {
          if (c >= p[0] && c <= p[2])
            found = TRUE;
          p += 3;
        }
      else
        {
          if (c == *p)
            found = TRUE;
          p++;
        }
    }
  if (*p == ']')
    p++;
  *pattern = p;
  return found != negate;
}

/* "{a,b}rest" at P: tries each alternative followed by the rest. */
static gboolean
match_alternatives (const char *p,
                    const char *s,
                    const char *snap,
                    const char *instance)
{
  const char *close = NULL;
  int depth = 0;
  const char *alt = p + 1;

  for (const char *q = p; *q != '\0'; q++)
    {
      if (*q == '{')
        depth++;
      else if (*q == '}' && --depth == 0)
        {
          close = q;
          break;
        }
    }
  if (close == NULL)
    return *s == '{' && glob_match (p + 1, s + 1, snap, instance);

  depth = 0;
  for (const char *q = p + 1; q <= close; q++)
    {
      if (*q == '{')
        depth++;
      else if (*q == '}' && q != close)
        depth--;
      else if ((*q == ',' && depth == 0) || q == close)
        {
          g_autofree char *candidate = g_strdup_printf ("%.*s%s", (int) (q - alt), alt, close + 1);

          if (glob_match (candidate, s, snap, instance))
            return TRUE;
          alt = q + 1;
        }
    }
  return FALSE;
}

static gboolean
glob_match (const char *p,
            const char *s,
            const char *snap,
            const char *instance)
{
  for (;;)
    {
      switch (*p)
        {
        case '\0':
          return *s == '\0';

        case '*':
          if (p[1] == '*')
            {
              while (*p == '*')
                p++;
              if (*p == '\0')
                return TRUE;
              for (;; s++)
                {
                  if (glob_match (p, s, snap, instance))
                    return TRUE;
                  if (*s == '\0')
                    return FALSE;
                }
            }
          p++;
          for (;; s++)
            {
              if (glob_match (p, s, snap, instance))
                return TRUE;
              if (*s == '\0' || *s == '/')
                return FALSE;
            }

        case '?':
          if (*s == '\0' || *s == '/')
            return FALSE;
          p++;
          s++;
          break;

        case '[':
          if (*s == '\0' || *s == '/' || !match_class (&p, *s))
            return FALSE;
          s++;
          break;

        case '{':
          return match_alternatives (p, s, snap, instance);

        case SNAP_MARK:
          {
            const char *names[2] = { snap, instance };

            if (snap == NULL && instance == NULL)
              {
                /* Unknown snap: any name. */
                g_autofree char *rest = g_strconcat ("*", p + 1, NULL);

                return glob_match (rest, s, snap, instance);
              }
            for (guint i = 0; i < G_N_ELEMENTS (names); i++)
              {
                gsize len = names[i] != NULL ? strlen (names[i]) : 0;

                if (len > 0 && strncmp (s, names[i], len) == 0 &&
                    glob_match (p + 1, s + len, snap, instance))
                  return TRUE;
              }
            return FALSE;
          }

        case '\\':
          if (p[1] != '\0')
            p++;
          G_GNUC_FALLTHROUGH;
        default:
          if (*p != *s)
            return FALSE;
          p++;
          s++;
          break;
        }
    }
}

gboolean
sc_policy_glob_match (const char *pattern,
                      const char *text,
                      const char *snap)
{
  g_autofree char *expanded = NULL;

  g_return_val_if_fail (pattern != NULL && text != NULL, FALSE);
  expanded = expand_variables (pattern);
  return glob_match (expanded, text, snap, snap);
}

/* Compiling the table */

static guint
file_perms (const char *perms)
{
  guint bits = 0;

  for (const char *p = perms; p != NULL && *p != '\0'; p++)
    switch (*p)
      {
      case 'r': bits |= P_R; break;
      case 'w': bits |= P_W | P_A; break;
      case 'a': bits |= P_A; break;
      case 'l': bits |= P_L; break;
      case 'k': bits |= P_K; break;
      case 'm': bits |= P_M; break;
      case 'x': bits |= P_X; break;
      default: break;
      }
  return bits;
}

/* The denied mask of a file record: c (create), d (delete) and w need w;
 * x any exec rule. */
static guint
denied_file_perms (const char *mask)
{
  guint bits = 0;

  for (const char *p = mask; p != NULL && *p != '\0'; p++)
    switch (*p)
      {
      case 'r': bits |= P_R; break;
      case 'w': case 'c': case 'd': case 'D': bits |= P_W; break;
      case 'a': bits |= P_A; break;
      case 'l': bits |= P_L; break;
      case 'k': bits |= P_K; break;
      case 'm': bits |= P_M; break;
      case 'x': bits |= P_X; break;
      default: break;
      }
  return bits;
}

static guint
literal_weight (const char *pattern)
{
  guint weight = 0;

  if (pattern == NULL)
    return 0;
  for (const char *p = pattern; *p != '\0'; p++)
    if (strchr ("*?[]{},", *p) == NULL)
      weight++;
  if (strstr (pattern, "**") != NULL)
    weight = weight > 8 ? weight - 8 : 0;
  return weight;
}

/* A file rule is broad when its pattern (or one of its alternatives)
 * starts with a wildcard right after the root: a slash and two stars,
 * or system-backup's "/{,var/lib/snapd/hostfs/}[^dsp]" and two stars. */
static gboolean
file_pattern_is_broad (const char *pattern)
{
  g_autoptr(GPtrArray) alternatives = g_ptr_array_new_with_free_func (g_free);

  if (!expand_braces (pattern, alternatives))
    return FALSE;
  for (guint i = 0; i < alternatives->len; i++)
    {
      const char *alt = g_ptr_array_index (alternatives, i);

      if (alt[0] == '/' && (alt[1] == '\0' || strchr ("*?[", alt[1]) != NULL))
        return TRUE;
    }
  return FALSE;
}

/* The index key of a path or pattern: its first two components when
 * both are literal and followed by '/' ("usr/share" for "/usr/share/…"),
 * else its first ("usr" for "/usr/lib{,32}/…"), else NULL (a pattern
 * from the root). With LEVEL 1 only the first. */
static char *
index_key (const char *path,
           gboolean    pattern,
           guint       level)
{
  const char *end;

  if (path == NULL || path[0] != '/')
    return NULL;
  end = path + 1;
  for (guint l = 0; l < level; l++)
    {
      const char *start = end;

      while (*end != '\0' && *end != '/')
        {
          if (pattern && strchr ("*?[{\\\x01", *end) != NULL)
            break;
          end++;
        }
      if (*end != '/' || end == start)
        {
          if (l == 0)
            return NULL;   /* "/foo" alone: keep it generic, it is rare */
          end = start - 1;
          break;
        }
      if (l + 1 < level)
        end++;
    }
  return g_strndup (path + 1, end - path - 1);
}

static void
add_rule (PRule *rule)
{
  guchar cls = (guchar) rule->cls;

  if (policy.by_class[cls] == NULL)
    policy.by_class[cls] = g_ptr_array_new ();
  g_ptr_array_add (policy.by_class[cls], rule);
}

static gboolean
is_literal (const char *pattern)
{
  return pattern != NULL && strpbrk (pattern, "*?[{\\\x01@") == NULL;
}

/* Rules of a class indexed by one literal field, so that a record is
 * compared with the few rules that name its value and the ones that use
 * a pattern (bench-policy). */
static void
add_indexed_rule (GHashTable *index,
                  GPtrArray  *generic,
                  const char *key,
                  PRule      *rule)
{
  GPtrArray *bucket;

  if (!is_literal (key))
    {
      g_ptr_array_add (generic, rule);
      return;
    }
  bucket = g_hash_table_lookup (index, key);
  if (bucket == NULL)
    {
      bucket = g_ptr_array_new ();
      g_hash_table_insert (index, g_strdup (key), bucket);
    }
  g_ptr_array_add (bucket, rule);
}

static void
add_file_rule (PRule *rule)
{
  g_autofree char *key = index_key (rule->field[0], TRUE, 2);
  GPtrArray *bucket;

  if (key == NULL)
    {
      g_ptr_array_add (policy.file_generic, rule);
      return;
    }
  bucket = g_hash_table_lookup (policy.file_index, key);
  if (bucket == NULL)
    {
      bucket = g_ptr_array_new ();
      g_hash_table_insert (policy.file_index, g_steal_pointer (&key), bucket);
    }
  g_ptr_array_add (bucket, rule);
}

static char *
any_or (const char *field)
{
  char *value;
  gsize len;

  if (field == NULL || strcmp (field, "*") == 0 || *field == '\0')
    return NULL;
  value = expand_variables (field);
  /* Abstract socket names padded with a NUL ("…shim.sock\x00"): the
   * record's decoded address has none. */
  len = strlen (value);
  if (len > 4 && strcmp (value + len - 4, "\\x00") == 0)
    value[len - 4] = '\0';
  return value;
}

/* A field that allows anything: absent, "*", or a peer label snapd fills
 * in with the slot's (###SLOT_SECURITY_TAGS###). */
static gboolean
is_any (const char *field)
{
  return field == NULL || strcmp (field, "*") == 0 || strcmp (field, "**") == 0;
}

/* Compiles LINE into one or more rules (file rules are brace-expanded),
 * appended to OUT. */
static void
compile_line (guint16     entry,
              const char *line,
              GPtrArray  *out)
{
  g_auto(GStrv) f = g_strsplit (line, "\t", -1);
  guint n = g_strv_length (f);
  PRule proto = { 0 };

  proto.entry = entry;
  proto.cls = f[0][0];
  proto.line = line;

  switch (proto.cls)
    {
    case 'f':
      {
        g_autofree char *expanded = NULL;
        g_autoptr(GPtrArray) alternatives = g_ptr_array_new_with_free_func (g_free);

        if (n < 4)
          return;
        proto.owner = f[1][0] == '1';
        proto.perms = file_perms (f[2]);
        expanded = expand_variables (f[3]);
        collapse_slashes (expanded);
        proto.specificity = literal_weight (f[3]);
        proto.broad = file_pattern_is_broad (f[3]);
        if (!expand_braces (expanded, alternatives))
          {
            g_ptr_array_set_size (alternatives, 0);
            g_ptr_array_add (alternatives, g_strdup (expanded));
          }
        for (guint i = 0; i < alternatives->len; i++)
          {
            PRule *rule = g_memdup2 (&proto, sizeof proto);

            rule->field[0] = g_strdup (g_ptr_array_index (alternatives, i));
            /* The alternative that matched, not the whole brace list. */
            rule->specificity = literal_weight (rule->field[0]);
            rule->universal = strcmp (rule->field[0], "/**") == 0 && (rule->perms & P_W) != 0;
            g_ptr_array_add (out, rule);
          }
        return;
      }

    case 'x':
      if (n < 2)
        return;
      if (n > 2 && strcmp (f[1], "socket") == 0 && g_str_has_prefix (f[2], "AF_NETLINK - NETLINK_"))
        {
          PRule *netlink = g_memdup2 (&proto, sizeof proto);

          netlink->cls = 'N';
          netlink->field[0] = g_strdup (f[2] + strlen ("AF_NETLINK - "));
          netlink->specificity = 10;
          g_ptr_array_add (out, netlink);
        }
      proto.field[0] = g_strdup (f[1]);
      proto.conditional = n > 2 && *g_strstrip (f[2]) != '\0';
      proto.specificity = 10;
      break;

    case '*':
      proto.specificity = 0;
      proto.broad = TRUE;
      break;

    default:
      for (guint i = 1; i < n && i <= G_N_ELEMENTS (proto.field); i++)
        {
          proto.field[i - 1] = any_or (f[i]);
          if (proto.field[i - 1] != NULL)
            proto.specificity += 4 + literal_weight (f[i]) / 8;
        }
      proto.universal = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (proto.field); i++)
        if (proto.field[i] != NULL)
          proto.universal = FALSE;
      if (strchr ("dups", proto.cls) != NULL && proto.field[0] != NULL)
        proto.words = g_strsplit (proto.field[0], " ", -1);
      if (proto.cls == 's' && proto.field[1] != NULL)
        proto.words2 = g_strsplit (proto.field[1], " ", -1);
      if (proto.cls == 'm' && proto.field[2] != NULL)
        proto.words2 = g_strsplit (proto.field[2], " ", -1);
      if (proto.cls == 'd')
        proto.broad = is_any (proto.field[2]) && is_any (proto.field[3]) &&
                      is_any (proto.field[4]) && is_any (proto.field[5]);
      else if (proto.cls == 'u')
        proto.broad = is_any (proto.field[2]) && is_any (proto.field[3]) && is_any (proto.field[4]);
      else if (proto.cls == 'm')
        proto.broad = proto.field[3] == NULL && proto.field[4] == NULL;
      else if (proto.cls == 'c' || proto.cls == 'n')
        proto.broad = proto.field[0] == NULL;
      break;
    }
  g_ptr_array_add (out, g_memdup2 (&proto, sizeof proto));
}

static void
prule_free (gpointer data)
{
  PRule *rule = data;

  for (guint k = 0; k < G_N_ELEMENTS (rule->field); k++)
    g_free (rule->field[k]);
  g_strfreev (rule->words);
  g_strfreev (rule->words2);
  g_free (rule);
}

static gpointer
compile_policy (gpointer data)
{
  (void) data;

  policy.file_index = g_hash_table_new (g_str_hash, g_str_equal);
  policy.file_generic = g_ptr_array_new ();
  policy.dbus_index = g_hash_table_new (g_str_hash, g_str_equal);
  policy.dbus_generic = g_ptr_array_new ();
  policy.syscall_index = g_hash_table_new (g_str_hash, g_str_equal);
  policy.syscall_generic = g_ptr_array_new ();
  policy.lines = g_ptr_array_new ();
  policy.n_rules = g_new0 (guint, G_N_ELEMENTS (sc_policy_entries));

  for (guint16 i = 0; i < G_N_ELEMENTS (sc_policy_entries); i++)
    {
      g_auto(GStrv) lines = g_strsplit (sc_policy_entries[i].rules, "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        {
          /* Lines live as long as the process; they are the rules' text. */
          g_autoptr(GPtrArray) compiled = NULL;

          if (*lines[j] == '\0')
            continue;
          compiled = g_ptr_array_new ();
          g_ptr_array_add (policy.lines, g_strdup (lines[j]));
          compile_line (i, g_ptr_array_index (policy.lines, policy.lines->len - 1), compiled);
          for (guint k = 0; k < compiled->len; k++)
            {
              PRule *rule = g_ptr_array_index (compiled, k);

              add_rule (rule);
              if (rule->cls == 'f')
                add_file_rule (rule);
              else if (rule->cls == 'd')
                add_indexed_rule (policy.dbus_index, policy.dbus_generic, rule->field[3], rule);
              else if (rule->cls == 'x')
                add_indexed_rule (policy.syscall_index, policy.syscall_generic, rule->field[0], rule);
            }
          policy.n_rules[i]++;
        }
    }
  return NULL;
}

static void
ensure_policy (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, compile_policy, NULL);
}

/* Matching */

typedef struct
{
  const ScDenial *denial;
  const char     *snap;
  const char     *instance;
  const char     *path;         /* file: the object */
  guint           perms;        /* file: denied bits */
  gboolean        owner_ok;     /* file: fsuid == ouid or unknown */
  const char     *netlink;      /* network: "NETLINK_ROUTE"… for family netlink */
  char           *addr;         /* unix: addr and peer_addr, "//" folded as AppArmor does */
  char           *peer_addr;
  char          **words;        /* denied permission words (dbus, unix, ptrace, signal) */
  const char     *dbus_interface;
  const char     *dbus_member;
  const char     *syscall;      /* seccomp: the syscall's name */
} Query;

static const char *
detail (const ScDenial *denial,
        const char     *key)
{
  return g_hash_table_lookup (denial->details, key);
}

static const char *
denied_mask (const ScDenial *denial)
{
  static const char * const keys[] = { "denied_mask", "denied", "requested_mask", "requested", "mask" };
  const char *mask = denial->permissions;

  for (guint i = 0; i < G_N_ELEMENTS (keys) && (mask == NULL || *mask == '\0'); i++)
    mask = detail (denial, keys[i]);
  return mask;
}

/* PATTERN (NULL = any) against VALUE; a value the record lacks matches. */
static gboolean
field_matches (const char  *pattern,
               const char  *value,
               const Query *q)
{
  if (pattern == NULL || value == NULL || *value == '\0')
    return TRUE;
  return glob_match (pattern, value, q->snap, q->instance);
}

/* A peer label: a rule that names the snap's own label (talking to
 * itself) does not match a record that lacks the peer's label, which is
 * almost never the snap itself. */
static gboolean
label_matches (const char  *pattern,
               const char  *value,
               const Query *q)
{
  if (pattern != NULL && (value == NULL || *value == '\0'))
    return strchr (pattern, SNAP_MARK) == NULL;
  return field_matches (pattern, value, q);
}

/* Every denied word is among the rule's words (NULL rule words = all). */
static gboolean
words_allowed (char **allowed,
               char **denied)
{
  if (allowed == NULL || denied == NULL)
    return TRUE;
  for (guint i = 0; denied[i] != NULL; i++)
    {
      if (*denied[i] == '\0')
        continue;
      /* "rw" / "r" / "w" are spelled with letters in some rules. */
      if (!g_strv_contains ((const char * const *) allowed, denied[i]) &&
          !(strcmp (denied[i], "read") == 0 && g_strv_contains ((const char * const *) allowed, "r")) &&
          !(strcmp (denied[i], "receive") == 0 && g_strv_contains ((const char * const *) allowed, "r")) &&
          !(strcmp (denied[i], "send") == 0 && g_strv_contains ((const char * const *) allowed, "w")))
        return FALSE;
    }
  return TRUE;
}

static gboolean
dbus_name_matches (const char  *pattern,
                   const char  *name,
                   const Query *q)
{
  /* A unique name (":1.42") says nothing about the well-known name the
   * rule names: the record cannot contradict it. */
  if (name != NULL && name[0] == ':')
    return TRUE;
  return field_matches (pattern, name, q);
}

static gboolean
rule_allows (const PRule *rule,
             const Query *q)
{
  const ScDenial *d = q->denial;

  switch (rule->cls)
    {
    case '*':
      return TRUE;

    case 'f':
      /* Permissions are checked by the caller, over the union of every
       * rule of an interface that matches the path (as AppArmor does). */
      if (q->path == NULL || q->perms == 0)
        return FALSE;
      if (rule->owner && !q->owner_ok)
        return FALSE;
      return glob_match (rule->field[0], q->path, q->snap, q->instance);

    case 'd':
      return field_matches (rule->field[3], q->dbus_interface, q) &&
             field_matches (rule->field[4], q->dbus_member, q) &&
             words_allowed (rule->words, q->words) &&
             field_matches (rule->field[1], detail (d, "bus"), q) &&
             field_matches (rule->field[2], detail (d, "path"), q) &&
             dbus_name_matches (rule->field[5], detail (d, "name"), q) &&
             label_matches (rule->field[6], detail (d, "peer_label"), q);

    case 'u':
      {
        const char *addr = q->addr;
        const char *peer_addr = q->peer_addr;

        const char *peer_label = detail (d, "peer_label");

        /* The kernel logs a unix peer's label as "peer". */
        if (peer_label == NULL)
          peer_label = detail (d, "peer");

        if (addr != NULL && strcmp (addr, "none") == 0 && rule->field[2] != NULL &&
            strcmp (rule->field[2], "none") != 0)
          return FALSE;
        /* A rule that only names its peer by label says nothing about a
         * record without one. */
        if ((peer_label == NULL || *peer_label == '\0') && rule->field[3] != NULL &&
            rule->field[2] == NULL && rule->field[4] == NULL)
          return FALSE;
        return words_allowed (rule->words, q->words) &&
               field_matches (rule->field[1], detail (d, "sock_type"), q) &&
               field_matches (rule->field[2], addr, q) &&
               label_matches (rule->field[3], peer_label, q) &&
               field_matches (rule->field[4], peer_addr, q);
      }

    case 'n':
      {
        const char *family = detail (d, "family");

        if (family == NULL)
          return rule->field[0] == NULL && rule->field[1] == NULL;
        return field_matches (rule->field[0], family, q) &&
               field_matches (rule->field[1], detail (d, "sock_type"), q);
      }

    case 'N':
      /* A netlink protocol, allowed by a seccomp "socket AF_NETLINK - X". */
      return q->netlink != NULL && rule->field[0] != NULL && strcmp (rule->field[0], q->netlink) == 0;

    case 'c':
      {
        const char *cap = detail (d, "capname");

        if (cap == NULL)
          cap = d->object;
        return cap != NULL && (rule->field[0] == NULL || strcmp (rule->field[0], cap) == 0);
      }

    case 'p':
      return words_allowed (rule->words, q->words) &&
             label_matches (rule->field[1], detail (d, "peer"), q);

    case 's':
      {
        const char *signal = detail (d, "signal");

        if (!words_allowed (rule->words, q->words) ||
            !label_matches (rule->field[2], detail (d, "peer"), q))
          return FALSE;
        if (rule->words2 != NULL && signal != NULL)
          return g_strv_contains ((const char * const *) rule->words2, signal);
        return TRUE;
      }

    case 'm':
      {
        const char *op = d->operation != NULL ? d->operation : "mount";
        const char *kind = rule->field[0] != NULL ? rule->field[0] : "mount";
        const char *target = detail (d, "name");
        const char *flags = detail (d, "flags");

        if (strcmp (op, "pivotroot") == 0)
          op = "pivot_root";
        if (strcmp (kind, op) != 0)
          return FALSE;
        if (target == NULL)
          target = d->object;

        if (rule->field[2] != NULL && flags != NULL && *flags != '\0')
          {
            g_autofree char *copy = g_strdup (flags);
            g_auto(GStrv) words = NULL;

            g_strdelimit (copy, ",", ' ');
            words = g_strsplit (g_strstrip (copy), " ", -1);
            if (!words_allowed (rule->words2, words))
              return FALSE;
          }
        return field_matches (rule->field[1], detail (d, "fstype"), q) &&
               field_matches (rule->field[3], detail (d, "srcname"), q) &&
               field_matches (rule->field[4], target, q);
      }

    case 'x':
      return q->syscall != NULL && glob_match (rule->field[0], q->syscall, NULL, NULL);

    case 'o':
      {
        const char *op = d->operation != NULL ? d->operation : "";
        const char *cls = detail (d, "class");

        if (rule->field[0] == NULL)
          return FALSE;
        if (strcmp (rule->field[0], "userns") == 0)
          return g_str_has_prefix (op, "userns") || g_strcmp0 (cls, "namespace") == 0;
        if (strcmp (rule->field[0], "mqueue") == 0)
          return g_strcmp0 (cls, "posix_mqueue") == 0 || g_strcmp0 (cls, "mqueue") == 0;
        return g_strcmp0 (cls, rule->field[0]) == 0 || g_str_has_prefix (op, rule->field[0]);
      }

    default:
      return FALSE;
    }
}

static char
denial_class (const ScDenial *denial)
{
  switch (denial->kind)
    {
    case SC_DENIAL_KIND_FILE: return 'f';
    case SC_DENIAL_KIND_UNIX: return 'u';
    case SC_DENIAL_KIND_NETWORK: return 'n';
    case SC_DENIAL_KIND_CAPABILITY: return 'c';
    case SC_DENIAL_KIND_DBUS: return 'd';
    case SC_DENIAL_KIND_SIGNAL: return 's';
    case SC_DENIAL_KIND_PTRACE: return 'p';
    case SC_DENIAL_KIND_MOUNT: return 'm';
    case SC_DENIAL_KIND_SECCOMP: return 'x';
    case SC_DENIAL_KIND_OTHER:
    default: return 'o';
    }
}

static const char *
netlink_protocol_name (const char *protocol)
{
  static const char * const names[] = {
    "NETLINK_ROUTE", NULL, "NETLINK_USERSOCK", "NETLINK_FIREWALL", "NETLINK_INET_DIAG",
    "NETLINK_NFLOG", "NETLINK_XFRM", "NETLINK_SELINUX", "NETLINK_ISCSI", "NETLINK_AUDIT",
    "NETLINK_FIB_LOOKUP", "NETLINK_CONNECTOR", "NETLINK_NETFILTER", "NETLINK_IP6_FW",
    "NETLINK_DNRTMSG", "NETLINK_KOBJECT_UEVENT", "NETLINK_GENERIC", NULL,
    "NETLINK_SCSITRANSPORT", "NETLINK_ECRYPTFS", "NETLINK_RDMA", "NETLINK_CRYPTO",
    "NETLINK_SMC",
  };
  guint64 n;

  if (protocol == NULL || !g_ascii_string_to_unsigned (protocol, 10, 0, 63, &n, NULL) ||
      n >= G_N_ELEMENTS (names))
    return NULL;
  return names[n];
}

static void
query_init (Query          *q,
            const ScDenial *denial)
{
  const char *fsuid = detail (denial, "fsuid");
  const char *ouid = detail (denial, "ouid");
  const char *mask = denied_mask (denial);

  memset (q, 0, sizeof *q);
  q->denial = denial;
  q->snap = denial->snap;
  q->instance = denial->instance;
  if (denial->kind == SC_DENIAL_KIND_FILE)
    {
      q->path = detail (denial, "name");
      if (q->path == NULL)
        q->path = denial->object;
      q->perms = denied_file_perms (mask);
      /* A record pasted without its mask: an open for reading is the
       * least it asked for. */
      if (q->perms == 0)
        q->perms = P_R;
      q->owner_ok = fsuid == NULL || ouid == NULL || strcmp (fsuid, ouid) == 0;
    }
  else if (mask != NULL && *mask != '\0')
    {
      g_autofree char *copy = g_strdup (mask);

      g_strdelimit (copy, ",", ' ');
      q->words = g_strsplit (g_strstrip (copy), " ", -1);
    }
  if (denial->kind == SC_DENIAL_KIND_UNIX)
    {
      q->addr = g_strdup (detail (denial, "addr"));
      q->peer_addr = g_strdup (detail (denial, "peer_addr"));
      if (q->addr != NULL)
        collapse_slashes (q->addr);
      if (q->peer_addr != NULL)
        collapse_slashes (q->peer_addr);
    }
  if (denial->kind == SC_DENIAL_KIND_DBUS)
    {
      q->dbus_interface = detail (denial, "interface");
      q->dbus_member = detail (denial, "member");
    }
  if (denial->kind == SC_DENIAL_KIND_SECCOMP)
    {
      q->syscall = detail (denial, "syscall_name");
      if (q->syscall == NULL)
        q->syscall = denial->object;
    }
  if (denial->kind == SC_DENIAL_KIND_NETWORK && g_strcmp0 (detail (denial, "family"), "netlink") == 0)
    q->netlink = netlink_protocol_name (detail (denial, "protocol"));
  if (q->words != NULL)
    ;
  else if (denial->kind == SC_DENIAL_KIND_UNIX && denial->operation != NULL)
    {
      const char *words[] = { denial->operation, NULL };

      q->words = g_strdupv ((char **) words);
    }
}

static void
query_clear (Query *q)
{
  g_clear_pointer (&q->addr, g_free);
  g_clear_pointer (&q->peer_addr, g_free);
  g_clear_pointer (&q->words, g_strfreev);
}

static gboolean
is_template (guint entry)
{
  return strcmp (sc_policy_entries[entry].interface, TEMPLATE) == 0;
}

/* Calls FUNC for every rule that allows Q. */
typedef void (*MatchFunc) (const PRule *rule, gpointer data);

static void
foreach_match (const Query *q,
               MatchFunc    func,
               gpointer     data)
{
  GPtrArray *lists[4] = { NULL, NULL, NULL, NULL };
  char cls = denial_class (q->denial);
  guint n_entries = G_N_ELEMENTS (sc_policy_entries);
  g_autofree guint *perms = NULL;
  g_autofree const PRule **best = NULL;

  if (cls == 'f')
    {
      g_autofree char *key1 = index_key (q->path, FALSE, 1);
      g_autofree char *key2 = index_key (q->path, FALSE, 2);

      if (q->path == NULL)
        return;
      lists[0] = key1 != NULL ? g_hash_table_lookup (policy.file_index, key1) : NULL;
      if (key2 != NULL && g_strcmp0 (key1, key2) != 0)
        lists[1] = g_hash_table_lookup (policy.file_index, key2);
      lists[2] = policy.file_generic;
      perms = g_new0 (guint, n_entries);
      best = g_new0 (const PRule *, n_entries);
    }
  else if (cls == 'd' && q->dbus_interface != NULL && *q->dbus_interface != '\0')
    {
      lists[0] = g_hash_table_lookup (policy.dbus_index, q->dbus_interface);
      lists[1] = policy.dbus_generic;
    }
  else if (cls == 'x' && q->syscall != NULL)
    {
      lists[0] = g_hash_table_lookup (policy.syscall_index, q->syscall);
      lists[1] = policy.syscall_generic;
    }
  else
    {
      lists[0] = policy.by_class[(guchar) cls];
    }
  lists[3] = policy.by_class['*'];

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        const PRule *rule = g_ptr_array_index (lists[l], i);

        if (cls == 'n' && q->netlink != NULL && l == 0)
          continue;   /* below */
        if (!rule_allows (rule, q))
          continue;
        if (rule->cls != 'f')
          {
            func (rule, data);
            continue;
          }
        perms[rule->entry] |= rule->perms;
        if ((rule->perms & q->perms) != 0 &&
            (best[rule->entry] == NULL || rule->specificity > best[rule->entry]->specificity))
          best[rule->entry] = rule;
      }

  /* Netlink: AppArmor allows the family, seccomp the protocol; the
   * protocol may come from the interface or the base template. */
  if (cls == 'n' && q->netlink != NULL)
    {
      g_autofree const PRule **family = g_new0 (const PRule *, n_entries);
      g_autofree gboolean *protocol = g_new0 (gboolean, n_entries);
      gboolean template_protocol = FALSE;
      GPtrArray *netlink = policy.by_class['N'];

      for (guint i = 0; lists[0] != NULL && i < lists[0]->len; i++)
        {
          const PRule *rule = g_ptr_array_index (lists[0], i);

          if (rule_allows (rule, q) && family[rule->entry] == NULL)
            family[rule->entry] = rule;
        }
      for (guint i = 0; netlink != NULL && i < netlink->len; i++)
        {
          const PRule *rule = g_ptr_array_index (netlink, i);

          if (rule_allows (rule, q))
            {
              protocol[rule->entry] = TRUE;
              if (is_template (rule->entry))
                template_protocol = TRUE;
            }
        }
      for (guint e = 0; e < n_entries; e++)
        if (family[e] != NULL && (protocol[e] || template_protocol))
          func (family[e], data);
      return;
    }

  /* File rules: an interface allows the access when the rules matching
   * the path give every denied permission between them. */
  for (guint e = 0; perms != NULL && e < n_entries; e++)
    if (best[e] != NULL && (q->perms & ~perms[e]) == 0)
      func (best[e], data);
}

static char *
format_rule (const PRule *rule)
{
  g_auto(GStrv) f = g_strsplit (rule->line, "\t", -1);
  guint n = g_strv_length (f);
  GString *out = g_string_new (NULL);
  static const char * const dbus_keys[] = { NULL, "bus", "path", "interface", "member", "name", "label" };
  static const char * const unix_keys[] = { NULL, "type", "addr", "peer label", "peer addr" };

  switch (f[0][0])
    {
    case 'f':
      g_string_printf (out, "%s%s %s", f[1][0] == '1' ? "owner " : "", n > 3 ? f[3] : "", f[2]);
      break;
    case 'd':
    case 'u':
      g_string_append (out, f[0][0] == 'd' ? "dbus" : "unix");
      if (n > 1 && strcmp (f[1], "*") != 0)
        g_string_append_printf (out, " (%s)", f[1]);
      for (guint i = 2; i < n; i++)
        {
          const char *key = f[0][0] == 'd' ? (i - 1 < G_N_ELEMENTS (dbus_keys) ? dbus_keys[i - 1] : NULL)
                                          : (i - 1 < G_N_ELEMENTS (unix_keys) ? unix_keys[i - 1] : NULL);

          if (key != NULL && strcmp (f[i], "*") != 0)
            g_string_append_printf (out, " %s=%s", key, f[i]);
        }
      break;
    case 'n':
      g_string_printf (out, "network %s %s", n > 1 ? f[1] : "*", n > 2 ? f[2] : "*");
      break;
    case 'c':
      g_string_printf (out, "capability %s", n > 1 ? f[1] : "*");
      break;
    case 'p':
      g_string_printf (out, "ptrace (%s) peer=%s", n > 1 ? f[1] : "*", n > 2 ? f[2] : "*");
      break;
    case 's':
      g_string_printf (out, "signal (%s) set=(%s) peer=%s", n > 1 ? f[1] : "*", n > 2 ? f[2] : "*",
                       n > 3 ? f[3] : "*");
      break;
    case 'm':
      g_string_printf (out, "%s fstype=%s %s -> %s", n > 1 ? f[1] : "mount", n > 2 ? f[2] : "*",
                       n > 4 ? f[4] : "*", n > 5 ? f[5] : "*");
      break;
    case 'x':
      g_string_printf (out, "seccomp %s%s%s", n > 1 ? f[1] : "", n > 2 && *f[2] ? " " : "",
                       n > 2 ? f[2] : "");
      break;
    case 'o':
      g_string_printf (out, "%s", n > 1 ? f[1] : "");
      break;
    default:
      g_string_append (out, "allow all");
      break;
    }
  /* Variables as snapd writes them: ###SLOT_SECURITY_TAGS###. */
  g_string_replace (out, "@{SLOT_SECURITY_TAGS}", "###SLOT_SECURITY_TAGS###", 0);
  g_string_replace (out, "@{PLUG_SECURITY_TAGS}", "###PLUG_SECURITY_TAGS###", 0);
  return g_string_free (out, FALSE);
}

typedef struct
{
  GArray *matches;
  int    *slot;   /* entry → index in matches, -1 none */
} Collect;

static void
collect_match (const PRule *rule,
               gpointer     data)
{
  Collect *c = data;
  int idx;

  if (is_template (rule->entry))
    return;
  /* "allow all" and "allow file" (steam-support) allow anything: they
   * say nothing about this access, and are never the answer to it. */
  if (rule->cls == '*' || rule->universal)
    return;
  idx = c->slot[rule->entry];
  if (idx < 0)
    {
      ScPolicyMatch m = { 0 };

      m.interface = sc_policy_entries[rule->entry].interface;
      m.variant = sc_policy_entries[rule->entry].variant;
      m.rule = format_rule (rule);
      m.specificity = rule->specificity;
      m.n_rules = policy.n_rules[rule->entry];
      m.conditional = rule->conditional;
      m.broad = rule->broad;
      g_array_append_val (c->matches, m);
      c->slot[rule->entry] = c->matches->len - 1;
      return;
    }
  else
    {
      ScPolicyMatch *m = &g_array_index (c->matches, ScPolicyMatch, idx);

      if ((m->broad && !rule->broad) || (m->broad == rule->broad && rule->specificity > m->specificity) ||
          (m->conditional && !rule->conditional))
        {
          g_free (m->rule);
          m->rule = format_rule (rule);
          m->specificity = rule->specificity;
          m->conditional = rule->conditional;
          m->broad = rule->broad;
        }
    }
}

static void
clear_match (gpointer data)
{
  ScPolicyMatch *m = data;

  g_clear_pointer (&m->rule, g_free);
}

GArray *
sc_policy_match (const ScDenial *denial)
{
  Collect c;
  Query q;

  g_return_val_if_fail (denial != NULL, NULL);
  ensure_policy ();

  c.matches = g_array_new (FALSE, TRUE, sizeof (ScPolicyMatch));
  g_array_set_clear_func (c.matches, clear_match);
  c.slot = g_newa (int, G_N_ELEMENTS (sc_policy_entries));
  for (guint i = 0; i < G_N_ELEMENTS (sc_policy_entries); i++)
    c.slot[i] = -1;

  query_init (&q, denial);
  foreach_match (&q, collect_match, &c);
  query_clear (&q);
  return c.matches;
}

typedef struct
{
  const PRule *found;
} TemplateFind;

static void
find_template (const PRule *rule,
               gpointer     data)
{
  TemplateFind *t = data;

  if (t->found == NULL && is_template (rule->entry) && !rule->conditional)
    t->found = rule;
}

gboolean
sc_policy_template_allows (const ScDenial *denial,
                           char          **rule)
{
  TemplateFind t = { NULL };
  Query q;

  g_return_val_if_fail (denial != NULL, FALSE);
  ensure_policy ();

  query_init (&q, denial);
  foreach_match (&q, find_template, &t);
  query_clear (&q);
  if (rule != NULL)
    *rule = t.found != NULL ? format_rule (t.found) : NULL;
  return t.found != NULL;
}

gboolean
sc_policy_rule_allows (const char     *line,
                       const ScDenial *denial)
{
  g_autoptr(GPtrArray) compiled = g_ptr_array_new_with_free_func (prule_free);
  gboolean allowed = FALSE;
  Query q;

  g_return_val_if_fail (line != NULL && denial != NULL, FALSE);

  compile_line (0, line, compiled);
  query_init (&q, denial);
  for (guint i = 0; i < compiled->len && !allowed; i++)
    {
      const PRule *rule = g_ptr_array_index (compiled, i);

      if (rule->cls == denial_class (denial) || rule->cls == '*')
        allowed = rule_allows (rule, &q) && (rule->cls != 'f' || (q.perms & ~rule->perms) == 0);
    }
  query_clear (&q);
  return allowed;
}

const char *
sc_policy_get_snapd_commit (void)
{
  return SC_POLICY_SNAPD_COMMIT;
}

gboolean
sc_policy_has_interface (const char *interface)
{
  g_return_val_if_fail (interface != NULL, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (sc_policy_entries); i++)
    if (strcmp (sc_policy_entries[i].interface, interface) == 0)
      return TRUE;
  return FALSE;
}

gboolean
sc_policy_attribute_effect (const char *interface,
                            const char *attribute,
                            const char *value,
                            gboolean   *auto_connect,
                            gboolean   *store_approval)
{
  gboolean applied = FALSE;

  g_return_val_if_fail (interface != NULL && attribute != NULL && value != NULL, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (sc_policy_attribute_rules); i++)
    {
      const ScPolicyAttributeRule *r = &sc_policy_attribute_rules[i];

      if (strcmp (r->interface, interface) != 0 || strcmp (r->attribute, attribute) != 0 ||
          strcmp (r->value, value) != 0)
        continue;
      applied = TRUE;
      if (strcmp (r->kind, "deny-connection") == 0)
        {
          *store_approval = TRUE;
          *auto_connect = FALSE;
        }
      else if (strcmp (r->kind, "deny-auto-connection") == 0)
        *auto_connect = FALSE;
      else if (strcmp (r->kind, "allow-auto-connection") == 0 && !*store_approval)
        *auto_connect = TRUE;
    }
  return applied;
}
