/* sc-file-util.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing snapcraft.yaml safely: a crash, a kill or a full disk must never
 * leave a half-written project file, someone else's edit must never be lost,
 * and what the file is (owner, mode, ACLs, extended attributes) is kept.
 *
 * Reading it safely: a FIFO or device named snapcraft.yaml must never block.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1   /* renameat2, RENAME_EXCHANGE */
#endif

#define G_LOG_DOMAIN "sc-file-util"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

#include "sc-file-util.h"
#include "sc-file-util-private.h"
#include "sc-project-error.h"

G_DEFINE_QUARK (sc-file-error-quark, sc_file_error)

/* A temporary of ours left by a process that is still alive (or by a
 * process whose id was reused) is stale after this long. */
#define STALE_TEMPORARY_AGE (60 * 60)

gboolean
sc_file_error_needs_force (const GError *error)
{
  return error != NULL && error->domain == SC_FILE_ERROR
         && (error->code == SC_FILE_ERROR_READ_ONLY || error->code == SC_FILE_ERROR_HARD_LINKED);
}

/* ---- Messages ----------------------------------------------------------- */

static const char *
describe_kind (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a FIFO");
  if (S_ISCHR (mode))
    return _("a character device");
  if (S_ISBLK (mode))
    return _("a block device");
  if (S_ISSOCK (mode))
    return _("a socket");
  return _("not a regular file");
}

static char *
not_regular_message (const char *path,
                     mode_t      mode)
{
  /* Translators: the first %s is a file name, the second what it is
   * instead, e.g. “a FIFO”. */
  return g_strdup_printf (_("%s: not a regular file (it is %s)"), path, describe_kind (mode));
}

/* The first folder on the way to PATH that may not be searched, or NULL. */
static char *
first_unsearchable_folder (const char *path)
{
  g_autoptr(GPtrArray) parents = g_ptr_array_new_with_free_func (g_free);
  char *dir = g_path_get_dirname (path);

  for (;;)
    {
      char *up;

      g_ptr_array_add (parents, dir);
      if (g_str_equal (dir, ".") || g_str_equal (dir, "/"))
        break;
      up = g_path_get_dirname (dir);
      if (g_str_equal (up, dir))
        {
          g_free (up);
          break;
        }
      dir = up;
    }

  for (guint i = parents->len; i > 0; i--)
    {
      const char *p = g_ptr_array_index (parents, i - 1);

      if (access (p, X_OK) != 0 && errno == EACCES)
        return g_strdup (p);
    }
  return NULL;
}

/* "PATH: what went wrong", in words a user recognises. */
static char *
errno_message (const char *path,
               int         saved)
{
  if (saved == ELOOP)
    return g_strdup_printf (_("%s: symlink loop (too many levels of symbolic links)"), path);
  if (saved == EACCES)
    {
      g_autofree char *blocked = first_unsearchable_folder (path);

      if (blocked != NULL)
        return g_strdup_printf (_("%s: permission denied (you may not look inside %s)"),
                                path, blocked);
      return g_strdup_printf (_("%s: permission denied"), path);
    }
  return g_strdup_printf ("%s: %s", path, g_strerror (saved));
}

static char *
user_name (uid_t uid)
{
  struct passwd *pw = getpwuid (uid);

  return pw != NULL ? g_strdup (pw->pw_name) : g_strdup_printf ("%u", (unsigned) uid);
}

static char *
group_name (gid_t gid)
{
  struct group *gr = getgrgid (gid);

  return gr != NULL ? g_strdup (gr->gr_name) : g_strdup_printf ("%u", (unsigned) gid);
}

/* ---- Reading ------------------------------------------------------------ */

/* G_IO_ERROR_NO_SPACE: PATH is SIZE bytes (0: unknown, it grew while
 * read), more than MAX_SIZE. */
