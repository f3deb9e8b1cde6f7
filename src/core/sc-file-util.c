/* sc-file-util.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing snapcraft.yaml safely: a crash or a full disk must never leave a
 * half-written project file, and someone else's edit must never be lost.
 */
#define G_LOG_DOMAIN "sc-file-util"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sc-file-util.h"
#include "sc-project.h"

GBytes *
sc_file_read_limited (const char  *path,
                      gsize        max_size,
                      GError     **error)
{
  struct stat st;
  g_autofree char *buf = NULL;
  gsize capacity, len = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: %s", path, g_strerror (saved));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   "%s: not a regular file", path);
      return NULL;
    }

  if ((guint64) st.st_size > max_size)
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   "%s: file is %" G_GUINT64_FORMAT " bytes, more than the limit of %" G_GSIZE_FORMAT,
                   path, (guint64) st.st_size, max_size);
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
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           "%s: file is larger than the limit of %" G_GSIZE_FORMAT " bytes",
                           path, max_size);
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
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   "%s: file is larger than the limit of %" G_GSIZE_FORMAT " bytes", path, max_size);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&buf), len);
}

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
        return FALSE;
      data += w;
      len -= (gsize) w;
    }
  return TRUE;
}

static gboolean
contents_equal (const char *path,
                GBytes     *expected)
{
  g_autoptr(GBytes) current = NULL;

  current = sc_file_read_limited (path, g_bytes_get_size (expected) + 1, NULL);
  return current != NULL && g_bytes_equal (current, expected);
}

gboolean
sc_file_replace_atomic (const char  *path,
                        const char  *contents,
                        gsize        len,
                        GBytes      *expected,
                        GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  struct stat st;
  int fd, dirfd, saved;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || len == 0, FALSE);

  /* Replace what the link points to, so the link itself survives. */
  target = realpath (path, NULL);
  if (target == NULL)
    {
      saved = errno;
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE,
                   "%s: %s", path, g_strerror (saved));
      return FALSE;
    }

  if (stat (target, &st) != 0)
    {
      saved = errno;
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE,
                   "%s: %s", path, g_strerror (saved));
      return FALSE;
    }

  if (expected != NULL && !contents_equal (target, expected))
    {
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_CHANGED,
                   "%s changed on disk since it was read; nothing was written (reload it first)",
                   path);
      return FALSE;
    }

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, st.st_mode & 07777);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE,
                   "Cannot create a temporary file next to %s: %s", path, g_strerror (saved));
      return FALSE;
    }

  /* mkstemp applies the umask; set the exact bits and owner of the original. */
  if (!write_all (fd, contents, len)
      || fchmod (fd, st.st_mode & 07777) != 0
      || (fchown (fd, st.st_uid, st.st_gid) != 0 && errno != EPERM)
      || fsync (fd) != 0)
    {
      saved = errno;
      close (fd);
      g_unlink (tmp);
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE,
                   "Cannot write %s: %s", path, g_strerror (saved));
      return FALSE;
    }

  if (close (fd) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE,
                   "Cannot write %s: %s", path, g_strerror (saved));
      return FALSE;
    }

  /* Check again as late as possible, to keep the window for a lost
   * concurrent edit as small as we can without locking. */
  if (expected != NULL && !contents_equal (target, expected))
    {
      g_unlink (tmp);
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_CHANGED,
                   "%s changed on disk since it was read; nothing was written (reload it first)",
                   path);
      return FALSE;
    }

  if (rename (tmp, target) != 0)
    {
      saved = errno;
      g_unlink (tmp);
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE,
                   "Cannot replace %s: %s", path, g_strerror (saved));
      return FALSE;
    }

  /* Make the rename itself durable. */
  dirfd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dirfd >= 0)
    {
      fsync (dirfd);
      close (dirfd);
    }

  return TRUE;
}
