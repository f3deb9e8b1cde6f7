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
 *
 * Files: this one matches a denial against the compiled rules;
 * sc-policy-glob.c expands variables and braces and does AppArmor glob
 * matching, sc-policy-compile.c compiles rule lines and indexes them.
 * They share sc-policy-private.h.
 */
#define G_LOG_DOMAIN "sc-policy"

#include "config.h"

#include <string.h>

#include "sc-policy.h"
#include "sc-policy-private.h"

#include "sc-policy-data.h"

Policy _sc_policy;

/* Compiling the table */

static gpointer
compile_policy (gpointer data)
{
  (void) data;

  _sc_policy.file_index = g_hash_table_new (g_str_hash, g_str_equal);
  _sc_policy.file_generic = g_ptr_array_new ();
  _sc_policy.dbus_index = g_hash_table_new (g_str_hash, g_str_equal);
  _sc_policy.dbus_generic = g_ptr_array_new ();
  _sc_policy.syscall_index = g_hash_table_new (g_str_hash, g_str_equal);
  _sc_policy.syscall_generic = g_ptr_array_new ();
  _sc_policy.lines = g_ptr_array_new ();
  _sc_policy.n_rules = g_new0 (guint, G_N_ELEMENTS (sc_policy_entries));

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
          g_ptr_array_add (_sc_policy.lines, g_strdup (lines[j]));
          _sc_policy_compile_line (i, g_ptr_array_index (_sc_policy.lines, _sc_policy.lines->len - 1),
                                   compiled);
          for (guint k = 0; k < compiled->len; k++)
            {
              PRule *rule = g_ptr_array_index (compiled, k);

              _sc_policy_add_rule (rule);
              if (rule->cls == 'f')
                _sc_policy_add_file_rule (rule);
              else if (rule->cls == 'd')
                _sc_policy_add_indexed_rule (_sc_policy.dbus_index, _sc_policy.dbus_generic,
                                             rule->field[3], rule);
              else if (rule->cls == 'x')
                _sc_policy_add_indexed_rule (_sc_policy.syscall_index, _sc_policy.syscall_generic,
                                             rule->field[0], rule);
            }
          _sc_policy.n_rules[i]++;
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

static gpointer
prepare_thread (gpointer data)
{
  ensure_policy ();
  return NULL;
}

/**
 * sc_policy_prepare_in_background:
 *
 * Starts compiling the policy on another thread: a command that reads
 * denials and then suggests interfaces for them does both at once.
 */
void
sc_policy_prepare_in_background (void)
{
  g_thread_unref (g_thread_new ("sc-policy", prepare_thread, NULL));
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
  return _sc_policy_glob_match (pattern, value, q->snap, q->instance);
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

/* A unix socket rule ('u'). */
static gboolean
unix_rule_allows (const PRule *rule,
                  const Query *q)
{
  const ScDenial *d = q->denial;
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

/* A signal rule ('s'). */
static gboolean
signal_rule_allows (const PRule *rule,
                    const Query *q)
{
  const ScDenial *d = q->denial;
  const char *signal = detail (d, "signal");

  if (!words_allowed (rule->words, q->words) ||
      !label_matches (rule->field[2], detail (d, "peer"), q))
    return FALSE;
  if (rule->words2 != NULL && signal != NULL)
    return g_strv_contains ((const char * const *) rule->words2, signal);
  return TRUE;
}

/* A mount, umount or pivot_root rule ('m'). */
static gboolean
mount_rule_allows (const PRule *rule,
                   const Query *q)
{
  const ScDenial *d = q->denial;
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

/* Another class of rule ('o'): user namespaces, message queues, … */
static gboolean
other_rule_allows (const PRule *rule,
                   const Query *q)
{
  const ScDenial *d = q->denial;
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
      return _sc_policy_glob_match (rule->field[0], q->path, q->snap, q->instance);

    case 'd':
      return field_matches (rule->field[3], q->dbus_interface, q) &&
             field_matches (rule->field[4], q->dbus_member, q) &&
             words_allowed (rule->words, q->words) &&
             field_matches (rule->field[1], detail (d, "bus"), q) &&
             field_matches (rule->field[2], detail (d, "path"), q) &&
             dbus_name_matches (rule->field[5], detail (d, "name"), q) &&
             label_matches (rule->field[6], detail (d, "peer_label"), q);

    case 'u':
      return unix_rule_allows (rule, q);

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
      return signal_rule_allows (rule, q);

    case 'm':
      return mount_rule_allows (rule, q);

    case 'x':
      return q->syscall != NULL && _sc_policy_glob_match (rule->field[0], q->syscall, NULL, NULL);

    case 'o':
      return other_rule_allows (rule, q);

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
      q->perms = _sc_policy_denied_file_perms (mask);
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
        _sc_policy_collapse_slashes (q->addr);
      if (q->peer_addr != NULL)
        _sc_policy_collapse_slashes (q->peer_addr);
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
      g_autofree char *key1 = _sc_policy_index_key (q->path, FALSE, 1);
      g_autofree char *key2 = _sc_policy_index_key (q->path, FALSE, 2);

      if (q->path == NULL)
        return;
      lists[0] = key1 != NULL ? g_hash_table_lookup (_sc_policy.file_index, key1) : NULL;
      if (key2 != NULL && g_strcmp0 (key1, key2) != 0)
        lists[1] = g_hash_table_lookup (_sc_policy.file_index, key2);
      lists[2] = _sc_policy.file_generic;
      perms = g_new0 (guint, n_entries);
      best = g_new0 (const PRule *, n_entries);
    }
  else if (cls == 'd' && q->dbus_interface != NULL && *q->dbus_interface != '\0')
    {
      lists[0] = g_hash_table_lookup (_sc_policy.dbus_index, q->dbus_interface);
      lists[1] = _sc_policy.dbus_generic;
    }
  else if (cls == 'x' && q->syscall != NULL)
    {
      lists[0] = g_hash_table_lookup (_sc_policy.syscall_index, q->syscall);
      lists[1] = _sc_policy.syscall_generic;
    }
  else
    {
      lists[0] = _sc_policy.by_class[(guchar) cls];
    }
  lists[3] = _sc_policy.by_class['*'];

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
      GPtrArray *netlink = _sc_policy.by_class['N'];

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
      m.n_rules = _sc_policy.n_rules[rule->entry];
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
  g_autoptr(GPtrArray) compiled = g_ptr_array_new_with_free_func (_sc_policy_prule_free);
  gboolean allowed = FALSE;
  Query q;

  g_return_val_if_fail (line != NULL && denial != NULL, FALSE);

  _sc_policy_compile_line (0, line, compiled);
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

const ScPolicyAttributeRule *
sc_policy_get_attribute_rules (guint *n)
{
  if (n != NULL)
    *n = G_N_ELEMENTS (sc_policy_attribute_rules);
  return sc_policy_attribute_rules;
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
      /* An allow-* rule asking for the attribute to be missing denies
       * what it allows to a plug that sets it. */
      gboolean missing = strcmp (r->value, "$MISSING") == 0;
      const char *kind = r->kind;

      if (strcmp (r->interface, interface) != 0 || strcmp (r->attribute, attribute) != 0 ||
          (!missing && strcmp (r->value, value) != 0))
        continue;
      if (missing && g_str_has_prefix (kind, "allow-"))
        kind = strcmp (kind, "allow-installation") == 0 ? "deny-installation"
               : strcmp (kind, "allow-connection") == 0 ? "deny-connection"
               : "deny-auto-connection";
      else if (missing)
        continue;
      applied = TRUE;
      if (strcmp (kind, "deny-connection") == 0)
        {
          *store_approval = TRUE;
          *auto_connect = FALSE;
        }
      /* The store's grant lets the snap install; how it connects stays
       * the interface's. */
      else if (strcmp (kind, "deny-installation") == 0)
        *store_approval = TRUE;
      else if (strcmp (kind, "deny-auto-connection") == 0)
        *auto_connect = FALSE;
      else if (strcmp (kind, "allow-auto-connection") == 0 && !*store_approval)
        *auto_connect = TRUE;
    }
  return applied;
}