static void
set_too_large (GError     **error,
               const char  *path,
               guint64      size,
               gsize        max_size)
{
  g_autofree char *limit = g_strdup_printf ("%" G_GSIZE_FORMAT, max_size);
  g_autofree char *actual = g_strdup_printf ("%" G_GUINT64_FORMAT, size);

  if (size > 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 /* Translators: a path, then its size and the limit, both in bytes. */
                 _("%s: file is %s bytes, more than the limit of %s"), path, actual, limit);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 /* Translators: a path, then the limit in bytes. */
                 _("%s: file is larger than the limit of %s bytes"), path, limit);
}

GBytes *
sc_file_read_limited (const char  *path,
                      gsize        max_size,
                      GError     **error)
{
  struct stat st;
  g_autofree char *buf = NULL;
  gsize capacity, len = 0;
  int fd;

  /* Look before opening: opening a FIFO blocks until a writer comes, and
   * opening a device may do something. */
  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_autofree char *message = errno_message (path, saved);

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), message);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_autofree char *message = not_regular_message (path, st.st_mode);

      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, message);
      return NULL;
    }

  /* It may have been swapped for a FIFO since: never block. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *message = errno_message (path, saved);

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), message);
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_autofree char *message = not_regular_message (path, st.st_mode);

      close (fd);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, message);
      return NULL;
    }

  if ((guint64) st.st_size > max_size)
    {
      close (fd);
      set_too_large (error, path, (guint64) st.st_size, max_size);
      return NULL;
    }

  /* The size may change while we read; never read past the limit. */
  capacity = (gsize) st.st_size + 1;
  buf = g_malloc (capacity);
  for (;;)
    {
      gssize r;

      if (len == capacity)
        {
          if (capacity > max_size)
            {
              close (fd);
              set_too_large (error, path, 0, max_size);
              return NULL;
            }
          capacity = MIN (capacity * 2, max_size + 1);
          buf = g_realloc (buf, capacity);
        }
      r = read (fd, buf + len, capacity - len);
      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        {
          int saved = errno;
          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "%s: %s", path, g_strerror (saved));
          return NULL;
        }
      if (r == 0)
        break;
      len += (gsize) r;
    }
  close (fd);

  if (len > max_size)
    {
      set_too_large (error, path, 0, max_size);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&buf), len);
}

/* Whether NAME in DIRFD is a regular file holding exactly EXPECTED. */
static gboolean
contents_equal_at (int         dirfd,
                   const char *name,
                   GBytes     *expected)
{
  gsize want = g_bytes_get_size (expected);
  g_autofree char *buf = g_malloc (want + 1);
  struct stat st;
  gsize len = 0;
  int fd;

  fd = openat (dirfd, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW);
  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return FALSE;
    }
  while (len < want + 1)
    {
      gssize r = read (fd, buf + len, want + 1 - len);

      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        break;
      len += (gsize) r;
    }
  close (fd);
  return len == want && memcmp (buf, g_bytes_get_data (expected, NULL), want) == 0;
}

/* ---- Project discovery ---------------------------------------------------- */

gboolean
sc_file_check_project_path (const char          *path,
                            const char * const  *candidates,
                            GError             **error)
{
  g_autofree char *problem = NULL;
  struct stat st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      if (saved == ENOENT || saved == ENOTDIR)
        return TRUE;
      problem = errno_message (path, saved);
      g_set_error_literal (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_NOT_FOUND, problem);
      return FALSE;
    }
  if (!S_ISDIR (st.st_mode) || candidates == NULL)
    return TRUE;

  for (guint i = 0; candidates[i] != NULL; i++)
    {
      g_autofree char *candidate = g_str_equal (path, ".")
                                   ? g_strdup (candidates[i])
                                   : g_build_filename (path, candidates[i], NULL);
      struct stat cst;

      if (g_stat (candidate, &cst) == 0)
        {
          if (S_ISREG (cst.st_mode))
            return TRUE;
          if (problem == NULL)
            problem = not_regular_message (candidate, cst.st_mode);
        }
      else if (errno != ENOENT && errno != ENOTDIR && problem == NULL)
        problem = errno_message (candidate, errno);
    }

  if (problem != NULL)
    {
      g_set_error_literal (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_NOT_FOUND, problem);
      return FALSE;
    }
  return TRUE;
}

char *
sc_file_get_outside_target (const char *file,
                            const char *root)
{
  g_autofree char *real = NULL;
  g_autofree char *real_root = NULL;
  gsize n;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (root != NULL, NULL);

  real = realpath (file, NULL);
  real_root = realpath (root, NULL);
  if (real == NULL || real_root == NULL)
    return NULL;

  n = strlen (real_root);
  if (g_str_equal (real_root, "/")
      || (strncmp (real, real_root, n) == 0 && real[n] == '/'))
    return NULL;
  return g_steal_pointer (&real);
}

/* ---- Signals during a write ---------------------------------------------- */

/* While a temporary exists, SIGINT/SIGTERM/SIGHUP remove it and then take
 * their previous course. Between the exchange and the check of what was
 * swapped out (the "critical" part, a few system calls) a signal waits, so
 * that an edit by another program is never removed by it. */
static const int cleanup_signals[] = { SIGINT, SIGTERM, SIGHUP };
static struct sigaction cleanup_old_actions[G_N_ELEMENTS (cleanup_signals)];
static char cleanup_path[PATH_MAX];
static volatile sig_atomic_t cleanup_active;
static volatile sig_atomic_t cleanup_critical;
static volatile sig_atomic_t cleanup_pending;
static volatile sig_atomic_t cleanup_interrupted;

static void
cleanup_forward (int sig)
{
  int saved = errno;

  if (cleanup_active)
    {
      cleanup_active = 0;
      unlink (cleanup_path);
    }
  cleanup_interrupted = 1;
  for (guint i = 0; i < G_N_ELEMENTS (cleanup_signals); i++)
    if (cleanup_signals[i] == sig)
      sigaction (sig, &cleanup_old_actions[i], NULL);
  raise (sig);
  errno = saved;
}

static void
cleanup_handler (int sig)
{
  if (cleanup_critical)
    {
      cleanup_pending = sig;
      return;
    }
  cleanup_forward (sig);
}

static void
cleanup_install (void)
{
  struct sigaction sa;

  memset (&sa, 0, sizeof sa);
  sa.sa_handler = cleanup_handler;
  sigemptyset (&sa.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (cleanup_signals); i++)
    sigaddset (&sa.sa_mask, cleanup_signals[i]);
  cleanup_active = 0;
  cleanup_critical = 0;
  cleanup_pending = 0;
  cleanup_interrupted = 0;
  for (guint i = 0; i < G_N_ELEMENTS (cleanup_signals); i++)
    sigaction (cleanup_signals[i], &sa, &cleanup_old_actions[i]);
}

static void
cleanup_uninstall (void)
{
  cleanup_active = 0;
  for (guint i = 0; i < G_N_ELEMENTS (cleanup_signals); i++)
    {
      struct sigaction current;

      /* A forwarded signal already put its old action back. */
      if (sigaction (cleanup_signals[i], NULL, &current) == 0
          && current.sa_handler == cleanup_handler)
        sigaction (cleanup_signals[i], &cleanup_old_actions[i], NULL);
    }
}

static void
cleanup_begin_critical (void)
{
  cleanup_critical = 1;
}

static void
cleanup_end_critical (void)
{
  int sig;

  cleanup_critical = 0;
  sig = cleanup_pending;
  if (sig != 0)
    {
      cleanup_pending = 0;
      cleanup_forward (sig);
    }
}

/* ---- Test hooks ----------------------------------------------------------- */

static ScFileTestHook test_before_swap;
static gpointer test_before_swap_data;
static gboolean test_no_exchange;

void
sc_file_set_test_hooks (ScFileTestHook  before_swap,
                        gpointer        user_data,
                        gboolean        no_exchange)
{
  test_before_swap = before_swap;
  test_before_swap_data = user_data;
  test_no_exchange = no_exchange;
}

/* ---- Writing ---------------------------------------------------------------- */

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        len)
{
  while (len > 0)
    {
      gssize w = write (fd, data, len);

      if (w < 0 && errno == EINTR)
        continue;
      if (w <= 0)
        {
          if (w == 0)
            errno = ENOSPC;
          return FALSE;
        }
      data += w;
      len -= (gsize) w;
    }
  return TRUE;
}

typedef struct
{
  char        *target;   /* absolute, symlinks resolved */
  char        *dir;
  char        *base;
  int          dirfd;
  struct stat  st;
} Target;

static void
target_clear (Target *t)
{
  g_clear_pointer (&t->target, free);
  g_clear_pointer (&t->dir, g_free);
  g_clear_pointer (&t->base, g_free);
  if (t->dirfd >= 0)
    close (t->dirfd);
  t->dirfd = -1;
}

static gboolean
target_resolve (const char  *path,
                Target      *t,
                GError     **error)
{
  int saved;

  /* Replace what the link points to, so the link itself survives. */
  t->target = realpath (path, NULL);
  if (t->target == NULL)
    {
      g_autofree char *message = errno_message (path, errno);

      g_set_error_literal (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE, message);
      return FALSE;
    }
  t->dir = g_path_get_dirname (t->target);
  t->base = g_path_get_basename (t->target);
  t->dirfd = g_open (t->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  /* A folder we may write in but not list (mode 0300) still works; only
   * the stale-temporary cleanup and the folder's fsync are skipped. */
  if (t->dirfd < 0 && errno == EACCES)
    t->dirfd = g_open (t->dir, O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
  if (t->dirfd < 0 || fstatat (t->dirfd, t->base, &t->st, AT_SYMLINK_NOFOLLOW) != 0)
    {
      g_autofree char *message = NULL;

      saved = errno;
      message = errno_message (path, saved);
      g_set_error_literal (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE, message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
in_group (gid_t gid)
{
  gid_t groups[NGROUPS_MAX + 1];
  int n;

  if (gid == getegid ())
    return TRUE;
  n = getgroups (G_N_ELEMENTS (groups), groups);
  for (int i = 0; i < n; i++)
    if (groups[i] == gid)
      return TRUE;
  return FALSE;
}

static gboolean
target_check (const char          *path,
              Target              *t,
              ScFileReplaceFlags   flags,
              GError             **error)
{
  uid_t euid = geteuid ();
  gboolean owner_or_root = euid == 0 || t->st.st_uid == euid;
  unsigned mode = (unsigned) (t->st.st_mode & 07777);
  int access_errno;

  if (!S_ISREG (t->st.st_mode))
    {
      g_autofree char *message = not_regular_message (path, t->st.st_mode);

      g_set_error (error, SC_FILE_ERROR, SC_FILE_ERROR_NOT_REGULAR,
                   _("%s; nothing was written"), message);
      return FALSE;
    }

  access_errno = faccessat (t->dirfd, t->base, W_OK, AT_EACCESS) == 0 ? 0 : errno;
  if (access_errno != 0 || (euid == 0 && (t->st.st_mode & 0222) == 0))
    {
      g_autofree char *owner = user_name (t->st.st_uid);

      if (access_errno == EROFS)
        {
          g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE,
                       _("%s is on a read-only file system; nothing was written"), path);
          return FALSE;
        }
      if (!owner_or_root)
        {
          g_set_error (error, SC_FILE_ERROR, SC_FILE_ERROR_NOT_PERMITTED,
                       _("you may not write %s: it belongs to %s (mode %04o); nothing was written"),
                       path, owner, mode);
          return FALSE;
        }
      if (!(flags & SC_FILE_REPLACE_FORCE))
        {
          g_set_error (error, SC_FILE_ERROR, SC_FILE_ERROR_READ_ONLY,
                       _("%s is read-only (mode %04o); nothing was written"), path, mode);
          return FALSE;
        }
    }

  /* The new file is created by us: it can only keep an owner and group
   * that we may give it. */
  if (euid != 0 && t->st.st_uid != euid)
    {
      g_autofree char *owner = user_name (t->st.st_uid);

      g_set_error (error, SC_FILE_ERROR, SC_FILE_ERROR_NOT_PERMITTED,
                   _("you may not write %s: it belongs to %s, and the new file would belong to you; "
                     "nothing was written"), path, owner);
      return FALSE;
    }
  if (euid != 0 && !in_group (t->st.st_gid))
    {
      g_autofree char *group = group_name (t->st.st_gid);

      g_set_error (error, SC_FILE_ERROR, SC_FILE_ERROR_NOT_PERMITTED,
                   _("you may not write %s: its group is %s, which you are not a member of, and "
                     "the new file would get yours; nothing was written"), path, group);
      return FALSE;
    }

  if (t->st.st_nlink > 1 && !(flags & SC_FILE_REPLACE_FORCE))
    {
      guint others = (guint) t->st.st_nlink - 1;

      g_set_error (error, SC_FILE_ERROR, SC_FILE_ERROR_HARD_LINKED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s has %u other hard link, which would keep the old text; "
                                "nothing was written",
                                "%s has %u other hard links, which would keep the old text; "
                                "nothing was written", others),
                   path, others);
      return FALSE;
    }

  return TRUE;
}

gboolean
sc_file_check_replaceable (const char          *path,
                           ScFileReplaceFlags   flags,
                           GError             **error)
{
  Target t = { .dirfd = -1 };
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  ok = target_resolve (path, &t, error) && target_check (path, &t, flags, error);
  target_clear (&t);
  return ok;
}

/* Removes .BASE.snapconfine-PID-XXXXXX files of ours whose writer is gone
 * (killed with SIGKILL, or the machine went down). */
static void
clean_stale_temporaries (int         dirfd,
                         const char *base)
{
  g_autofree char *prefix = g_strdup_printf (".%s.snapconfine-", base);
  gsize prefix_len = strlen (prefix);
  uid_t euid = geteuid ();
  time_t now = time (NULL);
  struct dirent *e;
  DIR *d;
  int fd;

  fd = dup (dirfd);
  if (fd < 0)
    return;
  d = fdopendir (fd);
  if (d == NULL)
    {
      close (fd);
      return;
    }

  while ((e = readdir (d)) != NULL)
    {
      const char *rest;
      char *end = NULL;
      struct stat st;
      long pid;
      gboolean alive;

      if (strncmp (e->d_name, prefix, prefix_len) != 0)
        continue;
      rest = e->d_name + prefix_len;
      errno = 0;
      pid = strtol (rest, &end, 10);
      if (errno != 0 || end == rest || pid <= 0 || pid > INT_MAX
          || *end != '-' || strlen (end + 1) != 6)
        continue;
      if (fstatat (dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0
          || !S_ISREG (st.st_mode)
          || (st.st_uid != euid && euid != 0)
          || (pid_t) pid == getpid ())
        continue;

      alive = kill ((pid_t) pid, 0) == 0 || errno == EPERM;
      if (alive && now - st.st_mtime < STALE_TEMPORARY_AGE)
        continue;
      if (unlinkat (dirfd, e->d_name, 0) == 0)
        g_debug ("Removed %s, a temporary left by an interrupted write", e->d_name);
    }
  closedir (d);
}

/* Copies extended attributes, the access ACL among them (ACLs are the
 * system.posix_acl_access attribute). user.* and the ACL must be kept;
 * security.* and trusted.* are kept where we are allowed to. */
static gboolean
copy_xattrs (int          src,
             int          dst,
             const char  *path,
             GError     **error)
{
  g_autofree char *names = NULL;
  gboolean had_acl = FALSE;
  gssize n = -1;

  for (int attempt = 0; attempt < 4; attempt++)
    {
      n = flistxattr (src, NULL, 0);
      if (n <= 0)
        break;
      g_free (names);
      names = g_malloc ((gsize) n);
      n = flistxattr (src, names, (gsize) n);
      if (n >= 0 || errno != ERANGE)
        break;
    }
  if (n < 0 && errno != ENOTSUP && errno != ENOSYS)
    {
      int saved = errno;

      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE,
                   _("Cannot read the extended attributes of %s: %s; nothing was written"),
                   path, g_strerror (saved));
      return FALSE;
    }

  for (gssize off = 0; n > 0 && off < n; off += (gssize) strlen (names + off) + 1)
    {
      const char *name = names + off;
      gboolean required = g_str_has_prefix (name, "user.")
                          || g_str_equal (name, "system.posix_acl_access");
      g_autofree char *value = NULL;
      gssize len;

      if (g_str_equal (name, "system.posix_acl_access"))
        had_acl = TRUE;
      if (g_str_equal (name, "system.posix_acl_default"))
        continue;   /* only means something on a folder */

      len = fgetxattr (src, name, NULL, 0);
      if (len >= 0)
        {
          value = g_malloc ((gsize) len + 1);
          len = fgetxattr (src, name, value, (gsize) len);
        }
      if (len < 0 || fsetxattr (dst, name, value, (gsize) len, 0) != 0)
        {
          int saved = errno;

          if (!required)
            {
              g_debug ("%s: not keeping the extended attribute %s: %s", path, name,
                       g_strerror (saved));
              continue;
            }
          g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE,
                       _("Cannot keep the extended attribute %s of %s: %s; nothing was written"),
                       name, path, g_strerror (saved));
          return FALSE;
        }
    }

  /* The new file may have inherited an ACL from the folder's default ACL
   * that the old one did not have. */
  if (!had_acl && fremovexattr (dst, "system.posix_acl_access") != 0
      && errno != ENODATA && errno != ENOTSUP && errno != ENOSYS)
    {
      int saved = errno;

      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE,
                   _("Cannot remove an inherited ACL from the new %s: %s; nothing was written"),
                   path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* EPERM too: a seccomp filter may refuse renameat2; where EPERM means a
 * real permission problem, the plain rename fails the same way. */
static gboolean
is_exchange_unsupported (int err)
{
  return err == EINVAL || err == ENOSYS || err == ENOTSUP || err == EOPNOTSUPP || err == EPERM;
}

static void
set_changed_error (GError     **error,
                   const char  *path)
{
  g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_CHANGED,
               _("%s changed on disk since it was read; nothing was written (reload it first)"),
               path);
}

/* Moves the temporary TMP into place. With EXPECTED, the old file must
 * still hold it: exchanged atomically, then checked, and swapped back if
 * another program changed it in between. */
static gboolean
commit (const char  *path,
        Target      *t,
        const char  *tmp,
        GBytes      *expected,
        GError     **error)
{
  int saved;

  if (test_before_swap != NULL)
    test_before_swap (t->target, test_before_swap_data);
  if (cleanup_interrupted)
    {
      g_set_error (error, SC_FILE_ERROR, SC_FILE_ERROR_INTERRUPTED,
                   _("Interrupted while writing %s; nothing was written"), path);
      return FALSE;
    }

  if (expected == NULL)
    {
      if (renameat (t->dirfd, tmp, t->dirfd, t->base) != 0)
        goto rename_failed;
      cleanup_active = 0;
      return TRUE;
    }

  cleanup_begin_critical ();
  if (!test_no_exchange
      && renameat2 (t->dirfd, tmp, t->dirfd, t->base, RENAME_EXCHANGE) == 0)
    {
      /* TMP now names the old file: it must hold what was read. */
      cleanup_active = 0;
      if (contents_equal_at (t->dirfd, tmp, expected))
        {
          unlinkat (t->dirfd, tmp, 0);
          cleanup_end_critical ();
          return TRUE;
        }
      if (renameat2 (t->dirfd, tmp, t->dirfd, t->base, RENAME_EXCHANGE) == 0)
        {
          unlinkat (t->dirfd, tmp, 0);
          cleanup_end_critical ();
          set_changed_error (error, path);
          return FALSE;
        }
      saved = errno;
      cleanup_end_critical ();
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_CHANGED,
                   _("%s changed on disk while it was written, and putting the other version "
                     "back failed (%s): it is kept as %s/%s"),
                   path, g_strerror (saved), t->dir, tmp);
      return FALSE;
    }

  if (!test_no_exchange && !is_exchange_unsupported (errno))
    {
      cleanup_end_critical ();
      goto rename_failed;
    }

  /* This filesystem cannot exchange two names: compare, then rename. An
   * edit landing between the two is lost; the window is a few system
   * calls wide. */
  if (!contents_equal_at (t->dirfd, t->base, expected))
    {
      cleanup_end_critical ();
      set_changed_error (error, path);
      return FALSE;
    }
  if (renameat (t->dirfd, tmp, t->dirfd, t->base) != 0)
    {
      cleanup_end_critical ();
      goto rename_failed;
    }
  cleanup_active = 0;
  cleanup_end_critical ();
  return TRUE;

rename_failed:
  saved = errno;
  g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE,
               _("Cannot replace %s: %s; nothing was written"), path, g_strerror (saved));
  return FALSE;
}

/* Resolves and checks PATH, which must still hold EXPECTED, and opens it:
 * its attributes are copied from the very file whose stat we go by (in
 * T->st). Returns the descriptor, or -1 with ERROR set. */
static int
open_target (const char          *path,
             Target              *t,
             GBytes              *expected,
             ScFileReplaceFlags   flags,
             GError             **error)
{
  int src;

  if (!target_resolve (path, t, error) || !target_check (path, t, flags, error))
    return -1;

  if (expected != NULL && !contents_equal_at (t->dirfd, t->base, expected))
    {
      set_changed_error (error, path);
      return -1;
    }

  clean_stale_temporaries (t->dirfd, t->base);

  src = openat (t->dirfd, t->base, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW);
  if (src < 0 || fstat (src, &t->st) != 0)
    {
      g_autofree char *message = errno_message (path, errno);

      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE, _("%s; nothing was written"),
                   message);
    }
  else if (target_check (path, t, flags, error))
    return src;
  if (src >= 0)
    close (src);
  return -1;
}

/* Creates the temporary next to the target, with the signal handlers
 * installed to remove it; its name goes to *TMP. Returns the descriptor,
 * or -1 with ERROR set and the handlers removed. */
static int
create_temporary (const char  *path,
                  Target      *t,
                  char       **tmp,
                  GError     **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *template = g_strdup_printf (".%s.snapconfine-%d-XXXXXX", t->base,
                                               (int) getpid ());
  int fd, saved;

  tmp_path = g_build_filename (t->dir, template, NULL);
  if (strlen (tmp_path) >= sizeof cleanup_path)
    {
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE,
                   _("Cannot write %s: %s"), path, g_strerror (ENAMETOOLONG));
      return -1;
    }

  cleanup_install ();
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved = errno;
      cleanup_uninstall ();
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE,
                   _("Cannot create a temporary file next to %s: %s; nothing was written"),
                   path, g_strerror (saved));
      return -1;
    }
  *tmp = g_path_get_basename (tmp_path);
  memcpy (cleanup_path, tmp_path, strlen (tmp_path) + 1);
  cleanup_active = 1;
  return fd;
}

/* Writes CONTENTS to the temporary FD with the owner, extended attributes
 * and mode of the target (SRC, T->st), makes it durable and closes FD. */
static gboolean
fill_temporary (int          fd,
                int          src,
                const char  *path,
                Target      *t,
                const char  *contents,
                gsize        len,
                GError     **error)
{
  unsigned mode = (unsigned) (t->st.st_mode & 07777);
  struct stat tst;
  const char *step = NULL;
  int saved = 0;

  /* Owner first: changing the owner clears setuid/setgid, so the mode
   * comes after it. */
  if (fstat (fd, &tst) != 0)
    {
      saved = errno;
      step = "stat";
      goto failed;
    }
  if ((tst.st_uid != t->st.st_uid || tst.st_gid != t->st.st_gid)
      && fchown (fd, t->st.st_uid, t->st.st_gid) != 0)
    {
      g_autofree char *owner = user_name (t->st.st_uid);
      g_autofree char *group = group_name (t->st.st_gid);

      saved = errno;
      g_set_error (error, SC_FILE_ERROR, SC_FILE_ERROR_NOT_PERMITTED,
                   _("you may not write %s: its owner %s:%s cannot be kept (%s); nothing was written"),
                   path, owner, group, g_strerror (saved));
      goto out;
    }
  if (!write_all (fd, contents, len))
    {
      saved = errno;
      step = "write";
      goto failed;
    }
  if (!copy_xattrs (src, fd, path, error))
    goto out;
  if (fchmod (fd, (mode_t) mode) != 0 || fstat (fd, &tst) != 0)
    {
      saved = errno;
      step = "chmod";
      goto failed;
    }
  if ((unsigned) (tst.st_mode & 07777) != mode)
    {
      g_set_error (error, SC_FILE_ERROR, SC_FILE_ERROR_NOT_PERMITTED,
                   _("Cannot keep the mode %04o of %s (the new file got %04o); nothing was written"),
                   mode, path, (unsigned) (tst.st_mode & 07777));
      goto out;
    }
  if (fsync (fd) != 0)
    {
      saved = errno;
      step = "fsync";
      goto failed;
    }
  if (close (fd) != 0)
    {
      fd = -1;
      saved = errno;
      step = "close";
      goto failed;
    }
  return TRUE;

failed:
  g_debug ("%s failed on the temporary for %s", step, path);
  g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE,
               _("Cannot write %s: %s; nothing was written"), path, g_strerror (saved));
out:
  if (fd >= 0)
    close (fd);
  return FALSE;
}

static gboolean
replace_locked (const char          *path,
                const char          *contents,
                gsize                len,
                GBytes              *expected,
                ScFileReplaceFlags   flags,
                GError             **error)
{
  Target t = { .dirfd = -1 };
  g_autofree char *tmp = NULL;
  gboolean ok = FALSE;
  int src, fd;

  src = open_target (path, &t, expected, flags, error);
  if (src < 0)
    goto out;
  fd = create_temporary (path, &t, &tmp, error);
  if (fd < 0)
    goto out;

  if (!fill_temporary (fd, src, path, &t, contents, len, error))
    goto cleanup;

  if (cleanup_interrupted)
    {
      g_set_error (error, SC_FILE_ERROR, SC_FILE_ERROR_INTERRUPTED,
                   _("Interrupted while writing %s; nothing was written"), path);
      goto cleanup;
    }

  if (!commit (path, &t, tmp, expected, error))
    goto cleanup;

  /* Make the rename itself durable. */
  fsync (t.dirfd);
  ok = TRUE;

cleanup:
  if (cleanup_active)
    {
      cleanup_active = 0;
      unlinkat (t.dirfd, tmp, 0);
    }
  cleanup_uninstall ();

out:
  if (src >= 0)
    close (src);
  target_clear (&t);
  return ok;
}

G_LOCK_DEFINE_STATIC (replace);

gboolean
sc_file_replace_atomic_full (const char          *path,
                             const char          *contents,
                             gsize                len,
                             GBytes              *expected,
                             ScFileReplaceFlags   flags,
                             GError             **error)
{
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || len == 0, FALSE);

  /* One write at a time: the signal handlers name one temporary. */
  G_LOCK (replace);
  ok = replace_locked (path, contents ? contents : "", len, expected, flags, error);
  G_UNLOCK (replace);
  return ok;
}

gboolean
sc_file_replace_atomic (const char  *path,
                        const char  *contents,
                        gsize        len,
                        GBytes      *expected,
                        GError     **error)
{
  return sc_file_replace_atomic_full (path, contents, len, expected, SC_FILE_REPLACE_NONE, error);
}
